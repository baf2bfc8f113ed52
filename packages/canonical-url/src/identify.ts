import { CanonicalUrlError } from './errors.js';
import { hostMatches, rowForHost } from './host.js';
import { ID_CODECS, type IdCodecName, normalizeBilibiliVideo, normalizeWeiboMid } from './ids.js';
import { pastedLink } from './pasted.js';
import { MATCH_ROWS, matchRow } from './platforms.js';
import { isTrackingParam } from './tracking.js';
import {
  CONTENT_KINDS,
  type ContentKind,
  isPlatformId,
  type KindSpec,
  type LinkForm,
  type LinkIdentity,
  type MatchRow,
  type PlatformId,
} from './types.js';
import {
  DEFAULT_MAX_UNWRAP,
  parseOrNull,
  type Unwrapped,
  type UnwrapUrlOptions,
  unwrapParsed,
} from './unwrap.js';
import {
  checkInput,
  DEFAULT_MAX_LENGTH,
  decodeComponent,
  formatUrl,
  type ParsedUrl,
  type QueryPair,
} from './url.js';

/** What matching a parsed URL against the registry found. */
export interface Match {
  readonly identity: LinkIdentity;
  /** The canonical URL without the kept, non-identity parameters: what identity comparisons use. */
  readonly key: string;
  readonly row: MatchRow;
}

function normalizeId(spec: KindSpec, raw: string): string | null {
  switch (spec.normalizeId) {
    case 'upper':
      return raw.toUpperCase();
    case 'lower':
      return raw.toLowerCase();
    case 'bilibili-video':
      return normalizeBilibiliVideo(raw);
    case 'weibo-mid':
      return normalizeWeiboMid(raw);
    case 'decode':
      // Query values arrive decoded already; a stray `%` in them stays as it is.
      try {
        return decodeURIComponent(raw).trim() || null;
      } catch {
        return raw.trim() || null;
      }
    default:
      return raw;
  }
}

/** Tries one form; returns the raw id and template slots, or null. */
function matchForm(form: LinkForm, url: ParsedUrl): { id: string; slots: Record<string, string> } | null {
  if (form.hosts && !form.hosts.some((h) => hostMatches(url.host, h))) return null;
  const slots: Record<string, string> = {};
  let id: string | undefined;
  if (form.hostPattern) {
    const m = form.hostPattern.exec(url.host);
    if (!m) return null;
    id = m.groups?.id;
  }
  if (form.path) {
    const m = form.path.exec(url.path);
    if (!m) return null;
    for (const [name, value] of Object.entries(m.groups ?? {})) if (value !== undefined) slots[name] = value;
    id = slots.id ?? id;
  }
  if (form.query) {
    // The first of the form's keys with a value (keys compared case-insensitively where the form says so).
    const anyCase = form.queryKeyCaseInsensitive === true;
    for (const key of form.query) {
      const pair = url.query.find(
        (p) => (anyCase ? p.key.toLowerCase() === key.toLowerCase() : p.key === key) && p.value !== '',
      );
      if (pair) {
        id = decodeComponent(pair.value);
        break;
      }
    }
  }
  if (id === undefined || id === '') return null;
  return { id, slots };
}

function fill(template: string, slots: Readonly<Record<string, string>>): string | null {
  let missing = false;
  const out = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = slots[name];
    if (value === undefined) {
      missing = true;
      return '';
    }
    return value;
  });
  return missing ? null : out;
}

