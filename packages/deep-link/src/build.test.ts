import { identify, isPlatformId, PLATFORM_IDS, PLATFORMS } from '@sharekit/canonical-url';
import { describe, expect, it } from 'vitest';
import { thrownCode } from '../test/thrown.js';
import { STORE_WRAPPERS } from './apps.js';
import { toAppLinks } from './build.js';
import { IOS_APPS, storeLinks } from './store.js';
import { APP_IDS, APPS } from './table.js';

describe('toAppLinks', () => {
  it('cleans the web link and builds the JD scheme, intent, universal link and des:m wrapper', () => {
    const links = toAppLinks('https://item.m.jd.com/product/100012043978.html?utm_source=iosapp&gx=1');
    expect(links.web).toBe('https://item.jd.com/100012043978.html');
    expect(links.app).toBe('jd');
    expect(links.scheme).toBe(
      `openapp.jdmobile://virtual?params=${encodeURIComponent('{"category":"jump","des":"productDetail","skuId":"100012043978"}')}`,
    );
    expect(links.intent).toBe(
      `intent://virtual?params=${encodeURIComponent('{"category":"jump","des":"productDetail","skuId":"100012043978"}')}#Intent;scheme=openapp.jdmobile;package=com.jingdong.app.mall;S.browser_fallback_url=${encodeURIComponent('https://item.jd.com/100012043978.html')};end`,
    );
    expect(links.universal).toBe(`https://linkst.m.jd.com/ul/ul.action?${links.scheme}`);
    expect(links.wrappers?.jd).toContain(encodeURIComponent('"des":"m"'));
    expect(links.confidence).toEqual({ scheme: 'B', intent: 'B', universal: 'A' });
  });

  it('writes the Bilibili scheme with the numeric aid', () => {
    expect(toAppLinks('https://www.bilibili.com/video/BV17x411w7KC?p=2&spm_id_from=333').scheme).toBe(
      'bilibili://video/170001',
    );
  });

  it('writes a BV id that does not convert to an aid as is, and says that spelling is unconfirmed', () => {
    const links = toAppLinks('https://www.bilibili.com/video/BV1prototype');
    expect(links.scheme).toBe('bilibili://video/BV1prototype');
    expect(links.unconfirmed).toEqual([
      'bilibili: the app accepting a BV id is reported by one third-party client only',
    ]);
  });

  it('builds a scheme from an app link given as the target', () => {
    const links = toAppLinks(
      'tbopen://m.taobao.com/tbopen/index.html?h5Url=https%3A%2F%2Fitem.taobao.com%2Fitem.htm%3Fid%3D634567890123',
    );
    expect(links.scheme).toBe('taobao://item.taobao.com/item.htm?id=634567890123');
  });

  it('gives JD Worldwide (.hk) items no scheme, since the SKU opening the same product is unconfirmed', () => {
    const links = toAppLinks('https://item.jd.hk/100012043978.html');
    expect(links.web).toBe('https://item.jd.hk/100012043978.html');
    expect(links.scheme).toBeUndefined();
    expect(links.wrappers?.jd).toBeDefined();
  });

  it('gives a short link its web form, the app wrapper and (Taobao) the universal link, but no scheme', () => {
    const links = toAppLinks('https://m.tb.cn/h.8IcTrtZuTU19ieN?tk=nyXpT7VA7lt&sm=1');
    expect(links.identity?.kind).toBe('short');
    expect(links.scheme).toBeUndefined();
    expect(links.wrappers?.taobao).toBeDefined();
  });

  it('uses the https intent for Amazon on Android and the mirrored scheme on iOS', () => {
    const links = toAppLinks('https://www.amazon.de/dp/B08N5WRWNW/ref=sr_1_1');
    expect(links.scheme).toBe('com.amazon.mobile.shopping://www.amazon.de/dp/B08N5WRWNW');
    expect(links.intent).toMatch(
      /^intent:\/\/www\.amazon\.de\/dp\/B08N5WRWNW#Intent;scheme=https;package=com\.amazon\.mShop\.android\.shopping;/,
    );
    expect(toAppLinks('https://www.amazon.de/dp/B08N5WRWNW', { os: 'android' }).scheme).toBeUndefined();
  });

  it('lists the unconfirmed forms it used', () => {
    expect(toAppLinks('https://www.kuaishou.com/short-video/3xabcdefghijkmn').unconfirmed).toEqual([
      'kuaishou: that kwai://work/ accepts the web photoId is unconfirmed',
    ]);
  });

  it('wraps a web page of no known platform only in the apps asked for', () => {
    const links = toAppLinks('https://example.com/sale?x=1', { wrapIn: ['alipay'] });
    expect(links).toMatchObject({ identity: null, app: null, web: 'https://example.com/sale?x=1' });
    expect(links.scheme).toBeUndefined();
    expect(Object.keys(links.wrappers ?? {})).toEqual(['alipay']);
  });

  it('uses the given fallback URL in the intent', () => {
    const links = toAppLinks('https://www.xiaohongshu.com/explore/64b5f3a2000000001e03a1b2', {
      fallbackUrl: 'https://shop.example/landing',
    });
    expect(links.intent).toContain(
      `S.browser_fallback_url=${encodeURIComponent('https://shop.example/landing')};end`,
    );
  });

  it('accepts a LinkIdentity and refuses one whose URL is not its platform page', () => {
    const identity = identify('https://www.douyin.com/video/7312345678901234567')!;
    expect(toAppLinks(identity).scheme).toBe('snssdk1128://aweme/detail/7312345678901234567');
    expect(
      thrownCode(() => toAppLinks({ ...identity, url: 'https://evil.example/video/7312345678901234567' })),
    ).toBe('invalid_input');
  });

  it('refuses any other object with invalid_input, or unsafe_target when its url is unsafe, never a crash', () => {
    const identity = identify('https://item.jd.com/100012043978.html')!;
    const malformed: unknown[] = [
      {},
      [],
      { url: 5 },
      { ...identity, url: undefined },
      { ...identity, kind: 'bogus' },
      { ...identity, platform: 'myspace' },
      { ...identity, id: 100012043978 },
      { platform: 'jd', url: identity.url },
      { ...identity, url: 'https://example.com/100012043978.html' },
    ];
    for (const bad of malformed)
      expect(
        thrownCode(() => toAppLinks(bad as never)),
        JSON.stringify(bad),
      ).toBe('invalid_input');
    for (const url of ['javascript:alert(1)', 'https://item.taobao.corn/item.htm?id=634567890123'])
      for (const bad of [{ url }, { ...identity, url }, { ...identity, kind: 'bogus', url }])
        expect(
          thrownCode(() => toAppLinks(bad as never)),
          JSON.stringify(bad),
        ).toBe('unsafe_target');
  });

  it('refuses javascript:, data:, a lookalike host and a non-http fallback', () => {
    expect(thrownCode(() => toAppLinks('javascript:alert(1)'))).toBe('unsafe_target');
    expect(thrownCode(() => toAppLinks('data:text/html,x'))).toBe('unsafe_target');
    expect(thrownCode(() => toAppLinks('https://item.taobao.corn/item.htm?id=634567890123'))).toBe(
      'unsafe_target',
    );
    expect(
      thrownCode(() => toAppLinks(`kwai://webview?url=${encodeURIComponent('javascript:alert(1)')}`)),
    ).toBe('unsafe_target');
    expect(
      thrownCode(() =>
        toAppLinks('https://item.jd.com/100012043978.html', { fallbackUrl: 'javascript:alert(1)' }),
      ),
    ).toBe('unsafe_target');
  });

  it('refuses plain text, non-strings, huge input and unknown apps in wrapIn', () => {
    expect(thrownCode(() => toAppLinks('not a link'))).toBe('unknown_target');
    expect(thrownCode(() => toAppLinks(42 as unknown as string))).toBe('invalid_input');
    expect(thrownCode(() => toAppLinks(`https://item.jd.com/${'1'.repeat(9000)}.html`))).toBe('too_long');
    expect(
      thrownCode(() => toAppLinks('https://item.jd.com/100012043978.html', { wrapIn: ['myspace' as never] })),
    ).toBe('invalid_option');
  });

  it("takes maxLength from 1 to 1,048,576, parseAppLink's bounds, and a fallbackUrl only as an http(s) string", () => {
    const jd = 'https://item.jd.com/100012043978.html';
    for (const maxLength of [0, -1, 1.5, Number.NaN, (1 << 20) + 1, '100' as never]) {
      expect(thrownCode(() => toAppLinks(jd, { maxLength }))).toBe('invalid_option');
    }
    expect(toAppLinks(jd, { maxLength: 1 << 20 }).web).toBe(jd);
    expect(thrownCode(() => toAppLinks(jd, { maxLength: 20 }))).toBe('too_long');
    for (const fallbackUrl of [42 as never, '', ' ', 'ftp://example.com/', 'example.com/a']) {
      expect(thrownCode(() => toAppLinks(jd, { fallbackUrl }))).toBe('unsafe_target');
    }
    expect(toAppLinks(jd, { fallbackUrl: ' https://www.jd.com/ ' }).intent).toContain(
      `S.browser_fallback_url=${encodeURIComponent('https://www.jd.com/')}`,
    );
  });
});

