import { judgeTarget } from '@sharekit/canonical-url';
import { describe, expect, it } from 'vitest';
import { tokenText } from '../src/alphabet.js';
import { composeShareText, decodeToken, encodeToken, parseShareText, sharekitTokens } from '../src/index.js';
import { urlData } from '../src/token/url-form.js';

/**
 * Security regressions found by fuzzing from outside the repo (issue 15). Each input once made
 * `parseShareText` loop forever; each must now finish and still find the token.
 */
describe('parseShareText hang regressions (issue 15, finding 1)', () => {
  const HANGS: readonly (readonly [string, string])[] = [
    ['a price line right after a leading newline', '\n原价K8cG1ozqs5N'],
    ['a price line right after a leading CRLF', '\r\n原价K8cG1ozqs5N'],
    ['a coupon-price line right after a leading newline', '\n券后价K8cG1ozqs5N'],
    ['the rebate-bot layout starting with a newline', '\n原价9.80\n复制 ￥K8cG1ozqs5N￥ 打开手机淘宝'],
  ];
  for (const [name, text] of HANGS) {
    it(`finishes and reads the token of ${name}`, () => {
      const matches = parseShareText(text);
      expect(matches.map((m) => m.token)).toEqual(['K8cG1ozqs5N']);
    });
  }
});

/**
 * Issue 15, finding 9: `"\nm.tb.cn/h.a"` repeated took 21–25 s at 1 MB (every line checked against
 * every share). Time is measured in the bench (`pnpm bench`, adversarial table); here the answer must
 * stay right on the same shape.
 */
describe('many one-line short links (issue 15, finding 9)', () => {
  it('reads one Taobao share per line of "\\nm.tb.cn/h.a" repeated', () => {
    const text = '\nm.tb.cn/h.a'.repeat(2000);
    const matches = parseShareText(text);
    expect(matches).toHaveLength(2000);
    expect(matches.every((m) => m.platform === 'taobao' && m.url === 'https://m.tb.cn/h.a')).toBe(true);
  });

  it('still reads a line-prefix layout on a line no share touches, among many shares', () => {
    const text = `${'\nm.tb.cn/h.a'.repeat(300)}\n1:/京东红包 快来领`;
    const platforms = parseShareText(text).map((m) => m.platform);
    expect(platforms.filter((p) => p === 'taobao')).toHaveLength(300);
    expect(platforms.at(-1)).toBe('jd');
  });
});

/** Issue 15, finding 10: composeShareText options that escaped as a TypeError or were rewritten. */
describe('composeShareText on odd options (issue 15, finding 10)', () => {
  const target = 'https://example.com/p/42';

  it('refuses rotate: NaN with invalid_option instead of a TypeError', () => {
    for (const rotate of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      expect(() => composeShareText({ target, delimiter: ['￥', '€'], rotate })).toThrow(
        expect.objectContaining({ code: 'invalid_option' }),
      );
    }
  });

  it("names a platform link's brand by canonical-url's name in the locale asked for", () => {
    const jd = 'https://item.jd.com/100012043978.html';
    expect(composeShareText({ target: jd })).toContain('【京东】');
    expect(composeShareText({ target: jd, locale: 'en' })).toContain('【JD.com】');
    expect(composeShareText({ target, locale: 'en' })).toContain('【example.com】');
  });

  it("keeps $' and $& in a brand as written", () => {
    for (const brand of ["a$'b", 'x$&y', '$`$$']) {
      const text = composeShareText({ target, brand });
      expect(text.split(brand).length - 1).toBeGreaterThanOrEqual(2);
      expect(parseShareText(text, { sharekitTokens })[0]?.url).toBe(target);
    }
  });
});

/** Issue 15, finding 10: lone surrogates cannot travel in UTF-8, so encodeToken refuses them. */
describe('lone surrogates in tokens (issue 15, finding 10)', () => {
  it('refuses a URL holding a lone surrogate with invalid_target', () => {
    for (const url of [
      'https://example.com/\uD800',
      'https://example.com/\uDC00x',
      'https://example.com/a\uDBFF',
    ]) {
      expect(() => encodeToken(url)).toThrow(expect.objectContaining({ code: 'invalid_target' }));
    }
  });

  it('refuses an identity whose id holds a lone surrogate', () => {
    const identity = {
      platform: 'weibo',
      kind: 'post',
      id: 'ab\uD83Dcd',
      url: 'https://weibo.com/1/ab',
    } as const;
    expect(() => encodeToken(identity)).toThrow(expect.objectContaining({ code: 'invalid_target' }));
  });

  it('still carries whole surrogate pairs (emoji) exactly', () => {
    const url = 'https://example.com/%F0%9F%98%86?q=😆';
    expect(decodeToken(encodeToken(url)).url).toBe(url);
  });
});

