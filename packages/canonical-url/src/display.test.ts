import { describe, expect, it } from 'vitest';
import {
  PLATFORM_DISPLAY,
  PLATFORM_HOMES,
  PLATFORM_IDS,
  PLATFORM_NAMES,
  PLATFORM_NAMES_ZH,
  type PlatformId,
} from './index.js';

const COLUMNS = { name: PLATFORM_NAMES, nameZh: PLATFORM_NAMES_ZH, home: PLATFORM_HOMES } as const;

describe('the display tables', () => {
  it('have one entry per platform id in each column, and PLATFORM_DISPLAY the same ids in the same order', () => {
    const ids = [...PLATFORM_IDS].sort();
    for (const column of Object.values(COLUMNS)) {
      expect(Object.keys(column).sort()).toEqual(ids);
      expect(Object.keys(column)).toEqual(Object.keys(PLATFORM_DISPLAY));
    }
  });

  it('give each PLATFORM_DISPLAY row exactly the three fields its columns hold for that platform', () => {
    for (const [id, row] of Object.entries(PLATFORM_DISPLAY)) {
      expect(row).toEqual({
        name: COLUMNS.name[id as PlatformId],
        nameZh: COLUMNS.nameZh[id as PlatformId],
        home: COLUMNS.home[id as PlatformId],
      });
    }
  });

  it('name every platform with non-empty names and an https home page ending in a slash', () => {
    for (const id of PLATFORM_IDS) {
      expect(PLATFORM_NAMES[id]).toMatch(/^\S(?:.*\S)?$/);
      expect(PLATFORM_NAMES_ZH[id]).toMatch(/^\S(?:.*\S)?$/);
      expect(PLATFORM_HOMES[id]).toMatch(/^https:\/\/[a-z0-9.-]+\/$/);
    }
  });

  it('spell each English name and home page as the platform writes it, where no rule gives it', () => {
    expect(PLATFORM_NAMES).toEqual({
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
    });
    expect(PLATFORM_HOMES).toEqual({
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
    });
  });
});
