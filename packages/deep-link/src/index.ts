/*
 * The main entry reads and writes app links (`parseAppLink`, `toAppLinks`) and holds the app table.
 * Opening apps from a page (`planOpen`, user-agent readers, `storeLinks` and `IOS_APPS`,
 * `miniProgramLink` and `MINI_PROGRAM_TEMPLATES`) is `@sharekit/deep-link/open`; running a plan
 * (`openApp`) is `@sharekit/deep-link/browser`. Every entry's types are exported here too.
 */
export {
  type AppId,
  type AppRow,
  type Confidence,
  type HttpsWrapper,
  LAST_VERIFIED,
  type MiniProgramTemplate,
  type PrefixMap,
  type SchemeTemplate,
  STORE_WRAPPERS,
  type WebviewTemplate,
} from './apps.js';
export { type ToAppLinksOptions, toAppLinks } from './build.js';
export { DEEP_LINK_ERROR_CODES, DeepLinkError, type DeepLinkErrorCode, isDeepLinkError } from './errors.js';
export type { AlipayMiniProgram, MiniProgramTarget, WeChatMiniProgram } from './miniprogram.js';
export { isUnsafeAppLink, type ParseAppLinkOptions, parseAppLink } from './parse.js';
export type { PlanOpenInput, PlanOpenOptions } from './plan.js';
export type * from './plan-types.js';
export type { IosApp, StoreLinks } from './store.js';
export { APP_IDS, APPS, getApp, type PlatformWithoutApp } from './table.js';
export type { AppLinks, AppLinkTarget, ParsedAppLink, UnsafeAppLink, ViaForm, ViaStep } from './types.js';
export type { BrowserFamily, InAppBrowser, InAppBrowserId, OsName } from './ua.js';
