import type Sharp from 'sharp';
import { QrPosterError } from '../errors.js';
import { loadOptional } from '../node-deps.js';
import { ensureZxing } from './engines/zxing.js';
import { checkMaxPixels, checkRgba, DEFAULT_MAX_PIXELS } from './image.js';
import { checkImageBytes, readPngLayout } from './image-header.js';
import { decodePng } from './png-decode.js';
import type { RgbaImage } from './types.js';

export { type ImageFormat, type ImageHeader, readImageHeader } from './image-header.js';

/** Options of {@link decodeImage}. */
export interface DecodeImageOptions {
  /**
   * Largest image accepted, in pixels; checked against the header before any pixel buffer is allocated.
   * @default 40_000_000
   */
  readonly maxPixels?: number;
}

/**
 * Decodes PNG, JPEG, WebP or GIF (first frame) bytes into RGBA. Everything the decoder will allocate is
 * checked against `maxPixels` before any pixel buffer exists ({@link checkImageBytes}: every PNG chunk,
 * every JPEG frame and its scans, every WebP and GIF frame), and a PNG's image data is inflated with a
 * ceiling of the exact size its header implies, so a small file claiming 50000×50000, a second IHDR or an
 * interlaced 1×1 PNG whose data inflates to a gigabyte costs nothing.
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
  const header = checkImageBytes(b, { maxPixels });
  // PNG has its own bounded decoder; JPEG and WebP need sharp, an optional peer (missing_dependency).
  const sharp = header.format === 'png' ? null : loadOptional<typeof Sharp>('sharp');
  let rgba: RgbaImage;
  try {
    if (sharp === null) {
      rgba = decodePng(readPngLayout(b, maxPixels));
    } else {
      const { data, info } = await sharp(b, {
        limitInputPixels: maxPixels,
        failOn: 'truncated',
        animated: false,
      })
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

/**
 * Loads zxing-wasm's reader binary from the installed `zxing-wasm` package (never from the network) and
 * configures the zxing engine with it. `decodeQr` does it on first use; call it yourself to pay the
 * start-up cost early.
 *
 * @example
 * ```ts
 * await loadZxing()
 * ```
 */
export function loadZxing(): Promise<void> {
  return ensureZxing();
}
