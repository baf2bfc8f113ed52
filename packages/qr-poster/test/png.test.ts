import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { decodeQr } from '../src/decode/node.js';
import { BUNDLED_FONT_FILES, renderPosterPng } from '../src/node.js';
import { rasterizePoster } from '../src/poster/png.js';
import type { Raster } from '../src/poster/verify.js';
import { codeOf, tinyPng } from './helpers.js';

const spec = {
  target: 'https://item.taobao.com/item.htm?id=678301234567&spm=a21n57.1.0.0',
  title: '北欧风陶瓷马克杯 大容量带盖勺 办公室情侣水杯',
  price: 39.9,
  originalPrice: 69,
  brand: { name: '木子家居旗舰店', logo: tinyPng() },
  image: tinyPng(),
  token: '￥CZ3457Hw7Ab￥ 复制口令打开淘宝',
};

describe('renderPosterPng', () => {
  it.each(['moments', 'square', 'print'] as const)(
    'renders the %s preset with logo, photo and token, verifies it, and the PNG decodes to the canonical URL',
    async (size) => {
      const png = await renderPosterPng({ ...spec, size, verify: true });
      expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
      const texts = (await decodeQr(png)).map((c) => c.text);
      expect(texts).toEqual(['https://item.taobao.com/item.htm?id=678301234567']);
    },
  );

  it('ships every bundled font file', async () => {
    const { statSync } = await import('node:fs');
    expect(BUNDLED_FONT_FILES).toHaveLength(6);
    for (const file of BUNDLED_FONT_FILES) expect(statSync(file).size).toBeGreaterThan(50_000);
  });

  it('refuses an extra font path that does not exist or is not a font', async () => {
    expect(await codeOf(() => renderPosterPng(spec, { fontFiles: ['/nonexistent/font.ttf'] }))).toBe(
      'invalid_option',
    );
    expect(
      await codeOf(() => renderPosterPng(spec, { fontFiles: [new URL(import.meta.url).pathname] })),
    ).toBe('invalid_option');
  });

  const solid = (w: number, h: number, colour: string) =>
    sharp({ create: { width: w, height: h, channels: 3, background: colour } });
  const pixel = (r: Raster, x: number, y: number) => {
    const i = (y * r.width + x) * 4;
    return [r.data[i], r.data[i + 1], r.data[i + 2]];
  };
  const TARGET = 'https://item.jd.com/100012043978.html';

  it.each(['webp', 'jpeg', 'png', 'gif'] as const)(
    'draws a %s product photo (WebP through a PNG re-encode)',
    async (fmt) => {
      const bytes = await solid(200, 200, '#ff0000').toFormat(fmt).toBuffer();
      const { raster } = await rasterizePoster({ target: TARGET, title: 't', image: new Uint8Array(bytes) });
      const [r, g, b] = pixel(raster, 375, 400);
      expect(r).toBeGreaterThan(240);
      expect(g).toBeLessThan(16);
      expect(b).toBeLessThan(16);
    },
  );

  it('applies EXIF orientation so a phone photo does not lie on its side', async () => {
    // Stored 200×100 with the left half red; orientation 6 shows it rotated 90° clockwise: red on top.
    const red = await solid(100, 100, '#ff0000').png().toBuffer();
    const photo = await solid(200, 100, '#0000ff')
      .composite([{ input: red, left: 0, top: 0 }])
      .withMetadata({ orientation: 6 })
      .jpeg()
      .toBuffer();
    const { raster } = await rasterizePoster({
      target: TARGET,
      title: 't',
      image: new Uint8Array(photo),
      size: 'square',
    });
    expect(pixel(raster, 300, 200)[0]).toBeGreaterThan(200);
    expect(pixel(raster, 300, 800)[2]).toBeGreaterThan(200);
  });

  it('refuses an image whose header is fine but whose pixel data is garbage as corrupt_image', async () => {
    const bytes = new Uint8Array(await solid(64, 64, '#ff0000').png().toBuffer());
    bytes.fill(7, 40);
    expect(await codeOf(() => renderPosterPng({ target: TARGET, title: 't', image: bytes }))).toBe(
      'corrupt_image',
    );
  });
});
