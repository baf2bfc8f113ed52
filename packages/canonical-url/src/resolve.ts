import { targetProblem } from './address.js';
import { CanonicalUrlError, integerOption, isCanonicalUrlError, preview } from './errors.js';
import { hostMatches, rowForHost } from './host.js';
import { matchUrl } from './identify.js';
import { withFetchFacts } from './short-fetch.js';
import type { LinkIdentity, ShortLinkFetch, ShortLinkSpec } from './types.js';
import { formatUrl, parseUrl } from './url.js';

/** The subset of the Fetch API that resolving needs; pass `globalThis.fetch` or a fake. */
export type FetchLike = (
  url: string,
  init: { method: 'GET'; redirect: 'manual'; headers: Record<string, string>; signal?: AbortSignal },
) => Promise<FetchResponseLike>;

/** The subset of `Response` that resolving reads. */
export interface FetchResponseLike {
  readonly status: number;
  readonly type?: string;
  readonly headers: { get(name: string): string | null };
  readonly body?: ReadableStream<Uint8Array> | null;
  text(): Promise<string>;
}

/** Options of `resolveShortLink`. */
export interface ResolveShortLinkOptions {
  /**
   * The fetch to use. Nothing reaches the network unless the caller passes one. On Node, pass
   * `safeFetch` of `@sharekit/canonical-url/node`: it also refuses names that resolve to private addresses.
   */
  readonly fetch: FetchLike;
  /** Most redirects followed, from 0 to 20. @default 5 */
  readonly maxHops?: number;
  /** Time limit for the whole resolution, in milliseconds, from 1 to 60000. @default 5000 */
  readonly timeoutMs?: number;
  /** Most bytes read from one response body (for script redirects), up to 16 MiB. @default 1048576 */
  readonly maxBytes?: number;
  /** Override the user agent sent (normally chosen per short-link service). */
  readonly userAgent?: string;
  /**
   * Let hops go to private, loopback, link-local and internal addresses and to any port — only for
   * services that run inside your own network. @default false
   */
  readonly allowPrivateNetwork?: boolean;
  /** Aborting it ends the resolution with a `timeout` error (a deadline shared by several calls). */
  readonly signal?: AbortSignal;
}

/** One request made while resolving. */
export interface ResolveHop {
  readonly url: string;
  readonly status: number;
  /** How the next URL was found: a `Location` header, a script redirect in the page, or the end. */
  readonly via: 'location' | 'script' | 'final';
}

/** The result of `resolveShortLink`. */
export interface ShortLinkResolution {
  /** The last URL reached (the target). */
  readonly url: string;
  /** Its identity when it is a recognised platform link. */
  readonly identity: LinkIdentity | null;
  readonly hops: readonly ResolveHop[];
}

/** User agents that short-link services answer with the real target (see the platform registry). */
const USER_AGENTS: Record<NonNullable<ShortLinkFetch['userAgent']>, string> = {
  browser:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36',
  mobile:
    'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Mobile Safari/537.36',
  iphone:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  'jd-app':
    'jdapp;iPhone;13.2.0;;;M/5.0;appBuild/169370;Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148',
  wechat:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.50(0x1800323c) NetType/WIFI Language/zh_CN',
};

function shortSpecFor(url: string): ShortLinkSpec | undefined {
  const parsed = parseUrl(url);
  const row = rowForHost(parsed.host);
  const spec = row?.shortLinks.find(
    (s) => hostMatches(parsed.host, s.host) && (!s.pathPrefix || parsed.path.startsWith(s.pathPrefix)),
  );
  return spec && withFetchFacts(spec);
}

/**
 * Script redirects as Taobao's short pages write them: `var url = '…';` followed by
 * `location.replace(url)`, or a literal `location.replace('…')` / `location.href = '…'`. Each form is
 * a needle and a short sticky head up to the opening quote; the URL is read by hand up to the
 * closing quote, so the scan stays linear (a bounded `{1,4096}` run after every needle was not).
 */
