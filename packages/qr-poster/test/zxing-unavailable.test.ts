import { describe, expect, it, vi } from 'vitest';
import { decodeQr } from '../src/index.js';
import { render } from './decode-fixtures.js';

// A runtime where zxing's wasm cannot be found (a page that serves no wasm and configured nothing).
vi.mock('#zxing-default', () => ({ defaultZxingSource: async () => null }));

describe('when zxing cannot load', () => {
  it('says so with decode_failed instead of silently reading with jsQR alone', async () => {
    await expect(decodeQr(render('https://m.tb.cn/h.nozxing', 4))).rejects.toMatchObject({
      code: 'decode_failed',
      message: expect.stringContaining("engines: ['jsqr']"),
    });
  });

  it('reads with jsQR alone when that is asked for explicitly', async () => {
    const codes = await decodeQr(render('https://m.tb.cn/h.nozxing', 4), { engines: ['jsqr'] });
    expect(codes.map((c) => [c.text, c.engine])).toEqual([['https://m.tb.cn/h.nozxing', 'jsqr']]);
  });
});
