import { crc32, deflateRawSync, deflateSync, constants as zlibConstants } from 'node:zlib';
import fc from 'fast-check';
import { PNG } from 'pngjs';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { fuzz } from '../../../test-utils/fuzz.js';
import { ADAM7, checkImageBytes, MAX_JPEG_SCANS, readPngLayout } from '../src/decode/image-header.js';
import { decodeImage, decodeQr, readImageHeader } from '../src/decode/node.js';
import { decodePng } from '../src/decode/png-decode.js';
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
    expect(await codeOf(decodeQr(new Uint8Array([0x42, 0x4d, 0x36, 0x00, 0x0c, 0x00])))).toBe(
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
      fuzz(60, 4),
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

  it('rejects unknown engines, charsets and polarities as invalid options', async () => {
    const img = render('x', 2);
    expect(await codeOf(decodeQr(img, { engines: ['quagga' as never] }))).toBe('invalid_option');
    expect(await codeOf(decodeQr(img, { engines: [] }))).toBe('invalid_option');
    expect(await codeOf(decodeQr(img, { charset: 'koi8-r' as never }))).toBe('invalid_option');
    expect(await codeOf(decodeQr(img, { escalationBudget: -1 }))).toBe('invalid_option');
    expect(await codeOf(decodeQr(img, { escalationBudget: Number.NaN }))).toBe('invalid_option');
    expect(await codeOf(decodeQr(img, { polarity: 'inverted' as never }))).toBe('invalid_option');
  });
});

