import { canonicalUrlFor, type LinkIdentity, PLATFORMS } from '@sharekit/canonical-url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzz } from '../../../test-utils/fuzz.js';
import { composeShareText, renderPosterPng, resolve } from '../src/node.js';

/** A random identity of any (platform, kind) whose canonical URL needs nothing but the id. */
const identity: fc.Arbitrary<LinkIdentity> = fc
  .constantFrom(
    ...PLATFORMS.flatMap((row) =>
      row.kinds.filter((k) => !k.canonical.includes('{user}')).map((spec) => ({ platform: row.id, spec })),
    ),
  )
  .chain(({ platform, spec }) =>
    fc.stringMatching(spec.idPattern).map((id): LinkIdentity | null => {
      const url = canonicalUrlFor(platform, spec.kind, id);
      return url ? { platform, kind: spec.kind, id, url } : null;
    }),
  )
  .filter((x): x is LinkIdentity => x !== null);

const title = fc.oneof(
  fc.constantFrom('316不锈钢保温杯 大容量', '夏季新款连衣裙', 'Wireless earbuds', '【限时】抽纸 24包'),
  fc.string({ minLength: 1, maxLength: 30, unit: 'grapheme' }),
);

/** Titles the bundled poster font can draw (CJK and ASCII); other scripts are refused with `missing_glyph`. */
const posterTitle = fc.oneof(
  fc.constantFrom('316不锈钢保温杯 大容量', '夏季新款连衣裙', 'Wireless earbuds', '【限时】抽纸 24包'),
  fc.string({
    minLength: 1,
    maxLength: 30,
    unit: fc.constantFrom(...'abcXYZ 0123456789商品好物限时特价新款包邮'),
  }),
);

describe('resolver properties', () => {
  it('resolve(composeShareText(x)).identity is x, whatever the template and delimiter', async () => {
    await fc.assert(
      fc.asyncProperty(
        identity,
        title,
        fc.constantFrom('zh', 'en') as fc.Arbitrary<'zh' | 'en'>,
        fc.constantFrom('modern', 'classic', 'token-only'),
        fc.constantFrom('￥', '¥', '$', '€', '₳', '《', '🔑', '(', '/'),
        async (x, t, locale, template, delimiter) => {
          const text = composeShareText({
            target: x,
            title: t,
            brand: 'sharekit',
            locale,
            template,
            delimiter,
          });
          const r = await resolve(text);
          expect(r.identity).toEqual(x);
          expect(r.link).toBe(x.url);
        },
      ),
      fuzz(150, 20261120),
    );
  });

  it('resolve(renderPosterPng(x)).link is the canonical link of x', async () => {
    await fc.assert(
      fc.asyncProperty(identity, posterTitle, async (x, t) => {
        const png = await renderPosterPng({ target: x, title: t, price: '99.00' });
        const r = await resolve(png);
        expect(r.kind).toBe('qr-image');
        expect(r.link).toBe(x.url);
      }),
      fuzz(8, 20261120),
    );
  }, 120_000);

  it('resolve never throws on any string', async () => {
    const piece = fc.oneof(
      fc.string({ maxLength: 40, unit: 'binary' }),
      fc.constantFrom(
        'https://',
        'http://',
        '://',
        'javascript:',
        'intent://',
        '#Intent;',
        ';end',
        'taobao://',
        'openapp.jdmobile://virtual?params=',
        '%7B%22des%22%3A%22m%22%7D',
        '@',
        '￥',
        '【淘宝】',
        '「',
        '」',
        'e.tb.cn/h.',
        '?tk=',
        '?jkl=@',
        'xhslink.com/',
        'BV1',
        'av',
        '\u200b',
        '\ufffc',
        '\r\n',
        '淘宝',
      ),
      fc.webUrl(),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(piece, { maxLength: 12 }).map((xs) => xs.join('')),
        async (text) => {
          const r = await resolve(text);
          expect(['url', 'share-text', 'sharekit-token', 'app-link', 'unknown']).toContain(r.kind);
          for (const c of r.candidates) {
            if (c.link !== null) expect(c.link).toMatch(/^https?:\/\//);
            if (c.safety.level === 'danger') expect(c.link).toBeNull();
          }
        },
      ),
      fuzz(1500, 20261120),
    );
  });
});
