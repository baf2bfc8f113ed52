import { isQrPosterError, QrPosterError } from '../errors.js';
import type { Rgb } from './color.js';
import type { QrMatrix } from './qr.js';

/** An RGBA raster (as in `ImageData`). */
export interface Raster {
  readonly data: Uint8ClampedArray;
  readonly width: number;
  readonly height: number;
}

/**
 * What `verify` calls to read the QR codes back: `decodeQr` of either entry fits. The poster code
 * never imports a decoder itself, so a bundle that renders posters carries one only when it imports it.
 * @example
 * import { decodeQr, renderPoster } from '@sharekit/qr-poster';
 * await renderPoster({ target, title, verify: decodeQr });
 */
export type PosterVerifier = (image: Raster) => Promise<readonly { readonly text: string }[]>;

/**
 * The texts `verifier` reads in `image`; a verifier that throws something other than a
 * `QrPosterError`, or answers with something other than an array, is a `decode_failed`.
 */
export async function readWith(verifier: PosterVerifier, image: Raster): Promise<string[]> {
  let codes: unknown;
  try {
    codes = await verifier(image);
  } catch (cause) {
    if (isQrPosterError(cause)) throw cause;
    throw new QrPosterError('decode_failed', 'the verify reader failed', { cause });
  }
  if (!Array.isArray(codes)) {
    throw new QrPosterError('decode_failed', 'the verify reader did not answer with an array of codes');
  }
  return codes.map((code: unknown) =>
    typeof (code as { text?: unknown })?.text === 'string' ? (code as { text: string }).text : '',
  );
}

/**
 * A raster of the code alone in which every module under the logo plate is the opposite of what the
 * encoder wrote: the worst a logo can do, so if this reads back, the real poster's code does too.
 *
 * @example
 * worstCaseRaster(matrix, 9, 4, 4, dark, light); // (size + 8) × 4 px square
 */
export function worstCaseRaster(
  matrix: QrMatrix,
  logoSide: number,
  quiet: number,
  px: number,
  dark: Rgb,
  light: Rgb,
): Raster {
  const n = matrix.size;
  const side = (n + 2 * quiet) * px;
  const data = new Uint8ClampedArray(side * side * 4);
  const start = Math.floor((n - logoSide) / 2);
  for (let y = 0; y < side; y++) {
    const row = Math.floor(y / px) - quiet;
    for (let x = 0; x < side; x++) {
      const col = Math.floor(x / px) - quiet;
      let isDark = row >= 0 && row < n && col >= 0 && col < n && matrix.modules[row * n + col] === 1;
      const covered =
        logoSide > 0 && row >= start && row < start + logoSide && col >= start && col < start + logoSide;
      if (covered) isDark = !isDark;
      const c = isDark ? dark : light;
      const at = (y * side + x) * 4;
      data[at] = c.r;
      data[at + 1] = c.g;
      data[at + 2] = c.b;
      data[at + 3] = 255;
    }
  }
  return { data, width: side, height: side };
}

/** Throws `verify_failed` unless one of `texts` is exactly `payload`. */
export function expectPayload(texts: readonly string[], payload: string, what: string): void {
  if (texts.includes(payload)) return;
  const got = texts.length === 0 ? 'no QR code' : texts.map((t) => JSON.stringify(t.slice(0, 80))).join(', ');
  throw new QrPosterError(
    'verify_failed',
    `${what}: expected the QR code to read ${JSON.stringify(payload.slice(0, 80))}, got ${got}`,
  );
}
