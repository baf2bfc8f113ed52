// Browser-safe: reads what an encoded image will cost to decode (every frame header, PNG's inflated size),
// from the bytes alone, before any decoder allocates. The /node entry decodes after this check; in a browser,
// call `checkImageBytes` before handing a file to `createImageBitmap`.
import { QrPosterError } from '../errors.js';
import { checkDimensions, checkMaxPixels, DEFAULT_MAX_PIXELS } from './image.js';

/** Image formats whose headers this package reads. */
export type ImageFormat = 'png' | 'jpeg' | 'webp' | 'gif';

/** What {@link readImageHeader} finds in the bytes of a file. */
export interface ImageHeader {
  readonly format: ImageFormat;
  readonly width: number;
  readonly height: number;
}

/** A PNG's layout, as its one IHDR declares it. */
export interface PngLayout extends ImageHeader {
  readonly format: 'png';
  readonly bitDepth: number;
  readonly colorType: number;
  readonly interlaced: boolean;
  /** Exact size of the inflated IDAT stream (filter bytes included, every Adam7 pass counted). */
  readonly inflatedSize: number;
  /** The IDAT chunks' data, in order. */
  readonly idat: readonly Uint8Array[];
  /** PLTE entries as RGB triples (colour type 3). */
  readonly palette: Uint8Array | null;
  /** tRNS chunk data, or `null`. */
  readonly transparency: Uint8Array | null;
}

/** At most this many JPEG scans (progressive files have about ten; thousands are a CPU bomb). */
export const MAX_JPEG_SCANS = 256;
/** At most this many GIF frames are walked (only the first is decoded). */
export const MAX_GIF_FRAMES = 10_000;

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
function u32le(b: Uint8Array, i: number): number {
  return u24le(b, i) + (b[i + 3] as number) * 0x1000000;
}
function ascii(b: Uint8Array, i: number, n: number): string {
  return String.fromCharCode(...b.subarray(i, i + n));
}

const corrupt = (format: ImageFormat, what: string): QrPosterError =>
  new QrPosterError('corrupt_image', `${format.toUpperCase()} data is corrupt or truncated: ${what}`);

// Channels per colour type, and the bit depths each allows (PNG spec, table 11.1).
const PNG_CHANNELS: Readonly<Record<number, number>> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
const PNG_DEPTHS: Readonly<Record<number, readonly number[]>> = {
  0: [1, 2, 4, 8, 16],
  2: [8, 16],
  3: [1, 2, 4, 8],
  4: [8, 16],
  6: [8, 16],
};
/** Adam7 passes: x start, y start, x step, y step. */
export const ADAM7: readonly (readonly [number, number, number, number])[] = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
];

/** Bytes of one filtered row of `width` pixels (without its filter byte). */
export function pngRowBytes(width: number, bitDepth: number, channels: number): number {
  return Math.ceil((width * bitDepth * channels) / 8);
}

function inflatedSize(w: number, h: number, depth: number, channels: number, interlaced: boolean): number {
  if (!interlaced) return h * (1 + pngRowBytes(w, depth, channels));
  let total = 0;
  for (const [x0, y0, dx, dy] of ADAM7) {
    const pw = Math.ceil((w - x0) / dx);
    const ph = Math.ceil((h - y0) / dy);
    if (pw > 0 && ph > 0) total += ph * (1 + pngRowBytes(pw, depth, channels));
  }
  return total;
}

/**
 * Walks every chunk of a PNG: exactly one IHDR, first; a valid bit depth for its colour type; chunk lengths
 * inside the file; at least one IDAT. Checks the size against `maxPixels` and computes the exact inflated
 * size of the image data, so a decoder can refuse to inflate more.
 */
export function readPngLayout(b: Uint8Array, maxPixels: number): PngLayout {
  if (b.length < 33 || u32be(b, 8) !== 13 || ascii(b, 12, 4) !== 'IHDR')
    throw corrupt('png', 'no IHDR chunk');
  const width = u32be(b, 16);
  const height = u32be(b, 20);
  checkDimensions(width, height, maxPixels);
  const bitDepth = b[24] as number;
  const colorType = b[25] as number;
  const channels = PNG_CHANNELS[colorType];
  if (channels === undefined || !(PNG_DEPTHS[colorType] as readonly number[]).includes(bitDepth)) {
    throw corrupt('png', `bit depth ${bitDepth} with colour type ${colorType}`);
  }
  if (b[26] !== 0 || b[27] !== 0 || (b[28] !== 0 && b[28] !== 1)) {
    throw corrupt('png', 'unknown compression, filter or interlace method');
  }
  const interlaced = b[28] === 1;
  const idat: Uint8Array[] = [];
  let palette: Uint8Array | null = null;
  let transparency: Uint8Array | null = null;
  let i = 8;
  let seenEnd = false;
  while (i + 12 <= b.length && !seenEnd) {
    const length = u32be(b, i);
    const type = ascii(b, i + 4, 4);
    if (length > 0x7fffffff || i + 12 + length > b.length)
      throw corrupt('png', `chunk ${JSON.stringify(type)} runs past the end`);
    const data = b.subarray(i + 8, i + 8 + length);
    if (type === 'IHDR' && i !== 8) throw corrupt('png', 'a second IHDR chunk');
    else if (type === 'IDAT') idat.push(data);
    else if (type === 'PLTE') palette = data;
    else if (type === 'tRNS') transparency = data;
    else if (type === 'IEND') seenEnd = true;
    i += 12 + length;
  }
  if (idat.length === 0) throw corrupt('png', 'no IDAT chunk');
  if (colorType === 3 && (palette === null || palette.length % 3 !== 0))
    throw corrupt('png', 'no valid palette');
  return {
    format: 'png',
    width,
    height,
    bitDepth,
    colorType,
    interlaced,
    inflatedSize: inflatedSize(width, height, bitDepth, channels, interlaced),
    idat,
    palette,
    transparency,
  };
}

