import { describe, expect, it } from 'vitest';
import { rasterizePoster } from '../src/poster/png.js';
import type { Raster } from '../src/poster/verify.js';
import { tinyPng } from './helpers.js';

const base = {
  target: 'https://item.jd.com/100012043978.html',
  image: tinyPng(),
  price: 299,
};

/** Bounding box of the pixels that differ between two rasters of the same size. */
function diffBox(a: Raster, b: Raster): { x0: number; y0: number; x1: number; y1: number; count: number } {
  let x0 = Number.POSITIVE_INFINITY;
  let y0 = Number.POSITIVE_INFINITY;
  let x1 = -1;
  let y1 = -1;
  let count = 0;
  for (let y = 0; y < a.height; y++) {
    for (let x = 0; x < a.width; x++) {
      const i = (y * a.width + x) * 4;
      const d =
        Math.abs((a.data[i] ?? 0) - (b.data[i] ?? 0)) + Math.abs((a.data[i + 1] ?? 0) - (b.data[i + 1] ?? 0));
      if (d > 60) {
        count++;
        x0 = Math.min(x0, x);
        y0 = Math.min(y0, y);
        x1 = Math.max(x1, x);
        y1 = Math.max(y1, y);
      }
    }
  }
  return { x0, y0, x1, y1, count };
}

describe('CJK glyphs in the PNG', () => {
  it('draws a Chinese title as ink as wide as its characters, with the bundled font only', async () => {
    // Same layout (one title line) with a one-stroke title: the rasters differ exactly where the
    // long title has ink.
    const stroke = await rasterizePoster({ ...base, title: '一' });
    const title = '降噪蓝牙耳机长续航';
    const withTitle = await rasterizePoster({ ...base, title });
    const box = diffBox(stroke.raster, withTitle.raster);
    expect(box.count).toBeGreaterThan(2000);
    // 9 CJK characters at 40 px: the ink spans close to 9 em (side bearings trim a little), one line high.
    const width = box.x1 - box.x0 + 1;
    expect(width).toBeGreaterThan(9 * 40 * 0.9);
    expect(box.y1 - box.y0 + 1).toBeLessThanOrEqual(40);
    expect(width).toBeLessThanOrEqual(9 * 40);
  });

  it('draws different characters as different shapes, not identical boxes', async () => {
    const a = await rasterizePoster({ ...base, title: '中文标题' });
    const b = await rasterizePoster({ ...base, title: '测试文字' });
    const box = diffBox(a.raster, b.raster);
    // Four replaced characters: thousands of pixels differ. Four tofu boxes would be pixel-identical.
    expect(box.count).toBeGreaterThan(1500);
    expect(box.x1 - box.x0).toBeGreaterThan(3 * 40);
  });

  it('draws a level-2 GB2312 character in a bold title through the regular face', async () => {
    // 亍 is in GB2312 level 2: the bold subset lacks it, the regular one has it.
    const a = await rasterizePoster({ ...base, title: '亍' });
    const empty = await rasterizePoster({ ...base, title: '' });
    expect(diffBox(a.raster, empty.raster).count).toBeGreaterThan(100);
  });

  it('draws a character no font has as a visible box and reports it, instead of failing the poster', async () => {
    // U+20000 (CJK Extension B) is in no bundled font.
    const title = '商品\u{20000}';
    const boxed = await rasterizePoster({ ...base, title });
    expect(boxed.missingGlyphs).toEqual(['\u{20000}']);
    const without = await rasterizePoster({ ...base, title: '商品' });
    expect(without.missingGlyphs).toEqual([]);
    // The replacement has ink: the box is drawn where the character would be.
    expect(diffBox(boxed.raster, without.raster).count).toBeGreaterThan(100);
  });

  it.each([
    ['Simplified Chinese', '蓝牙耳机'],
    ['Traditional Chinese', '藍牙耳機'],
    ['Japanese kana', 'ひらがなカタカナ'],
    ['Korean', '한국어블루투스'],
    ['Latin with diacritics', 'Crème brûlée Łódź Ứng'],
    ['full-width forms', 'ＦＵＬＬ１２３'],
    ['emoji', '限时特惠🔥👍😀'],
  ])('draws %s as glyphs from the bundled fonts, none missing', async (_name, title) => {
    const drawn = await rasterizePoster({ ...base, title });
    expect(drawn.missingGlyphs).toEqual([]);
    const empty = await rasterizePoster({ ...base, title: '' });
    expect(diffBox(drawn.raster, empty.raster).count).toBeGreaterThan(200);
  });

  it('draws with an extra font file passed in fontFiles, searched after the bundled ones', async () => {
    const { BUNDLED_FONT_FILES } = await import('../src/poster/png.js');
    // The bundled Korean face passed again as an extra: a no-op that must still load and render.
    const drawn = await rasterizePoster(
      { ...base, title: '한국어' },
      { fontFiles: [BUNDLED_FONT_FILES[3] ?? ''] },
    );
    expect(drawn.missingGlyphs).toEqual([]);
  });
});
