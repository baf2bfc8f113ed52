import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzz } from '../../../test-utils/fuzz.js';
import { hostOf, normalizeEscapes } from './url.js';

describe('normalizeEscapes', () => {
  it('upper-cases escapes and decodes the ones of unreserved characters', () => {
    expect(normalizeEscapes('a%2fb%3Fc')).toBe('a%2Fb%3Fc');
    expect(normalizeEscapes('%41%7a%2D%2e%5F%7E')).toBe('Az-._~');
    expect(normalizeEscapes('%e6%b7%98')).toBe('%E6%B7%98');
    expect(normalizeEscapes('no escapes')).toBe('no escapes');
  });

  it('leaves stray and truncated percent signs as written', () => {
    expect(normalizeEscapes('100%')).toBe('100%');
    expect(normalizeEscapes('%g1%1')).toBe('%g1%1');
    expect(normalizeEscapes('%%41')).toBe('%%41');
  });

  it('keeps a hex digit escaped after a stray %, where decoding would write a new escape', () => {
    expect(normalizeEscapes('%6%31')).toBe('%6%31');
    expect(normalizeEscapes('%%36%31')).toBe('%%361');
    expect(normalizeEscapes('%6%31%25')).toBe('%6%31%25');
  });

  it('is idempotent: a second pass never changes what the first wrote', () => {
    const piece = fc.constantFrom(...'% 2 5 6 1 a F g %25 %41 %2f %7e / .'.split(' '));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }), (parts) => {
        const once = normalizeEscapes(parts.join(''));
        expect(normalizeEscapes(once)).toBe(once);
      }),
      fuzz(2000, 0x5e5c),
    );
  });
});

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
