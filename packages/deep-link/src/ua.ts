import { DeepLinkError } from './errors.js';

/*
 * In-app browser detection from the user agent: case-insensitive substring tests, as the
 * libraries named in the notes do (callapp-lib, web-launch-app, inapp-spy). One row per host app;
 * the first row with a matching token wins, so more specific apps come first (WeCom's UA also says
 * MicroMessenger, TikTok's also says BytedanceWebview).
 * Chinese UA samples in public collections are ~2020 vintage: re-capture before relying on them.
 */

/**
 * The in-app browsers `detectInAppBrowser` names.
 * @example
 * IN_APP_BROWSERS.includes('wecom') // true
 */
export const IN_APP_BROWSERS = [
  'wecom',
  'wechat',
  'dingtalk',
  'alipay',
  'taobao',
  'tmall',
  'weibo',
  'qzone',
  'qq',
  'tiktok',
  'douyin',
  'toutiao',
  'kuaishou',
  'xiaohongshu',
  'bilibili',
  'jd',
  'pinduoduo',
  'dianping',
  'eleme',
  'zhihu',
  'baidu',
  'threads',
  'instagram',
  'facebook',
  'line',
  'snapchat',
  'linkedin',
  'twitter',
  'google',
] as const;

export type InAppBrowserId = (typeof IN_APP_BROWSERS)[number];

export type OsName = 'ios' | 'android' | 'harmonyos' | 'windows' | 'macos' | 'linux' | 'other';

/** The in-app browser a page runs in. */
export interface InAppBrowser {
  readonly app: InAppBrowserId;
  readonly os: OsName;
  /** The host app's version from its token, or `null` when the token carries none. */
  readonly version: string | null;
  /** WeChat Mini Program web-view (`miniProgram` token; reportedly absent on iOS). */
  readonly miniProgram: boolean;
}

interface UaRule {
  readonly app: InAppBrowserId;
  /** Lower-case substrings; any one identifies the app. A leading space means "at a token start". */
  readonly tokens: readonly string[];
  /** Lower-case prefixes followed by the version, tried in order. */
  readonly version?: readonly string[];
  /** The rule applies only when one of these is present too. */
  readonly alsoNeeds?: readonly string[];
}

/** Facts: deep-links.md §2.1 (user-agent tokens). */
const RULES: readonly UaRule[] = [
  { app: 'wecom', tokens: ['wxwork/'], version: ['wxwork/'] },
  { app: 'wechat', tokens: ['micromessenger/'], version: ['micromessenger/'] },
  { app: 'dingtalk', tokens: ['aliapp(dingtalk/', ' dingtalk/'], version: ['aliapp(dingtalk/', 'dingtalk/'] },
  { app: 'alipay', tokens: ['alipayclient/', 'aliapp(ap/'], version: ['alipayclient/', 'aliapp(ap/'] },
  { app: 'taobao', tokens: ['aliapp(tb/', 'taobrowser/'], version: ['aliapp(tb/', 'taobrowser/'] },
  { app: 'tmall', tokens: ['aliapp(tm/'], version: ['aliapp(tm/'] },
  { app: 'weibo', tokens: ['__weibo__', ' weibo ('], version: ['__weibo__'] },
  { app: 'qzone', tokens: ['qzone/'], version: ['_qz_'] },
  { app: 'qq', tokens: [' qq/'], version: [' qq/'] },
  { app: 'tiktok', tokens: ['musical_ly', ' trill_'], version: ['musical_ly_', ' trill_'] },
  {
    app: 'douyin',
    tokens: ['aweme', 'douyin_lite', 'appid/2329', 'toutiaomicroapp'],
    version: ['app_version/', 'aweme_'],
  },
  { app: 'toutiao', tokens: ['newsarticle/'], version: ['newsarticle/'] },
  // A bare ByteDance web view is Douyin when it says it runs in China, TikTok otherwise.
  { app: 'douyin', tokens: ['bytedancewebview'], alsoNeeds: ['bytelocale/zh', 'region/cn'] },
  { app: 'tiktok', tokens: ['bytedancewebview', 'bytelocale/'] },
  {
    app: 'kuaishou',
    tokens: ['kwai', 'ksnebula', 'ksthanos'],
    version: ['ksnebula/', 'kwai_lite/', 'kwai_pro/', 'kwai/'],
  },
  {
    app: 'xiaohongshu',
    tokens: [' discover/', 'xhsdiscover', 'xiaohongshu/'],
    version: [' discover/', 'xiaohongshu/'],
  },
  { app: 'bilibili', tokens: ['bilidroid/', 'bilibili/'], version: ['bilidroid/', 'bilibili/'] },
  { app: 'jd', tokens: ['jdapp;'], version: ['jdapp;iphone;', 'jdapp;android;'] },
  { app: 'pinduoduo', tokens: ['phh_android_version/'], version: ['phh_android_version/'] },
  { app: 'dianping', tokens: ['dp/com.dianping'], version: ['dp/com.dianping.v1/'] },
  { app: 'eleme', tokens: ['eleme/'], version: ['eleme/'] },
  { app: 'zhihu', tokens: ['zhihuhybrid'], version: ['zhihuhybrid '] },
  { app: 'baidu', tokens: ['baiduboxapp/'], version: ['baiduboxapp/'] },
  { app: 'threads', tokens: [' barcelona '], version: [' barcelona '] },
  { app: 'instagram', tokens: [' instagram '], version: [' instagram '] },
  { app: 'facebook', tokens: ['fban/', 'fbav/', 'fb_iab', 'fbios'], version: ['fbav/'] },
  { app: 'line', tokens: [' line/'], version: [' line/'] },
  { app: 'snapchat', tokens: ['snapchat'], version: ['snapchat/'] },
  { app: 'linkedin', tokens: ['linkedinapp'], version: ['linkedinapp]/', 'linkedinapp/'] },
  { app: 'twitter', tokens: ['twitter for', ' twitter/', 'twitterandroid'], version: [' twitter/'] },
  { app: 'google', tokens: [' gsa/'], version: [' gsa/'] },
];

