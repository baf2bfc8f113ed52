import { QrPosterError } from '../errors.js';
import { encodeQr } from './qr.js';
import { normalizeSpec } from './spec.js';
import { composePoster } from './svg.js';
import type { PosterSpec, RenderedPoster } from './types.js';
import { expectPayload, readWith, worstCaseRaster } from './verify.js';

/**
 * Renders a product poster as SVG: photo, title (CJK wrapped by display width, `…` after
 * `titleMaxLines`), price, brand, and a QR code carrying the target's canonical URL, drawn to scan:
 * level M (H with a logo), a quiet zone of at least 4 modules, a palette checked for contrast and a
 * logo sized against the code's error correction. Works in browsers, Node and edge runtimes.
 *
 * Throws `QrPosterError`: `invalid_spec`, `invalid_target`, `unsafe_target`, `payload_too_long`,
 * `low_contrast`, `logo_too_large`, image codes, and `verify_failed` when `verify` (a decoder such as
 * `decodeQr`, which this function never imports itself) does not read the payload back.
 *
 * @example
 * const { svg } = await renderPoster({
 *   target: 'https://item.taobao.com/item.htm?id=678301234567&spm=a21n57',
 *   title: '北欧风陶瓷马克杯 大容量带盖勺 办公室情侣水杯',
 *   price: 39.9,
 *   originalPrice: 69,
 *   token: '￥CZ3457 Hw7Ab￥',
 * });
 */
export async function renderPoster(spec: PosterSpec): Promise<RenderedPoster> {
  const normalized = normalizeSpec(spec);
  const poster = composePoster(normalized);
  if (normalized.verify === true) {
    throw new QrPosterError(
      'invalid_spec',
      'spec.verify: expected a decoder such as decodeQr (renderPoster has none of its own), got true',
    );
  }
  if (normalized.verify) {
    // The symbol drawn: for a logo, planQr may have grown a short payload's code past its smallest version.
    const matrix = encodeQr(poster.payload, poster.qr.level, poster.qr.version);
    const raster = worstCaseRaster(
      matrix,
      poster.qr.logoModules,
      normalized.margin,
      4,
      normalized.colors.qrDark,
      normalized.colors.qrLight,
    );
    expectPayload(
      await readWith(normalized.verify, raster),
      poster.payload,
      'verify (worst-case raster of the code)',
    );
  }
  return poster;
}
