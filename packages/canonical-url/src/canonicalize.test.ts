import { describe, expect, it } from 'vitest';
import { canonicalize, GLOBAL_TRACKING, isTrackingParam, sameTarget } from './canonicalize.js';
import { CanonicalUrlError, isCanonicalUrlError } from './errors.js';
import { PLATFORMS } from './platforms.js';
import { schemeOf, UNSAFE_SCHEMES } from './scheme.js';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return isCanonicalUrlError(error) ? error.code : `not a CanonicalUrlError: ${String(error)}`;
  }
  return undefined;
}

describe('canonicalize: generic normalisation', () => {
  it.each([
    ['lower-cases the scheme and host', 'HTTPS://WWW.Example.COM/Path', 'https://www.example.com/Path'],
    ['drops the default port', 'https://example.com:443/a', 'https://example.com/a'],
    ['drops the default http port', 'http://example.com:80/a', 'http://example.com/a'],
    [
      'keeps a non-default port on an unknown site',
      'https://example.com:8443/a',
      'https://example.com:8443/a',
    ],
    ['drops a trailing host dot', 'https://example.com./a', 'https://example.com/a'],
    ['drops several trailing host dots', 'https://example.com.../a', 'https://example.com/a'],
    ['drops credentials', 'https://user:secret@example.com/a', 'https://example.com/a'],
    ['drops the fragment', 'https://example.com/a#section-2', 'https://example.com/a'],
    [
      'decodes escapes of unreserved characters',
      'https://example.com/%7Euser/%41%2d%5F',
      'https://example.com/~user/A-_',
    ],
    [
      'upper-cases the hex of other escapes',
      'https://example.com/a%2fb?q=%e4%b8%ad',
      'https://example.com/a%2Fb?q=%E4%B8%AD',
    ],
    ['keeps reserved escapes encoded', 'https://example.com/a%3Fb%23c', 'https://example.com/a%3Fb%23c'],
    ['adds the root path', 'https://example.com', 'https://example.com/'],
    ['resolves dot segments', 'https://example.com/a/./b/../c', 'https://example.com/a/c'],
    [
      'removes utm_ parameters',
      'https://example.com/a?utm_source=x&utm_medium=y&id=1',
      'https://example.com/a?id=1',
    ],
    [
      'removes fbclid, gclid, spm and scm',
      'https://example.com/?fbclid=1&gclid=2&spm=3&scm=4&keep=5',
      'https://example.com/?keep=5',
    ],
    ['drops a query that ends up empty', 'https://example.com/a?utm_source=x', 'https://example.com/a'],
    ['drops empty pairs', 'https://example.com/a?&&b=1&&', 'https://example.com/a?b=1'],
    ['keeps the query order by default', 'https://example.com/a?b=2&a=1', 'https://example.com/a?b=2&a=1'],
    [
      'keeps a key without a value as written',
      'https://example.com/a?flag&b=1',
      'https://example.com/a?flag&b=1',
    ],
    [
      'keeps GBK-era escapes byte for byte',
      'https://example.com/s?q=%D6%D0%CE%C4',
      'https://example.com/s?q=%D6%D0%CE%C4',
    ],
    ['reads a scheme-less host as https', 'example.com/a?utm_source=1', 'https://example.com/a'],
    ['reads a protocol-relative URL as https', '//example.com/a', 'https://example.com/a'],
    ['reads host:port without a scheme as a host', 'example.com:8080/a', 'https://example.com:8080/a'],
    ['strips surrounding spaces and inner newlines', '  https://exam\nple.com/a \n', 'https://example.com/a'],
    ['converts an IDN host to punycode', 'https://例え.jp/a', 'https://xn--r8jz45g.jp/a'],
    ['normalises a numeric IPv4 host', 'http://0x7f.1/a', 'http://127.0.0.1/a'],
  ])('%s', (_name, input, expected) => {
    expect(canonicalize(input)).toBe(expected);
  });
});

