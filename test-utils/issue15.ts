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

/**
 * Issue 15, finding 2: every internal target from the report (loopback, link-local and metadata addresses in
 * their many spellings, private ranges, single-label hosts, ports other than 80/443). Short-link following must
 * neither request nor link any of them, whichever entry point follows (canonical-url's resolveShortLink, the
 * resolver).
 */
export const INTERNAL_TARGETS: readonly string[] = [
  'http://127.0.0.1/',
  'http://169.254.169.254/latest/meta-data/',
  'http://[::1]/',
  'http://0x7f000001/',
  'http://localhost./',
  'http://10.0.0.1/',
  'http://192.168.1.1/',
  'http://[::ffff:127.0.0.1]/',
  'http://metadata.google.internal/computeMetadata/v1/',
  'http://0/',
  'http://2130706433../',
  'http://0251.0376.0251.0376/',
  'http://127.1/',
  'http://[fd00::1]/',
  'http://100.64.0.1/',
  'http://[::7f00:1]/',
  'http://[64:ff9b::a9fe:a9fe]/',
  'http://intranet/',
  'https://taobao.com:8443/',
  'http://example.com:22/',
];
