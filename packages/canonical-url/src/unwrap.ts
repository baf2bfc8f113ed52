import { hostMatches, rowForHost } from './host.js';
import { schemeOf, UNSAFE_SCHEMES } from './scheme.js';
import { DEFAULT_MAX_LENGTH, decodeComponent, type ParsedUrl, readUrl } from './url.js';

/*
 * Wrapper and redirect links: a page whose only job is to send the reader on to a link written in
 * one of its parameters. Two kinds, both data:
 *   - pages of sites that are no platform but wrap links people paste (chat apps' link checkers,
 *     social sites' "leave" pages): one row each, host + path + parameter;
 *   - any page of a platform's own site whose path is no content form and that carries an absolute
 *     link in a redirect-style parameter (`url=`, `target=`, `launch_url=`, `redirectURL=`…): the
 *     platforms' "leave this app" and login pages.
 * The target is never trusted because of the wrapper: whoever reads it judges it like any other link.
 */

/** A wrapper page of a site that is not a platform. */
export interface WrapperRow {
  /** Exact host, or `*.domain` for the domain and its subdomains. */
  readonly host: string;
  /** Path of the wrapper page (exact), or absent for any path. */
  readonly path?: string;
  /** Query keys that hold the target, tried in order. */
  readonly params: readonly string[];
}

/**
 * Wrapper pages of sites that are not platforms. Sources: the URL-form notes (url-forms.md §1,
 * `c.pc.qq.com/middle.html?pfurl=`), and link checkers as they appear in pasted links.
 * @example
 * WRAPPERS.some((w) => w.host === 'weixin110.qq.com') // true
 */
export const WRAPPERS: readonly WrapperRow[] = [
  { host: 'weixin110.qq.com', params: ['url'] }, // WeChat's link checker (安全中心)
  // QQ's link checker (middle.html, ios.html, pc.html)
  { host: 'c.pc.qq.com', params: ['pfurl', 'url'] },
  { host: 'mp.weixinbridge.com', path: '/mp/wapredirect', params: ['url'] }, // WeChat article outlinks
  { host: 'wx.qq.com', path: '/cgi-bin/mmwebwx-bin/webwxcheckurl', params: ['requrl'] }, // WeChat web
  { host: 'link.zhihu.com', params: ['target'] }, // Zhihu's leave page
  { host: 'link.juejin.cn', params: ['target'] }, // Juejin's leave page
  { host: 'link.csdn.net', params: ['target'] }, // CSDN's leave page
  { host: 'gitee.com', path: '/link', params: ['target'] }, // Gitee's leave page
  { host: 'www.jianshu.com', path: '/go-wild', params: ['url'] }, // Jianshu's leave page
  { host: 'www.douban.com', path: '/link2/', params: ['url'] }, // Douban's leave page
  { host: 'www.google.com', path: '/url', params: ['q', 'url'] }, // Google result redirect
  { host: 'l.facebook.com', path: '/l.php', params: ['u'] }, // Facebook leave page
  { host: 'lm.facebook.com', path: '/l.php', params: ['u'] }, // Facebook leave page (mobile)
  { host: 'l.instagram.com', params: ['u'] }, // Instagram leave page
  { host: 'l.messenger.com', path: '/l.php', params: ['u'] }, // Messenger leave page
  { host: 'slack-redir.net', path: '/link', params: ['url'] }, // Slack leave page
  { host: 'away.vk.com', path: '/away.php', params: ['to'] }, // VK leave page
  { host: 'www.youtube.com', path: '/redirect', params: ['q'] }, // YouTube's leave page
  { host: 'docs.qq.com', path: '/scenario/link.html', params: ['url'] }, // Tencent Docs' leave page
  // Shopping agents: pages that buy a Taobao, Tmall, 1688 or Weidian item for overseas buyers.
  { host: '*.superbuy.com', params: ['url'] }, // shopping agent
  { host: '*.wegobuy.com', params: ['url'] }, // shopping agent
  { host: '*.hagobuy.com', params: ['url'] }, // shopping agent
  { host: '*.kakobuy.com', params: ['url'] }, // shopping agent
  { host: '*.sugargoo.com', params: ['url', 'productLink'] }, // shopping agent
  { host: '*.pandabuy.com', params: ['url'] }, // shopping agent
  { host: '*.cssbuy.com', params: ['url'] }, // shopping agent
  { host: '*.allchinabuy.com', params: ['url'] }, // shopping agent
];

/**
 * Parameters that hold the target on a platform's own redirect pages, matched case-insensitively
 * (`redirectURL`, `ReturnUrl`, `h5Url`…). Only read on platform pages of no content form, and only
 * when the value is an absolute link.
 */
