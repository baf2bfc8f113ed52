import { CanonicalUrlError, isCanonicalUrlError, preview } from './errors.js';
import { hostMatches, rowForHost } from './host.js';
import { matchUrl } from './identify.js';
import type { LinkIdentity, ShortLinkSpec } from './types.js';
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
export interface ResolveOptions {
  /** The fetch to use. Nothing reaches the network unless the caller passes one. */
  readonly fetch: FetchLike;
  /** Most redirects followed. @default 5 */
  readonly maxHops?: number;
  /** Time limit for the whole resolution, in milliseconds. @default 5000 */
  readonly timeoutMs?: number;
  /** Most bytes read from one response body (for script redirects). @default 1048576 */
  readonly maxBytes?: number;
  /** Override the user agent sent (normally chosen per short-link service). */
  readonly userAgent?: string;
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
const USER_AGENTS: Record<NonNullable<ShortLinkSpec['userAgent']>, string> = {
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
  return row?.shortLinks.find(
    (s) => hostMatches(parsed.host, s.host) && (!s.pathPrefix || parsed.path.startsWith(s.pathPrefix)),
  );
}

/**
 * Script redirects as Taobao's short pages write them: `var url = '…';` followed by
 * `location.replace(url)`, or a literal `location.replace('…')` / `location.href = '…'`.
 */
const SCRIPT_TARGETS: readonly RegExp[] = [
  /\bvar\s{1,8}url\s{0,8}=\s{0,8}['"](https?:\/\/[^'"\s<>]{1,4096})['"]/,
  /\blocation\.(?:replace|assign)\(\s{0,8}['"](https?:\/\/[^'"\s<>]{1,4096})['"]/,
  /\blocation\.href\s{0,8}=\s{0,8}['"](https?:\/\/[^'"\s<>]{1,4096})['"]/,
];

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

async function readBounded(response: FetchResponseLike, maxBytes: number): Promise<string> {
  const body = response.body;
  if (!body || typeof body.getReader !== 'function') {
    const text = await response.text();
    return text.length > maxBytes ? text.slice(0, maxBytes) : text;
  }
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let read = 0;
  while (read < maxBytes) {
    const { done, value } = await reader.read();
    if (done || !value) break;
    const chunk = read + value.byteLength > maxBytes ? value.subarray(0, maxBytes - read) : value;
    read += chunk.byteLength;
    text += decoder.decode(chunk, { stream: true });
  }
  await reader.cancel().catch(() => undefined);
  return text + decoder.decode();
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

/**
 * Follows a short link (`m.tb.cn`, `3.cn`, `v.douyin.com`, `b23.tv`, …) to its target with an
 * injected `fetch`: HTTP redirects (read from `Location`, never followed blindly) and Taobao's
 * short pages that redirect in script. Each service gets the user agent it needs. Never called
 * implicitly: nothing reaches the network unless you call this with a `fetch`.
 *
 * In browsers, `redirect: 'manual'` hides `Location` (an opaque redirect): run this server-side.
 *
 * Throws `CanonicalUrlError`: `invalid_url`/`unsupported_scheme` for the input, `fetch_failed`,
 * `too_many_hops`, `bad_redirect` (a target that is not http(s)), `timeout`.
 * @example
 * const { url, identity, hops } = await resolveShortLink('https://b23.tv/TUMG3e5', { fetch })
 */
export async function resolveShortLink(input: string, options: ResolveOptions): Promise<ShortLinkResolution> {
  if (typeof options?.fetch !== 'function') {
    throw new CanonicalUrlError('invalid_option', 'expected options.fetch to be a function');
  }
  const maxHops = options.maxHops ?? 5;
  const timeoutMs = options.timeoutMs ?? 5000;
  const maxBytes = options.maxBytes ?? 1 << 20;
  for (const [name, value] of [
    ['maxHops', maxHops],
    ['timeoutMs', timeoutMs],
    ['maxBytes', maxBytes],
  ] as const) {
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new CanonicalUrlError(
        'invalid_option',
        `expected ${name} to be a non-negative integer, found ${value}`,
      );
    }
  }
  const start = parseUrl(input);
  let current = formatUrl({ ...start, query: start.query, fragment: '' });
  const hops: ResolveHop[] = [];
  const controller = typeof AbortController === 'function' ? new AbortController() : undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller?.abort();
      reject(new CanonicalUrlError('timeout', `resolving ${preview(input)} took over ${timeoutMs} ms`));
    }, timeoutMs);
  });
  const work = (async (): Promise<ShortLinkResolution> => {
    for (;;) {
      const spec = shortSpecFor(current);
      const userAgent = options.userAgent ?? USER_AGENTS[spec?.userAgent ?? 'browser'];
      let response: FetchResponseLike;
      try {
        response = await options.fetch(current, {
          method: 'GET',
          redirect: 'manual',
          headers: { 'user-agent': userAgent, accept: 'text/html,*/*' },
          ...(controller ? { signal: controller.signal } : {}),
        });
      } catch (cause) {
        if (isCanonicalUrlError(cause)) throw cause;
        throw new CanonicalUrlError('fetch_failed', `fetch failed for ${preview(current)}`, { cause });
      }
      if (!response || typeof response.status !== 'number') {
        throw new CanonicalUrlError('fetch_failed', `fetch returned no response for ${preview(current)}`);
      }
      if (response.type === 'opaqueredirect') {
        throw new CanonicalUrlError(
          'fetch_failed',
          'the redirect is opaque (browser fetch with redirect: manual); resolve short links server-side',
        );
      }
      const location =
        response.status >= 300 && response.status < 400 ? response.headers.get('location') : null;
      let target: string | null = location;
      let via: ResolveHop['via'] = 'location';
      if (!target && response.status === 200 && spec?.scriptRedirect) {
        const html = await readBounded(response, maxBytes);
        for (const pattern of SCRIPT_TARGETS) {
          const m = pattern.exec(html);
          if (m?.[1]) {
            target = unescapeScriptString(m[1]);
            break;
          }
        }
        target ??= metaRefreshTarget(html);
        via = 'script';
      }
      if (!target) {
        hops.push({ url: current, status: response.status, via: 'final' });
        const parsed = parseUrl(current);
        return { url: current, identity: matchUrl(parsed)?.identity ?? null, hops };
      }
      hops.push({ url: current, status: response.status, via });
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
  }
}
