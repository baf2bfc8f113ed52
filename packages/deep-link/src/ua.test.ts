import { describe, expect, it } from 'vitest';
import { USER_AGENTS } from '../test/fixtures/user-agents.js';
import { thrownCode } from '../test/thrown.js';
import { detectBrowser, detectInAppBrowser } from './ua.js';

describe('detectInAppBrowser on real user agents', () => {
  for (const c of USER_AGENTS) {
    it(`reads ${c.name} (${c.source})`, () => {
      const r = detectInAppBrowser(c.ua);
      expect(r === null ? null : { app: r.app, os: r.os, version: r.version }).toEqual(c.expected);
    });
  }

  it('marks the WeChat Mini Program web view', () => {
    const mini = USER_AGENTS.find((c) => c.name.includes('Mini Program'))!;
    expect(detectInAppBrowser(mini.ua)?.miniProgram).toBe(true);
    const plain = USER_AGENTS.find((c) => c.name.startsWith('WeChat 8.0.43'))!;
    expect(detectInAppBrowser(plain.ua)?.miniProgram).toBe(false);
  });

  it('treats a bare ByteDance web view that says it runs in China as Douyin', () => {
    const ua =
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 BytedanceWebview/d8a21c6 ByteLocale/zh-Hans Region/CN';
    expect(detectInAppBrowser(ua)?.app).toBe('douyin');
  });

  it('returns null for an empty user agent', () => {
    expect(detectInAppBrowser('')).toBeNull();
  });

  it('throws invalid_input for a non-string and too_long for a huge user agent', () => {
    expect(thrownCode(() => detectInAppBrowser(undefined as unknown as string))).toBe('invalid_input');
    expect(thrownCode(() => detectInAppBrowser(`MicroMessenger/${'1'.repeat(9000)}`))).toBe('too_long');
  });
});

describe('detectBrowser on real user agents', () => {
  const cases: [string, string][] = [
    ['Chrome on Android (OPPO)', 'chrome'],
    ['Safari on iOS 16', 'safari'],
    ['Chrome on iOS 16', 'other'],
    ['QQ 7.0.0 on Android (its UA also says MQQBrowser)', 'vendor'],
    ['Facebook 442 on Android', 'webview'],
    ['Instagram 303 on iOS 16', 'webview'],
  ];
  for (const [name, expected] of cases) {
    it(`calls ${name} ${expected}`, () => {
      const ua = USER_AGENTS.find((c) => c.name === name)!.ua;
      expect(detectBrowser(ua)).toBe(expected);
    });
  }
});