describe('the app table', () => {
  it('has one row per app with a confidence tag and the last-verified date', () => {
    const ids = APPS.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    // Every registry platform but 1688 and Weidian (no app facts in the notes), then WeChat and Alipay.
    const expected = [...PLATFORM_IDS.filter((id) => id !== '1688' && id !== 'weidian'), 'wechat', 'alipay'];
    expect(APP_IDS).toEqual(expected);
    // The rows are in that order too: APP_IDS is their ids.
    expect(ids).toEqual(expected);
    for (const row of APPS) {
      expect(['A', 'B', 'C']).toContain(row.confidence);
      expect(row.lastVerified).toBe('2026-11-20');
      expect(row.android?.package, row.id).toMatch(/^[a-zA-Z][\w]*(\.[\w]+)+$/);
    }
  });

  it('gives store links from the Android package and the App Store id', () => {
    expect(storeLinks('taobao')).toEqual({
      android: 'market://details?id=com.taobao.taobao',
      yyb: 'https://a.app.qq.com/o/simple.jsp?pkgname=com.taobao.taobao',
      ios: 'https://apps.apple.com/cn/app/id387682726',
    });
    expect(storeLinks('aliexpress').ios).toBeUndefined();
  });

  it('keeps iOS ids only for apps of the table, each App Store id numeric', () => {
    for (const [id, ios] of Object.entries(IOS_APPS)) {
      expect(APP_IDS, id).toContain(id);
      expect(ios?.appStoreId, id).toMatch(/^[1-9]\d{8,9}$/);
    }
  });

  it('marks every form without a web page (webless) parse-only, so building never writes one', () => {
    for (const row of APPS)
      for (const t of row.links) if (t.webless) expect(t.parseOnly, t.template).toBe(true);
  });

  it('gives every content form an {id} slot (webless ones may name a kind alone), every web-view form a {url} slot and every https wrapper a {link} slot', () => {
    for (const row of APPS) {
      for (const t of row.links) if (!t.webless) expect(JSON.stringify(t), t.template).toContain('{id}');
      for (const t of row.webviews) expect(JSON.stringify(t), t.template).toContain('{url}');
      for (const t of [...row.httpsWrappers, ...STORE_WRAPPERS])
        expect(t.template, t.template).toContain('{link}');
    }
  });

  it('gives every JSON template fields, none named after a property of any JSON value (matching reads them by key)', () => {
    const prototypes = [Object, Array, String, Number, Boolean].map((type) => type.prototype);
    for (const row of APPS)
      for (const t of [...row.links, ...row.webviews])
        for (const fields of Object.values(t.json ?? {})) {
          expect(Object.keys(fields).length, t.template).toBeGreaterThan(0);
          for (const key of Object.keys(fields))
            for (const proto of prototypes) expect(key in proto, key).toBe(false);
        }
  });

  it('writes idPrefix only on parse-only forms (building would need the prefix taken off)', () => {
    for (const row of APPS)
      for (const t of row.links) if (t.idPrefix) expect(t.parseOnly, t.template).toBe(true);
  });

  it('maps every scheme alias to a scheme of its own row', () => {
    for (const row of APPS)
      for (const [alias, main] of Object.entries(row.schemeAliases ?? {}))
        expect(row.schemes, alias).toContain(main);
  });

  it('writes every mirroring scheme in a scheme its own row owns (parsing looks mirrors up by owner)', () => {
    for (const row of APPS)
      for (const map of row.prefixMaps) {
        const scheme = map.scheme.slice(0, map.scheme.indexOf(':'));
        expect(APPS.find((r) => r.schemes.includes(scheme))?.id, map.scheme).toBe(row.id);
      }
  });

  it('gives a home page to exactly the apps that are no platform (WeChat and Alipay)', () => {
    for (const row of APPS) expect(row.home === undefined, row.id).toBe(isPlatformId(row.id));
  });

  it('writes every row template out in full, with a scheme of its row', () => {
    for (const row of APPS) {
      for (const t of [...row.links, ...row.webviews]) {
        const scheme = t.template.slice(0, t.template.indexOf(':')).toLowerCase();
        expect([...row.schemes, ...Object.keys(row.schemeAliases ?? {})], t.template).toContain(scheme);
      }
    }
  });
});

describe('the app table names', () => {
  it('takes every platform app name from the registry, and WeChat and Alipay write their own', () => {
    for (const row of APPS) {
      const platform = PLATFORMS.find((p) => p.id === row.id);
      if (platform) expect([row.name, row.nameZh]).toEqual([platform.name, platform.nameZh]);
      else expect(row.name.length * row.nameZh.length).toBeGreaterThan(0);
    }
    expect(APPS.find((row) => row.id === 'wechat')?.nameZh).toBe('微信');
  });
});