/**
 * Walks a JPEG's markers through the entropy-coded data: every frame header (SOF) is checked against the
 * budget, and a file with more than {@link MAX_JPEG_SCANS} scans is refused (each progressive scan makes the
 * decoder walk the whole coefficient buffer again).
 */
function jpegHeader(b: Uint8Array, maxPixels: number): ImageHeader {
  let i = 2;
  let frame: ImageHeader | null = null;
  let scans = 0;
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
    if (marker === 0xd9) break; // end of image
    const length = u16be(b, i + 2);
    if (length < 2) throw corrupt('jpeg', 'segment length below 2');
    // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry a frame size.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (i + 9 > b.length) break;
      const header: ImageHeader = { format: 'jpeg', height: u16be(b, i + 5), width: u16be(b, i + 7) };
      checkDimensions(header.width, header.height, maxPixels);
      frame ??= header;
    }
    i += 2 + length;
    if (marker === 0xda) {
      if (++scans > MAX_JPEG_SCANS) throw corrupt('jpeg', `more than ${MAX_JPEG_SCANS} scans`);
      // Skip the entropy-coded data: up to the next marker that is neither a stuffed 0xFF00 nor a restart.
      while (i + 1 < b.length) {
        if (b[i] === 0xff) {
          const next = b[i + 1] as number;
          if (next !== 0x00 && next !== 0xff && !(next >= 0xd0 && next <= 0xd7)) break;
        }
        i++;
      }
    }
  }
  if (frame === null) throw corrupt('jpeg', 'no frame header (SOF) found');
  return frame;
}

/**
 * Reads a WebP's canvas: the VP8X canvas when there is one (every animation frame must fit in it), else the
 * VP8 / VP8L frame size.
 */
