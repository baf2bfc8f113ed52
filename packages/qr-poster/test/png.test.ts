import { describe, expect, it } from 'vitest';
import { decodeQr } from '../src/decode/node.js';
import { isQrPosterError, type QrPosterErrorCode } from '../src/index.js';
import { BUNDLED_FONT_FILES, renderPosterPng } from '../src/node.js';
import { tinyPng } from './helpers.js';

const spec = {
  target: 'https://item.taobao.com/item.htm?id=678301234567&spm=a21n57.1.0.0',
  title: '北欧风陶瓷马克杯 大容量带盖勺 办公室情侣水杯',
  price: 39.9,
  originalPrice: 69,
  brand: { name: '木子家居旗舰店', logo: tinyPng() },
  image: tinyPng(),
  token: '￥CZ3457Hw7Ab￥ 复制口令打开淘宝',
};

async function codeOf(run: () => Promise<unknown>): Promise<QrPosterErrorCode | 'no error' | 'other error'> {
  try {
    await run();
    return 'no error';
  } catch (error) {
    return isQrPosterError(error) ? error.code : 'other error';
  }
}

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

  it('ships both bundled font files', async () => {
    const { statSync } = await import('node:fs');
    for (const file of BUNDLED_FONT_FILES) expect(statSync(file).size).toBeGreaterThan(1_000_000);
  });

  it('refuses an extra font path that does not exist or is not a font', async () => {
    expect(await codeOf(() => renderPosterPng(spec, { fontFiles: ['/nonexistent/font.ttf'] }))).toBe(
      'invalid_option',
    );
    expect(
      await codeOf(() => renderPosterPng(spec, { fontFiles: [new URL(import.meta.url).pathname] })),
    ).toBe('invalid_option');
  });
});
