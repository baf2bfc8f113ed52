import { describe, expect, it } from 'vitest';
import { hostOf } from './url.js';

describe('hostOf', () => {
  it('reads the host the URL parser reads: lower case, punycode, no trailing dots, no port or credentials', () => {
    expect(hostOf('https://ITEM.JD.COM./1.html')).toBe('item.jd.com');
    expect(hostOf('http://user@evil.example@item.jd.com:8080/1.html')).toBe('item.jd.com');
    expect(hostOf('https://淘宝.com/x')).toBe('xn--pbt173b.com');
    expect(hostOf('http://[::1]:80/')).toBe('[::1]');
  });

  it('reads escaped and numeric hosts as a browser opens them', () => {
    expect(hostOf('http://taobao%2ecom/x')).toBe('taobao.com');
    expect(hostOf('http://2130706433/x')).toBe('127.0.0.1');
    expect(hostOf('http://2130706433../x')).toBe('127.0.0.1');
  });

  it("gives '' for text that is no absolute URL or has no host, and never throws", () => {
    for (const text of [
      'javascript:alert(1)',
      'item.jd.com/1.html',
      '',
      'http://',
      'https://...',
      'http://256.1../',
    ])
      expect(hostOf(text)).toBe('');
  });
});
