import type { ContentKind, PlatformId } from '@sharekit/canonical-url/core';
import type { PlatformWithoutApp } from './table.js';

/*
 * The app table: one row per app, keyed by canonical-url's platform ids plus `wechat` and `alipay`.
 * Every fact comes from the project's deep-link notes (deep-links.md), which cite their public
 * sources; the confidence tags are the notes' own:
 *   A = official doc or the app's own data/code, B = two or more independent third-party sources,
 *   C = one third-party source, or sources disagree.
 * Nothing here was tested on a device. Schemes change without notice: re-test before relying on one.
 *
 * Templates have named slots:
 *   {id}   the content id (as canonical-url spells it; `alternateId` writes its second spelling)
 *   {url}  a web URL the app should open in its web view
 *   {link} a nested app link (an https wrapper carrying the app's scheme link)
 *   {web}  the web fallback of an https wrapper
 * A query value `{name}` whose template has `json.name` is a JSON object, percent-encoded.
 * A link or web-view template written without a scheme is in the row's first scheme
 * (`item/{id}` in Xiaohongshu's row is `xhsdiscover://item/{id}`); `APPS` (table.ts) writes it out.
 * Adding an app, a kind or a wrapper = adding data here, never a branch in the code.
 */

/** How sure the table is about a form: A official/own code, B two sources, C one source or disputed. */
export type Confidence = 'A' | 'B' | 'C';

/**
 * The apps of the table: every platform of canonical-url's registry except `PlatformWithoutApp`, plus
 * WeChat and Alipay (apps that are no platform). `APP_IDS` (table.ts) is the same list as a value.
 */
export type AppId = Exclude<PlatformId, PlatformWithoutApp> | 'wechat' | 'alipay';

/**
 * The date the notes' sources were read for this table (nothing was tested on a device).
 * @example
 * APPS.every((row) => row.lastVerified === LAST_VERIFIED) // true
 */
export const LAST_VERIFIED = '2026-11-20';

/** A scheme link for one content kind. */
export interface SchemeTemplate {
  readonly kind: ContentKind;
  /** URL template with named slots, e.g. `xhsdiscover://item/{id}`. */
  readonly template: string;
  /** JSON objects for query slots (JD `params`); their string values may hold slots. */
  readonly json?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Only this OS understands the form. @default both */
  readonly os?: 'android' | 'ios';
  /**
   * The link spells the id in its kind's second spelling (canonical-url `alternateId`: Bilibili's aid);
   * the canonical spelling is read back too.
   */
  readonly alternateId?: boolean;
  /**
   * The canonical id is this prefix and the number the link writes (Bilibili `cv`, `ep`, `ss`, `am`); a
   * link that writes the prefix too is read the same. Parse-only forms.
   */
  readonly idPrefix?: string;
  /** Why writing the canonical id is doubtful, when an `alternateId` link gets an id without a second spelling. */
  readonly canonicalUnconfirmed?: string;
  /** Literal query keys that must be present and equal when parsing (they tell forms apart). */
  readonly require?: readonly string[];
  /** Only emitted for identities whose canonical host is one of these (JD: not the .hk store). */
  readonly hosts?: readonly string[];
  readonly confidence: Confidence;
  /** Recognised when parsing, never emitted. */
  readonly parseOnly?: boolean;
  /** Why the form is doubtful; present = unconfirmed. */
  readonly unconfirmed?: string;
  /**
   * The content has no web page (Mini Programs, in-app ids): parsing reads kind and id from the
   * link and gives the app's home page as the web URL. Never emitted. Needs `idPattern` when the
   * template has an `{id}`; a template without one names the kind alone (a search page with no query).
   */
  readonly webless?: boolean;
  /** Anchored pattern the id of a `webless` form matches. */
  readonly idPattern?: RegExp;
}

/** "Open this web page inside the app": the `{url}` slot holds the page. */
export interface WebviewTemplate {
  readonly template: string;
  /** Literal query keys that must be present and equal when parsing. */
  readonly require?: readonly string[];
  readonly json?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  readonly confidence: Confidence;
  readonly parseOnly?: boolean;
  readonly unconfirmed?: string;
}

