/**
 * Issue 15's verdict findings as fixtures, the targets every entry point that makes a link must refuse:
 * homographs of platform domains in several scripts (finding 3) and IP literals hidden behind trailing
 * dots (finding 4). Packages test them through their own entry points (resolver, posters, …).
 */
export const HOMOGRAPH_AND_IP_LITERAL_TARGETS: readonly string[] = [
  'https://tàobáo.com/item.htm?id=1',
  'https://tạobạo.com/',
  'https://bílíbílí.com/video/BV17x411w7KC',
  'https://тікток.com/@a/video/1',
  'https://таоbао.co/',
  'https://2130706433../',
  'https://0x7f000001../',
  'https://0251.0376.0251.0376../',
];
