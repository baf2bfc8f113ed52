import { afterEach, describe, expect, it, vi } from 'vitest';
import { resolve } from './index.js';

const be32 = (n: number): number[] => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
const chunk = (type: string, data: number[]): number[] => [
  ...be32(data.length),
  ...Array.from(type, (c) => c.charCodeAt(0)),
  ...data,
  0,
  0,
  0,
  0, // CRC (not checked by the structure walk)
];
const ihdr = (w: number, h: number): number[] => chunk('IHDR', [...be32(w), ...be32(h), 8, 0, 0, 0, 0]);
const png = (...chunks: number[][]): Uint8Array =>
  Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...chunks.flat()]);

/** A browser's image decoding, stubbed: records whether the bytes ever reached it. */
function stubBrowser(size = { width: 1, height: 1 }): { calls: number } {
  const seen = { calls: 0 };
  vi.stubGlobal('createImageBitmap', async () => {
    seen.calls++;
    return { ...size, close() {} };
  });
  vi.stubGlobal(
    'OffscreenCanvas',
    class {
      getContext() {
        return null;
      }
    },
  );
  return seen;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('image bytes in the browser path (issue 15, finding 5)', () => {
  it('finding 5: refuses a second IHDR (1×1, then 20000×20000) before the browser decodes anything', async () => {
    const seen = stubBrowser();
    const r = await resolve(png(ihdr(1, 1), ihdr(20000, 20000), chunk('IDAT', [0x78, 0x9c, 3, 0])));
    expect(r).toMatchObject({ kind: 'unknown', reason: 'image-unreadable' });
    expect(seen.calls).toBe(0);
  });

  it('finding 5: refuses a PNG header over the pixel budget as too large before the browser decodes it', async () => {
    const seen = stubBrowser();
    const r = await resolve(png(ihdr(50000, 50000), chunk('IDAT', [0x78, 0x9c, 3, 0])));
    expect(r).toMatchObject({ kind: 'unknown', reason: 'image-too-large' });
    expect(seen.calls).toBe(0);
  });

  it('hands a sound PNG to the browser decoder', async () => {
    const seen = stubBrowser();
    await resolve(png(ihdr(1, 1), chunk('IDAT', [0x78, 0x9c, 3, 0])));
    expect(seen.calls).toBe(1);
  });

  it('calls a bitmap larger than the pixel budget too large even when its header said otherwise', async () => {
    const seen = stubBrowser({ width: 5000, height: 5000 });
    const r = await resolve(png(ihdr(1, 1), chunk('IDAT', [0x78, 0x9c, 3, 0])), { maxPixels: 1000 });
    expect(r).toMatchObject({ kind: 'unknown', reason: 'image-too-large' });
    expect(seen.calls).toBe(1);
  });
});
