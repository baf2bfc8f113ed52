import {
  hostOf,
  integerOption,
  isPlatformId,
  type LinkIdentity,
  PLATFORM_NAMES,
  PLATFORM_NAMES_ZH,
} from '@sharekit/canonical-url/core';
import { displayWidth } from '@sharekit/canonical-url/text';
import { preview, ShareTokenError } from './errors.js';
import { decodeToken, type EncodeTokenOptions, encodeToken } from './token.js';

/** A delimiter: one string used on both sides, or an [open, close] pair. */
export type Delimiter = string | readonly [string, string];

/** Options of `composeShareText`. */
export interface ComposeShareTextOptions {
  /** What the share points at: a platform identity (compact token) or an http(s) URL (URL token). */
  readonly target: LinkIdentity | string;
  /**
   * Product or post title; cut to `maxTitleWidth` display columns with `…`. 「」 and line breaks in it
   * are dropped so the title cannot end the share early.
   * @default no title
   */
  readonly title?: string;
  /**
   * Who the share is from, shown as 【brand】 and in the hint line.
   * @default the platform's name in `locale` (or the link's host for other URLs)
   */
  readonly brand?: string;
  /** Language of the hint line. @default 'zh' */
  readonly locale?: 'zh' | 'en';
  /**
   * `modern` (【brand】link ￥token￥ 「title」 ⏎ hint, the 2022– Taobao layout), `classic`
   * (【title】link hint ￥token￥, the 2018 layout), `token-only` (no link), or a custom template
   * containing `{token}` with the slots `{brand} {title} {url} {token} {open} {close} {hint}`.
   * @default 'modern'
   */
  readonly template?: 'modern' | 'classic' | 'token-only' | (string & {});
  /**
   * Delimiter around the token, or a list to rotate through with `rotate` (chat apps filter
   * well-known ones; our tokens are found without them anyway).
   * @default '￥'
   */
  readonly delimiter?: Delimiter | readonly Delimiter[];
  /**
   * Which delimiter of the list to use (truncated, taken modulo its length); `NaN` or an infinity is
   * `invalid_option`. @default 0
   */
  readonly rotate?: number;
  /** Widest title in display columns (a CJK character counts two). @default 40 */
  readonly maxTitleWidth?: number;
  /** Token form, passed to `encodeToken`. @default 'auto' */
  readonly form?: EncodeTokenOptions['form'];
}

const HINTS = {
  zh: '复制这条信息，打开{brand}或浏览器即可查看',
  en: 'Copy this message and open {brand} or your browser to view it',
} as const;

const TEMPLATES = {
  modern: '【{brand}】{url} {open}{token}{close} 「{title}」\n{hint}',
  classic: '【{title}】{url} {hint} {open}{token}{close}',
  'token-only': '{open}{token}{close} 「{title}」\n{hint}',
} as const;

function cutTitle(title: string, max: number): string {
  const clean = title.replace(/[「」\r\n\u2028\u2029]/g, ' ').trim();
  if (displayWidth(clean) <= max) return clean;
  let out = '';
  let w = 0;
  for (const ch of clean) {
    const cw = displayWidth(ch);
    if (w + cw > max - 1) break;
    out += ch;
    w += cw;
  }
  return `${out.trimEnd()}…`;
}

function pickDelimiter(delimiter: ComposeShareTextOptions['delimiter'], rotate: number): [string, string] {
  const asPair = (d: Delimiter): [string, string] => (typeof d === 'string' ? [d, d] : [d[0], d[1]]);
  if (delimiter === undefined) return ['￥', '￥'];
  if (typeof delimiter === 'string') return asPair(delimiter);
  const list = delimiter as readonly Delimiter[];
  // A two-string tuple is one [open, close] pair; a list of pairs or strings rotates.
  const isPair =
    list.length === 2 &&
    typeof list[0] === 'string' &&
    typeof list[1] === 'string' &&
    !Array.isArray(list[0]);
  if (isPair && !(Number.isInteger(rotate) && rotate !== 0))
    return asPair(list as unknown as readonly [string, string]);
  if (list.length === 0)
    throw new ShareTokenError('invalid_option', 'composeShareText: the delimiter list is empty');
  const k = ((Math.trunc(rotate) % list.length) + list.length) % list.length;
  return asPair(list[k] as Delimiter);
}

