import fc from 'fast-check';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { fuzz } from '../../../test-utils/fuzz.js';
import { decodeQr } from '../src/decode/node.js';
import { isQrPosterError, renderPoster } from '../src/index.js';
import { renderPosterPng } from '../src/node.js';
import { normalizeSpec } from '../src/poster/spec.js';
import { composePoster } from '../src/poster/svg.js';
import { tinyPng } from './helpers.js';
import { rasterizeSvg } from './resvg.js';

/** The damage a poster meets between the renderer and a scanner. */
const TRANSFORMS: Record<
  string,
  (
    png: Uint8Array,
    seed: number,
  ) => Promise<Uint8Array | { data: Uint8ClampedArray; width: number; height: number }>
> = {
  original: async (png) => png,
  'downscaled to 50%': async (png) => {
    const { width = 0 } = await sharp(png).metadata();
    return sharp(png)
      .resize({ width: Math.round(width / 2) })
      .png()
      .toBuffer();
  },
  'JPEG quality 60': async (png) => sharp(png).jpeg({ quality: 60 }).toBuffer(),
  'rotated 90°': async (png) => sharp(png).rotate(90).png().toBuffer(),
  'rotated 180°': async (png) => sharp(png).rotate(180).png().toBuffer(),
  'with noise': async (png, seed) => {
    const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    const out = new Uint8ClampedArray(data);
    let state = seed >>> 0 || 1;
    for (let i = 0; i < out.length; i++) {
      if (i % 4 === 3) continue;
      // xorshift32: uniform noise in ±48 on every channel.
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      out[i] = (out[i] ?? 0) + (((state >>> 0) % 97) - 48);
    }
    return { data: out, width: info.width, height: info.height };
  },
};

async function readsBackUnderEveryTransform(png: Uint8Array, payload: string, seed: number): Promise<void> {
  for (const [name, transform] of Object.entries(TRANSFORMS)) {
    const image = await transform(png, seed);
    const texts = (await decodeQr(image)).map((code) => code.text);
    expect(texts, `${name}: ${JSON.stringify(payload.slice(0, 60))}`).toContain(payload);
  }
}

const layout = fc.record({
  size: fc.constantFrom('moments' as const, 'square' as const, 'print' as const),
  logo: fc.boolean(),
  seed: fc.integer({ min: 1, max: 0x7fffffff }),
});

/** Renders a poster whose code carries arbitrary text (not only URLs): the same layout and drawing path. */
function pngForText(text: string, size: 'moments' | 'square' | 'print', logo: boolean): Uint8Array {
  const spec = normalizeSpec({
    target: 'https://item.jd.com/100012043978.html',
    title: '属性测试海报',
    price: 99,
    size,
    ...(logo ? { brand: { name: '测试', logo: tinyPng() } } : {}),
  });
  const poster = composePoster({ ...spec, target: { url: text, identity: null, level: 'ok', reasons: [] } });
  return rasterizeSvg(poster.svg).png;
}

describe('render → decode round trip', () => {
  it('reads back the canonical URL of random web links from renderPosterPng, damaged six ways', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.webUrl({ validSchemes: ['https', 'http'], withQueryParameters: true }),
        layout,
        async (url, l) => {
          const spec = {
            target: url,
            title: '随机链接',
            size: l.size,
            ...(l.logo ? { brand: { logo: tinyPng() } } : {}),
          };
          let payload: string;
          try {
            payload = (await renderPoster(spec)).payload;
          } catch (error) {
            // Random hosts can be lookalikes or non-canonicalisable: those are refused, by design.
            fc.pre(
              !(
                isQrPosterError(error) &&
                (error.code === 'unsafe_target' || error.code === 'invalid_target')
              ),
            );
            throw error;
          }
          await readsBackUnderEveryTransform(await renderPosterPng(spec), payload, l.seed);
        },
      ),
      fuzz(10, 20261120),
    );
  });

  it('reads back CJK text exactly, damaged six ways', async () => {
    const cjk = fc.string({
      unit: fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCodePoint(c)),
      minLength: 1,
      maxLength: 60,
    });
    await fc.assert(
      fc.asyncProperty(cjk, layout, async (text, l) => {
        await readsBackUnderEveryTransform(pngForText(text, l.size, l.logo), text, l.seed);
      }),
      fuzz(10, 20261121),
    );
  });

  it('reads back long mixed strings (up to 300 characters) exactly, damaged six ways', async () => {
    const long = fc
      .string({ unit: 'grapheme-ascii', minLength: 120, maxLength: 300 })
      .filter((s) => s.trim() === s);
    await fc.assert(
      fc.asyncProperty(long, layout, async (text, l) => {
        await readsBackUnderEveryTransform(pngForText(text, l.size, l.logo), text, l.seed);
      }),
      fuzz(10, 20261122),
    );
  });
});
