import { identify, TARGET_REASONS } from '@sharekit/canonical-url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzz } from '../../../test-utils/fuzz.js';
import { toAppLinks } from './build.js';
import { isDeepLinkError } from './errors.js';
import { isUnsafeAppLink, parseAppLink } from './parse.js';
import type { ParsedAppLink } from './types.js';

const SEED = 20261120;

/** Runs parseAppLink and checks the contract: null, a target, a danger report, or a DeepLinkError. */
function run(link: string): ParsedAppLink | null | { error: string } {
  let r: ParsedAppLink | null;
  try {
    r = parseAppLink(link);
  } catch (e) {
    if (isDeepLinkError(e)) return { error: e.code };
    throw e;
  }
  if (r === null) return r;
  if (isUnsafeAppLink(r)) {
    // Any danger reason of the one judge (a mutated host may become private or invalid).
    expect(TARGET_REASONS[r.danger]).toBe('danger');
    return r;
  }
  // A target is always an http(s) page; a platform target is exactly what canonical-url says.
  expect(r.webUrl).toMatch(/^https?:\/\//);
  if (r.platform !== null) {
    const again = identify(r.webUrl);
    expect(again).toMatchObject({ platform: r.platform, kind: r.kind, id: r.id, url: r.webUrl });
  }
  return r;
}

const SEEDS = [
  'taobao://item.taobao.com/item.htm?id=634567890123',
  'tbopen://m.taobao.com/tbopen/index.html?h5Url=https%3A%2F%2Fitem.taobao.com%2Fitem.htm%3Fid%3D634567890123',
  `openapp.jdmobile://virtual?params=${encodeURIComponent('{"category":"jump","des":"productDetail","skuId":"100012043978"}')}`,
  'openapp.jdmobile://virtual?params={"category":"jump","des":"m","url":"https://item.jd.com/1000.html"}',
  'https://linkst.m.jd.com/ul/ul.action?openapp.jdmobile://virtual?params={"category":"jump","des":"productDetail","skuId":"100012043978"}',
  'intent://aweme/detail/7312345678901234567#Intent;scheme=snssdk1128;package=com.ss.android.ugc.aweme;S.browser_fallback_url=https%3A%2F%2Fwww.douyin.com%2F;end',
  'https://ds.alipay.com/?scheme=alipays%3A%2F%2Fplatformapi%2Fstartapp%3FappId%3D20000067%26url%3Dhttps%253A%252F%252Fm.weibo.cn%252Fdetail%252F4987654321098765',
  'bilibili://video/170001',
  'xhsdiscover://item/64b5f3a2000000001e03a1b2',
  'vnd.youtube:dQw4w9WgXcQ',
];

const WRAPS: readonly ((inner: string) => string)[] = [
  (x) => `alipays://platformapi/startapp?appId=20000067&url=${encodeURIComponent(x)}`,
  (x) => `https://ds.alipay.com/?scheme=${encodeURIComponent(x)}`,
  (x) =>
    `tbopen://m.taobao.com/tbopen/index.html?action=ali.open.nav&module=h5&bootImage=0&h5Url=${encodeURIComponent(x)}`,
  (x) => `https://b.mashort.cn/ulk/taobao?smburl=${encodeURIComponent(x)}`,
  (x) =>
    `openapp.jdmobile://virtual?params=${encodeURIComponent(JSON.stringify({ category: 'jump', des: 'm', url: x }))}`,
  (x) => `https://linkst.m.jd.com/ul/ul.action?${encodeURIComponent(x)}`,
  (x) => `kwai://webview?url=${encodeURIComponent(x)}`,
  (x) => `snssdk1128://webview?url=${encodeURIComponent(x)}`,
  (x) =>
    `intent://x#Intent;scheme=nonexistent;package=com.example;S.browser_fallback_url=${encodeURIComponent(x)};end`,
  (x) => `https://a.app.qq.com/o/simple.jsp?pkgname=com.example&android_schema=${encodeURIComponent(x)}`,
];

const SAFE_INNER = [
  { link: 'https://item.taobao.com/item.htm?id=634567890123', id: '634567890123' },
  { link: 'xhsdiscover://item/64b5f3a2000000001e03a1b2', id: '64b5f3a2000000001e03a1b2' },
  { link: 'bilibili://video/av170001', id: 'BV17x411w7KC' },
  { link: 'https://m.weibo.cn/detail/4987654321098765', id: '4987654321098765' },
];
const UNSAFE_INNER = [
  'javascript:alert(1)',
  'data:text/html,<script>1</script>',
  'file:///etc/passwd',
  'vbscript:x',
  'JAVA\nSCRIPT:alert(1)',
];

describe('fuzzing parseAppLink', () => {
  it('answers random text with null, a result or a DeepLinkError, never a crash', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300, unit: 'binary' }), (text) => {
        run(text);
      }),
      fuzz(1500, SEED),
    );
  });

  it('answers random text after every scheme and wrapper prefix of the table the same way', () => {
    const prefixes = [
      ...SEEDS.map((s) => s.slice(0, s.indexOf(':') + 3)),
      'intent://',
      'intent:',
      'https://linkst.m.jd.com/ul/ul.action?',
      'https://ds.alipay.com/?scheme=',
      'openapp.jdmobile://virtual?params={',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...prefixes),
        fc.string({ maxLength: 200, unit: 'binary-ascii' }),
        (prefix, tail) => {
          run(prefix + tail);
        },
      ),
      fuzz(1500, SEED),
    );
  });

  it('answers one-character mutations of real app links with null, a result or a DeepLinkError', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SEEDS),
        fc.nat(),
        fc.constantFrom(
          '',
          '%',
          '#',
          '&',
          '?',
          '=',
          '{',
          '}',
          '"',
          '/',
          ':',
          '\\',
          ' ',
          '\n',
          '%00',
          '%25',
          'é',
        ),
        (seed, at, insert) => {
          const i = at % (seed.length + 1);
          run(seed.slice(0, i) + insert + seed.slice(i + (insert === '' ? 1 : 0)));
        },
      ),
      fuzz(1500, SEED),
    );
  });

  it('unwraps random nesting up to 8 levels and refuses deeper, with unsafe targets flagged at every depth', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: WRAPS.length - 1 }), { maxLength: 11 }),
        fc.oneof(
          fc.constantFrom(...SAFE_INNER).map((s) => ({ ...s, unsafe: false })),
          fc.constantFrom(...UNSAFE_INNER).map((link) => ({ link, id: '', unsafe: true })),
        ),
        (layers, inner) => {
          let link = inner.link;
          for (const k of layers) link = WRAPS[k]!(link);
          const r = run(link);
          if (link.length > 8192) {
            expect(r).toEqual({ error: 'too_long' });
            return;
          }
          // Depth counts layers around the innermost link; intent-to-fallback adds one more read.
          if (layers.length > 8) {
            expect(r).toEqual({ error: 'too_deep' });
            return;
          }
          if (inner.unsafe) {
            expect(r && 'danger' in r ? r.danger : r).toBe('unsafe-scheme');
          } else {
            expect(r && 'webUrl' in r ? r.id : r).toBe(inner.id);
          }
        },
      ),
      fuzz(400, SEED),
    );
  });

  it('bounds JD params of any size, raw or encoded: a result, null, or params_too_large/too_long', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 40 }),
        fc.nat({ max: 12_000 }),
        fc.boolean(),
        (extra, pad, raw) => {
          const json = JSON.stringify({
            ...extra,
            category: 'jump',
            des: 'productDetail',
            skuId: '100012043978',
            pad: 'x'.repeat(pad),
          });
          const link = `openapp.jdmobile://virtual?params=${raw ? json : encodeURIComponent(json)}`;
          const r = run(link);
          if (link.length > 8192) expect(r).toEqual({ error: 'too_long' });
          else if (json.length > 4096) expect(r).toEqual({ error: 'params_too_large' });
          else expect(r && 'id' in r ? r.id : r).toBe('100012043978');
        },
      ),
      fuzz(300, SEED),
    );
  });

  it('never lets a __proto__ or constructor key in random JSON params reach Object.prototype', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), (value) => {
        const json = `{"__proto__":${JSON.stringify(value)},"constructor":{"prototype":${JSON.stringify(value)}},"category":"jump","des":"productDetail","skuId":"100012043978"}`;
        run(`openapp.jdmobile://virtual?params=${json}`);
        expect(Object.keys(Object.prototype)).toEqual([]);
      }),
      fuzz(200, SEED),
    );
  });

  it('builds links from any platform URL it identifies and reads every one back to the same target', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SAFE_INNER), fc.constantFrom(...SEEDS), (inner, seed) => {
        const r = run(seed);
        const url = r && 'webUrl' in r ? r.webUrl : inner.link.startsWith('https') ? inner.link : null;
        if (!url || !identify(url)) return;
        const links = toAppLinks(url);
        for (const link of [
          links.scheme,
          links.intent,
          links.universal,
          ...Object.values(links.wrappers ?? {}),
        ]) {
          if (!link) continue;
          const back = run(link);
          expect(back && 'webUrl' in back ? back.webUrl : back).toBe(identify(url)!.url);
        }
      }),
      fuzz(100, SEED),
    );
  });
});
