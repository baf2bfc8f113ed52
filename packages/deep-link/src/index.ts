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
export {
  type AlipayMiniProgram,
  type MiniProgramTarget,
  miniProgramLink,
  type WeChatMiniProgram,
} from './miniprogram.js';
export { isUnsafeAppLink, type ParseAppLinkOptions, parseAppLink } from './parse.js';
export { type PlanOpenInput, type PlanOpenOptions, planOpen } from './plan.js';
export type {
  OpenEnvironment,
  OpenGuideStep,
  OpenLinkStep,
  OpenPlan,
  OpenStep,
  OpenWebStep,
} from './plan-types.js';
export { APP_IDS, APPS, getApp, type PlatformWithoutApp, type StoreLinks, storeLinks } from './table.js';
export type { AppLinks, AppLinkTarget, ParsedAppLink, UnsafeAppLink, ViaForm, ViaStep } from './types.js';
export {
  type BrowserFamily,
  detectBrowser,
  detectInAppBrowser,
  detectOs,
  IN_APP_BROWSERS,
  type InAppBrowser,
  type InAppBrowserId,
  type OsName,
} from './ua.js';
