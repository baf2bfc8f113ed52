import { describe, expect, it } from 'vitest';
import { isDeepLinkError, toAppLinks } from '../src/index.js';
import { planOpen } from '../src/open.js';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return isDeepLinkError(error) ? error.code : `not a DeepLinkError: ${String(error)}`;
  }
  return undefined;
}

const INSTAGRAM_IOS =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Instagram 330.0.0.0 (iPhone14,2; iOS 17_5; en_US)';
const FACEBOOK_IOS =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [FBAN/FBIOS;FBAV/460.0.0.0;FBBV/1;FBDV/iPhone14,2;FBMD/iPhone;FBSN/iOS;FBSV/17.5;FBSS/3;FBCR/;FBID/phone;FBLC/en_US;FBOP/5]';
const FACEBOOK_ANDROID =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/125.0 Mobile Safari/537.36 [FB_IAB/FB4A;FBAV/460.0.0.0;]';

/**
 * Issue 15, finding 10: inside Instagram and Facebook, a target with only an Android intent (an
 * AliExpress store, Amazon built for Android) gave an `open` step without a URL.
 */
describe('planOpen in Meta in-app browsers (issue 15, finding 10)', () => {
  const CASES: readonly (readonly [string, string, string, { os?: 'android' | 'ios' }])[] = [
    ['Instagram on iOS', INSTAGRAM_IOS, 'https://www.aliexpress.com/store/1234', {}],
    ['Facebook on iOS', FACEBOOK_IOS, 'https://www.aliexpress.us/store/1234567', {}],
    [
      'Instagram on iOS, links built for Android',
      INSTAGRAM_IOS,
      'https://www.amazon.com/dp/B08N5WRWNW',
      { os: 'android' },
    ],
    ['Facebook on Android', FACEBOOK_ANDROID, 'https://www.aliexpress.com/store/1234', {}],
  ];
  for (const [name, userAgent, target, options] of CASES) {
    it(`gives every step a URL in ${name} for ${target}`, () => {
      const plan = planOpen({ target, userAgent }, options);
      expect(plan.steps.length).toBeGreaterThan(0);
      for (const step of plan.steps) expect(step.url).toMatch(/^(?:https:|intent:)/);
    });
  }
});

/** Issue 15, finding 10: `too_deep` and `params_too_large` reach callers of toAppLinks and planOpen too. */
describe('documented limits thrown through toAppLinks (issue 15, finding 10)', () => {
  let nested = 'xhsdiscover://item/64b5f3a2000000001e03a1b2';
  for (let i = 0; i < 9; i++) {
    nested =
      i % 2 === 0
        ? `alipays://platformapi/startapp?appId=20000067&url=${encodeURIComponent(nested)}`
        : `https://ds.alipay.com/?scheme=${encodeURIComponent(nested)}`;
  }
  const bigJd = `openapp.jdmobile://virtual?params=${encodeURIComponent(
    JSON.stringify({ category: 'jump', des: 'productDetail', skuId: '100012043978', pad: 'x'.repeat(5000) }),
  )}`;

  it('throws too_deep from toAppLinks and planOpen for a wrapper bomb', () => {
    expect(codeOf(() => toAppLinks(nested))).toBe('too_deep');
    expect(codeOf(() => planOpen({ target: nested, userAgent: INSTAGRAM_IOS }))).toBe('too_deep');
  });

  it('throws params_too_large from toAppLinks for a JD params JSON over its bound', () => {
    expect(codeOf(() => toAppLinks(bigJd))).toBe('params_too_large');
  });
});
