import fc from 'fast-check';
import { PNG } from 'pngjs';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { decodeImage, decodeQr, readImageHeader } from '../src/decode/node.js';
import type { RgbaImage } from '../src/decode/types.js';
import { isQrPosterError, type QrPosterErrorCode } from '../src/errors.js';
import { render } from './decode-fixtures.js';

async function codeOf(p: Promise<unknown>): Promise<QrPosterErrorCode | 'resolved'> {
  try {
    await p;
    return 'resolved';
  } catch (e) {
    if (isQrPosterError(e)) return e.code;
    throw e;
  }
}

function u32be(n: number): number[] {
  return [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
}

/** A PNG whose IHDR claims `w`×`h` and that has no pixel data at all. */
function pngClaiming(w: number, h: number): Uint8Array {
  return Uint8Array.from([
    0x89,
    0x50,
    0x4e,
    0x47,
    0x0d,
    0x0a,
    0x1a,
    0x0a,
    ...u32be(13),
    0x49,
    0x48,
    0x44,
    0x52,
    ...u32be(w),
    ...u32be(h),
    8,
    6,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
  ]);
}

/** A JPEG whose baseline frame header claims `w`×`h`. */
function jpegClaiming(w: number, h: number): Uint8Array {
  return Uint8Array.from([
    0xff,
    0xd8,
    0xff,
    0xe0,
    0x00,
    0x10,
    0x4a,
    0x46,
    0x49,
    0x46,
    0x00,
    0x01,
    0x01,
    0x00,
    0x00,
    0x01,
    0x00,
    0x01,
    0x00,
    0x00,
    0xff,
    0xc0,
    0x00,
    0x11,
    0x08,
    h >> 8,
    h & 255,
    w >> 8,
    w & 255,
    0x03,
    0x01,
    0x22,
    0x00,
    0x02,
    0x11,
    0x01,
    0x03,
    0x11,
    0x01,
  ]);
}

/** An extended-format WebP (VP8X) claiming `w`×`h`. */
function webpClaiming(w: number, h: number): Uint8Array {
  const le24 = (n: number) => [n & 255, (n >> 8) & 255, (n >> 16) & 255];
  return Uint8Array.from([
    0x52,
    0x49,
    0x46,
    0x46,
    30,
    0,
    0,
    0,
    0x57,
    0x45,
    0x42,
    0x50,
    0x56,
    0x50,
    0x38,
    0x58,
    10,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    ...le24(w - 1),
    ...le24(h - 1),
    0,
    0,
  ]);
}

function encodePng(img: RgbaImage): Uint8Array {
  const png = new PNG({ width: img.width, height: img.height });
  png.data = Buffer.from(img.data);
  return new Uint8Array(PNG.sync.write(png));
}

async function encodeJpeg(img: RgbaImage): Promise<Uint8Array> {
  return new Uint8Array(
    await sharp(Buffer.from(img.data), { raw: { width: img.width, height: img.height, channels: 4 } })
      .jpeg()
      .toBuffer(),
  );
}

describe('decoding image bytes', () => {
  it('decodes a PNG and a JPEG of a code to the same text', async () => {
    const img = render('https://m.tb.cn/h.png', 4);
    expect((await decodeQr(encodePng(img))).map((c) => c.text)).toEqual(['https://m.tb.cn/h.png']);
    expect((await decodeQr(await encodeJpeg(img))).map((c) => c.text)).toEqual(['https://m.tb.cn/h.png']);
  });

  it('decodes a WebP of a code', async () => {
    const img = render('https://v.douyin.com/iRNBho6u/', 4);
    const webp = await sharp(Buffer.from(img.data), {
      raw: { width: img.width, height: img.height, channels: 4 },
    })
      .webp({ lossless: true })
      .toBuffer();
    expect(readImageHeader(new Uint8Array(webp))).toEqual({
      format: 'webp',
      width: img.width,
      height: img.height,
    });
    expect((await decodeQr(new Uint8Array(webp))).map((c) => c.text)).toEqual([
      'https://v.douyin.com/iRNBho6u/',
    ]);
  });

  it('refuses a PNG header claiming 50000×50000 before allocating anything', async () => {
    expect(readImageHeader(pngClaiming(50000, 50000))).toEqual({
      format: 'png',
      width: 50000,
      height: 50000,
    });
    expect(await codeOf(decodeQr(pngClaiming(50000, 50000)))).toBe('image_too_large');
  });

  it('refuses a JPEG header claiming 50000×50000', async () => {
    expect(await codeOf(decodeImage(jpegClaiming(50000, 50000)))).toBe('image_too_large');
  });

  it('refuses a WebP header claiming 50000×50000', async () => {
    expect(await codeOf(decodeImage(webpClaiming(50000, 50000)))).toBe('image_too_large');
  });

  it('applies a configurable pixel budget', async () => {
    const png = encodePng(render('budget', 4));
    expect(await codeOf(decodeQr(png, { maxPixels: 1000 }))).toBe('image_too_large');
    expect(await codeOf(decodeQr(png, { maxPixels: 10_000_000 }))).toBe('resolved');
    expect(await codeOf(decodeQr(png, { maxPixels: -1 }))).toBe('invalid_option');
  });

  it('reports a zero-sized PNG header as an invalid image', async () => {
    expect(await codeOf(decodeImage(pngClaiming(0, 100)))).toBe('invalid_image');
  });

  it('reports a truncated PNG as corrupt', async () => {
    const png = encodePng(render('truncated', 4));
    expect(await codeOf(decodeQr(png.slice(0, Math.floor(png.length / 2))))).toBe('corrupt_image');
    expect(await codeOf(decodeQr(png.slice(0, 20)))).toBe('corrupt_image');
  });

  it('reports a truncated JPEG as corrupt', async () => {
    const jpg = await encodeJpeg(render('truncated jpeg', 4));
    expect(await codeOf(decodeQr(jpg.slice(0, Math.floor(jpg.length / 2))))).toBe('corrupt_image');
    expect(await codeOf(decodeQr(jpg.slice(0, 10)))).toBe('corrupt_image');
  });

  it('reports a PNG with a damaged body as corrupt', async () => {
    const png = encodePng(render('damaged', 4));
    const bad = png.slice();
    for (let i = 60; i < bad.length - 20; i += 7) bad[i] = (bad[i] as number) ^ 0x5a;
    expect(await codeOf(decodeQr(bad))).toBe('corrupt_image');
  });

  it('reports bytes that are no image as an unsupported format', async () => {
    expect(await codeOf(decodeQr(new TextEncoder().encode('<html>not an image</html>')))).toBe(
      'unsupported_format',
    );
    expect(await codeOf(decodeQr(new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61])))).toBe(
      'unsupported_format',
    );
  });

  it('reports an empty buffer as an invalid image', async () => {
    expect(await codeOf(decodeQr(new Uint8Array(0)))).toBe('invalid_image');
  });

  it('never crashes on random bytes behind a PNG, JPEG or WebP signature', async () => {
    const signatures = [
      [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
      [0xff, 0xd8, 0xff],
      [0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x45, 0x42, 0x50],
      [],
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...signatures),
        fc.uint8Array({ maxLength: 300 }),
        async (sig, tail) => {
          const outcome = await codeOf(
            decodeQr(Uint8Array.from([...sig, ...tail]), { maxPixels: 4_000_000 }),
          );
          expect([
            'resolved',
            'invalid_image',
            'image_too_large',
            'unsupported_format',
            'corrupt_image',
          ]).toContain(outcome);
        },
      ),
      { numRuns: 60, seed: 4 },
    );
  });
});

