import { QrPosterError } from '../errors.js';

/**
 * An image for the poster: encoded bytes (PNG, JPEG, WebP, GIF) or a `data:image/…;base64,` URL.
 * @example
 * const logo: ImageInput = await readFile('logo.png');
 */
export type ImageInput = Uint8Array | ArrayBuffer | string;

/** Image formats the poster accepts. */
export type ImageFormat = 'png' | 'jpeg' | 'webp' | 'gif';

/** A validated image, ready to embed. */
export interface PosterImage {
  readonly format: ImageFormat;
  readonly width: number;
  readonly height: number;
  readonly bytes: Uint8Array;
}

/**
 * Limits applied to every embedded image before anything decodes it.
 * @example
 * renderPoster({ ...spec, imageLimits: { maxPixels: 4_000_000 } });
 */
export interface ImageLimits {
  /** @default 20_000_000 (20 MB) */
  readonly maxBytes: number;
  /** Width × height the header may claim. @default 40_000_000 */
  readonly maxPixels: number;
}

export const DEFAULT_IMAGE_LIMITS: ImageLimits = { maxBytes: 20_000_000, maxPixels: 40_000_000 };

const MIME: Record<ImageFormat, string> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  gif: 'image/gif',
};

function u16be(b: Uint8Array, at: number): number {
  return ((b[at] ?? 0) << 8) | (b[at + 1] ?? 0);
}
function u16le(b: Uint8Array, at: number): number {
  return (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
}
function u24le(b: Uint8Array, at: number): number {
  return u16le(b, at) | ((b[at + 2] ?? 0) << 16);
}
function u32be(b: Uint8Array, at: number): number {
  return (u16be(b, at) * 0x10000 + u16be(b, at + 2)) >>> 0;
}

function sniff(b: Uint8Array): ImageFormat | null {
  if (b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return 'png';
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x38) return 'gif';
  const riff = b[0] === 0x52 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x46;
  if (riff && b[8] === 0x57 && b[9] === 0x45 && b[10] === 0x42 && b[11] === 0x50) return 'webp';
  return null;
}

/** Width and height from the header alone, or `null` when the header is truncated or malformed. */
function headerSize(format: ImageFormat, b: Uint8Array): { width: number; height: number } | null {
  switch (format) {
    case 'png': {
      // Signature (8) + IHDR length (4) + "IHDR" (4) + width (4) + height (4).
      if (b.length < 24 || String.fromCharCode(b[12] ?? 0, b[13] ?? 0, b[14] ?? 0, b[15] ?? 0) !== 'IHDR')
        return null;
      return { width: u32be(b, 16), height: u32be(b, 20) };
    }
    case 'gif':
      return b.length < 10 ? null : { width: u16le(b, 6), height: u16le(b, 8) };
    case 'webp': {
      if (b.length < 30) return null;
      const chunk = String.fromCharCode(b[12] ?? 0, b[13] ?? 0, b[14] ?? 0, b[15] ?? 0);
      if (chunk === 'VP8X') return { width: u24le(b, 24) + 1, height: u24le(b, 27) + 1 };
      if (chunk === 'VP8L') {
        const bits = ((b[21] ?? 0) | ((b[22] ?? 0) << 8) | ((b[23] ?? 0) << 16) | ((b[24] ?? 0) << 24)) >>> 0;
        return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
      }
      if (chunk === 'VP8 ') return { width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff };
      return null;
    }
    case 'jpeg': {
      // Walk the marker segments up to the first start-of-frame; every step moves forward.
      let at = 2;
      while (at + 9 < b.length) {
        if (b[at] !== 0xff) return null;
        const marker = b[at + 1] ?? 0;
        if (marker === 0xff) {
          at++;
          continue;
        }
        const length = u16be(b, at + 2);
        const sof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
        if (sof) return { width: u16be(b, at + 7), height: u16be(b, at + 5) };
        if (length < 2) return null;
        at += 2 + length;
      }
      return null;
    }
  }
}

// regex-safe: anchored prefix with a fixed alternation, no repetition
const DATA_URL = /^data:(image\/(?:png|jpeg|jpg|webp|gif));base64,/i;

function toBytes(input: ImageInput, field: string, limits: ImageLimits): Uint8Array {
  if (input instanceof Uint8Array) return input;
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  if (typeof input === 'string') {
    // Base64 is 4/3 of the bytes: refuse oversized strings before decoding them.
    if (input.length > Math.ceil((limits.maxBytes * 4) / 3) + 64) {
      throw new QrPosterError(
        'image_too_large',
        `${field}: the data URL is larger than ${limits.maxBytes} bytes`,
      );
    }
    const head = DATA_URL.exec(input.slice(0, 40));
    if (!head) {
      throw new QrPosterError(
        'invalid_image',
        `${field}: expected image bytes or a "data:image/png|jpeg|webp|gif;base64," URL, got ${JSON.stringify(input.slice(0, 40))} (posters never fetch remote images)`,
      );
    }
    // atob is the forgiving-base64 decode browsers apply to data: URLs: the poster accepts what they would show.
    let binary: string;
    try {
      binary = atob(input.slice(head[0].length));
    } catch {
      throw new QrPosterError('invalid_image', `${field}: the data URL is not valid base64`);
    }
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }
  throw new QrPosterError(
    'invalid_image',
    `${field}: expected a Uint8Array, ArrayBuffer or data URL, got ${typeof input}`,
  );
}

/**
 * Checks an image before anything decodes it: a supported format by its magic bytes, a byte size and
 * a header-declared pixel count within `limits`, non-zero dimensions.
 *
 * @example
 * readImage(pngBytes, 'image').width; // from the IHDR chunk, nothing decoded
 */
export function readImage(
  input: ImageInput,
  field: string,
  limits: ImageLimits = DEFAULT_IMAGE_LIMITS,
): PosterImage {
  const bytes = toBytes(input, field, limits);
  if (bytes.length > limits.maxBytes) {
    throw new QrPosterError(
      'image_too_large',
      `${field}: ${bytes.length} bytes, more than ${limits.maxBytes}`,
    );
  }
  if (bytes.length === 0) throw new QrPosterError('invalid_image', `${field}: the image is empty`);
  const format = sniff(bytes);
  if (!format) {
    throw new QrPosterError(
      'unsupported_format',
      `${field}: not a PNG, JPEG, WebP or GIF image (unknown magic bytes)`,
    );
  }
  const size = headerSize(format, bytes);
  if (!size)
    throw new QrPosterError('corrupt_image', `${field}: the ${format} header is truncated or malformed`);
  if (size.width === 0 || size.height === 0) {
    throw new QrPosterError('invalid_image', `${field}: the ${format} header declares a zero-sized image`);
  }
  if (size.width * size.height > limits.maxPixels) {
    throw new QrPosterError(
      'image_too_large',
      `${field}: the header declares ${size.width}×${size.height}, more than the budget of ${limits.maxPixels} pixels`,
    );
  }
  return { format, width: size.width, height: size.height, bytes };
}

/** The image as a `data:` URL for an SVG `<image href>`. */
export function toDataUrl(image: PosterImage): string {
  let binary = '';
  // In slices: a spread of the whole image would overflow the call stack.
  for (let i = 0; i < image.bytes.length; i += 0x8000)
    binary += String.fromCharCode(...image.bytes.subarray(i, i + 0x8000));
  return `data:${MIME[image.format]};base64,${btoa(binary)}`;
}
