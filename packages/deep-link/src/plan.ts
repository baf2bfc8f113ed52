import type { LinkIdentity } from '@sharekit/canonical-url/core';
import { STORE_WRAPPERS } from './apps.js';
import { type ToAppLinksOptions, toAppLinks } from './build.js';
import { DeepLinkError } from './errors.js';
import type { OpenPlan, OpenStep } from './plan-types.js';
import { fillTemplate } from './template.js';
import type { AppLinks } from './types.js';
import { detectBrowser, detectInAppBrowser, detectOs, type InAppBrowserId, type OsName } from './ua.js';

/*
 * Choosing how to open an app from a page. What each environment allows is data (one row per
 * in-app browser, from the notes' §2.2); the strategies turn a row and the target's links into
 * ordered steps, each with its reason.
 */

/** What works in an environment. */
type Strategy =
  /** Custom schemes and universal links are blocked: show the "open in browser" overlay. */
  | 'guide'
  /** Only the web page works. */
  | 'web'
  /** Universal links work (from a given host-app version), then the overlay. */
  | 'universal-then-guide'
  /** A tap on an "Open app" button works: universal link, else scheme, then the web page. */
  | 'tap-to-open'
  /** Schemes work: scheme (or intent on stock Chrome), web fallback after a timeout. */
  | 'scheme';

interface Policy {
  readonly strategy: Strategy;
  /** universal-then-guide: the host app version from which universal links work. */
  readonly minVersion?: string;
  readonly reason: string;
}

const NO_DATA: Policy = {
  strategy: 'guide',
  reason:
    'no public data on what this in-app browser allows: default to the "open in browser" overlay and a copyable link',
};

/** Facts: deep-links.md §2.2 (what each in-app browser allows). */
const IN_APP: Readonly<Partial<Record<InAppBrowserId, Partial<Record<OsName, Policy>> & { any: Policy }>>> = {
  wechat: {
    android: {
      strategy: 'guide',
      reason: 'WeChat on Android blocks custom schemes, intents and App Links unless the app is allowlisted',
    },
    ios: {
      strategy: 'universal-then-guide',
      minVersion: '7.0.5',
      reason: 'WeChat on iOS blocks custom schemes but allows universal links since WeChat 7.0.5',
    },
    any: { strategy: 'guide', reason: 'WeChat blocks custom schemes unless the app is allowlisted' },
  },
  qq: {
    android: { strategy: 'scheme', reason: 'QQ on Android opens custom schemes (callapp-lib#26)' },
    ios: {
      strategy: 'guide',
      reason: 'QQ on iOS blocks custom schemes and universal links (since ~2018-12)',
    },
    any: { strategy: 'guide', reason: 'QQ blocks custom schemes on iOS' },
  },
  weibo: {
    any: {
      strategy: 'guide',
      reason: 'Weibo blocks custom schemes unless allowlisted, and universal links on iOS',
    },
  },
  baidu: {
    any: { strategy: 'web', reason: 'the Baidu app blocks custom schemes: only the fallback URL works' },
  },
  douyin: {
    any: {
      strategy: 'guide',
      reason: 'Douyin: treated as blocked (opening other apps needs its JS-SDK and an allowlisted domain)',
    },
  },
  alipay: {
    any: {
      strategy: 'guide',
      reason:
        "Alipay opens other apps' schemes only with approval (its own ds.alipay.com wrappers need none)",
    },
  },
  facebook: {
    any: {
      strategy: 'tap-to-open',
      reason:
        'Facebook/Instagram in-app browsers open the app from a user tap; otherwise they often land on the store',
    },
  },
  instagram: {
    any: {
      strategy: 'tap-to-open',
      reason:
        'Facebook/Instagram in-app browsers open the app from a user tap; otherwise they often land on the store',
    },
  },
  threads: { any: { strategy: 'tap-to-open', reason: 'Meta in-app browser: open the app from a user tap' } },
};

const YYB = STORE_WRAPPERS[0]!.template;