/** A PNG chunk with its CRC. */
function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const head = Buffer.concat([Buffer.from(u32be(data.length)), Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.from(u32be(crc32(head.subarray(4)) >>> 0));
  return Buffer.concat([head, crc]);
}

function ihdr(w: number, h: number, { interlace = 0, depth = 8, colour = 0 } = {}): Uint8Array {
  return pngChunk('IHDR', Uint8Array.from([...u32be(w), ...u32be(h), depth, colour, 0, 0, interlace]));
}

const PNG_SIGNATURE = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function craftPng(...chunks: Uint8Array[]): Uint8Array {
  return Buffer.concat([PNG_SIGNATURE, ...chunks, pngChunk('IEND', new Uint8Array(0))]);
}

/**
 * A zlib stream of `mebibytes` MiB of zeros, built without allocating them: one sync-flushed deflate block
 * sequence of 1 MiB zeros repeated (its back-references only ever see zeros), a final empty block, the Adler-32.
 */
function zerosZlib(mebibytes: number): Uint8Array {
  const block = deflateRawSync(Buffer.alloc(1 << 20), { finishFlush: zlibConstants.Z_SYNC_FLUSH });
  const total = mebibytes * 2 ** 20;
  const adler = Buffer.from(u32be((((total % 65521) << 16) | 1) >>> 0));
  return Buffer.concat([
    Buffer.from([0x78, 0x9c]),
    ...Array(mebibytes).fill(block),
    Buffer.from([3, 0]),
    adler,
  ]);
}

describe('image bombs (issue 15, finding 5)', () => {
  it('finding 5: a PNG of 1×40,000,000 decodes within the budget quickly and reads no code', async () => {
    // 40 M rows of one gray pixel: 80 MB inflated, exactly what the header implies.
    const png = craftPng(ihdr(1, 40_000_000), pngChunk('IDAT', zerosZlib(77).subarray(0)));
    // 77 MiB of zeros is short of the 80 MB the header implies: refused as corrupt, never allocated past it.
    expect(await codeOf(decodeQr(png))).toBe('corrupt_image');
    const exact = craftPng(ihdr(1, 40_000_000), pngChunk('IDAT', deflateSync(Buffer.alloc(80_000_000))));
    const t0 = performance.now();
    expect(await decodeQr(exact)).toEqual([]);
    expect(performance.now() - t0).toBeLessThan(60_000); // a hang guard, not a speed claim (the bench measures)
  });

  it('finding 5: a second IHDR (1×1, then 20000×20000) is refused before anything is allocated', async () => {
    const png = craftPng(ihdr(1, 1), ihdr(20000, 20000), pngChunk('IDAT', deflateSync(Buffer.alloc(2))));
    expect(await codeOf(decodeQr(png))).toBe('corrupt_image');
    expect(() => checkImageBytes(png)).toThrow(/second IHDR/);
  });

  it('finding 5: an interlaced 1×1 PNG whose IDAT inflates to 1 GiB is refused without inflating it', async () => {
    const png = craftPng(ihdr(1, 1, { interlace: 1 }), pngChunk('IDAT', zerosZlib(1024)));
    const before = process.memoryUsage().arrayBuffers;
    expect(await codeOf(decodeQr(png))).toBe('corrupt_image');
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(64 * 2 ** 20);
  });

  it('finding 5: a non-interlaced PNG whose IDAT inflates past its rows is refused', async () => {
    const png = craftPng(ihdr(64, 64), pngChunk('IDAT', zerosZlib(16)));
    expect(await codeOf(decodeQr(png))).toBe('corrupt_image');
  });

  it('finding 5: a PNG bit depth that its colour type does not allow is refused', async () => {
    const png = craftPng(
      ihdr(8, 8, { depth: 16, colour: 3 }),
      pngChunk('IDAT', deflateSync(Buffer.alloc(8))),
    );
    expect(await codeOf(decodeQr(png))).toBe('corrupt_image');
  });

  it('finding 5: a JPEG whose second frame header claims 50000×50000 is refused', async () => {
    const first = jpegClaiming(100, 100);
    const second = jpegClaiming(50000, 50000).subarray(20); // its SOF0 segment onwards
    const jpeg = Buffer.concat([first, second, Buffer.from([0xff, 0xd9])]);
    expect(await codeOf(decodeImage(jpeg))).toBe('image_too_large');
  });

  it('finding 5: a JPEG with thousands of scans is refused before decoding', async () => {
    const sos = Buffer.from([0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00, 0x12, 0x34]);
    const jpeg = Buffer.concat([
      jpegClaiming(64, 64),
      ...Array(MAX_JPEG_SCANS + 1).fill(sos),
      Buffer.from([0xff, 0xd9]),
    ]);
    expect(await codeOf(decodeImage(jpeg))).toBe('corrupt_image');
  });

  it('finding 5: a GIF frame larger than the budget is refused, whatever its logical screen says', async () => {
    const le16 = (n: number) => [n & 255, n >> 8];
    const gif = Uint8Array.from([
      ...Buffer.from('GIF89a', 'latin1'),
      ...le16(1),
      ...le16(1),
      0,
      0,
      0,
      0x2c,
      ...le16(0),
      ...le16(0),
      ...le16(50000),
      ...le16(50000),
      0,
      2,
      0,
      0x3b,
    ]);
    expect(() => checkImageBytes(gif)).toThrow(expect.objectContaining({ code: 'image_too_large' }));
    expect(await codeOf(decodeImage(gif))).toBe('image_too_large');
  });

  it('finding 5: a WebP animation frame over the budget is refused', async () => {
    const anmf = Buffer.alloc(24);
    anmf.write('ANMF', 0, 'latin1');
    anmf.writeUInt32LE(16, 4);
    anmf.writeUIntLE(49999, 14, 3);
    anmf.writeUIntLE(49999, 17, 3);
    const webp = Buffer.concat([webpClaiming(1, 1), anmf]);
    expect(await codeOf(decodeImage(webp, { maxPixels: 1_000_000 }))).toBe('corrupt_image');
  });

  it('checks the same structures from the browser-safe entry before a browser decodes the file', () => {
    const bomb = craftPng(ihdr(1, 1, { interlace: 1 }), pngChunk('IDAT', zerosZlib(4)));
    expect(checkImageBytes(bomb)).toEqual({ format: 'png', width: 1, height: 1 });
    expect(() => checkImageBytes(pngClaiming(50000, 50000))).toThrow(
      expect.objectContaining({ code: 'image_too_large' }),
    );
  });

  it('decodes every PNG colour type, bit depth and interlacing to the same pixels as pngjs', () => {
    for (const [colour, depth] of [
      [0, 1],
      [0, 2],
      [0, 4],
      [0, 8],
      [0, 16],
      [2, 8],
      [2, 16],
      [3, 8],
      [4, 8],
      [4, 16],
      [6, 8],
      [6, 16],
    ] as const) {
      for (const interlace of [0, 1]) {
        const w = 13;
        const h = 11;
        const channels = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }[colour];
        // The decoder's own pass table: pngjs, the reference, would read a wrong one differently.
        const passes = interlace ? ADAM7 : [[0, 0, 1, 1]];
        const raw: number[] = [];
        let seed = colour * 31 + depth * 7 + interlace;
        for (const [x0, y0, dx, dy] of passes as number[][]) {
          const pw = Math.ceil((w - (x0 as number)) / (dx as number));
          const ph = Math.ceil((h - (y0 as number)) / (dy as number));
          if (pw <= 0 || ph <= 0) continue;
          const rb = Math.ceil((pw * depth * channels) / 8);
          for (let y = 0; y < ph; y++) {
            raw.push(colour === 3 ? 0 : (y + colour) % 5); // every filter type (palette indices unfiltered)
            for (let x = 0; x < rb; x++) {
              seed = (seed * 1103515245 + 12345) & 0x7fffffff;
              raw.push(colour === 3 ? (seed >> 16) & 3 : (seed >> 16) & 255);
            }
          }
        }
        const chunks = [ihdr(w, h, { interlace, depth, colour })];
        if (colour === 3)
          chunks.push(pngChunk('PLTE', Uint8Array.from([0, 0, 0, 255, 0, 0, 0, 255, 0, 0, 0, 255])));
        chunks.push(pngChunk('IDAT', deflateSync(Uint8Array.from(raw))));
        const png = craftPng(...chunks);
        const expected = PNG.sync.read(Buffer.from(png));
        const ours = decodePng(readPngLayout(png, 1000));
        expect(Array.from(ours.data), `colour ${colour} depth ${depth} interlace ${interlace}`).toEqual(
          Array.from(expected.data),
        );
      }
    }
  });
});