/** An https URL that opens the app with a nested app link (`{link}`), e.g. JD's universal-link page. */
export interface HttpsWrapper {
  readonly template: string;
  /** The nested link it carries is preferably the kind scheme or the web-view wrapper. */
  readonly wraps: 'scheme' | 'webview';
  /** Apple universal link (opens the app on iOS without a prompt where allowed). */
  readonly universal: boolean;
  readonly confidence: Confidence;
  readonly parseOnly?: boolean;
}

/** A scheme that mirrors web URLs: `{scheme}{rest}` opens `{web}{rest}` (Taobao, Pinduoduo, Amazon iOS). */
export interface PrefixMap {
  readonly scheme: string;
  readonly web: string;
  /** Platforms whose web links the mirror is accepted for. */
  readonly platforms: readonly PlatformId[];
  /** Emit it for kinds without their own template. */
  readonly build: boolean;
  readonly os?: 'android' | 'ios';
  readonly confidence: Confidence;
}

/** A Mini Program link template (WeChat URL Scheme, Alipay startapp): `MINI_PROGRAM_TEMPLATES` in `./open`. */
export interface MiniProgramTemplate {
  readonly name: 'ticket' | 'plaintext' | 'startapp';
  readonly template: string;
  readonly confidence: Confidence;
}

export interface AppRow {
  readonly id: AppId;
  readonly name: string;
  readonly nameZh: string;
  /** Web home page of an app that is no platform (WeChat, Alipay); platforms use canonical-url's `home`. */
  readonly home?: string;
  /** Every scheme the app answers to, lower-case. */
  readonly schemes: readonly string[];
  /** Other apps' spellings of the same scheme (iOS, Lite builds), mapped to the main one. C unless noted. */
  readonly schemeAliases?: Readonly<Record<string, string>>;
  readonly android: { readonly package: string; readonly alternatives?: readonly string[] } | null;
  readonly links: readonly SchemeTemplate[];
  readonly webviews: readonly WebviewTemplate[];
  readonly httpsWrappers: readonly HttpsWrapper[];
  readonly prefixMaps: readonly PrefixMap[];
  /** Web hosts whose pages are themselves universal links of the app. */
  readonly universalHosts?: readonly string[];
  /** Android opens the app from an intent on the https URL (`scheme=https`). */
  readonly intentHttps?: boolean;
  /** The row's overall confidence: the notes' per-app tag, and its weakest part when the tag is split (A / C → C). */
  readonly confidence: Confidence;
  readonly lastVerified: string;
}

/** The id of a `webless` search: any keyword (decoded), bounded. */
const KEYWORD = /^[\s\S]{1,256}$/;
/** A numeric `webless` id. */
const DIGITS = /^[1-9]\d{0,19}$/;

const TBOPEN_H5 =
  'tbopen://m.taobao.com/tbopen/index.html?action=ali.open.nav&module=h5&bootImage=0&h5Url={url}';

/**
 * A row as written: an app of a platform takes its names from canonical-url's registry (the one
 * source of display names, filled in by `APPS` in table.ts); WeChat and Alipay, which are no
 * platform, write their own. A row writes `lastVerified` only when it differs from the table's
 * `LAST_VERIFIED`, and `links`/`webviews`/`httpsWrappers`/`prefixMaps` only when it has some (`APPS` fills in
 * the rest).
 */
export type AppEntry = Omit<
  AppRow,
  'id' | 'name' | 'nameZh' | 'lastVerified' | 'links' | 'webviews' | 'httpsWrappers' | 'prefixMaps'
> &
  Partial<Pick<AppRow, 'lastVerified' | 'links' | 'webviews' | 'httpsWrappers' | 'prefixMaps'>> &
  ({ readonly id: Extract<AppId, PlatformId> } | Pick<AppRow, 'id' | 'name' | 'nameZh'>);

