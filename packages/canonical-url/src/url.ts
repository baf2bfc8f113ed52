import { CanonicalUrlError, preview } from './errors.js';
import { stripTrailingDots } from './ip-literal.js';
import { whatwgPreprocess, withScheme, writtenScheme } from './scheme.js';

/** Inputs longer than this are refused before parsing. */
export const DEFAULT_MAX_LENGTH = 8192;

/** A parsed http(s) URL, already normalised where WHATWG leaves things alone. */
export interface ParsedUrl {
  readonly scheme: 'http' | 'https';
  /** Lower-case ASCII host without a trailing dot (IPv6 in brackets). */
  readonly host: string;
  /** Non-default port, or ''. */
  readonly port: string;
  /** Path with percent-escapes normalised. */
  readonly path: string;
  /** Query pairs as they were written (escapes normalised), empty pairs dropped. */
  readonly query: readonly QueryPair[];
  /** Fragment without `#`, or ''. */
  readonly fragment: string;
}

export interface QueryPair {
  /** The pair as written, e.g. `jkl=@EDoxt4DBLAN@`. */
  readonly raw: string;
  /** The decoded key, for matching. */
  readonly key: string;
  /**
   * The value as written (escapes normalised; `''` when empty or absent): `decodeComponent` reads it.
   * Decoded only by the few readers that look for a key, not for every pair of every query.
   */
  readonly value: string;
}

const ESCAPE = /%([0-9A-Fa-f]{2})/g;
const UNRESERVED = /^[A-Za-z0-9._~-]$/;

const HEX_DIGIT = /^[0-9A-Fa-f]$/;
// regex-safe: anchored, one negated class then literals
const NO_HOST = /^[^:/]*:\/*$/;
/**
 * An escape `normalizeEscapes` may change (a superset): lower-case hex, `%2D`, `%2E`, or `%30`–`%7F`
 * (the unreserved characters but `-` and `.` lie there). Text without one — most escaped text:
 * `%E4%BD%A0`, `%2F`, `%25`, `%22`, `%20` — is returned as it is, without a callback per escape.
 */
// regex-safe: alternation of short fixed branches, no nested quantifier
const CHANGEABLE = /%(?:[\dA-F]?[a-f]|2[DE]|[3-7])/;

/**
 * Upper-cases percent-escapes and decodes the ones that stand for unreserved characters — except a
 * hex digit right after a stray `%` (`%6%31`), whose decoding would write a new escape (`%61`) and
 * make a second pass change the link again.
 */
export function normalizeEscapes(text: string): string {
  if (!CHANGEABLE.test(text)) return text;
  return text.replace(ESCAPE, (_, hex: string, at: number, whole: string) => {
    const ch = String.fromCharCode(Number.parseInt(hex, 16));
    const joinsStray =
      HEX_DIGIT.test(ch) &&
      (whole[at - 1] === '%' || (whole[at - 2] === '%' && HEX_DIGIT.test(whole[at - 1] ?? '')));
    return UNRESERVED.test(ch) && !joinsStray ? ch : `%${hex.toUpperCase()}`;
  });
}

/**
 * A query key or value decoded (`+` is a space), or as written when it is not UTF-8 (GBK-era pages).
 * @example
 * decodeComponent('%E5%85%85+1') // '充 1'
 */
export function decodeComponent(text: string): string {
  if (!text.includes('%') && !text.includes('+')) return text;
  try {
    return decodeURIComponent(text.replaceAll('+', ' '));
  } catch {
    // Match on the raw text rather than guess.
    return text;
  }
}

/** Splits a raw query string (without `?`) into pairs, keeping each pair's original spelling. */
export function parseQuery(search: string): QueryPair[] {
  const pairs: QueryPair[] = [];
  if (!search) return pairs;
  for (const whole of search.split('&')) {
    // A second `?` (`?id=1?spm=2`, a tail pasted onto a link) starts another pair, unless the value
    // is itself a link (`url=https://b.example/?x=1`).
    const q = whole.indexOf('?');
    const eqAt = whole.indexOf('=');
    const parts = q > 0 && (eqAt < 0 || eqAt < q) && !whole.includes('/') ? whole.split('?') : [whole];
    for (const written of parts) {
      // `&amp;` from a link copied out of HTML: the pair after it is a pair of its own.
      let part = written;
      while (part.startsWith('amp;')) part = part.slice(4);
      if (!part) continue;
      const raw = normalizeEscapes(part);
      const eq = raw.indexOf('=');
      const key = decodeComponent(eq < 0 ? raw : raw.slice(0, eq));
      pairs.push({ raw, key, value: eq < 0 ? '' : raw.slice(eq + 1) });
    }
  }
  return pairs;
}