/** Longest user agent read; longer strings are refused rather than guessed at. */
const MAX_UA = 8192;

function isVersionChar(c: number): boolean {
  return (c >= 48 && c <= 57) || c === 46 || c === 95;
}

/** Reads `[0-9._]+` after a prefix (underscores become dots, as in iOS's `17_0`). */
function versionAfter(ua: string, prefix: string): string | null {
  const at = ua.indexOf(prefix);
  if (at < 0) return null;
  let end = at + prefix.length;
  const start = end;
  while (end < ua.length && end - start < 32 && isVersionChar(ua.charCodeAt(end))) end++;
  while (end > start && ua[end - 1] === '_') end--;
  const raw = ua.slice(start, end);
  return raw === '' ? null : raw;
}

/**
 * The OS a user agent names (HarmonyOS first: its UAs may also say Android).
 * @example
 * detectOs('Mozilla/5.0 (Linux; Android 14; Pixel 8) …') // 'android'
 */
export function detectOs(userAgent: string): OsName {
  const ua = userAgent.toLowerCase();
  if (ua.includes('openharmony') || ua.includes('harmonyos')) return 'harmonyos';
  if (ua.includes('iphone') || ua.includes('ipad') || ua.includes('ipod')) return 'ios';
  if (ua.includes('android')) return 'android';
  if (ua.includes('windows')) return 'windows';
  if (ua.includes('macintosh') || ua.includes('mac os x')) return 'macos';
  if (ua.includes('linux') || ua.includes('x11')) return 'linux';
  return 'other';
}

function checkUa(userAgent: unknown): string {
  if (typeof userAgent !== 'string') {
    throw new DeepLinkError(
      'invalid_input',
      `expected a user-agent string, found ${userAgent === null ? 'null' : typeof userAgent}`,
    );
  }
  if (userAgent.length > MAX_UA) {
    throw new DeepLinkError(
      'too_long',
      `expected a user agent of at most ${MAX_UA} characters, found ${userAgent.length}`,
    );
  }
  return userAgent;
}

/**
 * Which app's in-app browser a user agent belongs to: WeChat, WeCom, Alipay, Weibo, QQ, Douyin,
 * Kuaishou, Xiaohongshu, Taobao, DingTalk, Facebook, Instagram, TikTok, LINE and more, with the OS
 * and the host app's version; `null` for a plain browser.
 *
 * Throws `DeepLinkError`: `invalid_input` (not a string), `too_long` (over 8192 characters).
 * @example
 * detectInAppBrowser('Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.43(0x18002b2c) NetType/WIFI Language/zh_CN')
 * // { app: 'wechat', os: 'ios', version: '8.0.43', miniProgram: false }
 */
export function detectInAppBrowser(userAgent: string): InAppBrowser | null {
  const ua = ` ${checkUa(userAgent).toLowerCase()} `;
  for (const rule of RULES) {
    if (!rule.tokens.some((t) => ua.includes(t))) continue;
    if (rule.alsoNeeds && !rule.alsoNeeds.some((t) => ua.includes(t))) continue;
    let version: string | null = null;
    for (const prefix of rule.version ?? []) {
      version = versionAfter(ua, prefix);
      if (version !== null) break;
    }
    return {
      app: rule.app,
      os: detectOs(ua),
      version,
      miniProgram: rule.app === 'wechat' && ua.includes('miniprogram'),
    };
  }
  return null;
}

/** Browsers that matter for choosing how to open an app. */
export type BrowserFamily = 'chrome' | 'safari' | 'webview' | 'vendor' | 'other';

const VENDOR_TOKENS = [
  'huaweibrowser',
  'miuibrowser',
  'heytapbrowser',
  'vivobrowser',
  'oppobrowser',
  'ucbrowser',
  'mqqbrowser',
  'quark',
  'baidubrowser',
  'sogoumobilebrowser',
  '360browser',
  'samsungbrowser',
  'edga/',
  'opr/',
  'firefox/',
];

/**
 * The browser family of a plain (not in-app) user agent: stock Chrome on Android (the only one
 * `intent:` is used for), Safari on iOS, an Android web view, a vendor browser, or other.
 * @example
 * detectBrowser('Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36') // 'chrome'
 */
export function detectBrowser(userAgent: string): BrowserFamily {
  const ua = checkUa(userAgent).toLowerCase();
  if (VENDOR_TOKENS.some((t) => ua.includes(t))) return 'vendor';
  if (ua.includes('android')) {
    if (ua.includes('; wv)') || ua.includes(' wv)') || ua.includes('version/4.0')) return 'webview';
    return ua.includes('chrome/') ? 'chrome' : 'other';
  }
  if (ua.includes('iphone') || ua.includes('ipad') || ua.includes('ipod')) {
    if (ua.includes('crios/') || ua.includes('fxios/') || ua.includes('edgios/')) return 'other';
    return ua.includes('safari/') ? 'safari' : 'webview';
  }
  return 'other';
}
