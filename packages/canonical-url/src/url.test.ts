import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzz } from '../../../test-utils/fuzz.js';
import { hostOf, normalizeEscapes, parseUrl } from './url.js';

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

describe('parseUrl', () => {
  const thrown = (input: string): Error & { code?: string } => {
    try {
      parseUrl(input);
    } catch (error) {
      return error as Error & { code?: string };
    }
    throw new Error(`parsed ${input}`);
  };

  it('refuses another scheme with unsupported_scheme, saying what it found, with no cause', () => {
    const e = thrown('javascript:alert(1)');
    expect(e).toMatchObject({ name: 'CanonicalUrlError', code: 'unsupported_scheme' });
    expect(e.message).toContain('"javascript:alert(1)"');
    expect(Object.hasOwn(e, 'cause')).toBe(false);
  });

  it("refuses what the URL parser refuses with invalid_url and the parser's error as its cause", () => {
    const e = thrown('http://exa mple.com/');
    expect(e).toMatchObject({ code: 'invalid_url' });
    expect(e.cause).toBeInstanceOf(TypeError);
    expect(Object.keys(e)).toEqual(['code', 'name']);
  });

  it('refuses a host of dots only, and one the parser refuses without its trailing dots, with invalid_url', () => {
    expect(thrown('http://../x')).toMatchObject({ code: 'invalid_url' });
    expect(Object.hasOwn(thrown('http://../x'), 'cause')).toBe(false);
    const e = thrown('http://256.1../x');
    expect(e).toMatchObject({ code: 'invalid_url' });
    expect(e.cause).toBeInstanceOf(TypeError);
  });
});
