// Display facts beside the registry: the names of content kinds in English and Chinese. Platform
// names are the registry rows' `name` and `nameZh` (`getPlatform(id)`). Every package and the demo
// show these; none keeps a copy.
import type { ContentKind } from './types.js';

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
