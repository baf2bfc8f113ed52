// Short-link fetch facts: a column beside the registry rows (platforms.ts), in a file of its own so a
// bundle that splits code loads it with short-link following (resolve.ts), not with the registry.
import type { ShortLinkFetch, ShortLinkMatch, ShortLinkSpec } from './types.js';

/**
 * What following a short link needs, by short-link host (the `userAgent` and `scriptRedirect` of the
 * rows' `shortLinks`; each host is one platform's): a column of its own, so only `resolveShortLink`
 * reads it; `PLATFORMS` and `getPlatform` put it back into each row's short links.
 */
export const SHORT_LINK_FETCH: Readonly<Record<string, ShortLinkFetch>> = {
  // Taobao's short pages answer 200 with the target in a script.
  'm.tb.cn': { scriptRedirect: true },
  'e.tb.cn': { scriptRedirect: true },
  's.tb.cn': { scriptRedirect: true },
  'c.tb.cn': { scriptRedirect: true },
  '3.cn': { userAgent: 'jd-app' },
  'v.douyin.com': { userAgent: 'mobile' },
  'jx.douyin.com': { userAgent: 'mobile' },
  'mapp.api.weibo.cn': { userAgent: 'wechat' },
  'dpurl.cn': { userAgent: 'iphone' },
};

/**
 * A row's short link with what following it needs: the one place the column is joined back to the rows
 * (`PLATFORMS`, `getPlatform` and `resolveShortLink` all read short links through it).
 * @example
 * withFetchFacts({ host: 'm.tb.cn', keep: ['tk'] }) // { host: 'm.tb.cn', keep: ['tk'], scriptRedirect: true }
 */
export function withFetchFacts(short: ShortLinkMatch): ShortLinkSpec {
  return { ...short, ...SHORT_LINK_FETCH[short.host] };
}