/** Compares dotted versions numerically; `null` counts as unknown (false). */
function atLeast(version: string | null, min: string): boolean {
  if (version === null) return false;
  const a = version.split('.').map((n) => Number.parseInt(n, 10) || 0);
  const b = min.split('.').map((n) => Number.parseInt(n, 10) || 0);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}

/** Options of `planOpen`. */
export interface PlanOpenOptions extends ToAppLinksOptions {
  /**
   * How long to wait for the page to be hidden (the app opened) before falling back, in ms.
   * The notes report ~2–2.5 s in practice.
   * @default 2500
   */
  readonly timeoutMs?: number;
  /**
   * Inside WeChat on Android, try the 应用宝 (YYB) link first: it hands the scheme to the app only
   * when the app is approved for it.
   * @default false
   */
  readonly yyb?: boolean;
}

/** The target and the page's user agent. */
export interface PlanOpenInput {
  readonly target: string | LinkIdentity;
  readonly userAgent: string;
}

function schemeSteps(links: AppLinks, browser: string, timeoutMs: number, reason: string): OpenStep[] {
  const fallback: OpenStep = {
    action: 'web',
    url: links.web,
    afterMs: timeoutMs,
    reason: 'the page is still visible after the timeout, so the app did not open: show the web page',
  };
  if (browser === 'chrome' && links.intent) {
    return [
      {
        action: 'open',
        via: 'intent',
        url: links.intent,
        needsUserGesture: true,
        reason: `${reason}; stock Chrome on Android opens intent:// URLs and falls back to S.browser_fallback_url itself`,
      },
      { ...fallback, reason: `${fallback.reason} (Chrome strips the fallback when it hands off)` },
    ];
  }
  if (links.scheme) {
    return [{ action: 'open', via: 'scheme', url: links.scheme, needsUserGesture: false, reason }, fallback];
  }
  return [
    {
      action: 'web',
      url: links.web,
      reason: 'the app table has no scheme for this content: show the web page',
    },
  ];
}

/**
 * Decides how to open a target from a page with the given user agent: ordered steps, each with the
 * reason for it. Inside WeChat on Android: the "open in browser" guide (custom schemes are blocked
 * there); on iOS: the universal link where it works; elsewhere the scheme (or an intent on stock
 * Chrome) with the web page as a fallback after a timeout. Run the plan with `openApp` from
 * `@sharekit/deep-link/browser`.
 *
 * Throws what `toAppLinks` and `detectInAppBrowser` throw, and `invalid_option`.
 * @example
 * planOpen({ target: 'https://item.jd.com/100012043978.html', userAgent: navigator.userAgent }).steps
 * // in WeChat on Android: [{ action: 'guide', guide: 'open-in-browser', url: 'https://item.jd.com/…', reason: '…' }]
 * // in Safari on iOS:     [{ action: 'open', via: 'universal', url: 'https://linkst.m.jd.com/ul/ul.action?…', … }, …]
 */