export const REDIRECT_PARAMS: readonly string[] = [
  'url',
  'u',
  'target',
  'targeturl',
  'target_url',
  'launch_url',
  'redirect',
  'redirecturl',
  'redirect_url',
  'redirect_uri',
  'returnurl',
  'return_url',
  'h5url',
  'pfurl',
  'toasturl',
  'jumpurl',
  'jump_url',
  'originalurl',
  'dest',
  'goto',
  'r',
  'redirectpath',
  'redirect_path',
];

/** How many wrappers `unwrapUrl` opens before it gives up. */
export const DEFAULT_MAX_UNWRAP = 8;

/** One wrapper opened. */
export interface UnwrapStep {
  /** Host and path of the wrapper page. */
  readonly wrapper: string;
  /** The parameter that held the target. */
  readonly param: string;
  /** The target as written in the parameter (decoded). */
  readonly target: string;
}

/** What `unwrapUrl` found. */
export interface Unwrapped {
  /** The innermost link reached (the input itself when it wraps nothing). */
  readonly url: string;
  /** Every wrapper opened, outermost first. */
  readonly steps: readonly UnwrapStep[];
  /**
   * Why unwrapping stopped early: `too-deep` (more than `maxDepth` wrappers), or `unsafe-scheme`
   * (a wrapper points at `javascript:`, `data:`…; `url` is then that target). Absent when the
   * innermost link was reached.
   */
  readonly stopped?: 'too-deep' | 'unsafe-scheme';
}

/** Options of `unwrapUrl`. */
export interface UnwrapUrlOptions {
  /** How many wrappers may be opened. 0–32. @default 8 */
  readonly maxDepth?: number;
}

/** A parameter value that is a link: absolute with a scheme, or `//host/…`; decoded once more if it still is escaped. */
function asTarget(value: string): string | null {
  let v = value.trim();
  if (/^[A-Za-z][A-Za-z0-9+.-]{0,31}%3A/i.test(v)) {
    try {
      v = decodeURIComponent(v);
    } catch {
      return null;
    }
  }
  if (v.startsWith('//')) return `https:${v}`;
  return schemeOf(v) === null ? null : v;
}

/** The target a wrapper page points at, with the parameter that held it; null when it is no wrapper. */
function targetOf(
  url: ParsedUrl,
  isContent: (url: ParsedUrl) => boolean,
): { param: string; value: string } | null {
  // The wrapper row of the page: its host is the row's (or under a `*.domain` row's domain) and so is its path.
  // No two rows share a host (degrade.test.ts checks it), so the first that fits is the one: 28 rows, each
  // test linear in the host.
  const row = WRAPPERS.find(
    (w) => hostMatches(url.host, w.host) && (w.path === undefined || url.path === w.path),
  );
  if (row) {
    for (const key of row.params) {
      const pair = url.query.find((p) => p.key === key);
      const value = pair ? asTarget(decodeComponent(pair.value)) : null;
      if (pair && value) return { param: key, value };
    }
    return null;
  }
  if (!rowForHost(url.host) || isContent(url)) return null;
  for (const pair of url.query) {
    if (!REDIRECT_PARAMS.includes(pair.key.toLowerCase())) continue;
    const value = asTarget(decodeComponent(pair.value));
    if (value !== null) return { param: pair.key, value };
  }
  return null;
}

/**
 * `parseUrl`, or `null` for text it refuses (not an http(s) URL, or past the size limit): for callers that
 * checked their input already, or read text cut out of it, which is never longer.
 */
export function parseOrNull(text: string): ParsedUrl | null {
  const read = text.length > DEFAULT_MAX_LENGTH ? null : readUrl(text);
  return read && !('code' in read) ? read : null;
}

/**
 * Opens wrappers until a link that wraps nothing is reached. `isContent` tells platform content
 * pages (which are never wrappers, whatever their parameters) from the rest.
 */
export function unwrapParsed(
  input: string,
  isContent: (url: ParsedUrl) => boolean,
  maxDepth = DEFAULT_MAX_UNWRAP,
): Unwrapped {
  const steps: UnwrapStep[] = [];
  let current = input;
  for (;;) {
    const url = parseOrNull(current);
    if (!url) return { url: current, steps };
    const found = targetOf(url, isContent);
    if (!found) return { url: current, steps };
    if (steps.length >= maxDepth) return { url: current, steps, stopped: 'too-deep' };
    steps.push({ wrapper: `${url.host}${url.path}`, param: found.param, target: found.value });
    const scheme = schemeOf(found.value);
    if (scheme !== null && UNSAFE_SCHEMES.has(scheme)) {
      return { url: found.value, steps, stopped: 'unsafe-scheme' };
    }
    if (scheme !== 'http' && scheme !== 'https') return { url: found.value, steps };
    current = found.value;
  }
}