function webpHeader(b: Uint8Array, maxPixels: number): ImageHeader {
  if (b.length < 30) throw corrupt('webp', 'file shorter than its headers');
  let canvas: ImageHeader | null = null;
  let i = 12;
  while (i + 8 <= b.length) {
    const chunk = ascii(b, i, 4);
    const size = u32le(b, i + 4);
    const d = i + 8;
    if (d + size > b.length + 1) throw corrupt('webp', `chunk ${JSON.stringify(chunk)} runs past the end`);
    let frame: ImageHeader | null = null;
    if (chunk === 'VP8X') {
      if (size < 10) throw corrupt('webp', 'short VP8X chunk');
      frame = { format: 'webp', width: u24le(b, d + 4) + 1, height: u24le(b, d + 7) + 1 };
      canvas = frame;
    } else if (chunk === 'ANMF') {
      if (size < 16) throw corrupt('webp', 'short ANMF chunk');
      frame = { format: 'webp', width: u24le(b, d + 6) + 1, height: u24le(b, d + 9) + 1 };
      if (canvas !== null && (frame.width > canvas.width || frame.height > canvas.height)) {
        throw corrupt('webp', 'an animation frame larger than its canvas');
      }
    } else if (chunk === 'VP8 ') {
      // Key frame: 3-byte frame tag, start code 9d 01 2a, then 14-bit width and height.
      if (b[d + 3] !== 0x9d || b[d + 4] !== 0x01 || b[d + 5] !== 0x2a)
        throw corrupt('webp', 'bad VP8 start code');
      frame = { format: 'webp', width: u16le(b, d + 6) & 0x3fff, height: u16le(b, d + 8) & 0x3fff };
    } else if (chunk === 'VP8L') {
      if (b[d] !== 0x2f) throw corrupt('webp', 'bad VP8L signature');
      const bits = u32le(b, d + 1);
      frame = { format: 'webp', width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
    } else if (i === 12) {
      throw corrupt('webp', `unknown first chunk ${JSON.stringify(chunk)}`);
    }
    if (frame !== null) {
      checkDimensions(frame.width, frame.height, maxPixels);
      canvas ??= frame;
    }
    i = d + size + (size % 2); // chunks are padded to even sizes
  }
  if (canvas === null) throw corrupt('webp', 'no image chunk');
  return canvas;
}

/** Reads a GIF's logical screen and walks every frame's image descriptor against the budget. */
function gifHeader(b: Uint8Array, maxPixels: number): ImageHeader {
  if (b.length < 13) throw corrupt('gif', 'file shorter than its header');
  const header: ImageHeader = { format: 'gif', width: u16le(b, 6), height: u16le(b, 8) };
  checkDimensions(header.width, header.height, maxPixels);
  const flags = b[10] as number;
  let i = 13 + (flags & 0x80 ? 3 * 2 ** ((flags & 7) + 1) : 0);
  const skipBlocks = (): void => {
    while (i < b.length && b[i] !== 0) i += 1 + (b[i] as number);
    i++;
  };
  let frames = 0;
  while (i < b.length) {
    const kind = b[i] as number;
    if (kind === 0x3b) break; // trailer
    if (kind === 0x21) {
      i += 2;
      skipBlocks();
    } else if (kind === 0x2c) {
      if (i + 10 > b.length) throw corrupt('gif', 'truncated image descriptor');
      if (++frames > MAX_GIF_FRAMES) throw corrupt('gif', `more than ${MAX_GIF_FRAMES} frames`);
      checkDimensions(u16le(b, i + 5), u16le(b, i + 7), maxPixels);
      const local = b[i + 9] as number;
      i += 10 + (local & 0x80 ? 3 * 2 ** ((local & 7) + 1) : 0) + 1; // + LZW minimum code size
      skipBlocks();
    } else {
      throw corrupt('gif', `unknown block 0x${kind.toString(16)}`);
    }
  }
  if (frames === 0) throw corrupt('gif', 'no image');
  return header;
}

/** The format the signature names, or `null`. */
function sniff(b: Uint8Array): ImageFormat | null {
  if (b.length >= 8 && b[0] === 0x89 && ascii(b, 1, 3) === 'PNG' && b[4] === 0x0d && b[5] === 0x0a)
    return 'png';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (b.length >= 12 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') return 'webp';
  if (b.length >= 6 && (ascii(b, 0, 6) === 'GIF87a' || ascii(b, 0, 6) === 'GIF89a')) return 'gif';
  return null;
}

/**
 * Reads format and size of a PNG, JPEG, WebP or GIF from its bytes without decoding pixels, and checks
 * everything a decoder would allocate against `maxPixels`: every PNG chunk (a second IHDR is refused), every
 * JPEG frame header and its number of scans, every WebP and GIF frame.
 *
 * @throws QrPosterError `unsupported_format` for other bytes, `corrupt_image` for a damaged or hostile
 *   structure, `image_too_large` when a frame exceeds `maxPixels`, `invalid_image` for an empty buffer or a
 *   zero size.
 *
 * @example
 * ```ts
 * checkImageBytes(new Uint8Array(await file.arrayBuffer())) // { format: 'png', width: 750, height: 1334 }
 * const bitmap = await createImageBitmap(file) // only after the check
 * ```
 */
export function checkImageBytes(bytes: Uint8Array, options?: { readonly maxPixels?: number }): ImageHeader {
  const maxPixels = checkMaxPixels(options?.maxPixels ?? DEFAULT_MAX_PIXELS);
  if (!(bytes instanceof Uint8Array))
    throw new QrPosterError('invalid_image', 'expected image bytes as a Uint8Array');
  if (bytes.length === 0)
    throw new QrPosterError('invalid_image', 'expected image bytes, got an empty buffer');
  switch (sniff(bytes)) {
    case 'png': {
      const { format, width, height } = readPngLayout(bytes, maxPixels);
      return { format, width, height };
    }
    case 'jpeg':
      return jpegHeader(bytes, maxPixels);
    case 'webp':
      return webpHeader(bytes, maxPixels);
    case 'gif':
      return gifHeader(bytes, maxPixels);
    default:
      throw new QrPosterError(
        'unsupported_format',
        'expected PNG, JPEG, WebP or GIF bytes; the signature matches none of them',
      );
  }
}

/**
 * Reads format and size from the first header of an image (PNG's IHDR, JPEG's first frame, WebP's canvas,
 * GIF's logical screen), with no pixel budget: a header that claims 50000×50000 is reported, not refused.
 * Use {@link checkImageBytes} before decoding.
 *
 * @example
 * ```ts
 * readImageHeader(await readFile('poster.png')) // { format: 'png', width: 750, height: 1334 }
 * ```
 */
export function readImageHeader(bytes: Uint8Array): ImageHeader {
  if (bytes instanceof Uint8Array && sniff(bytes) === 'png') {
    if (bytes.length < 24 || ascii(bytes, 12, 4) !== 'IHDR') throw corrupt('png', 'no IHDR chunk');
    return { format: 'png', width: u32be(bytes, 16), height: u32be(bytes, 20) };
  }
  return checkImageBytes(bytes, { maxPixels: Number.MAX_SAFE_INTEGER });
}
