import { CanonicalUrlError, preview } from './errors.js';
import { rowForHost } from './host.js';
import { matchInput, matchUrl } from './identify.js';
import { isTrackingParam } from './tracking.js';
import {
  DEFAULT_MAX_LENGTH,
  formatUrl,
  type ParsedUrl,
  parseQuery,
  parseUrl,
  type QueryPair,
} from './url.js';

export { GLOBAL_TRACKING, isTrackingParam } from './tracking.js';

/** Options of `canonicalize`. */
export interface CanonicalizeOptions {
  /** Sort query parameters by key (stable). @default false */
  readonly sortQuery?: boolean;
  /** Keep the `#fragment`. @default false */
  readonly keepFragment?: boolean;
  /** Longest input accepted, in UTF-16 code units. @default 8192 */
  readonly maxLength?: number;
  /** Drop tracking parameters (global list, plus the platform's list on unrecognised pages). @default true */
  readonly removeTracking?: boolean;
  /** Rebuild recognised platform links in their canonical form (alias hosts, id allowlist). @default true */
  readonly mapAliases?: boolean;
}

function sortPairs(pairs: readonly QueryPair[]): QueryPair[] {
  // Array sort is stable (ES2019): pairs of one key keep their order.
  return [...pairs].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** The `maxLength` option of `canonicalize` and `judgeTarget`: a positive integer, 8192 when absent. */
export function maxLengthOption(options: { readonly maxLength?: number }): number {
  const max = options.maxLength ?? DEFAULT_MAX_LENGTH;
  if (!Number.isSafeInteger(max) || max <= 0) {
    throw new CanonicalUrlError(
      'invalid_option',
      `expected maxLength to be a positive integer, found ${String(max)}`,
    );
  }
  return max;
}

/**
 * One canonical URL for a link: WHATWG parsing; lower-case scheme and host; default port, trailing
 * host dot, credentials and fragment dropped; percent-escapes normalised (upper-case hex,
 * unreserved characters decoded); tracking parameters removed; recognised platform links rebuilt
 * in their canonical https form from the identity parameters alone (an allowlist).
 *
 * Throws `CanonicalUrlError`: `invalid_input` (not a string), `too_long` (over `maxLength`, or a
 * canonical form over it: escapes can make a link longer),
 * `invalid_url` (unparsable), `unsupported_scheme` (not http or https), `invalid_option`.
 * @example
 * canonicalize('HTTPS://Item.M.JD.com./product/100012043978.html?utm_source=iosapp&ad_od=share')
 * // 'https://item.jd.com/100012043978.html'
 * canonicalize('https://example.com/a?utm_source=x&b=2&a=1', { sortQuery: true })
 * // 'https://example.com/a?a=1&b=2'
 */
export function canonicalize(input: string, options: CanonicalizeOptions = {}): string {
  const maxLength = maxLengthOption(options);
  const url = parseUrl(input, maxLength);
  let out = canonicalOf(url, options);
  // The first `?` starts the query (a path's is escaped); its pairs read back as they were written.
  const q = out.indexOf('?');
  if (options.sortQuery && q >= 0) {
    out = `${out.slice(0, q)}?${sortPairs(parseQuery(out.slice(q + 1)))
      .map((p) => p.raw)
      .join('&')}`;
  }
  if (options.keepFragment && url.fragment) out += `#${url.fragment}`;
  // Escapes can grow a link: never give back one that this function would refuse to read.
  if (out.length > maxLength) {
    throw new CanonicalUrlError(
      'too_long',
      `expected a link whose canonical form has at most ${maxLength} characters, found ${out.length}: ${preview(input, 40)}`,
    );
  }
  return out;
}

/** The canonical form of a parsed URL without its fragment (`canonicalize` without its checks, limits, sorting and fragment). */
export function canonicalOf(url: ParsedUrl, options: CanonicalizeOptions = {}): string {
  const match = options.mapAliases === false ? null : matchUrl(url);
  if (match) return match.identity.url;
  const row = rowForHost(url.host);
  return formatUrl({
    // Platform sites all serve https; unknown sites keep their scheme (and port).
    scheme: row ? 'https' : url.scheme,
    host: url.host,
    port: row ? '' : url.port,
    path: url.path,
    query:
      options.removeTracking === false ? url.query : url.query.filter((p) => !isTrackingParam(p.key, row)),
  });
}

/**
 * True when two links lead to the same target: the same platform identity (whatever alias host,
 * tracking tail, case or mobile form, and ignoring per-share parameters such as `xsec_token`), or
 * for other links the same canonical URL with the query sorted. Unparsable input is never the
 * same as anything.
 * @example
 * sameTarget('https://item.m.jd.com/product/100012043978.html?utm_source=iosapp',
 *            'https://item.jd.com/100012043978.html') // true
 * sameTarget('https://www.bilibili.com/video/av170001', 'https://b23.tv/abc') // false (short link unresolved)
 */
export function sameTarget(a: string, b: string): boolean {
  try {
    const ma = matchInput(a);
    const mb = matchInput(b);
    if (ma && mb) return ma.key === mb.key;
    if (ma || mb) return false;
    return canonicalize(a, { sortQuery: true }) === canonicalize(b, { sortQuery: true });
  } catch {
    return false;
  }
}
