/*
 * `@sharekit/deep-link/open`: opening apps from a page, kept out of the main entry (which reads and
 * writes app links) so a bundle that only parses or builds links does not carry them: `planOpen` and
 * the user-agent readers it uses, store links and the apps' iOS ids, Mini Program links and their
 * templates. `openApp` (running a plan in the page) is `@sharekit/deep-link/browser`.
 */
export {
  type AlipayMiniProgram,
  MINI_PROGRAM_TEMPLATES,
  type MiniProgramTarget,
  miniProgramLink,
  type WeChatMiniProgram,
} from './miniprogram.js';
export { type PlanOpenInput, type PlanOpenOptions, planOpen } from './plan.js';
export type * from './plan-types.js';
export { IOS_APPS, type IosApp, type StoreLinks, storeLinks } from './store.js';
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