export function checkInput(input: unknown, maxLength: number): asserts input is string {
  if (typeof input !== 'string') {
    throw new CanonicalUrlError(
      'invalid_input',
      `expected a URL string, found ${input === null ? 'null' : typeof input}`,
    );
  }
  if (input.length > maxLength) {
    throw new CanonicalUrlError(
      'too_long',
      `expected at most ${maxLength} characters, found ${input.length}: ${preview(input, 40)}`,
    );
  }
}

/** Why a text is no http(s) URL: the code `parseUrl` throws, and what the URL parser threw, if anything. */
export interface Refusal {
  readonly code: 'unsupported_scheme' | 'invalid_url';
  readonly cause?: unknown;
}

/**
 * The host without trailing dots, read again by the URL parser when dots were dropped: `2130706433..`
 * is a "domain" to WHATWG only because of its dots, and without them it is `127.0.0.1`. A host the
 * parser refuses without its dots (`256.1..`) is refused here, so every link we write parses.
 */
function hostWithoutDots(hostname: string): string | Refusal {
  const host = stripTrailingDots(hostname);
  if (!host) return { code: 'invalid_url' };
  if (host.length === hostname.length) return host;
  try {
    return new URL(`http://${host}/`).hostname;
  } catch (cause) {
    return { code: 'invalid_url', cause };
  }
}

/**
 * The host of an absolute URL as the URL parser reads it (lower-case ASCII, IPv6 in brackets, no
 * trailing dots), or `''` when the text does not parse or has no host. Never throws. The one host
 * reader for code that matches hosts against tables; `inspectHost` says what a host is.
 * @example
 * hostOf('https://ITEM.JD.COM./1.html') // 'item.jd.com'
 * hostOf('http://taobao%2ecom/x')       // 'taobao.com'
 * hostOf('javascript:alert(1)')         // ''
 */
export function hostOf(url: string): string {
  // Nothing after the scheme and its slashes (`http://` in `http://http://…`): no host, and no
  // parser exception thrown to say so.
  if (NO_HOST.test(url)) return '';
  try {
    const host = hostWithoutDots(new URL(url).hostname.toLowerCase());
    return typeof host === 'string' ? host : '';
  } catch {
    return '';
  }
}

/**
 * The parts of an http(s) URL (scheme-less text read as https), or why it is none: the one reading behind
 * `parseUrl`, which throws the why with a message, and `parseOrNull`, which builds none.
 */
export function readUrl(input: string): ParsedUrl | Refusal {
  const text = whatwgPreprocess(input);
  const written = writtenScheme(text);
  // Refused before parsing: `javascript:`, `data:`, `file:` and the rest never reach the parser.
  if (written !== null && written !== 'http' && written !== 'https') return { code: 'unsupported_scheme' };
  // The scheme is http or https now: as written, or the https put before a scheme-less link.
  let url: URL;
  try {
    url = new URL(withScheme(text, written));
  } catch (cause) {
    return { code: 'invalid_url', cause };
  }
  const host = hostWithoutDots(url.hostname);
  if (typeof host !== 'string') return host;
  // An http(s) URL's host is lower case and its path at least `/` already.
  return {
    scheme: url.protocol === 'http:' ? 'http' : 'https',
    host,
    port: url.port,
    path: normalizeEscapes(url.pathname),
    query: parseQuery(url.search.slice(1)),
    fragment: normalizeEscapes(url.hash.slice(1)),
  };
}

/**
 * Parses an http(s) URL with the WHATWG parser. Scheme-less input (`xhslink.com/m/…`,
 * `//3.cn/…`, `item.jd.com/1.html`) is read as https.
 */
export function parseUrl(input: unknown, maxLength = DEFAULT_MAX_LENGTH): ParsedUrl {
  checkInput(input, maxLength);
  const read = readUrl(input);
  if (!('code' in read)) return read;
  // The refusal is the error's options too: its `cause`, when there is one, becomes the error's.
  throw new CanonicalUrlError(
    read.code,
    `expected an http or https URL with a host, found ${preview(input)}`,
    read,
  );
}

/** Writes a URL back from its parts. */
export function formatUrl(parts: {
  scheme: string;
  host: string;
  port?: string;
  path: string;
  query: readonly QueryPair[];
  fragment?: string;
}): string {
  const port = parts.port ? `:${parts.port}` : '';
  const query = parts.query.length > 0 ? `?${parts.query.map((p) => p.raw).join('&')}` : '';
  const fragment = parts.fragment ? `#${parts.fragment}` : '';
  return `${parts.scheme}://${parts.host}${port}${parts.path}${query}${fragment}`;
}