export function planOpen(input: PlanOpenInput, options: PlanOpenOptions = {}): OpenPlan {
  if (typeof input !== 'object' || input === null) {
    throw new DeepLinkError('invalid_input', 'expected { target, userAgent }');
  }
  const timeoutMs = options.timeoutMs ?? 2500;
  if (!Number.isInteger(timeoutMs) || timeoutMs < 0 || timeoutMs > 60_000) {
    throw new DeepLinkError(
      'invalid_option',
      `expected timeoutMs to be an integer in 0–60000, found ${timeoutMs}`,
    );
  }
  const inApp = detectInAppBrowser(input.userAgent);
  const os = detectOs(input.userAgent);
  const browser = detectBrowser(input.userAgent);
  let links = toAppLinks(input.target, options);
  const environment = { os, inApp: inApp?.app ?? null, inAppVersion: inApp?.version ?? null, browser };
  const web = links.web;
  const plan = (steps: OpenStep[]): OpenPlan => ({ environment, web, steps });
  const guide = (reason: string, afterMs?: number): OpenStep => ({
    action: 'guide',
    guide: 'open-in-browser',
    url: web,
    ...(afterMs !== undefined ? { afterMs } : {}),
    reason,
  });

  // No content scheme: the app's "open this page inside the app" wrapper is the next best app link.
  const inAppPage = links.app ? links.wrappers?.[links.app] : undefined;
  if (!links.scheme && inAppPage) links = { ...links, scheme: inAppPage };
  if (!links.scheme && !links.intent && !links.universal) {
    return plan([
      { action: 'web', url: web, reason: 'no app link exists for this target: show the web page' },
    ]);
  }
  if (os !== 'ios' && os !== 'android' && os !== 'harmonyos') {
    return plan([
      { action: 'web', url: web, reason: 'not a phone: apps cannot be opened from here, show the web page' },
    ]);
  }

  if (inApp) {
    const row = IN_APP[inApp.app];
    const policy = row?.[os] ?? row?.any ?? NO_DATA;
    switch (policy.strategy) {
      case 'web':
        return plan([{ action: 'web', url: web, reason: policy.reason }]);
      case 'guide': {
        const steps: OpenStep[] = [];
        const pkg = links.androidPackage;
        const scheme = links.scheme;
        if (options.yyb && inApp.app === 'wechat' && os === 'android' && pkg && scheme) {
          const yyb = fillTemplate(YYB, { package: pkg, link: scheme });
          steps.push({
            action: 'open',
            via: 'yyb',
            url: yyb,
            needsUserGesture: false,
            reason: '应用宝 hands the scheme to the app from inside WeChat when the app is approved for it',
          });
          steps.push(guide(`${policy.reason}; the 应用宝 page did not open the app`, timeoutMs));
          return plan(steps);
        }
        return plan([guide(policy.reason)]);
      }
      case 'universal-then-guide':
        if (links.universal && atLeast(inApp.version, policy.minVersion ?? '0')) {
          return plan([
            {
              action: 'open',
              via: 'universal',
              url: links.universal,
              needsUserGesture: false,
              reason: policy.reason,
            },
            guide(
              'the universal link did not open the app (not installed, or disabled by the user)',
              timeoutMs,
            ),
          ]);
        }
        return plan([
          guide(
            links.universal
              ? `${policy.reason}; this WeChat (${inApp.version ?? 'unknown version'}) is older`
              : `${policy.reason}; this app has no universal link in the table`,
          ),
        ]);
      case 'tap-to-open': {
        // iOS cannot open intent:// URLs; Android in-app browsers may, from a tap.
        const url =
          os === 'ios'
            ? (links.universal ?? links.scheme)
            : (links.scheme ?? links.universal ?? links.intent);
        if (url === undefined) {
          // Only an Android intent exists (an AliExpress store, Amazon built for Android): nothing to tap here.
          return plan([
            { action: 'web', url: web, reason: `${policy.reason}; no app link opens on this system` },
          ]);
        }
        const via = url === links.universal ? 'universal' : url === links.intent ? 'intent' : 'scheme';
        return plan([
          { action: 'open', via, url, needsUserGesture: true, reason: policy.reason },
          {
            action: 'web',
            url: web,
            afterMs: timeoutMs,
            reason: 'the page is still visible after the timeout: show the web page',
          },
        ]);
      }
      case 'scheme':
        return plan(schemeSteps(links, browser, timeoutMs, policy.reason));
    }
  }

  if (os === 'ios' && links.universal) {
    return plan([
      {
        action: 'open',
        via: 'universal',
        url: links.universal,
        needsUserGesture: false,
        reason:
          'iOS opens universal links without a prompt when the app is installed, and the web page otherwise',
      },
    ]);
  }
  const reason =
    os === 'ios'
      ? 'iOS browsers open custom schemes (after a prompt); the app table has no universal link for this app'
      : 'Android browsers open custom schemes; vendor browsers and web views ignore intent:// URLs';
  return plan(schemeSteps(links, browser, timeoutMs, reason));
}
