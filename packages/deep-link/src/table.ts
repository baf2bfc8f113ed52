/* The app table with every row's display names: platform apps take theirs from canonical-url's registry. */
import {
  PLATFORM_NAMES,
  PLATFORM_NAMES_ZH,
  type PlatformId,
  writtenScheme,
} from '@sharekit/canonical-url/core';
import { APP_ROWS, type AppId, type AppRow, LAST_VERIFIED } from './apps.js';

// The notes have no app facts for 1688 and Weidian.
const WITHOUT_APP = ['1688', 'weidian'] as const satisfies readonly PlatformId[];

/** The registry platforms the table has no app for. */
export type PlatformWithoutApp = (typeof WITHOUT_APP)[number];

/**
 * The app table, one row per app.
 * @example
 * APPS.find((row) => row.id === 'xiaohongshu')?.links[0]?.template // 'xhsdiscover://item/{id}'
 * APPS.find((row) => row.id === 'jd')?.nameZh // '京东'
 */
export const APPS: readonly AppRow[] = APP_ROWS.map((row) => {
  // A template written without a scheme is in the row's first one: `item/{id}` → `xhsdiscover://item/{id}`.
  const full = <T extends { readonly template: string }>(list: readonly T[] = []): T[] =>
    list.map((t) =>
      writtenScheme(t.template) === null ? { ...t, template: `${row.schemes[0]}://${t.template}` } : t,
    );
  return {
    // WeChat and Alipay, which are no platform, write their names (the spread replaces these).
    name: PLATFORM_NAMES[row.id as PlatformId],
    nameZh: PLATFORM_NAMES_ZH[row.id as PlatformId],
    httpsWrappers: [],
    prefixMaps: [],
    lastVerified: LAST_VERIFIED,
    ...row,
    links: full(row.links),
    webviews: full(row.webviews),
  };
});

const BY_ID = new Map<AppId, AppRow>(APPS.map((row) => [row.id, row]));

/**
 * The apps of the table in canonical-url's `PLATFORM_IDS` order (the platforms with a row: all but
 * `PlatformWithoutApp`), then WeChat and Alipay: the rows' order (table test).
 * @example
 * APP_IDS.includes('alipay') // true
 * APP_IDS.includes('1688')   // false
 */
export const APP_IDS: readonly AppId[] = APPS.map((row) => row.id);

/**
 * The table row of an app, or `undefined` for an id the table does not have.
 * @example
 * getApp('jd')?.android?.package // 'com.jingdong.app.mall'
 */
export function getApp(id: string): AppRow | undefined {
  return BY_ID.get(id as AppId);
}