describe('canonicalize: options', () => {
  it('sorts the query when sortQuery is set, stable for repeated keys', () => {
    expect(canonicalize('https://example.com/a?b=2&a=1&b=1', { sortQuery: true })).toBe(
      'https://example.com/a?a=1&b=2&b=1',
    );
  });

  it('keeps the fragment when keepFragment is set', () => {
    expect(canonicalize('https://example.com/a#Top', { keepFragment: true })).toBe(
      'https://example.com/a#Top',
    );
    expect(canonicalize('https://item.jd.com/100012043978.html#comment', { keepFragment: true })).toBe(
      'https://item.jd.com/100012043978.html#comment',
    );
  });

  it('keeps tracking parameters when removeTracking is false', () => {
    expect(canonicalize('https://example.com/a?utm_source=x', { removeTracking: false })).toBe(
      'https://example.com/a?utm_source=x',
    );
  });

  it('leaves platform links in their own form when mapAliases is false, still without tracking', () => {
    expect(
      canonicalize('https://item.m.jd.com/product/100012043978.html?utm_source=iosapp&ad_od=share', {
        mapAliases: false,
      }),
    ).toBe('https://item.m.jd.com/product/100012043978.html');
  });

  it('refuses a maxLength that is not a positive integer', () => {
    expect(codeOf(() => canonicalize('https://example.com', { maxLength: 0 }))).toBe('invalid_option');
    expect(codeOf(() => canonicalize('https://example.com', { maxLength: Number.NaN }))).toBe(
      'invalid_option',
    );
  });
});

describe('canonicalize: platform links', () => {
  it.each([
    [
      'maps a Taobao mobile page to the desktop item page',
      'https://h5.m.taobao.com/awp/core/detail.htm?id=634567890123&spm=a2141&ut_sk=1',
      'https://item.taobao.com/item.htm?id=634567890123',
    ],
    [
      'maps a JD mobile page with an upper-case host and trailing dot',
      'HTTPS://Item.M.JD.com./product/100012043978.html?utm_source=iosapp&ad_od=share',
      'https://item.jd.com/100012043978.html',
    ],
    [
      'upgrades a platform link to https',
      'http://item.jd.com/100012043978.html',
      'https://item.jd.com/100012043978.html',
    ],
    [
      'cleans a Taobao short link but keeps tk',
      'https://e.tb.cn/h.8IcTrtZuTU19ieN?tk=nyXpT7VA7lt&sm=33db3a',
      'https://e.tb.cn/h.8IcTrtZuTU19ieN?tk=nyXpT7VA7lt',
    ],
    ['keeps the case of short-link codes', 'https://B23.TV/TUMG3e5', 'https://b23.tv/TUMG3e5'],
    [
      'drops the platform tracking list on an unrecognised Taobao page',
      'https://www.taobao.com/list/item.htm?spm=1&ali_trackid=2&page=3',
      'https://www.taobao.com/list/item.htm?page=3',
    ],
    [
      'drops Amazon referral tags on an unrecognised page',
      'https://www.amazon.com/s?k=echo&tag=aff-20&qid=1',
      'https://www.amazon.com/s?k=echo',
    ],
    [
      'keeps xsec_token on a Xiaohongshu note',
      'https://www.xiaohongshu.com/discovery/item/64a1b2c3d4e5f60718293a4b?xsec_token=AB%3D&xsec_source=pc_share',
      'https://www.xiaohongshu.com/explore/64a1b2c3d4e5f60718293a4b?xsec_token=AB%3D',
    ],
  ])('%s', (_name, input, expected) => {
    expect(canonicalize(input)).toBe(expected);
  });
});

describe('canonicalize: bad input', () => {
  it.each([
    ['a number', 42, 'invalid_input'],
    ['null', null, 'invalid_input'],
    ['an object', { href: 'https://example.com' }, 'invalid_input'],
    ['an unparsable URL', 'https://exa mple.com/', 'invalid_url'],
    ['a host with forbidden characters', 'https://a<b.com/', 'invalid_url'],
    ['a javascript: URL', 'javascript:alert(1)', 'unsupported_scheme'],
    ['a data: URL', 'data:text/html;base64,PHNjcmlwdD4=', 'unsupported_scheme'],
    ['a file: URL', 'file:///etc/passwd', 'unsupported_scheme'],
    ['an ftp: URL', 'ftp://example.com/a', 'unsupported_scheme'],
    ['input over the 8 KB default limit', `https://example.com/${'a'.repeat(8200)}`, 'too_long'],
  ])('throws a CanonicalUrlError for %s', (_name, input, code) => {
    expect(codeOf(() => canonicalize(input as string))).toBe(code);
  });

  it('checks the size before parsing, so a megabyte of input is refused at once', () => {
    const huge = `https://example.com/?q=${'%'.repeat(1 << 20)}`;
    expect(codeOf(() => canonicalize(huge))).toBe('too_long');
  });

  it('accepts a larger input when maxLength allows it', () => {
    const long = `https://example.com/${'a'.repeat(9000)}`;
    expect(canonicalize(long, { maxLength: 10_000 })).toBe(long);
  });

  it('gives errors a message that names what was expected and a cut preview of the input', () => {
    try {
      canonicalize(`javascript:${'x'.repeat(500)}`);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CanonicalUrlError);
      expect((error as Error).message).toMatch(/expected an http or https URL/);
      expect((error as Error).message.length).toBeLessThan(300);
    }
  });
});

