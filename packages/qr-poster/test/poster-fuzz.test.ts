import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzz } from '../../../test-utils/fuzz.js';
import { isQrPosterError, type PosterSpec, renderPoster } from '../src/index.js';

/** Runs renderPoster and reports what came out: a poster, a typed error, or anything else (a bug). */
async function outcome(spec: unknown): Promise<'poster' | 'typed error' | string> {
  try {
    const poster = await renderPoster(spec as PosterSpec);
    return poster.svg.startsWith('<svg') ? 'poster' : 'poster without svg';
  } catch (error) {
    return isQrPosterError(error) ? 'typed error' : `untyped: ${String(error)}`;
  }
}

describe('renderPoster on arbitrary input', () => {
  it('answers any string target with a poster or a QrPosterError, never another exception', async () => {
    const target = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
      fc.constantFrom(
        'javascript:alert(1)',
        ' JAVASCRIPT:alert(1)',
        'data:,x',
        'file:///',
        'http://[::1]/',
        'https://xn--80ak6aa92e.com/',
      ),
      fc.string({ unit: 'binary', maxLength: 100 }).map((s) => `https://item.taobao.com/${s}`),
    );
    await fc.assert(
      fc.asyncProperty(target, async (t) => {
        expect(await outcome({ target: t, title: '测试' })).toMatch(/^(poster|typed error)$/);
      }),
      fuzz(300, 4242),
    );
  });

  it('answers any spec object with a poster or a QrPosterError, never another exception', async () => {
    const field = fc.oneof(
      fc.anything(),
      fc.string({ unit: 'binary', maxLength: 80 }),
      fc.double(),
      fc.uint8Array({ maxLength: 64 }),
    );
    const spec = fc.record(
      {
        target: fc.oneof(fc.constant('https://item.jd.com/100012043978.html'), fc.anything()),
        title: fc.oneof(fc.string({ unit: 'binary', maxLength: 120 }), fc.anything()),
        titleMaxLines: field,
        price: field,
        originalPrice: field,
        currency: field,
        brand: fc.oneof(fc.record({ name: field, logo: field }, { requiredKeys: [] }), fc.anything()),
        image: field,
        token: field,
        caption: field,
        theme: fc.oneof(
          fc.dictionary(fc.constantFrom('accent', 'qrDark', 'qrLight', 'background'), field),
          fc.anything(),
        ),
        size: fc.oneof(
          fc.constantFrom('moments', 'square', 'print'),
          fc.record({ width: field, height: field }),
          fc.anything(),
        ),
        qr: fc.oneof(
          fc.record(
            { logo: field, logoScale: field, errorCorrection: field, margin: field, logoBudget: field },
            { requiredKeys: [] },
          ),
          fc.anything(),
        ),
        verify: field,
        imageLimits: field,
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(spec, async (s) => {
        expect(await outcome(s)).toMatch(/^(poster|typed error)$/);
      }),
      fuzz(300, 4243),
    );
  });
});
