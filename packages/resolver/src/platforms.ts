import {
  type ContentKind,
  type EveryPlatform,
  type PlatformId,
  GENERIC_SHORTENERS as SHORTENERS,
} from '@sharekit/canonical-url/core';

/**
 * What the resolver knows per platform beyond canonical-url's registry (which has the display names):
 * the names people type in front of a bare id (`淘宝 634567890123`, `B站 BV17x411w7KC`) and the kinds such an id is tried as.
 * One row per platform, keyed by canonical-url's platform ids.
 */
export interface ResolverRow {
  readonly platform: PlatformId;
  /** Lower-case names and nicknames that announce a bare id of this platform. */
  readonly aliases: readonly string[];
  /** Kinds a bare id is tried as, in order. */
  readonly bareKinds: readonly ContentKind[];
}

const ROWS = [
  {
    platform: 'taobao',
    aliases: ['淘宝', '淘寶', '手淘', 'taobao'],
    bareKinds: ['item'],
  },
  { platform: 'tmall', aliases: ['天猫', '天貓', 'tmall'], bareKinds: ['item'] },
  {
    platform: 'jd',
    aliases: ['京东', '京東', 'jd', 'jd.com'],
    bareKinds: ['item'],
  },
  {
    platform: 'pinduoduo',
    aliases: ['拼多多', 'pdd', 'pinduoduo'],
    bareKinds: ['item'],
  },
  { platform: 'douyin', aliases: ['抖音', 'douyin'], bareKinds: ['video', 'note'] },
  {
    platform: 'douyin-shop',
    aliases: ['抖音商城', '抖店'],
    bareKinds: ['item'],
  },
  { platform: 'kuaishou', aliases: ['快手', 'kuaishou'], bareKinds: ['video'] },
  {
    platform: 'xiaohongshu',
    aliases: ['小红书', '小紅書', 'xhs', 'rednote', 'xiaohongshu'],
    bareKinds: ['note'],
  },
  {
    platform: 'bilibili',
    aliases: ['b站', '哔哩哔哩', 'bilibili', 'bili'],
    bareKinds: ['video'],
  },
  { platform: 'weibo', aliases: ['微博', 'weibo'], bareKinds: ['post'] },
  {
    platform: 'xianyu',
    aliases: ['闲鱼', '閒魚', 'xianyu', 'goofish'],
    bareKinds: ['item'],
  },
  { platform: '1688', aliases: ['1688', '阿里巴巴'], bareKinds: ['item'] },
  { platform: 'weidian', aliases: ['微店', 'weidian'], bareKinds: ['item'] },
  {
    platform: 'aliexpress',
    aliases: ['速卖通', 'aliexpress'],
    bareKinds: ['item'],
  },
  {
    platform: 'amazon',
    aliases: ['亚马逊', 'amazon', 'asin'],
    bareKinds: ['item'],
  },
  { platform: 'tiktok', aliases: ['tiktok'], bareKinds: ['video'] },
  { platform: 'youtube', aliases: ['youtube', '油管'], bareKinds: ['video'] },
  {
    platform: 'dianping',
    aliases: ['大众点评', '点评', 'dianping'],
    bareKinds: ['shop'],
  },
  { platform: 'meituan', aliases: ['美团', 'meituan'], bareKinds: ['shop'] },
  { platform: 'eleme', aliases: ['饿了么', 'eleme'], bareKinds: [] },
] satisfies readonly ResolverRow[];

/** One row per platform (a missing row fails the type check). */
export const RESOLVER_ROWS: readonly ResolverRow[] = ROWS satisfies EveryPlatform<typeof ROWS, 'platform'>;

/** Generic URL shorteners whose targets cannot be known without following them (canonical-url's list). */
export const GENERIC_SHORTENERS: readonly string[] = [...SHORTENERS];

/** What each content kind is called (canonical-url's one table). */
export { KIND_NAMES } from '@sharekit/canonical-url/core';
