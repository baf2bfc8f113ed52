import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { PNG } from 'pngjs';
import sharp from 'sharp';
import { QrPosterError } from '../errors.js';
import { configureZxing, ensureModule } from './engines/zxing.js';
import { checkDimensions, checkMaxPixels, checkRgba, DEFAULT_MAX_PIXELS } from './image.js';
import type { RgbaImage } from './types.js';

/** Image formats the `/node` entry reads. */
export type ImageFormat = 'png' | 'jpeg' | 'webp';

/** What {@link readImageHeader} finds in the first bytes of a file. */
export interface ImageHeader {
  readonly format: ImageFormat;
  readonly width: number;
  readonly height: number;
}

/** Options of {@link decodeImage}. */
export interface DecodeImageOptions {
  /**
   * Largest image accepted, in pixels; checked against the header before any pixel buffer is allocated.
   * @default 40_000_000
   */
  readonly maxPixels?: number;
}

function u32be(b: Uint8Array, i: number): number {
  return (
    (((b[i] as number) << 24) |
      ((b[i + 1] as number) << 16) |
      ((b[i + 2] as number) << 8) |
      (b[i + 3] as number)) >>>
    0
  );
}
function u16be(b: Uint8Array, i: number): number {
  return ((b[i] as number) << 8) | (b[i + 1] as number);
}
function u16le(b: Uint8Array, i: number): number {
  return (b[i] as number) | ((b[i + 1] as number) << 8);
}
function u24le(b: Uint8Array, i: number): number {
  return (b[i] as number) | ((b[i + 1] as number) << 8) | ((b[i + 2] as number) << 16);
}
function ascii(b: Uint8Array, i: number, n: number): string {
  return String.fromCharCode(...b.subarray(i, i + n));
}

const corrupt = (format: ImageFormat, what: string): QrPosterError =>
  new QrPosterError('corrupt_image', `${format.toUpperCase()} data is corrupt or truncated: ${what}`);

function pngHeader(b: Uint8Array): ImageHeader {
  // Signature (8) + IHDR length (4) + "IHDR" (4) + width (4) + height (4).
  if (b.length < 24 || ascii(b, 12, 4) !== 'IHDR') throw corrupt('png', 'no IHDR chunk');
  return { format: 'png', width: u32be(b, 16), height: u32be(b, 20) };
}

function jpegHeader(b: Uint8Array): ImageHeader {
  let i = 2;
  while (i + 4 <= b.length) {
    if (b[i] !== 0xff) throw corrupt('jpeg', `expected a marker at byte ${i}`);
    const marker = b[i + 1] as number;
    if (marker === 0xff) {
      i++; // fill byte
      continue;
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      i += 2;
      continue;
    }
    const length = u16be(b, i + 2);
    if (length < 2) throw corrupt('jpeg', 'segment length below 2');
    // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (i + 9 > b.length) break;
      return { format: 'jpeg', height: u16be(b, i + 5), width: u16be(b, i + 7) };
    }
    if (marker === 0xd9 || marker === 0xda) break; // end of image / start of scan before any frame header
    i += 2 + length;
  }
  throw corrupt('jpeg', 'no frame header (SOF) found');
}

