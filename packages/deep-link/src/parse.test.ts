import { describe, expect, it } from 'vitest';
import { nestInAlipay } from '../test/fixtures/wrappers.js';
import { thrownCode } from '../test/thrown.js';
import { isUnsafeAppLink, parseAppLink } from './parse.js';
import { splitLink } from './template.js';
import type { AppLinkTarget, ParsedAppLink } from './types.js';

const JD_SKU = '100012043978';
const JD_WEB = `https://item.jd.com/${JD_SKU}.html`;
const JD_JSON = `{"category":"jump","des":"productDetail","skuId":"${JD_SKU}","sourceType":"JSHOP_SOURCE_TYPE","sourceValue":"JSHOP_SOURCE_VALUE"}`;

function target(r: ParsedAppLink | null): AppLinkTarget {
  if (r === null) throw new Error('expected a target, got null');
  if (isUnsafeAppLink(r)) throw new Error(`expected a target, got danger ${r.danger} (${r.found})`);
  return r;
}

describe('parseAppLink: schemes of the table', () => {
  const cases: [string, string, { platform: string; kind: string; id: string; webUrl: string }][] = [
    [
      'reads a Taobao item scheme',
      'taobao://item.taobao.com/item.htm?id=634567890123&spm=a21',
      {
        platform: 'taobao',
        kind: 'item',
        id: '634567890123',
        webUrl: 'https://item.taobao.com/item.htm?id=634567890123',
      },
    ],
    [
      'reads a Tmall page swapped onto the Taobao scheme through the mirror rule',
      'taobao://detail.tmall.com/item.htm?id=634567890123',
      {
        platform: 'tmall',
        kind: 'item',
        id: '634567890123',
        webUrl: 'https://detail.tmall.com/item.htm?id=634567890123',
      },
    ],
    [
      'reads a Tmall itemDetail scheme',
      'tmall://page.tm/itemDetail?itemId=634567890123',
      {
        platform: 'tmall',
        kind: 'item',
        id: '634567890123',
        webUrl: 'https://detail.tmall.com/item.htm?id=634567890123',
      },
    ],
    [
      "reads Xianyu's fleamarket item scheme",
      'fleamarket://item?id=7123456789012',
      {
        platform: 'xianyu',
        kind: 'item',
        id: '7123456789012',
        webUrl: 'https://www.goofish.com/item?id=7123456789012',
      },
    ],
    [
      'reads a Pinduoduo goods scheme',
      'pinduoduo://com.xunmeng.pinduoduo/goods.html?goods_id=345678901234&_wv=1',
      {
        platform: 'pinduoduo',
        kind: 'item',
        id: '345678901234',
        webUrl: 'https://mobile.yangkeduo.com/goods.html?goods_id=345678901234',
      },
    ],
    [
      'reads a Pinduoduo page through the path mirror (goods1.html is an alias page)',
      'pinduoduo://com.xunmeng.pinduoduo/goods1.html?goods_id=345678901234',
      {
        platform: 'pinduoduo',
        kind: 'item',
        id: '345678901234',
        webUrl: 'https://mobile.yangkeduo.com/goods.html?goods_id=345678901234',
      },
    ],
    [
      'reads a Douyin video scheme',
      'snssdk1128://aweme/detail/7312345678901234567?refer=web',
      {
        platform: 'douyin',
        kind: 'video',
        id: '7312345678901234567',
        webUrl: 'https://www.douyin.com/video/7312345678901234567',
      },
    ],
    [
      'reads a Douyin Shop goods scheme spelled with product_id',
      'snssdk1128://ec_goods_detail?product_id=3612345678901234567',
      {
        platform: 'douyin-shop',
        kind: 'item',
        id: '3612345678901234567',
        webUrl: 'https://haohuo.jinritemai.com/views/product/detail?id=3612345678901234567',
      },
    ],
    [
      'reads a Kuaishou work scheme',
      'kwai://work/3xabcdefghijkmn',
      {
        platform: 'kuaishou',
        kind: 'video',
        id: '3xabcdefghijkmn',
        webUrl: 'https://www.kuaishou.com/short-video/3xabcdefghijkmn',
      },
    ],
    [
      'reads a Xiaohongshu note scheme',
      'xhsdiscover://item/64b5f3a2000000001e03a1b2?type=normal&sourceID=feed',
      {
        platform: 'xiaohongshu',
        kind: 'note',
        id: '64b5f3a2000000001e03a1b2',
        webUrl: 'https://www.xiaohongshu.com/explore/64b5f3a2000000001e03a1b2',
      },
    ],
    [
      'reads a Xiaohongshu video_feed scheme as the same note',
      'xhsdiscover://video_feed/64b5f3a2000000001e03a1b2',
      {
        platform: 'xiaohongshu',
        kind: 'note',
        id: '64b5f3a2000000001e03a1b2',
        webUrl: 'https://www.xiaohongshu.com/explore/64b5f3a2000000001e03a1b2',
      },
    ],
    [
      'reads a Weibo detail scheme',
      'sinaweibo://detail?mblogid=4987654321098765',
      {
        platform: 'weibo',
        kind: 'post',
        id: '4987654321098765',
        webUrl: 'https://m.weibo.cn/detail/4987654321098765',
      },
    ],
    [
      'reads a Weibo userinfo scheme',
      'sinaweibo://userinfo?uid=1234567890',
      { platform: 'weibo', kind: 'user', id: '1234567890', webUrl: 'https://weibo.com/u/1234567890' },
    ],
    [
      'reads an AliExpress product scheme',
      'aliexpress://product/detail?productId=1005001234567890',
      {
        platform: 'aliexpress',
        kind: 'item',
        id: '1005001234567890',
        webUrl: 'https://www.aliexpress.com/item/1005001234567890.html',
      },
    ],
    [
      'reads an Amazon iOS scheme and keeps the marketplace',
      'com.amazon.mobile.shopping://www.amazon.co.jp/dp/B08N5WRWNW',
      {
        platform: 'amazon',
        kind: 'item',
        id: 'B08N5WRWNW',
        webUrl: 'https://www.amazon.co.jp/dp/B08N5WRWNW',
      },
    ],
    [
      'reads a TikTok aweme scheme',
      'snssdk1233://aweme/detail/7312345678901234567',
      {
        platform: 'tiktok',
        kind: 'video',
        id: '7312345678901234567',
        webUrl: 'https://m.tiktok.com/v/7312345678901234567.html',
      },
    ],
    [
      'reads the Android YouTube scheme',
      'vnd.youtube:dQw4w9WgXcQ',
      {
        platform: 'youtube',
        kind: 'video',
        id: 'dQw4w9WgXcQ',
        webUrl: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
      },
    ],
    [
      'reads the Android YouTube scheme written with slashes and keeps the id case',
      'vnd.youtube://dQw4w9WgXcQ',
      {
        platform: 'youtube',
        kind: 'video',
        id: 'dQw4w9WgXcQ',
        webUrl: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
      },
    ],
    [
      'reads the iOS YouTube scheme',
      'youtube://www.youtube.com/watch?v=dQw4w9WgXcQ',
      {
        platform: 'youtube',
        kind: 'video',
        id: 'dQw4w9WgXcQ',
        webUrl: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
      },
    ],
    [
      'reads a Dianping shopinfo scheme',
      'dianping://shopinfo?id=98765432',
      {
        platform: 'dianping',
        kind: 'shop',
        id: '98765432',
        webUrl: 'https://www.dianping.com/shop/98765432',
      },
    ],
    [
      'reads a Bilibili space scheme',
      'bilibili://space/2',
      { platform: 'bilibili', kind: 'user', id: '2', webUrl: 'https://space.bilibili.com/2' },
    ],
  ];
  for (const [name, link, expected] of cases) {
    it(name, () => {
      const r = target(parseAppLink(link));
      expect({ platform: r.platform, kind: r.kind, id: r.id, webUrl: r.webUrl }).toEqual(expected);
    });
  }

  it('reads the Douyin scheme spelled with the iOS and Lite aliases and says it tolerated them', () => {
    for (const scheme of ['aweme', 'snssdk2329']) {
      const r = target(parseAppLink(`${scheme}://aweme/detail/7312345678901234567`));
      expect(r.platform).toBe('douyin');
      expect(r.tolerated).toContain(`alias-scheme:${scheme}`);
    }
  });

  it('reads a mixed-case JD scheme (openApp.jdMobile) the same as the lower-case one', () => {
    const link = `openApp.jdMobile://virtual?params=${encodeURIComponent(JD_JSON)}`;
    expect(target(parseAppLink(link)).webUrl).toBe(JD_WEB);
  });

  it('reads a link of the table whose path is no known form as the app’s page, never null', () => {
    expect(parseAppLink('snssdk1128://setting/common')).toMatchObject({
      app: 'douyin',
      platform: 'douyin',
      kind: 'page',
      id: null,
      webUrl: 'https://www.douyin.com/',
    });
    expect(parseAppLink('eleme://checkout?restaurant_id=123')).toMatchObject({
      app: 'eleme',
      platform: 'eleme',
      kind: 'page',
      id: null,
    });
    expect(parseAppLink('weixin://dl/business/?t=abcdef')).toMatchObject({
      app: 'wechat',
      platform: null,
      kind: 'page',
      id: null,
      webUrl: 'https://weixin.qq.com/',
    });
  });

  it('returns null for an unknown scheme and for plain text', () => {
    expect(parseAppLink('mailto:someone@example.com')).toBeNull();
    expect(parseAppLink('hello world')).toBeNull();
    expect(parseAppLink('')).toBeNull();
  });

  it('returns a plain platform web link as a web target without an app', () => {
    const r = target(parseAppLink('https://item.m.jd.com/product/100012043978.html?utm_source=iosapp'));
    expect(r.webUrl).toBe(JD_WEB);
    expect(r.app).toBeNull();
    expect(r.via).toEqual([{ form: 'web', app: null, confidence: 'A' }]);
  });

  it('returns null for a plain web link of no known platform', () => {
    expect(parseAppLink('https://example.com/page')).toBeNull();
  });
});

