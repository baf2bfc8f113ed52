/* The app table with every row's display names: platform apps take theirs from canonical-url's registry. */
import { PLATFORM_DISPLAY } from '@sharekit/canonical-url/core';
import { APP_ROWS, type AppId, type AppRow, LAST_VERIFIED } from './apps.js';

/**
 * The app table, one row per app.
 * @example
 * APPS.find((row) => row.id === 'xiaohongshu')?.links[0]?.template // 'xhsdiscover://item/{id}'
 * APPS.find((row) => row.id === 'jd')?.nameZh // '京东'
 */
export const APPS: readonly AppRow[] = APP_ROWS.map((row) => {
  const { name, nameZh } = 'name' in row ? row : PLATFORM_DISPLAY[row.id];
  return { httpsWrappers: [], prefixMaps: [], lastVerified: LAST_VERIFIED, ...row, name, nameZh };
});

const BY_ID = new Map<AppId, AppRow>(APPS.map((row) => [row.id, row]));

/**
 * The table row of an app, or `undefined` for an id the table does not have.
 * @example
 * getApp('jd')?.android?.package // 'com.jingdong.app.mall'
 */
export function getApp(id: string): AppRow | undefined {
  return BY_ID.get(id as AppId);
}

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
  const row = BY_ID.get(id);
  if (!row) return {};
  const pkg = row.android?.package;
  return {
    ...(pkg ? { android: `market://details?id=${pkg}` } : {}),
    ...(pkg ? { yyb: `https://a.app.qq.com/o/simple.jsp?pkgname=${pkg}` } : {}),
    ...(row.ios?.appStoreId ? { ios: `https://apps.apple.com/cn/app/id${row.ios.appStoreId}` } : {}),
  };
}