describe('decoding RGBA input', () => {
  it('rejects RGBA data whose length is not width×height×4', async () => {
    const outcome = await codeOf(
      decodeQr({ data: new Uint8ClampedArray(10 * 10 * 4 - 1), width: 10, height: 10 }),
    );
    expect(outcome).toBe('invalid_image');
  });

  it('rejects a zero-sized RGBA image', async () => {
    expect(await codeOf(decodeQr({ data: new Uint8ClampedArray(0), width: 0, height: 0 }))).toBe(
      'invalid_image',
    );
  });

  it('rejects fractional, negative and non-numeric sizes', async () => {
    expect(await codeOf(decodeQr({ data: new Uint8ClampedArray(8), width: 0.5, height: 4 }))).toBe(
      'invalid_image',
    );
    expect(await codeOf(decodeQr({ data: new Uint8ClampedArray(8), width: -2, height: -1 }))).toBe(
      'invalid_image',
    );
    expect(await codeOf(decodeQr({ data: new Uint8ClampedArray(8), width: '2', height: 1 } as never))).toBe(
      'invalid_image',
    );
  });

  it('rejects RGBA beyond the pixel budget without reading it', async () => {
    const img = { data: new Uint8ClampedArray(4), width: 50000, height: 50000 };
    expect(await codeOf(decodeQr(img))).toBe('image_too_large');
  });

  it('rejects values that are not images at all', async () => {
    expect(await codeOf(decodeQr(null as never))).toBe('invalid_image');
    expect(await codeOf(decodeQr('hello' as never))).toBe('invalid_image');
    expect(await codeOf(decodeQr({ data: [1, 2, 3, 4], width: 1, height: 1 } as never))).toBe(
      'invalid_image',
    );
  });

  it('rejects unknown engines and charsets as invalid options', async () => {
    const img = render('x', 2);
    expect(await codeOf(decodeQr(img, { engines: ['quagga' as never] }))).toBe('invalid_option');
    expect(await codeOf(decodeQr(img, { engines: [] }))).toBe('invalid_option');
    expect(await codeOf(decodeQr(img, { charset: 'koi8-r' as never }))).toBe('invalid_option');
    expect(await codeOf(decodeQr(img, { escalationBudget: -1 }))).toBe('invalid_option');
    expect(await codeOf(decodeQr(img, { escalationBudget: Number.NaN }))).toBe('invalid_option');
  });
});