/** Builds the canonical URL of a kind from its slots (falling back when an optional slot is unknown). */
function buildCanonical(spec: KindSpec, given: Readonly<Record<string, string>>): string | null {
  // A search query is percent-encoded punctuation included: a link that ends in `!` or `.` loses it to every
  // free-text scanner, `%21` survives (regex-safe: one character class).
  const slots =
    spec.encodeId && given.id !== undefined
      ? {
          ...given,
          id: encodeURIComponent(given.id).replace(
            /[!'()*~.]/g,
            (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
          ),
        }
      : given;
  return fill(spec.canonical, slots) ?? (spec.fallbackCanonical ? fill(spec.fallbackCanonical, slots) : null);
}

function keptPairs(query: readonly QueryPair[], keep: readonly string[] | undefined): QueryPair[] {
  const out: QueryPair[] = [];
  for (const key of keep ?? []) {
    const pair = query.find((p) => p.key === key && p.value !== '');
    if (pair) out.push(pair);
  }
  return out;
}

function appendPairs(url: string, pairs: readonly QueryPair[]): string {
  if (pairs.length === 0) return url;
  return `${url}${url.includes('?') ? '&' : '?'}${pairs.map((p) => p.raw).join('&')}`;
}

/** Matches a parsed URL against the registry: a content kind first, then the short-link specs. */
export function matchUrl(url: ParsedUrl): Match | null {
  const row = rowForHost(url.host);
  if (!row) return null;
  const domain = row.domains.find((d) => hostMatches(url.host, `*.${d}`)) ?? row.domains[0] ?? url.host;
  for (const spec of row.kinds) {
    for (const form of spec.forms) {
      const found = matchForm(form, url);
      if (!found) continue;
      const id = normalizeId(spec, found.id);
      if (id === null || !spec.idPattern.test(id)) continue;
      const base = buildCanonical(spec, { ...found.slots, domain, id });
      if (base === null) continue;
      const full = appendPairs(base, keptPairs(url.query, spec.keep));
      // A link we would refuse to read back (its escapes grew it past the limit) is never written.
      if (full.length > DEFAULT_MAX_LENGTH) return null;
      return { identity: { platform: row.id, kind: spec.kind, id, url: full }, key: base, row };
    }
  }
  for (const short of row.shortLinks) {
    if (!hostMatches(url.host, short.host)) continue;
    const prefix = short.pathPrefix ?? '/';
    if (!url.path.startsWith(prefix) || url.path.length <= prefix.length) continue;
    if (short.requireQuery && !url.query.some((p) => p.key === short.requireQuery && p.value !== ''))
      continue;
    const base = formatUrl({ scheme: 'https', host: url.host, path: url.path, query: [] });
    const full = appendPairs(base, keptPairs(url.query, short.keep));
    if (full.length > DEFAULT_MAX_LENGTH) return null;
    return { identity: { platform: row.id, kind: 'short', id: null, url: full }, key: full, row };
  }
  return null;
}

/** Parses and matches; `null` for text that is not an http(s) URL (or not one within the size limit). */
export function matchInput(input: string): Match | null {
  const url = parseOrNull(input);
  return url ? matchUrl(url) : null;
}

/**
 * Opens wrapper and redirect links until the link they point at: chat apps' link checkers
 * (`weixin110.qq.com`, `c.pc.qq.com`), sites' "leave" pages (`link.zhihu.com?target=`), and any
 * platform page of no content form that carries an absolute link in a redirect parameter (`url=`,
 * `u=`, `target=`, `launch_url=`, `redirectURL=`, `h5Url=`…). Opens at most `maxDepth` (8) wrappers.
 * The target is not trusted because of its wrapper: judge it like any other link. A target that is
 * not http(s) ends the walk (`javascript:` and the like with `stopped: 'unsafe-scheme'`).
 *
 * Throws `CanonicalUrlError` `invalid_input` (not a string), `too_long` (over 8 KB), `invalid_option`.
 * @example
 * unwrapUrl('https://weixin110.qq.com/cgi-bin/mmspamsupport-bin/newredirectconfirmcgi?main_type=2&url=https%3A%2F%2Fitem.jd.com%2F100012043978.html')
 * // { url: 'https://item.jd.com/100012043978.html',
 * //   steps: [{ wrapper: 'weixin110.qq.com/cgi-bin/mmspamsupport-bin/newredirectconfirmcgi', param: 'url',
 * //             target: 'https://item.jd.com/100012043978.html' }] }
 */
export function unwrapUrl(input: string, options: UnwrapUrlOptions = {}): Unwrapped {
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_UNWRAP;
  if (!Number.isSafeInteger(maxDepth) || maxDepth < 0 || maxDepth > 32) {
    throw new CanonicalUrlError(
      'invalid_option',
      `expected maxDepth to be an integer in 0–32, found ${String(maxDepth)}`,
    );
  }
  checkInput(input, DEFAULT_MAX_LENGTH);
  return unwrapParsed(pastedLink(input).text, (url) => matchUrl(url) !== null, maxDepth);
}

/**
 * The identity of a platform link: platform, content kind, id and canonical URL. Every alias
 * form (mobile hosts, international pages, old paths, tracking tails) gives the same identity.
 * Short links give `kind: 'short'`, `id: null` and the cleaned short link; any other page of a
 * platform's own site gives `kind: 'page'`, `id: null` and the page without tracking.
 *
 * Tolerates the link as people paste it (inside 「」, quotes, brackets or Markdown, glued to text,
 * with `\_` escapes, full-width, with a second `?` in the query) and opens wrapper and redirect
 * links (`unwrapUrl`): the identity is the target's.
 *
 * Returns `null` for anything that is not on a platform's own site (including lookalike hosts and
 * other schemes), and for wrappers nested deeper than 8 or pointing at a non-http(s) target.
 * Throws `CanonicalUrlError` only for a non-string (`invalid_input`) or an input over 8 KB (`too_long`).
 * @example
 * identify('https://h5.m.taobao.com/awp/core/detail.htm?id=634567890123&spm=a2141')
 * // { platform: 'taobao', kind: 'item', id: '634567890123',
 * //   url: 'https://item.taobao.com/item.htm?id=634567890123' }
 * identify('https://e.tb.cn/h.8IcTrtZuTU19ieN?tk=nyXpT7VA7lt&sm=1a2b3c')
 * // { platform: 'taobao', kind: 'short', id: null, url: 'https://e.tb.cn/h.8IcTrtZuTU19ieN?tk=nyXpT7VA7lt' }
 * identify('https://www.taobao.com/markets/xie/nvxie?spm=a21bo')
 * // { platform: 'taobao', kind: 'page', id: null, url: 'https://www.taobao.com/markets/xie/nvxie' }
 */
export function identify(input: string): LinkIdentity | null {
  checkInput(input, DEFAULT_MAX_LENGTH);
  return identifyText(input);
}

/** `identify` of a string within the size limit (`tryIdentify` checks without throwing). */
function identifyText(input: string): LinkIdentity | null {
  const text = pastedLink(input).text;
  // The unwrap walk matches every link it visits: keep the last match rather than matching twice.
  let last: Visited | null = null;
  const unwrapped = unwrapParsed(text, (url) => {
    last = { url, match: matchUrl(url) };
    return last.match !== null;
  });
  if (unwrapped.stopped) return null;
  const { steps } = unwrapped;
  const seen = last as Visited | null;
  // No wrapper opened: the link visited is the text's. A platform page that hands over to an app scheme
  // is still that platform's page.
  const url =
    steps.length === 0
      ? (seen?.url ?? parseOrNull(text))
      : (parseOrNull(unwrapped.url) ??
        parseOrNull(steps.length > 1 ? (steps[steps.length - 2]?.target ?? text) : text));
  if (!url) return null;
  const match = url === seen?.url ? seen.match : matchUrl(url);
  if (match) return match.identity;
  // Any other page of a platform's own site: `kind: 'page'`, no id, the URL in https with tracking dropped.
  // The fragment stays: single-page apps keep their route there (`h5.ele.me/shop/#id=…`).
  const row = rowForHost(url.host);
  if (!row) return null;
  const query = url.query.filter((p) => !isTrackingParam(p.key, row));
  const out = formatUrl({ scheme: 'https', host: url.host, path: url.path, query, fragment: url.fragment });
  return out.length > DEFAULT_MAX_LENGTH ? null : { platform: row.id, kind: 'page', id: null, url: out };
}

/** A link the unwrap walk visited, and what matching it found. */
interface Visited {
  readonly url: ParsedUrl;
  readonly match: Match | null;
}

/**
 * `identify` that never throws: `null` for anything that is not an identifiable platform link,
 * including a non-string or an input over the size limit.
 * @example
 * tryIdentify('https://item.jd.com/100012043978.html')?.id // '100012043978'
 * tryIdentify(42)                                         // null
 */
export function tryIdentify(input: unknown): LinkIdentity | null {
  return typeof input === 'string' && input.length <= DEFAULT_MAX_LENGTH ? identifyText(input) : null;
}

/**
 * True when a value has the shape of a `LinkIdentity`: a registry platform and kind, an id (or
 * `null`) and a URL. The URL is not checked against the rest: `judgeTarget` reads it.
 * @example
 * isLinkIdentity({ platform: 'jd', kind: 'item', id: '1', url: 'https://item.jd.com/1.html' }) // true
 * isLinkIdentity({ platform: 'myspace', kind: 'item', id: '1', url: '' })                      // false
 */
export function isLinkIdentity(value: unknown): value is LinkIdentity {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    isPlatformId(v.platform) &&
    typeof v.kind === 'string' &&
    (CONTENT_KINDS as readonly string[]).includes(v.kind) &&
    (v.id === null || typeof v.id === 'string') &&
    typeof v.url === 'string'
  );
}

/**
 * The platform a URL or host belongs to (exact domain or subdomain on a label boundary, short-link
 * hosts included), or `null`.
 * @example
 * platformOf('https://v.douyin.com/RH7Gvmr/') // 'douyin'
 * platformOf('item.taobao.com.evil.example')   // null
 */
export function platformOf(urlOrHost: string): PlatformId | null {
  checkInput(urlOrHost, DEFAULT_MAX_LENGTH);
  return platformOfText(urlOrHost);
}

/** `platformOf` of a string within the size limit (`tryPlatformOf` checks without throwing). */
function platformOfText(text: string): PlatformId | null {
  const url = parseOrNull(pastedLink(text).text);
  return url ? (rowForHost(url.host)?.id ?? null) : null;
}

/**
 * `platformOf` that never throws: `null` for a non-string or an input over the size limit too.
 * @example
 * tryPlatformOf('item.jd.com')       // 'jd'
 * tryPlatformOf('x'.repeat(100_000)) // null
 */
export function tryPlatformOf(input: unknown): PlatformId | null {
  return typeof input === 'string' && input.length <= DEFAULT_MAX_LENGTH ? platformOfText(input) : null;
}

/**
 * The canonical web URL for an identity, or `null` when the platform has no such kind or the id
 * does not fit its pattern. `identify(canonicalUrlFor(p, k, id))` gives back `p`, `k` and `id`.
 * @example
 * canonicalUrlFor('jd', 'item', '100012043978')   // 'https://item.jd.com/100012043978.html'
 * canonicalUrlFor('bilibili', 'video', 'av170001') // 'https://www.bilibili.com/video/BV17x411w7KC'
 */
export function canonicalUrlFor(platform: PlatformId, kind: ContentKind, id: string): string | null {
  if (typeof id !== 'string')
    throw new CanonicalUrlError('invalid_input', `expected an id string, found ${typeof id}`);
  return canonicalUrlOf(matchRow(platform), kind, id);
}

/** `canonicalUrlFor` of an id string, on the platform's row. */
function canonicalUrlOf(row: MatchRow, kind: ContentKind, id: string): string | null {
  if (id.length > 512) return null;
  for (const spec of row.kinds) {
    if (spec.kind !== kind) continue;
    const normalized = normalizeId(spec, id);
    if (normalized === null || !spec.idPattern.test(normalized)) continue;
    const url = buildCanonical(spec, { id: normalized, domain: row.domains[0] ?? '' });
    if (url !== null) return url;
  }
  return null;
}

/**
 * True when `id` is spelled as the registry writes ids of that platform and kind: it matches the id
 * pattern of one of the kind's rows as it is, with no normalisation (`BV17x411w7KC`, not
 * `bv17x411w7kc` or `av170001`). Decoders that must refuse any spelling but the canonical one ask this.
 * Throws `unknown_platform` for a platform id the registry does not have.
 * @example
 * isCanonicalId('bilibili', 'video', 'BV17x411w7KC') // true
 * isCanonicalId('bilibili', 'video', 'av170001')     // false (canonicalUrlFor accepts and converts it)
 */
export function isCanonicalId(platform: PlatformId, kind: ContentKind, id: string): boolean {
  return matchRow(platform).kinds.some((spec) => spec.kind === kind && spec.idPattern.test(id));
}

/**
 * The identity of a platform, kind and id: `canonicalUrlFor`'s URL, read back by the registry's
 * own forms, or `null` when there is none or it reads back as another platform or kind. Costs one
 * parse and match, not the paste and wrapper layers `identify` puts in front of them for links
 * people paste (a URL built from the registry has neither). Never throws: `null` for a platform
 * the registry does not have, too.
 * @example
 * identityFor('bilibili', 'video', 'av170001')?.id // 'BV17x411w7KC'
 * identityFor('jd', 'item', 'abc')                  // null
 */
export function identityFor(platform: PlatformId, kind: ContentKind, id: string): LinkIdentity | null {
  try {
    const url = typeof id === 'string' ? canonicalUrlOf(matchRow(platform), kind, id) : null;
    const parsed = url === null ? null : parseOrNull(url);
    const found = parsed && matchUrl(parsed)?.identity;
    return found && found.platform === platform && found.kind === kind ? found : null;
  } catch {
    return null;
  }
}

/** An id in its kind's second spelling, and the codec that spells it. */
export interface AlternateId {
  readonly codec: IdCodecName;
  readonly id: string;
}

/**
 * The second spelling of a canonical id, when the registry gives its kind one (`KindSpec.alternateId`)
 * and it converts back to exactly that id; otherwise `null`.
 * @example
 * alternateId('bilibili', 'video', 'BV17x411w7KC') // { codec: 'av-number', id: '170001' }
 * alternateId('jd', 'item', '100012043978')        // null
 */
export function alternateId(platform: PlatformId, kind: ContentKind, id: string): AlternateId | null {
  for (const spec of matchRow(platform).kinds) {
    const codec = spec.alternateId;
    if (spec.kind !== kind || !codec || !spec.idPattern.test(id)) continue;
    const alt = ID_CODECS[codec].to(id);
    if (alt !== null) return { codec, id: alt };
  }
  return null;
}

/**
 * The canonical id of an id written in its kind's second spelling, or `null` when the kind has
 * none or the spelling does not convert.
 * @example
 * fromAlternateId('bilibili', 'video', '170001') // { codec: 'av-number', id: 'BV17x411w7KC' }
 */
export function fromAlternateId(platform: PlatformId, kind: ContentKind, alt: string): AlternateId | null {
  for (const spec of matchRow(platform).kinds) {
    const codec = spec.alternateId;
    if (spec.kind !== kind || !codec) continue;
    const id = ID_CODECS[codec].from(alt);
    if (id !== null) return { codec, id };
  }
  return null;
}

/**
 * The identity of an id pasted alone whose spelling names its platform, or `null`: an id of a kind
 * with a second spelling (`KindSpec.alternateId`), written in any spelling but that bare second one
 * (a Bilibili `BV17x411w7KC` or `av170001`, not `170001`).
 * @example
 * loneIdentity('av170001')?.url // 'https://www.bilibili.com/video/BV17x411w7KC'
 */
export function loneIdentity(text: string): LinkIdentity | null {
  for (const row of MATCH_ROWS) {
    for (const spec of row.kinds) {
      if (!spec.alternateId || ID_CODECS[spec.alternateId].from(text) !== null) continue;
      const url = canonicalUrlOf(row, spec.kind, text);
      if (url) return identifyText(url);
    }
  }
  return null;
}