describe('parseAppLink: Bilibili av numbers and BV ids are one video', () => {
  const BV = 'BV17x411w7KC';
  for (const link of [
    'bilibili://video/170001',
    `bilibili://video/${BV}`,
    'bilibili://video/av170001',
    'bilibili://video/AV170001',
    'bilibili://video/bv17x411w7KC',
    'bilibili://video/170001?start_progress=30000',
  ]) {
    it(`reads ${link} as ${BV}`, () => {
      const r = target(parseAppLink(link));
      expect(r.id).toBe(BV);
      expect(r.webUrl).toBe(`https://www.bilibili.com/video/${BV}`);
    });
  }

  it('refuses an av number outside the convertible range rather than inventing a BV id', () => {
    expect(parseAppLink('bilibili://video/99999999999999999')).toMatchObject({ kind: 'page', id: null });
  });
});

describe('parseAppLink: JD JSON params', () => {
  it('reads percent-encoded params', () => {
    const r = target(parseAppLink(`openapp.jdmobile://virtual?params=${encodeURIComponent(JD_JSON)}`));
    expect(r.webUrl).toBe(JD_WEB);
    expect(r.tolerated).toEqual([]);
  });

  it('reads raw params with & and # inside JSON strings and says it tolerated raw JSON', () => {
    const raw = `{"category":"jump","des":"productDetail","skuId":"${JD_SKU}","note":"a&b=c#d"}`;
    const r = target(parseAppLink(`openapp.jdmobile://virtual?params=${raw}`));
    expect(r.webUrl).toBe(JD_WEB);
    expect(r.tolerated).toContain('raw-json');
  });

  it('accepts a numeric skuId', () => {
    const raw = `{"category":"jump","des":"productDetail","skuId":${JD_SKU}}`;
    expect(target(parseAppLink(`openapp.jdmobile://virtual?params=${raw}`)).id).toBe(JD_SKU);
  });

  it('reads the des:m web-view form as the page it opens', () => {
    const json = JSON.stringify({
      category: 'jump',
      des: 'm',
      url: 'https://item.m.jd.com/product/100012043978.html',
    });
    const r = target(parseAppLink(`openapp.jdmobile://virtual?params=${encodeURIComponent(json)}`));
    expect(r.webUrl).toBe(JD_WEB);
    expect(r.via.map((s) => s.form)).toEqual(['webview', 'web']);
  });

  it('does not pollute Object.prototype with a __proto__ key in params', () => {
    const raw = `{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"category":"jump","des":"productDetail","skuId":"${JD_SKU}"}`;
    const r = target(parseAppLink(`openapp.jdmobile://virtual?params=${raw}`));
    expect(r.id).toBe(JD_SKU);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('does not read skuId from the prototype chain', () => {
    const raw = '{"category":"jump","des":"productDetail","__proto__":{"skuId":"100012043978"}}';
    expect(parseAppLink(`openapp.jdmobile://virtual?params=${raw}`)).toMatchObject({
      kind: 'page',
      id: null,
    });
  });

  it('reads no product from params that are not JSON, an array, or lack the product fields (a JD page)', () => {
    const page = { app: 'jd', platform: 'jd', kind: 'page', id: null, webUrl: 'https://www.jd.com/' };
    expect(parseAppLink('openapp.jdmobile://virtual?params=%7Bnot json')).toMatchObject(page);
    expect(parseAppLink('openapp.jdmobile://virtual?params=%5B1%2C2%5D')).toMatchObject(page);
    expect(
      parseAppLink('openapp.jdmobile://virtual?params=%7B%22des%22%3A%22productDetail%22%7D'),
    ).toMatchObject(page);
  });

  it('returns null when params appears twice with different objects (which one the app reads is unknown)', () => {
    const other = JD_JSON.replace(JD_SKU, '100000000001');
    expect(
      parseAppLink(
        `openapp.jdmobile://virtual?params=${encodeURIComponent(JD_JSON)}&params=${encodeURIComponent(other)}`,
      ),
    ).toMatchObject({ kind: 'page', id: null });
  });

  it('throws params_too_large for an encoded JSON over the bound', () => {
    const big = JSON.stringify({
      category: 'jump',
      des: 'productDetail',
      skuId: JD_SKU,
      pad: 'x'.repeat(5000),
    });
    expect(
      thrownCode(() => parseAppLink(`openapp.jdmobile://virtual?params=${encodeURIComponent(big)}`)),
    ).toBe('params_too_large');
  });

  it('throws params_too_large for a raw JSON over the bound, and honours a smaller maxJsonLength', () => {
    const big = `{"category":"jump","des":"productDetail","skuId":"${JD_SKU}","pad":"${'y'.repeat(5000)}"}`;
    expect(thrownCode(() => parseAppLink(`openapp.jdmobile://virtual?params=${big}`))).toBe(
      'params_too_large',
    );
    expect(
      thrownCode(() => parseAppLink(`openapp.jdmobile://virtual?params=${JD_JSON}`, { maxJsonLength: 20 })),
    ).toBe('params_too_large');
  });
});

describe('parseAppLink: intent URLs', () => {
  it('reads an intent with a scheme and a package', () => {
    const link = `intent://item/64b5f3a2000000001e03a1b2#Intent;scheme=xhsdiscover;package=com.xingin.xhs;end`;
    const r = target(parseAppLink(link));
    expect(r.platform).toBe('xiaohongshu');
    expect(r.app).toBe('xiaohongshu');
    expect(r.via.map((s) => s.form)).toEqual(['intent', 'scheme']);
  });

  it('reads an https intent (AliExpress, Amazon) as the web page', () => {
    const link =
      'intent://www.aliexpress.com/item/1005001234567890.html#Intent;package=com.alibaba.aliexpresshd;scheme=https;end';
    const r = target(parseAppLink(link));
    expect(r.webUrl).toBe('https://www.aliexpress.com/item/1005001234567890.html');
    expect(r.app).toBe('aliexpress');
  });

  it('gives an https intent without a package the app of the platform it links to', () => {
    const r = target(parseAppLink('intent://www.youtube.com/watch?v=dQw4w9WgXcQ/#Intent;scheme=https;end;'));
    expect([r.app, r.kind, r.id]).toEqual(['youtube', 'video', 'dQw4w9WgXcQ']);
  });

  it('gives an https intent of no known platform no app', () => {
    const r = target(parseAppLink('intent://example.org/a#Intent;scheme=https;end'));
    expect(r.app).toBeNull();
  });

  it('uses the fallback URL when the main target says nothing', () => {
    const fallback = encodeURIComponent('https://www.douyin.com/video/7312345678901234567');
    const link = `intent://unknown/path#Intent;scheme=snssdk1128;package=com.ss.android.ugc.aweme;S.browser_fallback_url=${fallback};end`;
    const r = target(parseAppLink(link));
    expect(r.id).toBe('7312345678901234567');
    expect(r.via.map((s) => s.form)).toEqual(['intent', 'intent-fallback', 'web']);
  });

  it('flags an intent whose fallback URL is javascript:, even when the main target is fine', () => {
    const link = `intent://aweme/detail/7312345678901234567#Intent;scheme=snssdk1128;package=com.ss.android.ugc.aweme;S.browser_fallback_url=${encodeURIComponent('javascript:alert(document.cookie)')};end`;
    const r = parseAppLink(link);
    expect(r && isUnsafeAppLink(r) ? [r.danger, r.found] : r).toEqual(['unsafe-scheme', 'javascript']);
  });

  it("uses the fallback of an intent for another app's scheme instead of flagging it", () => {
    const fallback = encodeURIComponent('https://item.jd.com/100012043978.html');
    const r = target(
      parseAppLink(
        `intent://open#Intent;scheme=someotherapp;package=com.example;S.browser_fallback_url=${fallback};end`,
      ),
    );
    expect(r.webUrl).toBe('https://item.jd.com/100012043978.html');
  });

  it('flags an intent whose scheme is javascript', () => {
    const r = parseAppLink('intent://alert(1)#Intent;scheme=javascript;end');
    expect(r && isUnsafeAppLink(r) ? r.found : r).toBe('javascript');
  });

  it('says so when the package is not an app of the table', () => {
    const r = target(
      parseAppLink(
        'intent://item/64b5f3a2000000001e03a1b2#Intent;scheme=xhsdiscover;package=com.example.other;end',
      ),
    );
    expect(r.tolerated).toContain('unknown-package');
  });

  it('returns null for an intent without the #Intent marker', () => {
    expect(parseAppLink('intent://item/64b5f3a2000000001e03a1b2')).toBeNull();
  });
});

describe('parseAppLink: https wrappers', () => {
  it("reads JD's universal-link page with the raw scheme in the query", () => {
    const r = target(
      parseAppLink(`https://linkst.m.jd.com/ul/ul.action?openApp.jdMobile://virtual?params=${JD_JSON}`),
    );
    expect(r.webUrl).toBe(JD_WEB);
    expect(r.via.map((s) => s.form)).toEqual(['https-wrapper', 'scheme']);
  });

  it("reads JD's universal-link page with the scheme percent-encoded", () => {
    const inner = `openapp.jdmobile://virtual?params=${encodeURIComponent(JD_JSON)}`;
    const r = target(parseAppLink(`https://linkst.m.jd.com/ul/ul.action?${encodeURIComponent(inner)}`));
    expect(r.webUrl).toBe(JD_WEB);
  });

  it("reads Alipay's ds.alipay.com page carrying the 20000067 web view", () => {
    const inner = `alipays://platformapi/startapp?appId=20000067&url=${encodeURIComponent('https://m.weibo.cn/detail/4987654321098765')}`;
    const r = target(parseAppLink(`https://ds.alipay.com/?scheme=${encodeURIComponent(inner)}`));
    expect(r.platform).toBe('weibo');
    expect(r.app).toBe('alipay');
    expect(r.via.map((s) => s.form)).toEqual(['https-wrapper', 'webview', 'web']);
  });

  it("reads Taobao's b.mashort.cn wake page carrying tbopen", () => {
    const tbopen = `tbopen://m.taobao.com/tbopen/index.html?action=ali.open.nav&module=h5&bootImage=0&h5Url=${encodeURIComponent('https://h5.m.taobao.com/awp/core/detail.htm?id=634567890123')}`;
    const r = target(parseAppLink(`https://b.mashort.cn/ulk/taobao?smburl=${encodeURIComponent(tbopen)}`));
    expect(r.webUrl).toBe('https://item.taobao.com/item.htm?id=634567890123');
  });

  it("reads Dianping's universal-link page", () => {
    const link = `https://link.dianping.com/universal-link?originalUrl=${encodeURIComponent('https://www.dianping.com/shop/98765432')}&schema=${encodeURIComponent('dianping://shopinfo?id=98765432')}`;
    expect(target(parseAppLink(link)).webUrl).toBe('https://www.dianping.com/shop/98765432');
  });

  it('reads a 应用宝 link that hands a scheme to the app', () => {
    const link = `https://a.app.qq.com/o/simple.jsp?pkgname=com.xingin.xhs&android_schema=${encodeURIComponent('xhsdiscover://item/64b5f3a2000000001e03a1b2')}`;
    const r = target(parseAppLink(link));
    expect(r.platform).toBe('xiaohongshu');
    expect(r.via[0]).toEqual({ form: 'https-wrapper', app: null, confidence: 'A' });
  });

  it('reads a web view whose URL was percent-encoded twice and says so', () => {
    const twice = encodeURIComponent(encodeURIComponent('https://item.taobao.com/item.htm?id=634567890123'));
    const r = target(parseAppLink(`tbopen://m.taobao.com/tbopen/index.html?h5Url=${twice}`));
    expect(r.id).toBe('634567890123');
    expect(r.tolerated).toContain('double-encoded');
  });

  it('returns a web page of no known platform inside a wrapper with platform null', () => {
    const r = target(
      parseAppLink(`kwai://webview?url=${encodeURIComponent('https://example.com/event?a=1')}`),
    );
    expect(r).toMatchObject({
      platform: null,
      kind: null,
      id: null,
      webUrl: 'https://example.com/event?a=1',
      app: 'kuaishou',
    });
  });
});

describe('parseAppLink: nesting', () => {
  const inner = 'xhsdiscover://item/64b5f3a2000000001e03a1b2';
  for (const depth of [1, 2, 5, 8]) {
    it(`unwraps ${depth} nested wrappers`, () => {
      const r = target(parseAppLink(nestInAlipay(inner, depth)));
      expect(r.id).toBe('64b5f3a2000000001e03a1b2');
      expect(r.via).toHaveLength(depth + 1);
    });
  }

  it('throws too_deep for 9 nested wrappers (a wrapper bomb)', () => {
    expect(thrownCode(() => parseAppLink(nestInAlipay(inner, 9)))).toBe('too_deep');
  });

  it('honours a smaller maxDepth', () => {
    expect(thrownCode(() => parseAppLink(nestInAlipay(inner, 3), { maxDepth: 2 }))).toBe('too_deep');
    expect(target(parseAppLink(nestInAlipay(inner, 2), { maxDepth: 2 })).id).toBe('64b5f3a2000000001e03a1b2');
  });
});

describe('parseAppLink: unsafe targets never become links', () => {
  const unsafe: [string, string][] = [
    ['javascript', 'javascript:alert(1)'],
    ['data', 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='],
    ['file', 'file:///etc/passwd'],
    ['vbscript', 'vbscript:msgbox(1)'],
    ['blob', 'blob:https://example.com/1234'],
    ['javascript', 'JaVaScRiPt:alert(1)'],
    ['javascript', 'java\tscript:alert(1)'],
    ['javascript', ' \njavascript:alert(1)'],
    ['mailto', 'mailto:a@example.com'],
  ];
  for (const [scheme, payload] of unsafe) {
    it(`flags ${JSON.stringify(payload)} inside a Taobao h5Url as unsafe-scheme`, () => {
      const r = parseAppLink(`tbopen://m.taobao.com/tbopen/index.html?h5Url=${encodeURIComponent(payload)}`);
      expect(r && isUnsafeAppLink(r) ? [r.danger, r.found] : r).toEqual(['unsafe-scheme', scheme]);
    });
  }

  it('flags javascript: inside Alipay, JD des:m, Douyin and Kuaishou web views', () => {
    const js = encodeURIComponent('javascript:alert(1)');
    for (const link of [
      `alipays://platformapi/startapp?appId=20000067&url=${js}`,
      `openapp.jdmobile://virtual?params=${encodeURIComponent(JSON.stringify({ category: 'jump', des: 'm', url: 'javascript:alert(1)' }))}`,
      `snssdk1128://webview?url=${js}`,
      `kwai://webview?url=${js}`,
      `https://ds.alipay.com/?scheme=${js}`,
      `https://linkst.m.jd.com/ul/ul.action?${js}`,
    ]) {
      const r = parseAppLink(link);
      expect(r && isUnsafeAppLink(r) ? r.danger : r, link).toBe('unsafe-scheme');
    }
  });

  it('flags a javascript: URL encoded twice inside a wrapper', () => {
    const twice = encodeURIComponent(encodeURIComponent('javascript:alert(1)'));
    const r = parseAppLink(`kwai://webview?url=${twice}`);
    expect(r && isUnsafeAppLink(r) ? r.found : r).toBe('javascript');
  });

  it('flags javascript: nested several wrappers deep and reports the layers', () => {
    const r = parseAppLink(nestInAlipay('javascript:alert(1)', 4));
    expect(r && isUnsafeAppLink(r) ? r.via.map((s) => s.form) : r).toEqual([
      'https-wrapper',
      'webview',
      'https-wrapper',
      'webview',
    ]);
  });

  it('flags a top-level javascript: or data: link rather than returning null', () => {
    for (const link of ['javascript:alert(1)', 'data:text/html,hi']) {
      const r = parseAppLink(link);
      expect(r && isUnsafeAppLink(r) ? r.danger : r).toBe('unsafe-scheme');
    }
  });

  it('flags a polluted wrapper parameter when any of its values is unsafe (parameter pollution)', () => {
    const safe = encodeURIComponent('https://item.taobao.com/item.htm?id=634567890123');
    const r = parseAppLink(
      `tbopen://m.taobao.com/tbopen/index.html?h5Url=${safe}&h5Url=javascript%3Aalert(1)`,
    );
    expect(r && isUnsafeAppLink(r) ? r.found : r).toBe('javascript');
  });

  it('returns null when a wrapper parameter has two different safe values (ambiguous)', () => {
    const a = encodeURIComponent('https://item.taobao.com/item.htm?id=634567890123');
    const b = encodeURIComponent('https://item.taobao.com/item.htm?id=634567890124');
    expect(parseAppLink(`tbopen://m.taobao.com/tbopen/index.html?h5Url=${a}&h5Url=${b}`)).toBeNull();
  });

  it('flags a wrapped page on a host that imitates a platform (homograph)', () => {
    const r = parseAppLink(
      `kwai://webview?url=${encodeURIComponent('https://item.taobao.corn/item.htm?id=634567890123')}`,
    );
    expect(r && isUnsafeAppLink(r) ? r.danger : r).toBe('lookalike-host');
  });
});

describe('parseAppLink: misuse and limits', () => {
  it('throws invalid_input for a non-string', () => {
    expect(thrownCode(() => parseAppLink(42 as unknown as string))).toBe('invalid_input');
    expect(thrownCode(() => parseAppLink(null as unknown as string))).toBe('invalid_input');
  });

  it('throws too_long for an input over maxLength', () => {
    expect(thrownCode(() => parseAppLink(`kwai://work/${'a'.repeat(9000)}`))).toBe('too_long');
    expect(thrownCode(() => parseAppLink('kwai://work/3xabc', { maxLength: 5 }))).toBe('too_long');
  });

  it('throws invalid_option for out-of-range options', () => {
    expect(thrownCode(() => parseAppLink('kwai://work/3xabc', { maxDepth: 9 }))).toBe('invalid_option');
    expect(thrownCode(() => parseAppLink('kwai://work/3xabc', { maxLength: 0 }))).toBe('invalid_option');
    expect(thrownCode(() => parseAppLink('kwai://work/3xabc', { maxJsonLength: 1.5 }))).toBe(
      'invalid_option',
    );
  });
});

/*
 * Forms from the deep-link notes (deep-links.md §1: Douyin user/live/music/challenge/search, XHS
 * board/topic/search/goods, Weibo searchall, Kuaishou profile/live, Alipay startapp, WeChat
 * dl/business) and aliases the apps answer to (alipayqr, Taobao Lite); ids are sample values.
 */
describe('parseAppLink: every link of a known app identifies at least app and platform', () => {
  it.each([
    [
      'a Douyin profile by uid',
      'snssdk1128://user/profile/58901234567',
      'douyin',
      'douyin',
      'user',
      '58901234567',
    ],
    [
      'a Douyin live room',
      'snssdk1128://live?room_id=7234567890123456789',
      'douyin',
      'douyin',
      'live',
      '7234567890123456789',
    ],
    [
      'a Douyin music page',
      'snssdk1128://music/detail/6812345678901234567',
      'douyin',
      'douyin',
      'music',
      '6812345678901234567',
    ],
    [
      'a Douyin challenge',
      'snssdk1128://challenge/detail/1612345678901234',
      'douyin',
      'douyin',
      'topic',
      '1612345678901234',
    ],
    ['a Douyin search', 'snssdk1128://search?keyword=%E7%8C%AB', 'douyin', 'douyin', 'search', '猫'],
    [
      'a Douyin mini game',
      'snssdk1128://microgame?app_id=tta682d03f39b2471b07&version=v2',
      'douyin',
      'douyin',
      'miniprogram',
      'tta682d03f39b2471b07',
    ],
    ['a Douyin in-app page', 'snssdk1128://wallet', 'douyin', 'douyin', 'page', null],
    [
      'a Kuaishou profile',
      'kwai://profile/3xabcdefghijk2m',
      'kuaishou',
      'kuaishou',
      'user',
      '3xabcdefghijk2m',
    ],
    [
      'a Xiaohongshu board',
      'xhsdiscover://board/632d974e000000000101d759',
      'xiaohongshu',
      'xiaohongshu',
      'collection',
      '632d974e000000000101d759',
    ],
    [
      'a Xiaohongshu search',
      'xhsdiscover://search/result?keyword=%E7%A9%BF%E6%90%AD',
      'xiaohongshu',
      'xiaohongshu',
      'search',
      '穿搭',
    ],
    ['a Xiaohongshu in-app page', 'xhsdiscover://home/follow', 'xiaohongshu', 'xiaohongshu', 'page', null],
    ['a Weibo search', 'sinaweibo://searchall?q=%E7%83%AD%E6%90%9C', 'weibo', 'weibo', 'search', '热搜'],
    ['a Weibo in-app page', 'sinaweibo://draftbox', 'weibo', 'weibo', 'page', null],
    [
      'a Taobao search through the web mirror',
      'taobao://s.taobao.com/?q=%E5%85%85%E7%94%B5%E5%AE%9D',
      'taobao',
      'taobao',
      'search',
      '充电宝',
    ],
    ['a bare Taobao scheme', 'taobao://', 'taobao', 'taobao', 'page', null],
    [
      'a Taobao web view of a Taobao page',
      `taobao://m.taobao.com/tbopen/index.html?h5Url=${encodeURIComponent('https://market.m.taobao.com/app/tmall-wireless/tmallfarm/index.html')}`,
      'taobao',
      'taobao',
      'page',
      null,
    ],
    ['a JD home link', 'openapp.jdmobile://', 'jd', 'jd', 'page', null],
    [
      'a Meituan in-app page',
      'imeituan://www.meituan.com/hotel/search/input',
      'meituan',
      'meituan',
      'page',
      null,
    ],
    [
      'an Alipay Mini Program',
      'alipays://platformapi/startapp?appId=2018061360359342',
      'alipay',
      null,
      'miniprogram',
      '2018061360359342',
    ],
    [
      'an Alipay built-in function',
      'alipay://platformapi/startapp?appId=20000120',
      'alipay',
      null,
      'page',
      null,
    ],
    ['Alipay’s scan scheme', 'alipayqr://platformapi/startapp?saId=20000056', 'alipay', null, 'page', null],
    [
      'a WeChat Mini Program in plaintext',
      'weixin://dl/business/?appid=wx1234567890abcdef&path=pages/index',
      'wechat',
      null,
      'miniprogram',
      'wx1234567890abcdef',
    ],
    ['a WeChat scan link', 'weixin://scanqrcode', 'wechat', null, 'page', null],
    [
      'a Xiaohongshu note id written with its type',
      'xhsdiscover://item/discovery.64b5f3a2000000001e03a1b2',
      'xiaohongshu',
      'xiaohongshu',
      'note',
      '64b5f3a2000000001e03a1b2',
    ],
    [
      'a Xiaohongshu user id written with its type',
      'xhsdiscover://user/user.5ff0e6410000000001008400',
      'xiaohongshu',
      'xiaohongshu',
      'user',
      '5ff0e6410000000001008400',
    ],
    [
      'a Xiaohongshu search with the keyword in the path',
      'xhsdiscover://search/keyword=%E7%A9%BF%E6%90%AD',
      'xiaohongshu',
      'xiaohongshu',
      'search',
      '穿搭',
    ],
    [
      'a Bilibili audio playlist',
      'bilibili://music/playlist/spacepage/10086?desc=1',
      'bilibili',
      'bilibili',
      'collection',
      '10086',
    ],
    ['a Dianping search page without a query', 'dianping://search', 'dianping', 'dianping', 'search', null],
    [
      'a Douyin Shop buy-now page (in the Douyin app)',
      'snssdk1128://lynxview/?channel=fe_lynx_commerce_buynow&bundle=app/template.js&id=3612345678901234567&combo_id=1',
      'douyin',
      'douyin-shop',
      'item',
      '3612345678901234567',
    ],
    [
      'a Douyin Lynx view of another channel as a page',
      'snssdk1128://lynxview/?channel=fe_lynx_other&id=3612345678901234567',
      'douyin',
      'douyin',
      'page',
      null,
    ],
    [
      'Douyin Shop goods in the Douyin app',
      'snssdk1128://ec_goods_detail?promotion_id=3612345678901234567',
      'douyin',
      'douyin-shop',
      'item',
      '3612345678901234567',
    ],
    [
      'a Meituan scenic spot',
      'imeituan://www.meituan.com/travel/poi?id=1234567',
      'meituan',
      'meituan',
      'shop',
      '1234567',
    ],
    [
      'a Weibo user by personal domain name',
      'sinaweibo://userinfo?uid=sharekit_demo',
      'weibo',
      'weibo',
      'user',
      'sharekit_demo',
    ],
    [
      'a Weibo International profile by user name',
      'weibointernational://userprofile?username=sharekit_demo',
      'weibo',
      'weibo',
      'user',
      null,
    ],
    [
      'a TikTok profile by handle',
      'snssdk1233://user/profile/kabi.cabinet',
      'tiktok',
      'tiktok',
      'user',
      'kabi.cabinet',
    ],
    [
      'a TikTok live room in the regional build’s scheme',
      'snssdk1180://live?room_id=7234567890123456789',
      'tiktok',
      'tiktok',
      'live',
      '7234567890123456789',
    ],
    [
      'a TikTok web view',
      `snssdk1180://webview?url=${encodeURIComponent('https://www.tiktok.com/@kabi.cabinet/video/7312345678901234567')}&hide_nav_bar=1`,
      'tiktok',
      'tiktok',
      'video',
      '7312345678901234567',
    ],
    [
      'a Weibo user by nickname',
      'sinaweibo://userinfo?nick=%E6%96%B0%E5%8D%8E%E7%A4%BE',
      'weibo',
      'weibo',
      'user',
      '新华社',
    ],
    [
      'a Weibo user by userid',
      'sinaweibo://userinfo?userid=1234567890',
      'weibo',
      'weibo',
      'user',
      '1234567890',
    ],
    [
      'a Dianping shop by shopid',
      'dianping://shopinfo?shopid=10347348&utm=wechatraise',
      'dianping',
      'dianping',
      'shop',
      '10347348',
    ],
    [
      'a Xianyu item detail',
      'fleamarket://awesome_detail?itemId=123456789012',
      'xianyu',
      'xianyu',
      'item',
      '123456789012',
    ],
    [
      'a Xianyu detail page without an item',
      'fleamarket://awesome_detail?isSkill=true',
      'xianyu',
      'xianyu',
      'page',
      null,
    ],
    [
      'a Bilibili article by number',
      'bilibili://article/27063554?from=5',
      'bilibili',
      'bilibili',
      'article',
      'cv27063554',
    ],
    ['a Bilibili episode', 'bilibili://pgc/season/ep/246810', 'bilibili', 'bilibili', 'video', 'ep246810'],
    [
      'a Bilibili season written with its prefix',
      'bilibili://pgc/season/ss12345',
      'bilibili',
      'bilibili',
      'video',
      'ss12345',
    ],
    [
      'a Bilibili season by number',
      'bilibili://bangumi/season/33415',
      'bilibili',
      'bilibili',
      'video',
      'ss33415',
    ],
    [
      'a Bilibili dynamic',
      'bilibili://following/detail/987654321098765432',
      'bilibili',
      'bilibili',
      'post',
      '987654321098765432',
    ],
    [
      'a Bilibili audio menu',
      'bilibili://music/menu/detail/10624',
      'bilibili',
      'bilibili',
      'collection',
      'am10624',
    ],
    [
      'an Ele.me restaurant (no web page)',
      'eleme://catering?restaurant_id=156533931',
      'eleme',
      'eleme',
      'shop',
      '156533931',
    ],
    ['an Ele.me search', 'eleme://search?keyword=%E5%A5%B6%E8%8C%B6', 'eleme', 'eleme', 'search', '奶茶'],
    [
      'a JD search in params',
      'openjd://virtual?params=%7B%22des%22%3A%22productList%22%2C%22keyWord%22%3A%22%E6%89%8B%E6%9C%BA%22%2C%22from%22%3A%22search%22%2C%22category%22%3A%22jump%22%7D',
      'jd',
      'jd',
      'search',
      '手机',
    ],
    [
      'a JD shop in raw params',
      'openApp.jdMobile://virtual?params={"category":"jump","des":"jshopMain","shopId":"1000004123","sourceType":"M_sourceFrom"}',
      'jd',
      'jd',
      'shop',
      '1000004123',
    ],
    ['a Tmall search', 'tmall://page.tm/search?q=%E6%89%8B%E6%9C%BA', 'tmall', 'tmall', 'search', '手机'],
    ['a Tmall shop', 'tmall://page.tm/shop?shopId=148979681', 'tmall', 'tmall', 'shop', '148979681'],
    [
      'a Douyin place',
      'snssdk1128://poi/detail?id=6601234567890123456',
      'douyin',
      'douyin',
      'shop',
      '6601234567890123456',
    ],
    [
      'a Douyin Shop store',
      'snssdk1128://goods/store?sec_shop_id=GceCTPIk',
      'douyin',
      'douyin-shop',
      'shop',
      'GceCTPIk',
    ],
    [
      'a Weibo super topic page',
      'sinaweibo://pageinfo?containerid=1008089c1e8a8b12f1d1d2b3c4d5e6f7a8b9c0',
      'weibo',
      'weibo',
      'topic',
      '1008089c1e8a8b12f1d1d2b3c4d5e6f7a8b9c0',
    ],
    [
      'a Weibo page of another container as a page',
      'sinaweibo://pageinfo?containerid=1076031234567',
      'weibo',
      'weibo',
      'page',
      null,
    ],
    [
      'a Dianping shop search',
      'dianping://searchshoplist?keyword=%E7%81%AB%E9%94%85',
      'dianping',
      'dianping',
      'search',
      '火锅',
    ],
    [
      'a Meituan search',
      'imeituan://www.meituan.com/search?q=%E7%81%AB%E9%94%85',
      'meituan',
      'meituan',
      'search',
      '火锅',
    ],
    [
      'a Meituan Waimai search',
      'meituanwaimai://waimai.meituan.com/search?query=%E7%B2%A5',
      'meituan',
      'meituan',
      'search',
      '粥',
    ],
    [
      'an intent for a known package with nothing else',
      'intent://open#Intent;package=com.xingin.xhs;end',
      'xiaohongshu',
      'xiaohongshu',
      'page',
      null,
    ],
  ] as const)('reads %s', (_name, input, app, platform, kind, id) => {
    expect(parseAppLink(input)).toMatchObject({ app, platform, kind, id });
  });

  it('still refuses a javascript: target inside a known app’s web view', () => {
    const r = parseAppLink('kwai://webview?url=javascript%3Aalert(1)');
    expect(r && 'danger' in r ? r.danger : r).toBe('unsafe-scheme');
  });

  it('still returns null for a scheme no app of the table owns', () => {
    expect(parseAppLink('someapp://home')).toBeNull();
  });
});

describe('parseAppLink: app links in the forms they are pasted and spelled', () => {
  it.each([
    ['a scheme link in Markdown', '[snssdk1128://](snssdk1128://)', 'douyin', 'douyin', 'page', null],
    [
      'a YouTube app link that spells the web URL',
      'vnd.youtube://www.youtube.com/watch?v=MFzDaBzBlL0&app=desktop',
      'youtube',
      'youtube',
      'video',
      'MFzDaBzBlL0',
    ],
    [
      'a TikTok app link that spells a share URL',
      'snssdk1233://t.tiktok.com/i18n/share/video/6611871928930012418/?region=PH',
      'tiktok',
      'tiktok',
      'video',
      '6611871928930012418',
    ],
    [
      'an Amazon app link on its web scheme',
      'com.amazon.mobile.shopping.web://www.amazon.com/gp/product/B0016QNNP6',
      'amazon',
      'amazon',
      'item',
      'B0016QNNP6',
    ],
    [
      'the AliExpress HD scheme',
      'aliexpresshd://product/detail?productId=1121184844',
      'aliexpress',
      'aliexpress',
      'item',
      '1121184844',
    ],
    [
      'a Weibo international post',
      'weibointernational://detail?weiboid=4066781620224386',
      'weibo',
      'weibo',
      'post',
      '4066781620224386',
    ],
    [
      'a Weibo live room',
      'sinaweibo://wblive?live_id=1022:2321325181538798534712',
      'weibo',
      'weibo',
      'live',
      '1022:2321325181538798534712',
    ],
    ['a Bilibili av link', 'bilibili://av/2782168', 'bilibili', 'bilibili', 'video', 'BV1zs411m74W'],
    [
      'a Bilibili music page',
      'bilibili://music/detail/15664?name=x',
      'bilibili',
      'bilibili',
      'music',
      '15664',
    ],
    [
      'a Xiaohongshu goods page',
      'xhsdiscover://page/goods/644778b984bec4000192c772',
      'xiaohongshu',
      'xiaohongshu',
      'item',
      '644778b984bec4000192c772',
    ],
    [
      'a Xiaohongshu user’s followers',
      'xhsdiscover://user/6864e7a5000000001d01546a/followers',
      'xiaohongshu',
      'xiaohongshu',
      'user',
      '6864e7a5000000001d01546a',
    ],
    [
      'a Douyin search with a raw Chinese keyword',
      'snssdk1128://search/video?keyword=广州未赢够',
      'douyin',
      'douyin',
      'search',
      '广州未赢够',
    ],
    [
      'a Taobao search through the mobile search page',
      'taobao://s.m.taobao.com/search.htm?q=adererror',
      'taobao',
      'taobao',
      'search',
      'adererror',
    ],
    [
      'an intent with a slash before #Intent',
      'intent://www.youtube.com/watch?v=Y7dpJ0oseIA/#Intent;scheme=vnd.youtube;end;',
      'youtube',
      'youtube',
      'video',
      'Y7dpJ0oseIA',
    ],
  ] as const)('reads %s', (_name, input, app, platform, kind, id) => {
    expect(parseAppLink(input)).toMatchObject({ app, platform, kind, id });
  });

  it('does not mirror an app link onto another platform’s host', () => {
    expect(parseAppLink('vnd.youtube://item.jd.com/100012043978.html')).toMatchObject({
      app: 'youtube',
      kind: 'page',
      id: null,
    });
  });
});

describe('splitLink on http(s) links', () => {
  it('keeps the text after the first ? before any # as written, fragment included, and WHATWG host and path', () => {
    expect(splitLink('HTTPS://A.Example./p/?x="1"&y#f')).toEqual({
      scheme: 'https',
      hierarchical: true,
      hostRaw: 'a.example.',
      host: 'a.example.',
      path: '/p/',
      rest: 'x="1"&y#f',
    });
    expect(splitLink('https://a.example/p#f?x=1')?.rest).toBeNull();
    expect(splitLink('https://a.example/p')?.rest).toBeNull();
    expect(splitLink('https://a.example?')?.rest).toBe('');
    expect(splitLink('https://exa mple.com/')).toBeNull();
  });
});