function brandOf(identity: LinkIdentity | null, url: string, locale: 'zh' | 'en'): string {
  if (identity && isPlatformId(identity.platform)) {
    return (locale === 'zh' ? PLATFORM_NAMES_ZH : PLATFORM_NAMES)[identity.platform];
  }
  return hostOf(url) || 'sharekit';
}

/**
 * Writes a share text around a sharekit token, the way the platforms write theirs: brand, link,
 * token between delimiters, title in 「」 and a hint line. `parseShareText` reads it back.
 *
 * @throws ShareTokenError `invalid_option` (bad template, delimiter, width or locale) and whatever
 *   `encodeToken` throws for the target.
 * @example
 * composeShareText({ target: 'https://example.com/p/42', title: '春季新品 羊毛开衫', brand: '小店' })
 * // '【小店】https://example.com/p/42 ￥VZ2…￥ 「春季新品 羊毛开衫」\n复制这条信息，打开小店或浏览器即可查看'
 */
export function composeShareText(options: ComposeShareTextOptions): string {
  if (typeof options !== 'object' || options === null) {
    throw new ShareTokenError('invalid_input', 'composeShareText: expected an options object');
  }
  const locale = options.locale ?? 'zh';
  if (locale !== 'zh' && locale !== 'en') {
    throw new ShareTokenError(
      'invalid_option',
      `composeShareText: locale must be zh or en, found ${String(locale)}`,
    );
  }
  const maxTitleWidth = integerOption('maxTitleWidth', options.maxTitleWidth, 40, 4, 400, ShareTokenError);
  const templateName = options.template ?? 'modern';
  const template = (TEMPLATES as Record<string, string>)[templateName] ?? templateName;
  if (typeof template !== 'string' || !template.includes('{token}') || template.length > 2000) {
    throw new ShareTokenError(
      'invalid_option',
      `composeShareText: a template must contain {token}, found ${preview(String(template))}`,
    );
  }
  const rotate = options.rotate ?? 0;
  if (typeof rotate !== 'number' || !Number.isFinite(rotate)) {
    throw new ShareTokenError(
      'invalid_option',
      `composeShareText: rotate must be a finite number, found ${preview(String(rotate))}`,
    );
  }
  const [open, close] = pickDelimiter(options.delimiter, rotate);
  for (const d of [open, close]) {
    // regex-safe: a single character class
    if (d.length > 8 || /[\r\n]/.test(d)) {
      throw new ShareTokenError(
        'invalid_option',
        `composeShareText: a delimiter is at most 8 characters on one line, found ${preview(d)}`,
      );
    }
  }
  const encodeOptions: EncodeTokenOptions = options.form === undefined ? {} : { form: options.form };
  const token = encodeToken(options.target, encodeOptions);
  const decoded = decodeToken(token);
  const brand = (options.brand ?? brandOf(decoded.identity, decoded.url, locale))
    .replace(/[\r\n【】]/g, ' ')
    .trim();
  const title = options.title === undefined ? '' : cutTitle(String(options.title), maxTitleWidth);
  const slots: Record<string, string> = {
    brand,
    title,
    url: decoded.url,
    token,
    open,
    close,
    // A function replacement: `$'`, `$&` in a brand are text, not replacement patterns.
    hint: HINTS[locale].replace('{brand}', () => brand),
  };
  let text = template.replace(
    /\{(brand|title|url|token|open|close|hint)\}/g,
    (_m, k: string) => slots[k] ?? '',
  );
  if (title === '') text = text.replace(' 「」', '').replace('「」', '').replace('【】', '');
  return text;
}