// One row per AppId: every platform but `PlatformWithoutApp` (1688, Weidian), and the two non-platform apps.
const ROWS = [
  {
    id: 'taobao',
    schemes: ['taobao', 'tbopen'],
    // taobaolite: 淘宝特价版; tbopen is the scheme of Taobao's own wake script.
    schemeAliases: { taobaolite: 'taobao', taobaotravel: 'taobao', itaobao: 'taobao', taobaohd: 'taobao' },
    android: { package: 'com.taobao.taobao', alternatives: ['com.taobao.litetao'] },
    links: [
      { kind: 'item', template: 'item.taobao.com/item.htm?id={id}', confidence: 'B' },
      {
        kind: 'shop',
        template: 'shop.m.taobao.com/shop/shop_index.htm?shop_id={id}',
        confidence: 'B',
      },
    ],
    webviews: [
      { template: TBOPEN_H5, confidence: 'A' },
      { template: 'tbopen://m.taobao.com/tbopen/index.html?h5Url={url}', confidence: 'A', parseOnly: true },
      { template: 'm.taobao.com/tbopen/index.html?h5Url={url}', confidence: 'A', parseOnly: true },
    ],
    httpsWrappers: [
      {
        template: 'https://b.mashort.cn/ulk/taobao?smburl={link}',
        wraps: 'webview',
        universal: true,
        confidence: 'A',
        // Taobao's own wake script, iOS 9 and later
      },
      {
        template: 'https://ace.tb.cn/t?smburl={link}',
        wraps: 'webview',
        universal: false,
        confidence: 'C',
        parseOnly: true,
      },
    ],
    // "Many tools just swap https:// for taobao:// on any taobao URL" (B).
    prefixMaps: [
      { scheme: 'taobao://', web: 'https://', platforms: ['taobao', 'tmall'], build: false, confidence: 'B' },
    ],
    universalHosts: ['m.tb.cn'],
    confidence: 'B',
  },
  {
    id: 'tmall',
    schemes: ['tmall'],
    android: { package: 'com.tmall.wireless' },
    links: [
      { kind: 'item', template: 'page.tm/itemDetail?itemId={id}', confidence: 'B' },
      { kind: 'search', template: 'page.tm/search?q={id}', confidence: 'B', parseOnly: true },
      { kind: 'shop', template: 'page.tm/shop?shopId={id}', confidence: 'C', parseOnly: true },
    ],
    webviews: [{ template: 'page.tm/appLink?h5Url={url}', confidence: 'C' }],
    confidence: 'B',
    // Old iOS form tmall://tmallclient/?{"action":"item:id=…"} is not emitted. Apps fall back to the Taobao item
    // scheme with the same id.
  },
  {
    id: 'jd',
    schemes: ['openapp.jdmobile'],
    // openjd: the spelling of several Android launchers and assistants.
    schemeAliases: { 'openapp.jdipad': 'openapp.jdmobile', openjd: 'openapp.jdmobile' },
    android: { package: 'com.jingdong.app.mall' },
    links: [
      {
        kind: 'item',
        template: 'virtual?params={params}',
        json: { params: { category: 'jump', des: 'productDetail', skuId: '{id}' } },
        hosts: ['item.jd.com'],
        confidence: 'B',
      },
      {
        kind: 'search',
        template: 'virtual?params={params}',
        json: { params: { category: 'jump', des: 'productList', keyWord: '{id}' } },
        confidence: 'B',
        parseOnly: true,
      },
      {
        kind: 'shop',
        template: 'virtual?params={params}',
        json: { params: { category: 'jump', des: 'jshopMain', shopId: '{id}' } },
        confidence: 'B',
        parseOnly: true,
      },
    ],
    webviews: [
      {
        template: 'virtual?params={params}',
        json: { params: { category: 'jump', des: 'm', url: '{url}' } },
        confidence: 'A',
      },
    ],
    httpsWrappers: [
      {
        template: 'https://linkst.m.jd.com/ul/ul.action?{link}',
        wraps: 'scheme',
        universal: true,
        confidence: 'A',
        // JD's own H5 script; the same prefix constant is in the decompiled app
      },
    ],
    confidence: 'B',
    // The scheme is case-insensitive in practice (openApp.jdMobile); iPad uses openApp.jdiPad. JD Worldwide (.hk)
    // items get no scheme: whether their SKU opens the same product is unconfirmed.
  },
  {
    id: 'pinduoduo',
    schemes: ['pinduoduo'],
    android: { package: 'com.xunmeng.pinduoduo' },
    links: [
      {
        kind: 'item',
        template: 'com.xunmeng.pinduoduo/goods.html?goods_id={id}',
        confidence: 'A',
      },
    ],
    webviews: [
      {
        template: 'com.xunmeng.pinduoduo/duo_coupon_landing.html?url={url}',
        confidence: 'C',
      },
    ],
    prefixMaps: [
      {
        scheme: 'pinduoduo://com.xunmeng.pinduoduo/',
        web: 'https://mobile.yangkeduo.com/',
        platforms: ['pinduoduo'],
        build: true,
        confidence: 'B',
      },
    ],
    confidence: 'B',
  },
  {
    id: 'douyin',
    schemes: ['snssdk1128'],
    schemeAliases: { aweme: 'snssdk1128', snssdk2329: 'snssdk1128', douyin: 'snssdk1128' },
    android: { package: 'com.ss.android.ugc.aweme' },
    links: [
      {
        kind: 'search',
        template: 'search/video?keyword={id}',
        confidence: 'C',
        parseOnly: true,
      },
      {
        kind: 'search',
        template: 'search/aigc?search_keyword={id}',
        confidence: 'C',
        parseOnly: true,
      },
      { kind: 'video', template: 'aweme/detail/{id}', confidence: 'B' },
      { kind: 'user', template: 'user/profile/{id}', confidence: 'B', parseOnly: true },
      { kind: 'live', template: 'live?room_id={id}', confidence: 'B', parseOnly: true },
      { kind: 'live', template: 'webcast_room?room_id={id}', confidence: 'B', parseOnly: true },
      { kind: 'live', template: 'webcast_room?id={id}', confidence: 'B', parseOnly: true },
      { kind: 'music', template: 'music/detail/{id}', confidence: 'B', parseOnly: true },
      { kind: 'topic', template: 'challenge/detail/{id}', confidence: 'B', parseOnly: true },
      { kind: 'collection', template: 'mix/detail/{id}', confidence: 'C', parseOnly: true },
      { kind: 'search', template: 'search?keyword={id}', confidence: 'B', parseOnly: true },
      // A place (POI: a shop, a restaurant, a sight); the web has no page for its id.
      {
        kind: 'shop',
        template: 'poi/detail?id={id}',
        webless: true,
        idPattern: DIGITS,
        confidence: 'B',
        parseOnly: true,
      },
      {
        kind: 'search',
        template: 'search/result?keyword={id}',
        confidence: 'B',
        parseOnly: true,
      },
      {
        kind: 'miniprogram',
        template: 'microapp?app_id={id}',
        webless: true,
        idPattern: /^tt[0-9a-f]{16,18}$/,
        confidence: 'B',
        parseOnly: true,
      },
      {
        kind: 'miniprogram',
        template: 'microgame?app_id={id}',
        webless: true,
        idPattern: /^tt[0-9a-f]{16,18}$/,
        confidence: 'B',
        parseOnly: true,
      },
    ],
    webviews: [
      { template: 'webview?url={url}&from=webview&refer=web', confidence: 'C' },
      { template: 'webview?url={url}', confidence: 'C', parseOnly: true },
    ],
    confidence: 'B',
    // Notes and slides share aweme/detail with videos, so they get no scheme (the kind could not be read back).
    // user/profile takes the numeric uid and live takes room_id, while web links carry sec_uid and web_rid: not
    // emitted.
  },
  {
    id: 'douyin-shop',
    schemes: ['snssdk1128'],
    android: { package: 'com.ss.android.ugc.aweme' },
    links: [
      {
        kind: 'item',
        template: 'ec_goods_detail?promotion_id={id}',
        confidence: 'B',
        unconfirmed: 'whether the web product id is the promotion_id or the product_id is not confirmed',
      },
      {
        kind: 'item',
        template: 'ec_goods_detail?product_id={id}',
        confidence: 'B',
        parseOnly: true,
      },
      {
        kind: 'item',
        template: 'goods/seeding/?promotion_id={id}',
        confidence: 'B',
        parseOnly: true,
      },
      {
        // The shop's buy-now page (a Lynx view): id= is the product, combo_id the SKU.
        kind: 'item',
        template: 'lynxview/?channel=fe_lynx_commerce_buynow&id={id}',
        require: ['channel'],
        confidence: 'C',
        parseOnly: true,
      },
      {
        kind: 'shop',
        template: 'goods/store?sec_shop_id={id}',
        webless: true,
        idPattern: /^[\w-]{4,64}$/,
        confidence: 'B',
        parseOnly: true,
      },
    ],
    confidence: 'B',
  },
  {
    id: 'kuaishou',
    schemes: ['kwai'],
    schemeAliases: { ksnebula: 'kwai', kwaiying: 'kwai' },
    android: { package: 'com.smile.gifmaker', alternatives: ['com.kuaishou.nebula'] },
    links: [
      {
        kind: 'video',
        template: 'work/{id}',
        confidence: 'B',
        unconfirmed: 'that kwai://work/ accepts the web photoId is unconfirmed',
      },
      { kind: 'user', template: 'profile/{id}', confidence: 'B', parseOnly: true },
      { kind: 'live', template: 'live/play/{id}', confidence: 'B', parseOnly: true },
    ],
    webviews: [
      { template: 'webview?url={url}', confidence: 'B' },
      { template: 'yodaweb?url={url}', confidence: 'B', parseOnly: true },
    ],
    confidence: 'C',
    // kwai://profile/{uid} and kwai://live/play/{id} take app ids that differ from the web profile/live ids: not
    // emitted.
  },
  {
    id: 'xiaohongshu',
    schemes: ['xhsdiscover'],
    android: { package: 'com.xingin.xhs' },
    links: [
      { kind: 'item', template: 'page/goods/{id}', confidence: 'C', parseOnly: true },
      { kind: 'note', template: 'comments/{id}', confidence: 'C', parseOnly: true },
      { kind: 'topic', template: 'topic?topicId={id}', confidence: 'C', parseOnly: true },
      { kind: 'user', template: 'user/{id}/followers', confidence: 'C', parseOnly: true },
      { kind: 'user', template: 'user/{id}/follows', confidence: 'C', parseOnly: true },
      { kind: 'note', template: 'item/{id}', confidence: 'A' },
      // Ids written with their type, as the app's own data spells them (`discovery.…`, `user.…`).
      { kind: 'note', template: 'item/discovery.{id}', confidence: 'C', parseOnly: true },
      { kind: 'user', template: 'user/user.{id}', confidence: 'C', parseOnly: true },
      { kind: 'search', template: 'search/keyword={id}', confidence: 'C', parseOnly: true },
      { kind: 'note', template: 'video_feed/{id}', confidence: 'B', parseOnly: true },
      { kind: 'user', template: 'user/{id}', confidence: 'B' },
      { kind: 'item', template: 'goods_detail/{id}', confidence: 'B', parseOnly: true },
      { kind: 'collection', template: 'board/{id}', confidence: 'B', parseOnly: true },
      { kind: 'topic', template: 'topic/{id}', confidence: 'B', parseOnly: true },
      {
        kind: 'search',
        template: 'search/result?keyword={id}',
        confidence: 'B',
        parseOnly: true,
      },
      {
        kind: 'live',
        template: 'live_audience?room_id={id}',
        webless: true,
        idPattern: /^\d{6,24}$/,
        confidence: 'B',
        parseOnly: true,
      },
    ],
    confidence: 'B',
    // xsec_token is not carried by the scheme; shared notes may need it on the web.
  },
  {
    id: 'bilibili',
    schemes: ['bilibili'],
    android: { package: 'tv.danmaku.bili' },
    links: [
      {
        kind: 'video',
        template: 'av/{id}',
        alternateId: true,
        confidence: 'C',
        parseOnly: true,
      },
      {
        kind: 'music',
        template: 'music/detail/{id}',
        webless: true,
        idPattern: /^[1-9]\d{0,12}$/,
        confidence: 'C',
        parseOnly: true,
      },
      {
        kind: 'collection',
        template: 'music/playlist/spacepage/{id}',
        webless: true,
        idPattern: /^[1-9]\d{0,12}$/,
        confidence: 'C',
        parseOnly: true,
      },
      {
        kind: 'collection',
        template: 'cheese/season/{id}',
        webless: true,
        idPattern: /^[1-9]\d{0,12}$/,
        confidence: 'C',
        parseOnly: true,
      },
      {
        kind: 'video',
        template: 'video/{id}',
        alternateId: true,
        canonicalUnconfirmed: 'the app accepting a BV id is reported by one third-party client only',
        confidence: 'B',
      },
      { kind: 'user', template: 'space/{id}', confidence: 'B' },
      { kind: 'live', template: 'live/{id}', confidence: 'B' },
      { kind: 'post', template: 'opus/detail/{id}', confidence: 'B' },
      { kind: 'search', template: 'search?keyword={id}', confidence: 'C', parseOnly: true },
      { kind: 'article', template: 'article/{id}', idPrefix: 'cv', confidence: 'B', parseOnly: true },
      // Seasons and episodes of series and films: the web's ss / ep ids.
      { kind: 'video', template: 'bangumi/season/{id}', idPrefix: 'ss', confidence: 'B', parseOnly: true },
      { kind: 'video', template: 'pgc/season/{id}', idPrefix: 'ss', confidence: 'B', parseOnly: true },
      { kind: 'video', template: 'pgc/season/ep/{id}', idPrefix: 'ep', confidence: 'B', parseOnly: true },
      { kind: 'post', template: 'following/detail/{id}', confidence: 'B', parseOnly: true },
      {
        kind: 'collection',
        template: 'music/menu/detail/{id}',
        idPrefix: 'am',
        confidence: 'B',
        parseOnly: true,
      },
    ],
    confidence: 'B',
    // Videos are written with the numeric aid (preferred); BV ids are accepted back (one third-party client).
  },
  {
    id: 'weibo',
    schemes: ['sinaweibo'],
    schemeAliases: { weibointernational: 'sinaweibo', sinaweibohd: 'sinaweibo' },
    android: { package: 'com.sina.weibo' },
    links: [
      { kind: 'post', template: 'detail?weiboid={id}', confidence: 'C', parseOnly: true },
      { kind: 'post', template: 'comment?id={id}', confidence: 'C', parseOnly: true },
      { kind: 'user', template: 'userprofile?userid={id}', confidence: 'C', parseOnly: true },
      {
        kind: 'live',
        template: 'wblive?live_id={id}',
        webless: true,
        idPattern: /^\d{4}:\d{6,30}$/,
        confidence: 'C',
        parseOnly: true,
      },
      {
        kind: 'topic',
        template: 'supertopic?containerid={id}',
        webless: true,
        idPattern: /^[0-9a-f]{10,64}$/,
        confidence: 'C',
        parseOnly: true,
      },
      { kind: 'post', template: 'detail?mblogid={id}', confidence: 'A' },
      { kind: 'user', template: 'userinfo?uid={id}', confidence: 'A' },
      {
        // A personal domain name (weibo.com/{name}) in uid=: a user the web knows by name only.
        kind: 'user',
        template: 'userinfo?uid={id}',
        webless: true,
        idPattern: /^[a-z][a-z0-9_]{3,29}$/i,
        confidence: 'C',
        parseOnly: true,
      },
      { kind: 'user', template: 'userinfo?userid={id}', confidence: 'C', parseOnly: true },
      // A user by nickname (weibo.com/n/{nick}).
      {
        kind: 'user',
        template: 'userinfo?nick={id}',
        webless: true,
        idPattern: /^\S{1,30}$/,
        confidence: 'B',
        parseOnly: true,
      },
      { kind: 'user', template: 'userprofile', webless: true, confidence: 'C', parseOnly: true },
      {
        // A page by container id: super topics are 100808 + 32 hex digits.
        kind: 'topic',
        template: 'pageinfo?containerid={id}',
        webless: true,
        idPattern: /^100808[0-9a-f]{32}$/,
        confidence: 'A',
        parseOnly: true,
      },
      { kind: 'search', template: 'searchall?q={id}', confidence: 'A', parseOnly: true },
    ],
    confidence: 'A',
  },
  {
    id: 'xianyu',
    schemes: ['fleamarket'],
    schemeAliases: { idlefish: 'fleamarket' },
    android: { package: 'com.taobao.idlefish' },
    links: [
      { kind: 'item', template: 'item?id={id}', confidence: 'A' },
      { kind: 'item', template: 'awesome_detail?id={id}', confidence: 'C', parseOnly: true },
      { kind: 'item', template: 'awesome_detail?itemId={id}', confidence: 'C', parseOnly: true },
    ],
    webviews: [
      {
        template: '2.taobao.com/onepiece?source=auto&action=ali.open.nav&module=h5&bootimage=0&h5Url={url}',
        confidence: 'C',
      },
    ],
    confidence: 'A',
  },
  {
    id: 'aliexpress',
    schemes: ['aliexpress'],
    // aliexpresshd: the AliExpress app's scheme on iPad and in older builds.
    schemeAliases: { aliexpresshd: 'aliexpress' },
    android: { package: 'com.alibaba.aliexpresshd' },
    links: [{ kind: 'item', template: 'product/detail?productId={id}', confidence: 'A' }],
    intentHttps: true,
    confidence: 'A',
  },
  {
    id: 'amazon',
    schemes: ['com.amazon.mobile.shopping'],
    schemeAliases: { 'com.amazon.mobile.shopping.web': 'com.amazon.mobile.shopping' },
    android: { package: 'com.amazon.mShop.android.shopping' },
    // iOS: the local store's web URL with the app's scheme.
    prefixMaps: [
      {
        scheme: 'com.amazon.mobile.shopping://',
        web: 'https://',
        platforms: ['amazon'],
        build: true,
        os: 'ios',
        confidence: 'B',
      },
    ],
    intentHttps: true,
    confidence: 'B',
  },
  {
    id: 'tiktok',
    schemes: ['snssdk1233'],
    // snssdk1180: the regional build (com.ss.android.ugc.trill); tiktok: listed beside both in apps' scheme checks.
    schemeAliases: { snssdk1180: 'snssdk1233', tiktok: 'snssdk1233' },
    android: { package: 'com.zhiliaoapp.musically', alternatives: ['com.ss.android.ugc.trill'] },
    links: [
      {
        kind: 'video',
        template: 'aweme/detail/{id}',
        confidence: 'C',
        unconfirmed: 'the Douyin scheme with 1233; the source says "verify yourself"',
      },
      // Profile links are written with the @handle (without the @) by most public code.
      { kind: 'user', template: 'user/profile/{id}', confidence: 'C', parseOnly: true },
      {
        kind: 'live',
        template: 'live?room_id={id}',
        webless: true,
        idPattern: /^\d{6,24}$/,
        confidence: 'C',
        parseOnly: true,
      },
    ],
    webviews: [{ template: 'webview?url={url}', confidence: 'C', parseOnly: true }],
    confidence: 'C',
    // The scheme carries no @user, so a parsed video links to the web form without the handle.
  },
  {
    id: 'youtube',
    schemes: ['vnd.youtube', 'youtube'],
    android: { package: 'com.google.android.youtube' },
    links: [
      { kind: 'video', template: 'vnd.youtube:{id}', os: 'android', confidence: 'B' },
      { kind: 'video', template: 'youtube://www.youtube.com/watch?v={id}', os: 'ios', confidence: 'B' },
    ],
    prefixMaps: [
      {
        scheme: 'youtube://',
        web: 'https://',
        platforms: ['youtube'],
        build: false,
        os: 'ios',
        confidence: 'B',
      },
    ],
    universalHosts: ['www.youtube.com', 'm.youtube.com', 'youtube.com', 'youtu.be'],
    confidence: 'B',
  },
  {
    id: 'dianping',
    schemes: ['dianping'],
    schemeAliases: { dianpinghd: 'dianping' },
    android: { package: 'com.dianping.v1' },
    links: [
      {
        kind: 'shop',
        template: 'shopinfo?id={id}',
        confidence: 'A',
        unconfirmed: 'newer web shop ids are alphanumeric and may differ from the numeric app id (C)',
      },
      { kind: 'shop', template: 'shopinfo?shopid={id}', confidence: 'A', parseOnly: true },
      {
        kind: 'search',
        template: 'searchshoplist?keyword={id}',
        webless: true,
        idPattern: KEYWORD,
        confidence: 'A',
        parseOnly: true,
      },
      { kind: 'search', template: 'search', webless: true, confidence: 'C', parseOnly: true },
    ],
    httpsWrappers: [
      {
        template: 'https://link.dianping.com/universal-link?originalUrl={web}&schema={link}',
        wraps: 'scheme',
        universal: true,
        confidence: 'B',
      },
    ],
    confidence: 'B',
  },
  {
    id: 'meituan',
    schemes: ['imeituan', 'meituanwaimai'],
    android: { package: 'com.sankuai.meituan', alternatives: ['com.sankuai.meituan.takeoutnew'] },
    links: [
      {
        kind: 'shop',
        template: 'www.meituan.com/mrn?mrn_biz=meishi&poiId={id}',
        require: ['mrn_biz'],
        confidence: 'C',
        unconfirmed:
          'the notes elide further mrn parameters, and the web restaurant id is not confirmed to be the poiId',
      },
      {
        // A scenic spot's page (景点): its poi id, which no web page is known for.
        kind: 'shop',
        template: 'www.meituan.com/travel/poi?id={id}',
        webless: true,
        idPattern: DIGITS,
        confidence: 'C',
        parseOnly: true,
      },
      {
        kind: 'search',
        template: 'www.meituan.com/search?q={id}',
        webless: true,
        idPattern: KEYWORD,
        confidence: 'B',
        parseOnly: true,
      },
      {
        kind: 'search',
        template: 'meituanwaimai://waimai.meituan.com/search?query={id}',
        webless: true,
        idPattern: KEYWORD,
        confidence: 'B',
        parseOnly: true,
      },
    ],
    webviews: [{ template: 'www.meituan.com/web?url={url}', confidence: 'C' }],
    confidence: 'B',
  },
  {
    id: 'eleme',
    schemes: ['eleme'],
    android: { package: 'me.ele' },
    // A restaurant (its own API's field) and a search: no web page, so read (webless) and never built.
    links: [
      {
        kind: 'shop',
        template: 'catering?restaurant_id={id}',
        webless: true,
        idPattern: DIGITS,
        confidence: 'A',
        parseOnly: true,
      },
      {
        kind: 'search',
        template: 'search?keyword={id}',
        webless: true,
        idPattern: KEYWORD,
        confidence: 'C',
        parseOnly: true,
      },
    ],
    confidence: 'C',
  },
  {
    id: 'wechat',
    name: 'WeChat',
    nameZh: '微信',
    home: 'https://weixin.qq.com/',
    schemes: ['weixin'],
    schemeAliases: { wechat: 'weixin' },
    android: { package: 'com.tencent.mm' },
    links: [
      {
        kind: 'miniprogram',
        template: 'dl/business/?appid={id}',
        webless: true,
        idPattern: /^wx[0-9a-f]{16}$/,
        confidence: 'A',
        parseOnly: true,
      },
    ],
    confidence: 'A',
    // Most weixin://dl/* paths are dead. Inside WeChat use the wx-open-launch-app / wx-open-launch-weapp tags. URL
    // Links (wxaurl.cn) are server-generated.
  },
  {
    id: 'alipay',
    name: 'Alipay',
    nameZh: '支付宝',
    home: 'https://www.alipay.com/',
    schemes: ['alipays', 'alipay'],
    schemeAliases: { alipayqr: 'alipays' },
    android: { package: 'com.eg.android.AlipayGphone' },
    webviews: [
      {
        template: 'platformapi/startapp?appId=20000067&url={url}',
        require: ['appId'],
        confidence: 'A',
      },
    ],
    // Mini Program app ids have 16 digits; Alipay's own functions (20000067, 10000007…) have 8.
    links: [
      {
        kind: 'miniprogram',
        template: 'platformapi/startapp?appId={id}',
        webless: true,
        idPattern: /^20\d{14}$/,
        confidence: 'A',
        parseOnly: true,
      },
    ],
    httpsWrappers: [
      {
        template: 'https://ds.alipay.com/?scheme={link}',
        wraps: 'webview',
        universal: false,
        confidence: 'A',
      },
      {
        template: 'https://render.alipay.com/p/s/i/?scheme={link}',
        wraps: 'webview',
        universal: false,
        confidence: 'A',
        parseOnly: true,
        // used inside Alipay
      },
    ],
    confidence: 'A',
  },
] satisfies readonly AppEntry[];

