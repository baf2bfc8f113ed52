import type { AppId } from './apps.js';
import { getApp } from './table.js';

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
    ...(row.ios?.appStoreId ? { ios: `https://apps.apple.com/cn/app/id${row.ios.appStoreId}` } : {}),
  };
}
