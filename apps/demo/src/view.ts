// What the page shows, computed without a browser: from a resolver answer or a make-side form to plain
// view data. The DOM code in main.ts only draws these.
import { type Candidate, judgeTarget, type Resolution, schemeOf, UNSAFE_SCHEMES } from '@sharekit/resolver';
import { kindName, type Lang, type MessageKey, platformName, t } from './i18n.js';

/**
 * The href for a link to a web page: the URL when canonical-url's judge lets it be opened (not
 * `danger`), it is written as http(s) and carries no credentials (an href shows its host first);
 * else `null`. A second look behind the resolver's verdict, by the same judge.
 *
 * @example
 * webHref('https://item.jd.com/100012043978.html') // 'https://item.jd.com/100012043978.html'
 * webHref('javascript:alert(1)') // null
 */
export function webHref(link: string | null | undefined): string | null {
  if (typeof link !== 'string' || link.length === 0 || link.length > 8192) return null;
  const reading = judgeTarget(link);
  if (reading.url === null || (reading.scheme !== 'http' && reading.scheme !== 'https')) return null;
  if (reading.reasons.some((r) => r.code === 'credentials')) return null;
  return new URL(link).href;
}

/**
 * The href for an app link the page built itself (scheme, `intent://`, https): any scheme but the ones
 * that run code or read local data. Links from the reader side never go through this.
 *
 * @example
 * appHref('taobao://item.taobao.com/item.htm?id=1') // 'taobao://item.taobao.com/item.htm?id=1'
 * appHref('data:text/html,x') // null
 */
export function appHref(link: string | null | undefined): string | null {
  if (typeof link !== 'string' || link.length === 0 || link.length > 8192) return null;
  const web = webHref(link);
  if (web !== null) return web;
  const scheme = schemeOf(link);
  if (scheme === null || UNSAFE_SCHEMES.has(scheme) || scheme === 'http' || scheme === 'https') return null;
  // Control characters and spaces have no place in a link we hand to the OS.
  for (let i = 0; i < link.length; i++) if (link.charCodeAt(i) <= 0x20) return null;
  return link;
}

/** One row of a safety verdict. */
export interface ReasonView {
  readonly level: 'info' | 'caution' | 'danger';
  readonly levelLabel: string;
  readonly message: string;
}

/** One target as the page shows it. */
export interface CandidateView {
  /** 1-based position in the list. */
  readonly n: number;
  readonly heading: string;
  /** The href of the clickable link, or `null`: then `text` is shown as text only. */
  readonly href: string | null;
  /** The link, or the raw target when there is no link. */
  readonly text: string;
  readonly level: 'ok' | 'caution' | 'danger';
  readonly levelLabel: string;
  readonly reasons: readonly ReasonView[];
  readonly platform: string;
  readonly kind: string;
  readonly id: string | null;
  readonly source: string;
  readonly steps: readonly { readonly label: string; readonly detail: string | null }[];
  readonly title: string | null;
  readonly token: string | null;
  readonly code: string | null;
  /** What to build app links for (the link's identity or the link), or `null` for no app links. */
  readonly appTarget: string | null;
}

const LEVEL_KEYS: Readonly<Record<'ok' | 'caution' | 'danger', MessageKey>> = {
  ok: 'safetyOk',
  caution: 'safetyCaution',
  danger: 'safetyDanger',
};

const REASON_KEYS: Readonly<Record<'info' | 'caution' | 'danger', MessageKey>> = {
  info: 'reasonInfo',
  caution: 'reasonCaution',
  danger: 'reasonDanger',
};

function sourceKey(source: Candidate['source']): MessageKey {
  return `source_${source}` as MessageKey;
}

/**
 * The view of one candidate. A danger verdict, or a link that is not http(s), gives no href.
 *
 * @example
 * candidateView(resolution.candidates[0], 0, 'en').href
 */