describe('sameTarget', () => {
  it.each([
    [
      'a JD mobile link and the desktop link',
      'https://item.m.jd.com/product/100012043978.html?utm_source=iosapp',
      'https://item.jd.com/100012043978.html',
      true,
    ],
    [
      'a Bilibili av link and the BV link',
      'https://www.bilibili.com/video/av170001',
      'https://m.bilibili.com/video/BV17x411w7KC?share_source=copy',
      true,
    ],
    [
      'two shares of one Xiaohongshu note with different xsec_token',
      'https://www.xiaohongshu.com/explore/64a1b2c3d4e5f60718293a4b?xsec_token=A',
      'https://www.xiaohongshu.com/discovery/item/64a1b2c3d4e5f60718293a4b?xsec_token=B',
      true,
    ],
    [
      'a Weibo bid link and the mid link',
      'https://weibo.com/1234567890/MzVRA2E8G',
      'https://m.weibo.cn/status/4885639100630954',
      true,
    ],
    [
      'two different JD items',
      'https://item.jd.com/100012043978.html',
      'https://item.jd.com/100012043979.html',
      false,
    ],
    [
      'a Taobao item and a Tmall item with the same id',
      'https://item.taobao.com/item.htm?id=634567890123',
      'https://detail.tmall.com/item.htm?id=634567890123',
      false,
    ],
    [
      'a platform link and its lookalike',
      'https://item.jd.com/100012043978.html',
      'https://item.jd.com.evil.example/100012043978.html',
      false,
    ],
    [
      'generic links whose query differs only in order and tracking',
      'https://example.com/a?b=2&a=1&utm_source=x',
      'https://EXAMPLE.com/a?a=1&b=2',
      true,
    ],
    ['a URL and garbage', 'https://example.com/', 'not a url at all', false],
    ['two javascript: URLs', 'javascript:alert(1)', 'javascript:alert(1)', false],
  ])('compares %s', (_name, a, b, expected) => {
    expect(sameTarget(a, b)).toBe(expected);
  });

  it('returns false instead of throwing for non-strings', () => {
    expect(sameTarget(1 as unknown as string, {} as unknown as string)).toBe(false);
  });
});

describe('isTrackingParam', () => {
  it('knows global prefixes and exact names', () => {
    expect(isTrackingParam('utm_whatever')).toBe(true);
    expect(isTrackingParam('fbclid')).toBe(true);
    expect(isTrackingParam('id')).toBe(false);
  });

  it('reads a platform entry only for that platform, a prefix entry only as a prefix, and no empty key', () => {
    const taobao = { id: 'taobao' } as const;
    expect(isTrackingParam('ali_trackid', taobao)).toBe(true);
    expect(isTrackingParam('ali_trackid')).toBe(false);
    expect(isTrackingParam('ali_trackid', { id: 'jd' })).toBe(false);
    expect(isTrackingParam('wh_weex', taobao)).toBe(true);
    expect(isTrackingParam('wh_', taobao)).toBe(true);
    expect(isTrackingParam('xwh_weex', taobao)).toBe(false);
    expect(isTrackingParam('utm_\nx')).toBe(true);
    expect(isTrackingParam('xutm_source')).toBe(false);
    expect(isTrackingParam('fbclid2')).toBe(false);
    expect(isTrackingParam('')).toBe(false);
    for (const row of PLATFORMS) expect(isTrackingParam('', row)).toBe(false);
  });

  it('has entries of letters, digits, _ and - only (with a trailing * for a prefix), read as keys, not patterns', () => {
    for (const entry of [...GLOBAL_TRACKING, ...PLATFORMS.flatMap((row) => row.tracking)])
      expect(entry).toMatch(/^[\w-]+\*?$/);
  });
});

describe('schemeOf and UNSAFE_SCHEMES', () => {
  it.each([
    ['JavaScript:alert(1)', 'javascript'],
    ['\tjava\nscript:alert(1)', 'javascript'],
    ['  DATA:text/html,x', 'data'],
    ['https://example.com', 'https'],
    ['openApp.jdMobile://virtual?params=%7B%7D', 'openapp.jdmobile'],
    ['item.jd.com:443/1.html', null],
    ['item.jd.com/1.html', null],
    ['', null],
  ])('reads the scheme of %j as %j', (input, expected) => {
    expect(schemeOf(input)).toBe(expected);
  });

  it('lists the schemes that must never become links', () => {
    for (const s of ['javascript', 'data', 'file', 'vbscript', 'blob'])
      expect(UNSAFE_SCHEMES.has(s)).toBe(true);
    expect(UNSAFE_SCHEMES.has('https')).toBe(false);
  });
});