const SCRIPT_FORMS: readonly (readonly [string, RegExp])[] = [
  ['var', /var\s{1,8}url\s{0,8}=\s{0,8}(['"])/y],
  ['location.', /location\.(?:replace|assign)\(\s{0,8}(['"])/y],
  ['location.', /location\.href\s{0,8}=\s{0,8}(['"])/y],
];

function isWordChar(code: number): boolean {
  return (
    (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95
  );
}

/** The http(s) URL quoted at `from` (up to `quote`), or null. */
function quotedUrl(html: string, from: number, quote: string): string | null {
  const lower = html.slice(from, from + 8).toLowerCase();
  if (!lower.startsWith('http://') && !lower.startsWith('https://')) return null;
  const limit = Math.min(html.length, from + 4097);
  for (let i = from; i < limit; i += 1) {
    const c = html[i] as string;
    if (c === quote) return i - from >= 8 ? html.slice(from, i) : null;
    if (c === "'" || c === '"' || c === '<' || c === '>' || c.charCodeAt(0) <= 0x20 || /\s/.test(c))
      return null;
  }
  return null;
}

function scriptTarget(html: string): string | null {
  for (const [needle, head] of SCRIPT_FORMS) {
    for (let at = html.indexOf(needle); at >= 0; at = html.indexOf(needle, at + 1)) {
      if (at > 0 && isWordChar(html.charCodeAt(at - 1))) continue;
      head.lastIndex = at;
      const m = head.exec(html);
      if (!m?.[1]) continue;
      const url = quotedUrl(html, head.lastIndex, m[1]);
      if (url) return url;
    }
  }
  return null;
}

/** `<meta http-equiv="refresh" content="0;url=…">`, read tag by tag so the scan stays linear. */
function metaRefreshTarget(html: string): string | null {
  const lower = html.toLowerCase();
  for (let at = lower.indexOf('<meta'); at >= 0; at = lower.indexOf('<meta', at + 5)) {
    const end = lower.indexOf('>', at);
    const tag = html.slice(at, end < 0 ? Math.min(html.length, at + 1024) : Math.min(end, at + 1024));
    if (!/http-equiv\s{0,8}=\s{0,8}["']?refresh/i.test(tag)) continue;
    const m = /url\s{0,8}=\s{0,8}(https?:\/\/[^"'>\s]{1,4096})/i.exec(tag);
    if (m?.[1]) return m[1];
  }
  return null;
}

function unescapeScriptString(s: string): string {
  return s
    .replace(/\\x([0-9a-fA-F]{2})|\\u([0-9a-fA-F]{4})|\\\//g, (m, hex?: string, uni?: string) => {
      if (hex) return String.fromCharCode(Number.parseInt(hex, 16));
      if (uni) return String.fromCharCode(Number.parseInt(uni, 16));
      return m === '\\/' ? '/' : m;
    })
    .replaceAll('&amp;', '&');
}

function badResponse(what: string, url: string, cause?: unknown): CanonicalUrlError {
  return new CanonicalUrlError(
    'bad_response',
    `${what} from ${preview(url)}`,
    cause === undefined ? undefined : { cause },
  );
}

/** Settles with `promise`, or rejects with `timeout` as soon as `signal` aborts (a body that ignores abort). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal, onAbort: () => void): Promise<T> {
  if (signal.aborted) {
    onAbort();
    return Promise.reject(new CanonicalUrlError('timeout', 'the time limit passed while reading'));
  }
  return new Promise<T>((resolve, reject) => {
    const stop = () => {
      onAbort();
      reject(new CanonicalUrlError('timeout', 'the time limit passed while reading'));
    };
    signal.addEventListener('abort', stop, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', stop);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', stop);
        reject(error);
      },
    );
  });
}

async function readBounded(
  response: FetchResponseLike,
  url: string,
  maxBytes: number,
  signal: AbortSignal,
  deadlineAt: number,
): Promise<string> {
  let body: FetchResponseLike['body'];
  try {
    body = response.body;
  } catch (cause) {
    throw badResponse('an unreadable body', url, cause);
  }
  if (!body || typeof body.getReader !== 'function') {
    if (typeof response.text !== 'function') throw badResponse('a response without a body', url);
    let text: unknown;
    try {
      text = await untilAborted(
        Promise.resolve().then(() => response.text()),
        signal,
        () => undefined,
      );
    } catch (cause) {
      if (isCanonicalUrlError(cause)) throw cause;
      throw badResponse('a body that failed to read', url, cause);
    }
    if (typeof text !== 'string') throw badResponse('a body that is not text', url);
    return text.length > maxBytes ? text.slice(0, maxBytes) : text;
  }
  let reader: ReadableStreamDefaultReader<Uint8Array>;
  try {
    reader = body.getReader();
  } catch (cause) {
    throw badResponse('an unreadable body', url, cause);
  }
  const cancel = () => {
    Promise.resolve()
      .then(() => reader.cancel())
      .catch(() => undefined);
  };
  const decoder = new TextDecoder();
  let text = '';
  let read = 0;
  try {
    while (read < maxBytes) {
      if (Date.now() >= deadlineAt)
        throw new CanonicalUrlError('timeout', 'the time limit passed while reading');
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await untilAborted(
          Promise.resolve().then(() => reader.read()),
          signal,
          cancel,
        );
      } catch (cause) {
        if (isCanonicalUrlError(cause)) throw cause;
        throw badResponse('a body that failed to read', url, cause);
      }
      if (!chunk || typeof chunk !== 'object') throw badResponse('a body stream yielding no result', url);
      const { done, value } = chunk;
      if (done) break;
      if (!(value instanceof Uint8Array)) throw badResponse('a body chunk that is not bytes', url);
      const part = read + value.byteLength > maxBytes ? value.subarray(0, maxBytes - read) : value;
      read += part.byteLength;
      text += decoder.decode(part, { stream: true });
    }
  } finally {
    cancel();
  }
  return text + decoder.decode();
}

/** Lets timers and I/O run between hops, so a fetch that answers from memory cannot starve the deadline. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** The parts of a response that resolving reads, checked, so a malformed response is a typed error. */
function readHead(response: FetchResponseLike, url: string): { status: number; location: string | null } {
  if (!response || typeof response !== 'object') throw badResponse('no response', url);
  let status: unknown;
  let type: unknown;
  try {
    status = response.status;
    type = response.type;
  } catch (cause) {
    throw badResponse('an unreadable status', url, cause);
  }
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 100 || status > 599) {
    throw badResponse(`status ${String(status).slice(0, 20)}`, url);
  }
  if (type === 'opaqueredirect') {
    throw new CanonicalUrlError(
      'fetch_failed',
      'the redirect is opaque (browser fetch with redirect: manual); resolve short links server-side',
    );
  }
  if (status < 300 || status >= 400) return { status, location: null };
  let location: unknown;
  try {
    location = response.headers.get('location');
  } catch (cause) {
    throw badResponse(`a ${status} without readable headers`, url, cause);
  }
  if (location !== null && location !== undefined && typeof location !== 'string') {
    throw badResponse(`a ${status} whose Location is not text`, url);
  }
  return { status, location: location || null };
}

function nextUrl(target: string, base: string): string {
  let resolved: string;
  try {
    resolved = new URL(target, base).href;
  } catch (cause) {
    throw new CanonicalUrlError('bad_redirect', `redirect target is not a URL: ${preview(target)}`, {
      cause,
    });
  }
  if (!/^https?:/i.test(resolved)) {
    throw new CanonicalUrlError('bad_redirect', `redirect target is not http(s): ${preview(resolved)}`);
  }
  return resolved;
}

/** @deprecated Use `ResolveShortLinkOptions` (the resolver's `ResolveOptions` are another thing). */
export type ResolveOptions = ResolveShortLinkOptions;

/**
 * Follows a short link (`m.tb.cn`, `3.cn`, `v.douyin.com`, `b23.tv`, …) to its target with an
 * injected `fetch`: HTTP redirects (read from `Location`, never followed blindly) and Taobao's
 * short pages that redirect in script. Each service gets the user agent it needs. Never called
 * implicitly: nothing reaches the network unless you call this with a `fetch`.
 *
 * In browsers, `redirect: 'manual'` hides `Location` (an opaque redirect): run this server-side.
 *
 * Every hop (the first included) goes only to http(s) on port 80 or 443 and to a public address:
 * IP literals in any spelling (`0x7f000001`, `2130706433..`, `[::ffff:127.0.0.1]`) and internal names
 * (`localhost.`, `metadata.google.internal`) are refused before any request, unless
 * `allowPrivateNetwork` is set. The time limit bounds the whole call, hops and body reads included.
 *
 * Throws `CanonicalUrlError`: `invalid_url`/`unsupported_scheme` for the input, `invalid_option`,
 * `fetch_failed`, `bad_response` (a malformed answer: no status, unreadable headers or body, chunks
 * that are not bytes), `too_many_hops`, `bad_redirect` (a target that is not http(s)),
 * `blocked_target` (a private, loopback, link-local or internal address, or another port), `timeout`.
 * @example
 * const { url, identity, hops } = await resolveShortLink('https://b23.tv/TUMG3e5', { fetch })
 */
export async function resolveShortLink(
  input: string,
  options: ResolveShortLinkOptions,
): Promise<ShortLinkResolution> {
  if (typeof options?.fetch !== 'function') {
    throw new CanonicalUrlError('invalid_option', 'expected options.fetch to be a function');
  }
  const maxHops = integerOption('maxHops', options.maxHops, 5, 0, MAX_HOPS, CanonicalUrlError);
  const timeoutMs = integerOption('timeoutMs', options.timeoutMs, 5000, 1, 60_000, CanonicalUrlError);
  const maxBytes = integerOption('maxBytes', options.maxBytes, 1 << 20, 0, 16 << 20, CanonicalUrlError);
  const policy = { allowPrivateNetwork: options.allowPrivateNetwork === true };
  const start = parseUrl(input);
  let current = formatUrl({ ...start, query: start.query, fragment: '' });
  const hops: ResolveHop[] = [];
  const deadlineAt = Date.now() + timeoutMs;
  const controller = new AbortController();
  const outer = options.signal;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopOuter: (() => void) | undefined;
  const deadline = new Promise<never>((_, reject) => {
    const expire = () => {
      controller.abort();
      reject(new CanonicalUrlError('timeout', `resolving ${preview(input)} took over ${timeoutMs} ms`));
    };
    timer = setTimeout(expire, timeoutMs);
    if (outer) {
      if (outer.aborted) expire();
      stopOuter = expire;
      outer.addEventListener('abort', expire, { once: true });
    }
  });
  deadline.catch(() => undefined);
  const signal = controller.signal;
  const work = (async (): Promise<ShortLinkResolution> => {
    for (;;) {
      const problem = targetProblem(current, policy);
      if (problem !== null) {
        throw new CanonicalUrlError('blocked_target', `refused to request ${preview(current)}: ${problem}`);
      }
      if (hops.length > 0) await yieldToEventLoop();
      if (signal.aborted || Date.now() >= deadlineAt) {
        throw new CanonicalUrlError('timeout', `resolving ${preview(input)} took over ${timeoutMs} ms`);
      }
      const spec = shortSpecFor(current);
      const userAgent = options.userAgent ?? USER_AGENTS[spec?.userAgent ?? 'browser'];
      let response: FetchResponseLike;
      try {
        response = await options.fetch(current, {
          method: 'GET',
          redirect: 'manual',
          headers: { 'user-agent': userAgent, accept: 'text/html,*/*' },
          signal,
        });
      } catch (cause) {
        if (isCanonicalUrlError(cause)) throw cause;
        throw new CanonicalUrlError('fetch_failed', `fetch failed for ${preview(current)}`, { cause });
      }
      const { status, location } = readHead(response, current);
      let target: string | null = location;
      let via: ResolveHop['via'] = 'location';
      if (!target && status === 200 && spec?.scriptRedirect) {
        const html = await readBounded(response, current, maxBytes, signal, deadlineAt);
        const scripted = scriptTarget(html);
        target = scripted === null ? metaRefreshTarget(html) : unescapeScriptString(scripted);
        via = 'script';
      }
      if (!target) {
        hops.push({ url: current, status, via: 'final' });
        const parsed = parseUrl(current);
        return { url: current, identity: matchUrl(parsed)?.identity ?? null, hops };
      }
      hops.push({ url: current, status, via });
      if (hops.length > maxHops) {
        throw new CanonicalUrlError('too_many_hops', `more than ${maxHops} redirects from ${preview(input)}`);
      }
      current = nextUrl(target, current);
    }
  })();
  // If the deadline wins, the abandoned work may still reject: that must not surface as unhandled.
  work.catch(() => undefined);
  try {
    return await Promise.race([work, deadline]);
  } finally {
    if (timer !== undefined) clearTimeout(timer);
    if (stopOuter) outer?.removeEventListener('abort', stopOuter);
    // Whatever is still running for this call (a body that ignores abort) is told to stop.
    controller.abort();
  }
}

/** The most redirects `maxHops` may allow. */
export const MAX_HOPS = 20;