/**
 * `Rows` when its rows name every `AppId`, else an object naming the missing ones (so a missing row
 * fails the type check, like canonical-url's `EveryPlatform`).
 */
type EveryApp<Rows extends readonly { readonly id: AppId }[]> = [Exclude<AppId, Rows[number]['id']>] extends [
  never,
]
  ? Rows
  : { missingRows: Exclude<AppId, Rows[number]['id']> };

/** The app table as written (names of platform apps not repeated: see `APPS`), one row per `AppId`. */
export const APP_ROWS: readonly AppEntry[] = ROWS satisfies EveryApp<typeof ROWS>;

/**
 * Wrappers that belong to no app of the table: 应用宝 (Tencent's store) hands a scheme to the app
 * from inside WeChat on Android when the app is approved for it.
 * @example
 * STORE_WRAPPERS[0]?.template // 'https://a.app.qq.com/o/simple.jsp?pkgname={package}&android_schema={link}'
 */
export const STORE_WRAPPERS: readonly HttpsWrapper[] = [
  {
    template: 'https://a.app.qq.com/o/simple.jsp?pkgname={package}&android_schema={link}',
    wraps: 'scheme',
    universal: false,
    confidence: 'A',
    // 应用宝 micro-download link; the scheme hand-off needs YYB approval
  },
];
