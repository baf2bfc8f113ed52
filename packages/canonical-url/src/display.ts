// Display facts beside the registry: the names of platforms and of content kinds in English and
// Chinese, and each platform's home page. Every package and the demo show these; none keeps a copy.
// Kept apart from the matching rows (platforms.ts), so code that only reads links never carries them;
// `PLATFORMS` and `getPlatform` put each registry row together with its display fields.
import type { ContentKind, PlatformId } from './types.js';

/** A name to show, in English and Chinese. */
export interface DisplayName {
  readonly en: string;
  readonly zh: string;
}

/**
 * What each content kind is called, in English and Chinese (one row per kind of `CONTENT_KINDS`).
 * @example
 * KIND_NAMES.item.zh // '商品'
 * KIND_NAMES.live.en // 'live room'
 */
export const KIND_NAMES = {
  item: { en: 'item', zh: '商品' },
  video: { en: 'video', zh: '视频' },
  note: { en: 'note', zh: '笔记' },
  post: { en: 'post', zh: '动态' },
  user: { en: 'profile', zh: '主页' },
  shop: { en: 'shop', zh: '店铺' },
  live: { en: 'live room', zh: '直播间' },
  short: { en: 'short link', zh: '短链接' },
  page: { en: 'page', zh: '页面' },
  article: { en: 'article', zh: '文章' },
  search: { en: 'search', zh: '搜索' },
  topic: { en: 'topic', zh: '话题' },
  music: { en: 'music', zh: '音乐' },
  collection: { en: 'collection', zh: '合集' },
  campaign: { en: 'campaign', zh: '活动' },
  miniprogram: { en: 'mini program', zh: '小程序' },
} as const satisfies Record<ContentKind, DisplayName>;

/** What a platform shows people: its names and its home page (the `PlatformRow` fields of the same names). */
export interface PlatformDisplay {
  readonly name: string;
  readonly nameZh: string;
  /** The platform's home page: where an app link of no known content form leads on the web. */
  readonly home: string;
}

/**
 * Each platform's Chinese name, the one shoppers know it by (`PLATFORM_DISPLAY[id].nameZh`).
 * @example
 * PLATFORM_NAMES_ZH.pinduoduo // '拼多多'
 */
export const PLATFORM_NAMES_ZH = {
  taobao: '淘宝',
  tmall: '天猫',
  xianyu: '闲鱼',
  jd: '京东',
  pinduoduo: '拼多多',
  douyin: '抖音',
  'douyin-shop': '抖音商城',
  kuaishou: '快手',
  xiaohongshu: '小红书',
  bilibili: '哔哩哔哩',
  weibo: '微博',
  '1688': '阿里巴巴1688',
  weidian: '微店',
  aliexpress: '速卖通',
  amazon: '亚马逊',
  tiktok: 'TikTok',
  youtube: 'YouTube',
  dianping: '大众点评',
  meituan: '美团',
  eleme: '饿了么',
} as const satisfies Record<PlatformId, string>;

/**
 * A display column, one entry per platform id in `PLATFORM_NAMES_ZH`'s order: `rule(id, own[id])`, where the
 * rule's default parameter spells the entries that follow a rule and `own` the ones that do not. A rule is
 * cheaper than the table it replaces in every bundle that reads the column (deep-link, resolve: −100 B), and
 * display.test.ts pins each entry.
 */
function column(
  own: Partial<Record<PlatformId, string>>,
  rule: (id: string, own?: string) => string,
): Readonly<Record<PlatformId, string>> {
  const out: Record<string, string> = {};
  for (const id of Object.keys(PLATFORM_NAMES_ZH)) out[id] = rule(id, own[id as PlatformId]);
  return out as Record<PlatformId, string>;
}

// One table per display field, so a bundle carries only the fields it reads (a poster's caption reads the
// Chinese names alone, deep-link's app table the two names, its parser the home pages); `PLATFORM_DISPLAY`
// puts them together for code that wants whole rows. The Chinese names are a table (no rule spells them) and
// come first: the other columns take their ids from it.

/**
 * Each platform's home page (`PLATFORM_DISPLAY[id].home`): where an app link of no known content form leads
 * on the web. `https://www.{id}.com/` unless the platform's own host is listed.
 * @example
 * PLATFORM_HOMES.xianyu // 'https://www.goofish.com/'
 */
export const PLATFORM_HOMES: Readonly<Record<PlatformId, string>> = /* @__PURE__ */ column(
  {
    xianyu: 'www.goofish.com',
    pinduoduo: 'mobile.yangkeduo.com',
    'douyin-shop': 'haohuo.jinritemai.com',
    weibo: 'weibo.com',
    weidian: 'weidian.com',
    eleme: 'www.ele.me',
  },
  (id, host = `www.${id}.com`) => `https://${host}/`,
);

/**
 * Each platform's English name, one per platform id (`PLATFORM_DISPLAY[id].name`): the id with a capital
 * letter unless the platform writes its name otherwise.
 * @example
 * PLATFORM_NAMES.jd // 'JD.com'
 */
export const PLATFORM_NAMES: Readonly<Record<PlatformId, string>> = /* @__PURE__ */ column(
  {
    jd: 'JD.com',
    'douyin-shop': 'Douyin Shop',
    aliexpress: 'AliExpress',
    tiktok: 'TikTok',
    youtube: 'YouTube',
    eleme: 'Ele.me',
  },
  (id, name = id.charAt(0).toUpperCase() + id.slice(1)) => name,
);

/**
 * `PLATFORM_DISPLAY`'s type: each platform's row of the three tables' entries.
 * @example
 * const jd: PlatformDisplayTable['jd'] = PLATFORM_DISPLAY.jd; // { name: 'JD.com', nameZh: '京东', home: 'https://www.jd.com/' }
 */
export type PlatformDisplayTable = {
  readonly [Id in PlatformId]: {
    readonly name: (typeof PLATFORM_NAMES)[Id];
    readonly nameZh: (typeof PLATFORM_NAMES_ZH)[Id];
    readonly home: (typeof PLATFORM_HOMES)[Id];
  };
};

function displayRows(): PlatformDisplayTable {
  const rows: Record<string, PlatformDisplay> = {};
  for (const id of Object.keys(PLATFORM_NAMES) as PlatformId[])
    rows[id] = { name: PLATFORM_NAMES[id], nameZh: PLATFORM_NAMES_ZH[id], home: PLATFORM_HOMES[id] };
  return rows as PlatformDisplayTable;
}

/**
 * Each platform's names and home page, one row per platform id: the display fields of the registry
 * rows, without the matching data (`getPlatform(id)` gives both). Built from `PLATFORM_NAMES`,
 * `PLATFORM_NAMES_ZH` and `PLATFORM_HOMES`; a bundle that does not read it does not carry it.
 * @example
 * PLATFORM_DISPLAY.jd.nameZh   // '京东'
 * PLATFORM_DISPLAY.xianyu.home // 'https://www.goofish.com/'
 */
export const PLATFORM_DISPLAY: PlatformDisplayTable = /* @__PURE__ */ displayRows();
