import type { AppId, Confidence } from './apps.js';
import { getApp } from './table.js';

/** An app's iOS build: its bundle id and App Store id, with the notes' confidence tag. */
export interface IosApp {
  readonly bundleId?: string;
  readonly appStoreId?: string;
  readonly confidence: Confidence;
}

/**
 * iOS bundle ids and App Store ids of the table's apps, where the notes have them (not every app:
 * the notes name no iOS build for some). Kept beside `storeLinks`, their only reader, out of the
 * main entry's app rows.
 * @example
 * IOS_APPS.jd?.bundleId // 'com.360buy.jdmobile'
 */
export const IOS_APPS: Readonly<Partial<Record<AppId, IosApp>>> = {
  taobao: { bundleId: 'com.taobao.taobao4iphone', appStoreId: '387682726', confidence: 'B' },
  jd: { bundleId: 'com.360buy.jdmobile', appStoreId: '414245413', confidence: 'B' },
  pinduoduo: { bundleId: 'com.xunmeng.pinduoduo', appStoreId: '1044283059', confidence: 'B' },
  douyin: { bundleId: 'com.ss.iphone.ugc.Aweme', appStoreId: '1142110895', confidence: 'C' },
  kuaishou: { bundleId: 'com.jiangjia.gif', appStoreId: '440948110', confidence: 'C' },
  xiaohongshu: { bundleId: 'com.xingin.discover', appStoreId: '741292507', confidence: 'C' },
  bilibili: { bundleId: 'tv.danmaku.bilianime', appStoreId: '736536022', confidence: 'C' },
  weibo: { bundleId: 'com.sina.weibo', appStoreId: '350962117', confidence: 'C' },
  meituan: { bundleId: 'com.meituan.imeituan', appStoreId: '423084029', confidence: 'C' },
  eleme: { bundleId: 'me.ele.ios.eleme', appStoreId: '507161324', confidence: 'C' },
  wechat: { bundleId: 'com.tencent.xin', appStoreId: '414478124', confidence: 'C' },
  alipay: { bundleId: 'com.alipay.iphoneclient', appStoreId: '333206289', confidence: 'C' },
};

/** Store links of an app: Android market, 应用宝, App Store. */
export interface StoreLinks {
  readonly android?: string;
  readonly yyb?: string;
  readonly ios?: string;
}

/**
 * Where to install an app: `market://` (Android), 应用宝 (China) and the App Store when its id is known.
 * @example
 * storeLinks('taobao').ios // 'https://apps.apple.com/cn/app/id387682726'
 */
export function storeLinks(id: AppId): StoreLinks {
  const row = getApp(id);
  if (!row) return {};
  const pkg = row.android?.package;
  return {
    ...(pkg ? { android: `market://details?id=${pkg}` } : {}),
    ...(pkg ? { yyb: `https://a.app.qq.com/o/simple.jsp?pkgname=${pkg}` } : {}),
    ...(IOS_APPS[id]?.appStoreId
      ? { ios: `https://apps.apple.com/cn/app/id${IOS_APPS[id].appStoreId}` }
      : {}),
  };
}