/** Found by `pnpm fuzz` (issue 15): a link with a port that is not a number was given out as `url`. */
describe('links that do not parse (issue 15, fuzzing)', () => {
  for (const text of [
    'https://taobao.com:8443&/',
    'https://www.youtube.com:0:0:0/watch',
    'http://ele.me:8080:8080/x',
  ]) {
    it(`gives no unparsable url for ${JSON.stringify(text)}`, () => {
      for (const m of parseShareText(text)) {
        if (m.url !== null) expect(() => new URL(m.url as string)).not.toThrow();
      }
    });
  }
});

describe('decodeToken stays linear up to its 64 KB limit (issue 15, linear time)', () => {
  // A URL of MAX_URL_BYTES of random URL characters: one of the longest tokens anyone can make.
  function incompressibleUrl(bytes: number): string {
    const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_';
    let x = 0x9e3779b9;
    let path = '';
    const head = 'https://example.com/';
    while (head.length + path.length < bytes) {
      x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
      path += alphabet[x >>> 26];
    }
    return head + path;
  }

  it('still reads a token of a 2048-byte URL that deflate can hardly shorten', () => {
    const url = incompressibleUrl(2048);
    const token = encodeToken(url);
    expect(decodeToken(token).url).toBe(url);
    expect(decodeToken(token.split('').join(' ')).url).toBe(url);
  });

  it('refuses 64 KB of separated symbols as invalid_token before building a word for them', () => {
    expect(() => decodeToken('V - B '.repeat(10922))).toThrow(
      expect.objectContaining({ code: 'invalid_token' }),
    );
  });

  it('says unsupported_version for an overlong text that starts with a newer version symbol', () => {
    expect(() => decodeToken(`W${'B'.repeat(5000)}`)).toThrow(
      expect.objectContaining({ code: 'unsupported_version' }),
    );
  });
});

/**
 * A URL token is public format: anyone can write one for a look-alike host or a private address, which
 * encodeToken refuses. parseShareText gave such a token's URL as the share's `url` with no verdict.
 */
describe('URL tokens of dangerous targets (session 8)', () => {
  /** A URL token written by hand, past encodeToken's refusal. */
  function handWritten(url: string): string {
    return tokenText(urlData(url));
  }

  it('gives no url or identity for a token the judge calls dangerous, and keeps the token', () => {
    for (const url of [
      'https://xn--tobao-4ve.com/item',
      'https://item.taobao.com.evil.example/item.htm?id=675330231400',
      'https://127.0.0.1/admin',
      'http://localhost:8080/',
      'https://item.taobao.com@evil.example/',
    ]) {
      const token = handWritten(url);
      expect(() => encodeToken(url)).toThrow(expect.objectContaining({ code: 'unsafe_target' }));
      expect(decodeToken(token).level).toBe('danger');
      const matches = parseShareText(`复制 ${token} 打开`, { sharekitTokens });
      expect(matches).toHaveLength(1);
      expect(matches[0]).toMatchObject({
        kind: 'sharekit-token',
        token,
        url: null,
        canonicalUrl: null,
        identity: null,
      });
    }
  });

  it('still gives the url of a token whose target is only a caution', () => {
    const url = 'http://example.com/spring-sale';
    const token = encodeToken(url);
    expect(decodeToken(token).level).toBe('caution');
    expect(parseShareText(`复制 ${token} 打开`, { sharekitTokens })[0]?.url).toBe(url);
  });
});

/**
 * Found by the fuzz target's new check that no share's `url` is one the judge refuses (session 8): a link on a
 * platform's own host that the judge calls dangerous was given as the share's link.
 */
describe('platform links the judge refuses (session 8, fuzzing)', () => {
  it.each([
    [
      'a platform host written as the user name',
      'http://mitem.taobao.com@evil.example.weibo.cn/status/D5ZxyE1tV',
    ],
    ['another platform host as the user name', 'https://item.taobao.com@evil.example.v.douyin.com/eWaLBsK/'],
    ['a subdomain label mixing Latin and Cyrillic', 'https://t\u0430obao.weibo.cn/status/D5ZxyE1tV'],
  ])('never gives %s as a url', (_, link) => {
    for (const text of [link, `【微博】看看 ${link} 「晚霞」`, `不锈钢保温杯\n【下单链接】${link}`]) {
      for (const m of parseShareText(text, { sharekitTokens })) {
        expect(m.url).not.toBe(link);
        if (m.url !== null) expect(judgeTarget(m.url).level).not.toBe('danger');
      }
    }
  });

  it('still gives a platform link with a plain user name (a caution, not a danger)', () => {
    const [m] = parseShareText('https://user@weibo.com/1234567890/D5ZxyE1tV');
    expect(m?.url).toBe('https://user@weibo.com/1234567890/D5ZxyE1tV');
    expect(m?.platform).toBe('weibo');
  });
});
