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

// One table per display field, so a bundle carries only the fields it reads (a poster's caption reads the
// Chinese names alone, deep-link's app table the two names, its parser the home pages); `PLATFORM_DISPLAY`
// puts them together for code that wants whole rows. Home pages first: of the six orders, the one that
// gzips smallest in the bundles that carry all three (deep-link, resolve).

/**
 * Each platform's home page (`PLATFORM_DISPLAY[id].home`): where an app link of no known content form leads
 * on the web.
 * @example
 * PLATFORM_HOMES.xianyu // 'https://www.goofish.com/'
 */
export const PLATFORM_HOMES = {
  taobao: 'https://www.taobao.com/',
  tmall: 'https://www.tmall.com/',
  xianyu: 'https://www.goofish.com/',
  jd: 'https://www.jd.com/',
  pinduoduo: 'https://mobile.yangkeduo.com/',
  douyin: 'https://www.douyin.com/',
  'douyin-shop': 'https://haohuo.jinritemai.com/',
  kuaishou: 'https://www.kuaishou.com/',
  xiaohongshu: 'https://www.xiaohongshu.com/',
  bilibili: 'https://www.bilibili.com/',
  weibo: 'https://weibo.com/',
  '1688': 'https://www.1688.com/',
  weidian: 'https://weidian.com/',
  aliexpress: 'https://www.aliexpress.com/',
  amazon: 'https://www.amazon.com/',
  tiktok: 'https://www.tiktok.com/',
  youtube: 'https://www.youtube.com/',
  dianping: 'https://www.dianping.com/',
  meituan: 'https://www.meituan.com/',
  eleme: 'https://www.ele.me/',
} as const satisfies Record<PlatformId, string>;

/**
 * Each platform's English name, one per platform id (`PLATFORM_DISPLAY[id].name`).
 * @example
 * PLATFORM_NAMES.jd // 'JD.com'
 */
export const PLATFORM_NAMES = {
  taobao: 'Taobao',
  tmall: 'Tmall',
  xianyu: 'Xianyu',
  jd: 'JD.com',
  pinduoduo: 'Pinduoduo',
  douyin: 'Douyin',
  'douyin-shop': 'Douyin Shop',
  kuaishou: 'Kuaishou',
  xiaohongshu: 'Xiaohongshu',
  bilibili: 'Bilibili',
  weibo: 'Weibo',
  '1688': '1688',
  weidian: 'Weidian',
  aliexpress: 'AliExpress',
  amazon: 'Amazon',
  tiktok: 'TikTok',
  youtube: 'YouTube',
  dianping: 'Dianping',
  meituan: 'Meituan',
  eleme: 'Ele.me',
} as const satisfies Record<PlatformId, string>;

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
