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
 * Each platform's names and home page, one row per platform id: the display fields of the registry
 * rows, without the matching data (`getPlatform(id)` gives both).
 * @example
 * PLATFORM_DISPLAY.jd.nameZh   // '京东'
 * PLATFORM_DISPLAY.xianyu.home // 'https://www.goofish.com/'
 */
export const PLATFORM_DISPLAY = {
  taobao: { name: 'Taobao', nameZh: '淘宝', home: 'https://www.taobao.com/' },
  tmall: { name: 'Tmall', nameZh: '天猫', home: 'https://www.tmall.com/' },
  xianyu: { name: 'Xianyu', nameZh: '闲鱼', home: 'https://www.goofish.com/' },
  jd: { name: 'JD.com', nameZh: '京东', home: 'https://www.jd.com/' },
  pinduoduo: { name: 'Pinduoduo', nameZh: '拼多多', home: 'https://mobile.yangkeduo.com/' },
  douyin: { name: 'Douyin', nameZh: '抖音', home: 'https://www.douyin.com/' },
  'douyin-shop': { name: 'Douyin Shop', nameZh: '抖音商城', home: 'https://haohuo.jinritemai.com/' },
  kuaishou: { name: 'Kuaishou', nameZh: '快手', home: 'https://www.kuaishou.com/' },
  xiaohongshu: { name: 'Xiaohongshu', nameZh: '小红书', home: 'https://www.xiaohongshu.com/' },
  bilibili: { name: 'Bilibili', nameZh: '哔哩哔哩', home: 'https://www.bilibili.com/' },
  weibo: { name: 'Weibo', nameZh: '微博', home: 'https://weibo.com/' },
  '1688': { name: '1688', nameZh: '阿里巴巴1688', home: 'https://www.1688.com/' },
  weidian: { name: 'Weidian', nameZh: '微店', home: 'https://weidian.com/' },
  aliexpress: { name: 'AliExpress', nameZh: '速卖通', home: 'https://www.aliexpress.com/' },
  amazon: { name: 'Amazon', nameZh: '亚马逊', home: 'https://www.amazon.com/' },
  tiktok: { name: 'TikTok', nameZh: 'TikTok', home: 'https://www.tiktok.com/' },
  youtube: { name: 'YouTube', nameZh: 'YouTube', home: 'https://www.youtube.com/' },
  dianping: { name: 'Dianping', nameZh: '大众点评', home: 'https://www.dianping.com/' },
  meituan: { name: 'Meituan', nameZh: '美团', home: 'https://www.meituan.com/' },
  eleme: { name: 'Ele.me', nameZh: '饿了么', home: 'https://www.ele.me/' },
} as const satisfies Record<PlatformId, PlatformDisplay>;
