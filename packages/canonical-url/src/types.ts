import type { IdCodecName } from './ids.js';

/** The platforms sharekit knows. Every other package keys its per-platform data by these ids. */
export const PLATFORM_IDS = [
  'taobao',
  'tmall',
  'jd',
  'pinduoduo',
  'douyin',
  'douyin-shop',
  'kuaishou',
  'xiaohongshu',
  'bilibili',
  'weibo',
  'xianyu',
  '1688',
  'weidian',
  'aliexpress',
  'amazon',
  'tiktok',
  'youtube',
  'dianping',
  'meituan',
  'eleme',
] as const;

export type PlatformId = (typeof PLATFORM_IDS)[number];

/**
 * Whether a value is one of sharekit's platform ids (Alipay, `wechat` and unknown names are not).
 * @example
 * isPlatformId('jd')     // true
 * isPlatformId('alipay') // false
 */
export function isPlatformId(value: unknown): value is PlatformId {
  return (PLATFORM_IDS as readonly unknown[]).includes(value);
}

/**
 * The type of a per-platform table written as an array when its rows name every platform id through
 * `Key`; otherwise an object naming the missing ids, so `ROWS satisfies EveryPlatform<typeof ROWS, 'id'>`
 * fails the type check on a missing row (a wrong id already fails the row type).
 * @example
 * const ROWS = [{ id: 'jd' }] satisfies readonly { id: PlatformId }[];
 * ROWS satisfies EveryPlatform<typeof ROWS, 'id'>; // error: missingRows 'taobao' | 'tmall' | …
 */
export type EveryPlatform<Rows extends readonly object[], Key extends keyof Rows[number]> = [
  Exclude<PlatformId, Rows[number][Key]>,
] extends [never]
  ? Rows
  : { readonly missingRows: Exclude<PlatformId, Rows[number][Key]> };

/**
 * What a link points at. `short` is a short link whose target is only known after resolving it;
 * `page` is any other page of a platform's own site (no id); `search` carries the query as its id;
 * `collection` is a board, playlist or mix; `miniprogram` a WeChat/Alipay Mini Program page.
 */
export const CONTENT_KINDS = [
  'item',
  'video',
  'note',
  'post',
  'user',
  'shop',
  'live',
  'short',
  'page',
  'article',
  'search',
  'topic',
  'music',
  'collection',
  'campaign',
  'miniprogram',
] as const;
export type ContentKind = (typeof CONTENT_KINDS)[number];

/** The identity of a platform link: the same product, video or note always has the same identity. */
export interface LinkIdentity {
  readonly platform: PlatformId;
  readonly kind: ContentKind;
  /** The platform's own id (item id, SKU, aweme id, note id, BV id, ASIN…); `null` for short links and pages. */
  readonly id: string | null;
  /** The canonical https URL (for short links: the cleaned short link). */
  readonly url: string;
}

/**
 * One URL shape that carries an id: where it is found (host, path or query key).
 * Hosts are exact names or `*.domain` (any subdomain on a label boundary, and the domain itself).
 */
export interface LinkForm {
  /** Hosts this form applies to; absent = every host of the platform. */
  readonly hosts?: readonly string[];
  /** Anchored host pattern whose named group `id` holds the id (Taobao `shop{id}.taobao.com`). */
  readonly hostPattern?: RegExp;
  /** Anchored path pattern; the id is the named group `id`. Other named groups become template slots. */
  readonly path?: RegExp;
  /** Query keys holding the id, tried in order. */
  readonly query?: readonly string[];
  /** Match query keys case-insensitively (Weidian `itemID` / `itemId`). @default false */
  readonly queryKeyCaseInsensitive?: boolean;
}

/** One content kind of a platform: its id pattern, canonical URL and the forms that carry it. */
export interface KindSpec {
  readonly kind: ContentKind;
  /** Anchored pattern a valid id matches (after normalisation). */
  readonly idPattern: RegExp;
  /**
   * Canonical URL template. Slots: `{id}`, `{domain}` (the platform domain the link was on) and any
   * named group of the matching form's path pattern.
   */
  readonly canonical: string;
  /** Template used when a slot of `canonical` other than `{id}`/`{domain}` is unknown (TikTok without the user). */
  readonly fallbackCanonical?: string;
  /** Query parameters kept on the canonical URL besides the id (e.g. Xiaohongshu `xsec_token`). */
  readonly keep?: readonly string[];
  /** Percent-encode the id where the canonical template writes it (search queries). @default false */
  readonly encodeId?: boolean;
  /** How an id found in a link is normalised before validation (upper-casing, av → BV…). */
  /** `decode`: percent-decoded (search queries written in the path). */
  readonly normalizeId?: 'upper' | 'lower' | 'bilibili-video' | 'weibo-mid' | 'decode';
  /** The codec of this kind's second id spelling (Bilibili's av number); see `alternateId`. */
  readonly alternateId?: IdCodecName;
  readonly forms: readonly LinkForm[];
}

/** What following a platform's short link needs from its redirect service (`resolveShortLink` alone reads it). */
export interface ShortLinkFetch {
  /** Which user agent the redirect service needs to answer with the real target. @default 'browser' */
  readonly userAgent?: 'browser' | 'mobile' | 'iphone' | 'jd-app' | 'wechat';
  /** The target is written into an HTML page's script (Taobao), not a `Location` header. */
  readonly scriptRedirect?: boolean;
}

/** A short-link host (or path prefix) of a platform, as links are matched against it. */
export interface ShortLinkMatch {
  readonly host: string;
  /** Only paths starting with this prefix are short links (e.g. Kuaishou `www.kuaishou.com/f/`). */
  readonly pathPrefix?: string;
  /** Only links carrying this query key are short links (Pinduoduo `goods.html?ps=`). */
  readonly requireQuery?: string;
  /** Query parameters kept on the cleaned short link (Taobao `tk`, JD `jkl`). */
  readonly keep?: readonly string[];
}

/** A short-link host (or path prefix) of a platform, and how to resolve it. */
export interface ShortLinkSpec extends ShortLinkMatch, ShortLinkFetch {}

/** One row of the platform registry. */
export interface PlatformRow {
  readonly id: PlatformId;
  readonly name: string;
  readonly nameZh: string;
  /** The platform's home page: where an app link of no known content form leads on the web. */
  readonly home: string;
  /** Registrable domains of the platform; a host belongs to it when equal to or a subdomain of one. */
  readonly domains: readonly string[];
  readonly shortLinks: readonly ShortLinkSpec[];
  readonly kinds: readonly KindSpec[];
  /** Tracking parameters dropped from links of this platform whose kind is not recognised. */
  readonly tracking: readonly string[];
}

/**
 * A registry row without its display fields (`name`, `nameZh`, `home`): what matching links needs.
 * Every `PlatformRow` is one.
 */
export type MatchRow = Omit<PlatformRow, 'name' | 'nameZh' | 'home' | 'shortLinks'> & {
  /** The short-link hosts without what following them needs (`SHORT_LINK_FETCH` in short-fetch.ts). */
  readonly shortLinks: readonly ShortLinkMatch[];
};
