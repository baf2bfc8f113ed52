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

/** An unsigned integer of `bytes` bytes at `at`, big-endian unless `little` (bytes past the end read as 0). */
function uint(b: Uint8Array, at: number, bytes: number, little = false): number {
  let n = 0;
  for (let i = 0; i < bytes; i++) n = n * 256 + (b[at + (little ? bytes - 1 - i : i)] ?? 0);
  return n;
}

/** `length` bytes from `at` as Latin-1 text, for magic numbers and chunk names. */
const latin1 = (b: Uint8Array, at: number, length: number): string =>
  String.fromCharCode(...b.subarray(at, at + length));

function sniff(b: Uint8Array): ImageFormat | null {
  const magic = latin1(b, 0, 12);
  if (magic.startsWith('\x89PNG')) return 'png';
  if (magic.startsWith('\xff\xd8\xff')) return 'jpeg';
  if (magic.startsWith('GIF8')) return 'gif';
  if (magic.startsWith('RIFF') && magic.endsWith('WEBP')) return 'webp';
  return null;
}

/** Width and height from the header alone, or `null` when the header is truncated or malformed. */
function headerSize(format: ImageFormat, b: Uint8Array): { width: number; height: number } | null {
  const chunk = latin1(b, 12, 4);
  switch (format) {
    case 'png':
      // Signature (8) + IHDR length (4) + "IHDR" (4) + width (4) + height (4).
      return b.length < 24 || chunk !== 'IHDR' ? null : { width: uint(b, 16, 4), height: uint(b, 20, 4) };
    case 'gif':
      return b.length < 10 ? null : { width: uint(b, 6, 2, true), height: uint(b, 8, 2, true) };
    case 'webp': {
      if (b.length < 30) return null;
      if (chunk === 'VP8X') return { width: uint(b, 24, 3, true) + 1, height: uint(b, 27, 3, true) + 1 };
      if (chunk === 'VP8L') {
        const bits = uint(b, 21, 4, true);
        return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
      }
      if (chunk === 'VP8 ')
        return { width: uint(b, 26, 2, true) & 0x3fff, height: uint(b, 28, 2, true) & 0x3fff };
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
        const length = uint(b, at + 2, 2);
        const sof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
        if (sof) return { width: uint(b, at + 7, 2), height: uint(b, at + 5, 2) };
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
        `${field}: expected at most ${limits.maxBytes} bytes, got a larger data URL`,
      );
    }
    const head = DATA_URL.exec(input.slice(0, 40));
    if (!head) {
      throw new QrPosterError(
        'invalid_image',
        `${field}: expected image bytes or a "data:image/png|jpeg|webp|gif;base64," URL (posters fetch nothing), got ${JSON.stringify(input.slice(0, 40))}`,
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
      `${field}: expected at most ${limits.maxBytes} bytes, got ${bytes.length}`,
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
      `${field}: expected at most ${limits.maxPixels} pixels, the header declares ${size.width}×${size.height}`,
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
  // Each format's MIME type is `image/` and its name (image/png, image/jpeg, image/webp, image/gif).
  return `data:image/${image.format};base64,${btoa(binary)}`;
}
