import { choiceOption, type OptionValues } from './args.js';

export type Lang = 'en' | 'zh';

/**
 * `--lang`, else the locale of `LC_ALL`, `LC_MESSAGES` or `LANG` (`zh_CN.UTF-8` → `zh`), else English.
 * @example
 * pickLang({}, 'resolve', { LANG: 'zh_CN.UTF-8' }) // 'zh'
 */
export function pickLang(
  values: OptionValues,
  command: string,
  env: Readonly<Record<string, string | undefined>>,
): Lang {
  const chosen = choiceOption(values, 'lang', command, ['en', 'zh'] as const);
  if (chosen) return chosen;
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return locale.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

const STRINGS = {
  link: { en: 'link', zh: '链接' },
  target: { en: 'target', zh: '目标' },
  platform: { en: 'platform', zh: '平台' },
  input: { en: 'found in', zh: '来源' },
  safety: { en: 'safety', zh: '安全' },
  steps: { en: 'steps', zh: '步骤' },
  title: { en: 'title', zh: '标题' },
  token: { en: 'token', zh: '口令' },
  code: { en: 'code', zh: '渠道码' },
  reason: { en: 'reason', zh: '原因' },
  'kind.url': { en: 'web link', zh: '网页链接' },
  'kind.share-text': { en: 'share text', zh: '分享口令文本' },
  'kind.sharekit-token': { en: 'sharekit token', zh: 'sharekit 口令' },
  'kind.app-link': { en: 'app link', zh: '应用链接' },
  'kind.qr-image': { en: 'QR code in an image', zh: '图片中的二维码' },
  'kind.unknown': { en: 'nothing recognised', zh: '未识别' },
  'level.ok': { en: 'ok', zh: '安全' },
  'level.caution': { en: 'caution', zh: '注意' },
  'level.danger': { en: 'DANGER', zh: '危险' },
  dangerBanner: {
    en: 'DANGER: this target is not safe to open. It is shown as text, not as a link.',
    zh: '危险：此目标不安全，请勿打开。以下仅以文本显示，不是可点击的链接。',
  },
  found: { en: '{n} targets found', zh: '找到 {n} 个目标' },
  nothing: { en: 'nothing found', zh: '未找到链接' },
  corrected: { en: 'one mistyped character was corrected', zh: '已纠正一个输错的字符' },
  'reason.empty-input': { en: 'the input is empty', zh: '输入为空' },
  'reason.too-large': { en: 'the input is too large', zh: '输入过大' },
  'reason.no-target': {
    en: 'no link, share text, token, app link or QR code in the input',
    zh: '输入中没有链接、分享口令、sharekit 口令、应用链接或二维码',
  },
  'reason.image-unreadable': { en: 'the image cannot be read', zh: '无法读取图片' },
  'reason.image-too-large': { en: 'the image is too large', zh: '图片过大' },
  'reason.no-qr-code': { en: 'no QR code in the image', zh: '图片中没有二维码' },
  'reason.image-decoder-unavailable': { en: 'no image decoder is available', zh: '没有可用的图片解码器' },
} as const satisfies Record<string, Record<Lang, string>>;

export type StringKey = keyof typeof STRINGS;

/**
 * The UI string `key` in `lang`, with `{name}` slots filled.
 * @example
 * t('zh', 'found', { n: 3 }) // '找到 3 个目标'
 */
export function t(lang: Lang, key: StringKey, slots: Readonly<Record<string, string | number>> = {}): string {
  let text: string = STRINGS[key][lang];
  for (const [k, v] of Object.entries(slots)) text = text.replace(`{${k}}`, String(v));
  return text;
}

/**
 * A UI string for a key built at run time (a resolution kind, a reason), or `fallback`.
 * @example
 * tMaybe('en', 'kind.url', 'url') // 'web link'
 */
export function tMaybe(lang: Lang, key: string, fallback: string): string {
  return key in STRINGS ? STRINGS[key as StringKey][lang] : fallback;
}