export function candidateView(candidate: Candidate, index: number, lang: Lang): CandidateView {
  const level = candidate.safety.level;
  const href = level === 'danger' ? null : webHref(candidate.link);
  const identity = candidate.identity;
  const zh = lang === 'zh';
  return {
    n: index + 1,
    heading: t(lang, 'targetN', { n: index + 1 }),
    href,
    text: href ?? candidate.link ?? candidate.raw,
    level,
    levelLabel: t(lang, LEVEL_KEYS[level]),
    reasons: candidate.safety.reasons.map((r) => ({
      level: r.level,
      levelLabel: t(lang, REASON_KEYS[r.level]),
      message: zh ? r.messageZh : r.message,
    })),
    platform: platformName(identity?.platform ?? null, lang),
    kind: kindName(identity?.kind ?? null, lang),
    id: identity?.id ?? null,
    source: t(lang, sourceKey(candidate.source)),
    steps: candidate.steps.map((s) => ({ label: zh ? s.labelZh : s.label, detail: s.detail ?? null })),
    title: candidate.title,
    token: candidate.token,
    code: candidate.code,
    appTarget: href === null ? null : (identity?.url ?? href),
  };
}

/**
 * The views of every candidate of a resolution, in order.
 *
 * @example
 * candidateViews(await resolve(text), 'zh').length
 */
export function candidateViews(resolution: Resolution, lang: Lang): CandidateView[] {
  return resolution.candidates.map((c, i) => candidateView(c, i, lang));
}

/**
 * The status line after reading: how many targets, or why there were none.
 *
 * @example
 * statusText(resolution, 'en') // 'Found 2 target(s).'
 */
export function statusText(resolution: Resolution, lang: Lang): string {
  const n = resolution.candidates.length;
  if (n === 1) return t(lang, 'statusFoundOne');
  if (n > 1) return t(lang, 'statusFound', { n });
  const reason = resolution.reason;
  if (reason === undefined) return t(lang, 'statusNothing');
  const key = (reason === 'empty-input' ? 'reason_empty' : `reason_${reason}`) as MessageKey;
  return key in MESSAGES_KEYS ? t(lang, key) : t(lang, 'statusNothing');
}

const MESSAGES_KEYS: Readonly<Record<string, true>> = Object.fromEntries(
  [
    'reason_empty',
    'reason_too-large',
    'reason_no-target',
    'reason_image-unreadable',
    'reason_image-too-large',
    'reason_no-qr-code',
    'reason_image-decoder-unavailable',
  ].map((k) => [k, true]),
);

/** What `toAppLinks` returns, as far as the page uses it. */
export interface AppLinksLike {
  readonly web: string;
  readonly scheme?: string;
  readonly intent?: string;
  readonly universal?: string;
  readonly wrappers?: Partial<Readonly<Record<string, string>>>;
}

/** One app link row: what it is, the link text, and its href (`null`: text only). */
export interface AppLinkRow {
  readonly key: string;
  readonly label: string;
  readonly value: string;
  readonly href: string | null;
}

const APP_NAMES: Readonly<Record<string, Readonly<Record<Lang, string>>>> = {
  wechat: { en: 'WeChat', zh: '微信' },
  alipay: { en: 'Alipay', zh: '支付宝' },
  qq: { en: 'QQ', zh: 'QQ' },
  dingtalk: { en: 'DingTalk', zh: '钉钉' },
};

function appName(id: string, lang: Lang): string {
  return APP_NAMES[id]?.[lang] ?? platformName(id, lang);
}

/**
 * The rows of an app-links table: web, scheme, intent, universal link, then one per wrapper app.
 *
 * @example
 * appLinkRows(toAppLinks('https://item.jd.com/100012043978.html'), 'en').map((r) => r.label)
 * // ['Web', 'App scheme', 'Android intent', …]
 */
export function appLinkRows(links: AppLinksLike, lang: Lang): AppLinkRow[] {
  const rows: AppLinkRow[] = [
    { key: 'web', label: t(lang, 'formWeb'), value: links.web, href: webHref(links.web) },
  ];
  const add = (key: string, label: string, value: string | undefined): void => {
    if (typeof value === 'string' && value.length > 0) rows.push({ key, label, value, href: appHref(value) });
  };
  add('scheme', t(lang, 'formScheme'), links.scheme);
  add('intent', t(lang, 'formIntent'), links.intent);
  add('universal', t(lang, 'formUniversal'), links.universal);
  for (const [app, value] of Object.entries(links.wrappers ?? {})) {
    add(`wrapper-${app}`, t(lang, 'formWrapper', { app: appName(app, lang) }), value);
  }
  return rows;
}