function webpHeader(b: Uint8Array): ImageHeader {
  if (b.length < 30) throw corrupt('webp', 'file shorter than its headers');
  const chunk = ascii(b, 12, 4);
  if (chunk === 'VP8 ') {
    // Key frame: 3-byte frame tag, start code 9d 01 2a, then 14-bit width and height.
    if (b[23] !== 0x9d || b[24] !== 0x01 || b[25] !== 0x2a) throw corrupt('webp', 'bad VP8 start code');
    return { format: 'webp', width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff };
  }
  if (chunk === 'VP8L') {
    if (b[20] !== 0x2f) throw corrupt('webp', 'bad VP8L signature');
    const bits =
      ((b[21] as number) |
        ((b[22] as number) << 8) |
        ((b[23] as number) << 16) |
        ((b[24] as number) << 24)) >>>
      0;
    return { format: 'webp', width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8X') {
    return { format: 'webp', width: u24le(b, 24) + 1, height: u24le(b, 27) + 1 };
  }
  throw corrupt('webp', `unknown first chunk ${JSON.stringify(chunk)}`);
}

/**
 * Reads format and size from the first bytes of a PNG, JPEG or WebP file, without decoding pixels.
 *
 * @throws QrPosterError `unsupported_format` for other bytes, `corrupt_image` for a damaged header.
 *
 * @example
 * ```ts
 * readImageHeader(await readFile('poster.png')) // { format: 'png', width: 750, height: 1334 }
 * ```
 */
export function readImageHeader(bytes: Uint8Array): ImageHeader {
  if (!(bytes instanceof Uint8Array))
    throw new QrPosterError('invalid_image', 'expected image bytes as a Uint8Array');
  const b = bytes;
  if (b.length >= 8 && b[0] === 0x89 && ascii(b, 1, 3) === 'PNG' && b[4] === 0x0d && b[5] === 0x0a)
    return pngHeader(b);
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return jpegHeader(b);
  if (b.length >= 12 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') return webpHeader(b);
  if (b.length === 0) throw new QrPosterError('invalid_image', 'expected image bytes, got an empty buffer');
  throw new QrPosterError(
    'unsupported_format',
    'expected PNG, JPEG or WebP bytes; the signature matches none of them',
  );
}

/**
 * Decodes PNG, JPEG or WebP bytes into RGBA. The size in the header is checked against `maxPixels` before any
 * pixel buffer exists, so a small file claiming 50000×50000 costs nothing.
 *
 * @throws QrPosterError `unsupported_format`, `corrupt_image`, `invalid_image` (zero-sized), `image_too_large`.
 *
 * @example
 * ```ts
 * const rgba = await decodeImage(await readFile('photo.jpg'), { maxPixels: 20_000_000 })
 * ```
 */
export async function decodeImage(
  bytes: Uint8Array | ArrayBuffer,
  options?: DecodeImageOptions,
): Promise<RgbaImage> {
  const maxPixels = checkMaxPixels(options?.maxPixels ?? DEFAULT_MAX_PIXELS);
  const b = bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : bytes;
  const header = readImageHeader(b);
  checkDimensions(header.width, header.height, maxPixels);
  let rgba: RgbaImage;
  try {
    if (header.format === 'png') {
      const png = PNG.sync.read(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
      rgba = {
        data: new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length),
        width: png.width,
        height: png.height,
      };
    } else {
      const { data, info } = await sharp(b, { limitInputPixels: maxPixels, failOn: 'truncated' })
        .ensureAlpha()
        .raw()
        .toBuffer({ resolveWithObject: true });
      rgba = {
        data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.length),
        width: info.width,
        height: info.height,
      };
    }
  } catch (cause) {
    throw new QrPosterError(
      'corrupt_image',
      `could not decode the ${header.format.toUpperCase()} data: ${String((cause as Error)?.message ?? cause).slice(0, 120)}`,
      { cause },
    );
  }
  // A decoder must not hand back a size other than the header's (that would bypass the budget check).
  if (rgba.width !== header.width || rgba.height !== header.height) {
    throw new QrPosterError(
      'corrupt_image',
      `header says ${header.width}×${header.height}, pixels are ${rgba.width}×${rgba.height}`,
    );
  }
  return checkRgba(rgba, maxPixels);
}

let zxingLoad: Promise<void> | null = null;

/**
 * Loads zxing-wasm's reader binary from the installed `zxing-wasm` package (never from the network) and
 * configures the zxing engine with it. `decodeQr` of this entry calls it for you; call it yourself to pay
 * the start-up cost early.
 *
 * @example
 * ```ts
 * await loadZxing()
 * ```
 */
export function loadZxing(): Promise<void> {
  if (zxingLoad === null) {
    zxingLoad = (async () => {
      const require = createRequire(import.meta.url);
      const path = require.resolve('zxing-wasm/reader/zxing_reader.wasm');
      const wasmBinary = new Uint8Array(await readFile(path));
      configureZxing({ wasmBinary });
      await ensureModule();
    })().catch((cause: unknown) => {
      zxingLoad = null;
      throw new QrPosterError(
        'decode_failed',
        'could not load zxing_reader.wasm from the zxing-wasm package',
        { cause },
      );
    });
  }
  return zxingLoad;
}
