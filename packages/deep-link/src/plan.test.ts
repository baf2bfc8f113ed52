import { describe, expect, it } from 'vitest';
import { USER_AGENTS } from '../test/fixtures/user-agents.js';
import { thrownCode } from '../test/thrown.js';
import { planOpen } from './plan.js';

const ua = (name: string): string => {
  const found = USER_AGENTS.find((c) => c.name === name);
  if (!found) throw new Error(`no fixture ${name}`);
  return found.ua;
};

const JD = 'https://item.jd.com/100012043978.html';
const XHS = 'https://www.xiaohongshu.com/explore/64b5f3a2000000001e03a1b2';
const WECHAT_ANDROID = ua('WeChat Mini Program web view on Android');
const WECHAT_IOS = ua('WeChat 8.0.43 on iOS 17');
const CHROME_ANDROID = ua('Chrome on Android (OPPO)');
const SAFARI_IOS = ua('Safari on iOS 16');

describe('planOpen', () => {
  it('guides to the browser inside WeChat on Android, because custom schemes are blocked there', () => {
    const plan = planOpen({ target: JD, userAgent: WECHAT_ANDROID });
    expect(plan.environment).toMatchObject({ os: 'android', inApp: 'wechat' });
    expect(plan.steps).toEqual([
      {
        action: 'guide',
        guide: 'open-in-browser',
        url: JD,
        reason: expect.stringContaining('WeChat on Android blocks'),
      },
    ]);
  });

  it('tries the 应用宝 hand-off first inside WeChat on Android when asked, then guides', () => {
    const plan = planOpen({ target: JD, userAgent: WECHAT_ANDROID }, { yyb: true });
    expect(plan.steps.map((s) => s.action)).toEqual(['open', 'guide']);
    const first = plan.steps[0]!;
    expect(first.url).toMatch(
      /^https:\/\/a\.app\.qq\.com\/o\/simple\.jsp\?pkgname=com\.jingdong\.app\.mall&android_schema=openapp\.jdmobile/,
    );
    expect(plan.steps[1]).toMatchObject({ afterMs: 2500 });
  });

  it('opens the universal link inside WeChat 7.0.5+ on iOS and guides if the page stays', () => {
    const plan = planOpen({ target: JD, userAgent: WECHAT_IOS }, { timeoutMs: 2000 });
    expect(plan.steps).toEqual([
      expect.objectContaining({
        action: 'open',
        via: 'universal',
        url: expect.stringMatching(/^https:\/\/linkst\.m\.jd\.com\//),
      }),
      expect.objectContaining({ action: 'guide', afterMs: 2000 }),
    ]);
  });

  it('guides inside an older WeChat on iOS, which blocks universal links', () => {
    const plan = planOpen({
      target: JD,
      userAgent: ua('WeChat 5.0.1 on iOS 6 (older than universal-link support)'),
    });
    expect(plan.steps.map((s) => s.action)).toEqual(['guide']);
    expect(plan.steps[0]!.reason).toContain('5.0.1');
  });

  it('guides inside WeChat on iOS when the app has no universal link in the table', () => {
    const plan = planOpen({ target: XHS, userAgent: WECHAT_IOS });
    expect(plan.steps.map((s) => s.action)).toEqual(['guide']);
  });

  it('opens the intent on stock Chrome for Android, with the web page after the timeout', () => {
    const plan = planOpen({ target: XHS, userAgent: CHROME_ANDROID });
    expect(plan.steps).toEqual([
      expect.objectContaining({
        action: 'open',
        via: 'intent',
        needsUserGesture: true,
        url: expect.stringMatching(/^intent:\/\/item\//),
      }),
      expect.objectContaining({ action: 'web', url: XHS, afterMs: 2500 }),
    ]);
  });

  it('opens the scheme in an Android vendor browser or web view (they ignore intents), then falls back', () => {
    const plan = planOpen({
      target: XHS,
      userAgent: ua('QQ 7.0.0 on Android (its UA also says MQQBrowser)'),
    });
    expect(plan.environment.inApp).toBe('qq');
    expect(plan.steps).toEqual([
      expect.objectContaining({
        action: 'open',
        via: 'scheme',
        url: 'xhsdiscover://item/64b5f3a2000000001e03a1b2',
      }),
      expect.objectContaining({ action: 'web', url: XHS, afterMs: 2500 }),
    ]);
  });

  it('opens the universal link in Safari on iOS', () => {
    const plan = planOpen({ target: JD, userAgent: SAFARI_IOS });
    expect(plan.steps).toEqual([expect.objectContaining({ action: 'open', via: 'universal' })]);
  });

  it('opens the scheme with a web fallback in Safari on iOS when there is no universal link', () => {
    const plan = planOpen({ target: XHS, userAgent: SAFARI_IOS });
    expect(plan.steps.map((s) => [s.action, 'via' in s ? s.via : undefined])).toEqual([
      ['open', 'scheme'],
      ['web', undefined],
    ]);
  });

  it('guides in the in-app browsers the notes have no data for (Kuaishou, Xiaohongshu, DingTalk, Weibo, Douyin)', () => {
    for (const name of [
      'Kuaishou 6.9.2 on Android',
      'Xiaohongshu 9.1 on iOS 18',
      'DingTalk 7.0.40 on iOS 17',
      'Weibo 11.1.3 on Android 11',
      'Douyin 23.4.0 on Android 13',
      'WeCom 4.1.6 on iOS (its UA also says MicroMessenger)',
    ]) {
      expect(
        planOpen({ target: XHS, userAgent: ua(name) }).steps.map((s) => s.action),
        name,
      ).toEqual(['guide']);
    }
  });

  it('asks for a tap in the Facebook and Instagram browsers and falls back to the web page', () => {
    const plan = planOpen({ target: JD, userAgent: ua('Instagram 303 on iOS 16') });
    expect(plan.steps).toEqual([
      expect.objectContaining({ action: 'open', via: 'universal', needsUserGesture: true }),
      expect.objectContaining({ action: 'web', url: JD }),
    ]);
  });

  it('shows the web page on a desktop', () => {
    const plan = planOpen({ target: JD, userAgent: ua('Chrome on Windows') });
    expect(plan.steps).toEqual([expect.objectContaining({ action: 'web', url: JD })]);
  });

  it('shows the web page when the target has no app link', () => {
    const plan = planOpen({ target: 'https://example.com/a', userAgent: CHROME_ANDROID });
    expect(plan.steps).toEqual([expect.objectContaining({ action: 'web', url: 'https://example.com/a' })]);
  });

  it('gives every step a reason', () => {
    for (const c of USER_AGENTS) {
      for (const target of [JD, XHS, 'https://www.bilibili.com/video/BV17x411w7KC']) {
        for (const step of planOpen({ target, userAgent: c.ua }).steps)
          expect(step.reason.length).toBeGreaterThan(10);
      }
    }
  });

  it('refuses an unsafe target and a bad timeout with a DeepLinkError', () => {
    expect(thrownCode(() => planOpen({ target: 'javascript:alert(1)', userAgent: SAFARI_IOS }))).toBe(
      'unsafe_target',
    );
    expect(thrownCode(() => planOpen({ target: JD, userAgent: SAFARI_IOS }, { timeoutMs: -1 }))).toBe(
      'invalid_option',
    );
  });
});

describe('planOpen without a content scheme', () => {
  it('opens the page inside the app through its web-view wrapper when the kind has no scheme (a Douyin note)', () => {
    const plan = planOpen({
      target: 'https://www.douyin.com/note/7312345678901234567',
      userAgent: ua('Chrome on Android (OPPO)'),
    });
    expect(plan.steps[0]).toMatchObject({
      action: 'open',
      via: 'scheme',
      url: expect.stringMatching(/^snssdk1128:\/\/webview\?url=/),
    });
    expect(plan.steps[1]).toMatchObject({
      action: 'web',
      url: 'https://www.douyin.com/note/7312345678901234567',
    });
  });
});