/** The make-side form, as typed. */
export interface MakeFields {
  readonly url: string;
  readonly title: string;
  readonly price: string;
  readonly brand: string;
}

/** The make-side form, checked. */
export interface MakeInput {
  readonly url: string;
  readonly title: string;
  readonly price: string | null;
  readonly brand: string | null;
}

// regex-safe: anchored, optional currency sign, digit runs separated by at most one dot
const PRICE = /^[¥￥$]?\s?(\d{1,9}(?:\.\d{1,2})?)$/;

/**
 * True when `url` is written as an http(s) URL that parses and carries no credentials, whatever the judge's
 * level: the make side then asks the judge, so that a dangerous URL is refused with its reasons.
 */
function isWebForm(url: string): boolean {
  if (url.length > 8192) return false;
  const scheme = schemeOf(url);
  if (scheme !== 'http' && scheme !== 'https') return false;
  try {
    const parsed = new URL(url);
    return parsed.hostname !== '' && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}

/**
 * Checks the make-side form: the URL must be http(s) (a scheme-less `host/path` gets `https://`);
 * the price, when given, a plain amount. Returns the error message key instead when it is not.
 *
 * @example
 * readMakeFields({ url: 'item.jd.com/100012043978.html', title: '', price: '¥39.9', brand: '' })
 * // { url: 'https://item.jd.com/100012043978.html', title: '', price: '39.9', brand: null }
 */
export function readMakeFields(fields: MakeFields): MakeInput | { readonly error: MessageKey } {
  let url = fields.url.trim();
  if (url.length > 0 && schemeOf(url) === null) url = `https://${url.replace(/^\/\//, '')}`;
  if (!isWebForm(url)) return { error: 'makeErrorUrl' };
  const priceText = fields.price.trim();
  let price: string | null = null;
  if (priceText.length > 0) {
    const m = PRICE.exec(priceText);
    if (m === null) return { error: 'makeErrorPrice' };
    price = m[1] as string;
  }
  const brand = fields.brand.trim();
  return { url, title: fields.title.trim().slice(0, 200), price, brand: brand.length > 0 ? brand : null };
}

/**
 * Fits an image into a pixel budget: the scale (at most 1) and the resulting size.
 *
 * @example
 * fitImage(8000, 6000, 4096) // { scale: 0.512, width: 4096, height: 3072 }
 */
export function fitImage(
  width: number,
  height: number,
  maxSide: number,
): { scale: number; width: number; height: number } {
  const longest = Math.max(width, height);
  const scale = longest > maxSide ? maxSide / longest : 1;
  return {
    scale,
    width: Math.max(1, Math.round(width * scale)),
    height: Math.max(1, Math.round(height * scale)),
  };
}

/**
 * A file name for a downloaded poster, from its target's identity or host.
 *
 * @example
 * posterFileName('https://item.jd.com/100012043978.html') // 'poster-item.jd.com-100012043978.png'
 */
export function posterFileName(url: string): string {
  let host = 'poster';
  let last = '';
  try {
    const u = new URL(url);
    host = u.hostname;
    last = u.pathname.split('/').filter(Boolean).pop() ?? '';
  } catch {
    // keep the defaults
  }
  // regex-safe: a single negated character class, no nesting
  const clean = (s: string) => s.replace(/[^a-zA-Z0-9.-]+/g, '-').slice(0, 60);
  const stem = last.replace(/\.html?$/i, '');
  return `poster-${clean(host)}${stem ? `-${clean(stem)}` : ''}.png`;
}

/**
 * The `lang` attribute for a text the page did not write (a title from a share text) shown inside an interface
 * in `uiLang`: `zh-CN` for Chinese text in the English interface, `en` for Latin-only text in the Chinese
 * interface, `null` when it matches the interface (or has no letters to judge by).
 *
 * @example
 * textLang('北欧风陶瓷马克杯', 'en') // 'zh-CN'
 * textLang('Ceramic mug', 'zh') // 'en'
 */
export function textLang(text: string, uiLang: Lang): string | null {
  // regex-safe: single character classes, no repetition
  const han = /\p{Script=Han}/u.test(text);
  const latin = /\p{Script=Latin}/u.test(text);
  if (han) return uiLang === 'zh' ? null : 'zh-CN';
  if (latin) return uiLang === 'en' ? null : 'en';
  return null;
}
