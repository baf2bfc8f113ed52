/**
 * @sharekit/resolver — anything in, one safe clickable link out. Browser-safe main entry: reads
 * text, RGBA images, and encoded images where the browser can decode them. The Node entry
 * (`@sharekit/resolver/node`) also reads PNG, JPEG and WebP bytes itself.
 *
 * The make side of the codecs is re-exported here, so tools (the CLI, the demo page) need only
 * this package.
 */
import type * as QrPoster from '@sharekit/qr-poster';
import { ResolverError } from './errors.js';
import { type MadeProduct, type MakeOptions, makeAllWith, makeWith, type ProductRow } from './make.js';
import { type QrReader, type ResolveOptions, resolveWith } from './resolve.js';
import type { Resolution, ResolveInput } from './types.js';

// QR reading is loaded when the first image arrives: text-only pages never download the decoders
// (bundlers that split code put them in a chunk of their own).
const readRgba: QrReader = async (image, options) => {
  if (image instanceof Uint8Array) {
    throw new ResolverError('invalid_input', 'the main entry reads QR codes from RGBA only');
  }
  return decodeQr(image, { maxPixels: options.maxPixels });
};

/**
 * Turns anything a person pastes or drops — a URL, a share text, one of our tokens, an app link or
 * `intent://` URL, a platform name with an id (`淘宝 634567890123`), or an image with QR codes — into
 * the link to click, with every target found, a safety verdict with reasons, and the steps that were
 * recognised. Offline unless `options.fetch` is given (then short links are followed, within limits).
 *
 * Never throws for any string or byte input: what cannot be read resolves to `kind: 'unknown'` with a
 * `reason`. Throws `ResolverError` only on misuse (an input of another type, options out of range).
 * @example
 * const r = await resolve('【淘宝】https://e.tb.cn/h.8IcTrtZuTU19ieN?tk=nyXpT7VA7lt CZ3457 「保温杯」');
 * r.kind        // 'share-text'
 * r.link        // 'https://e.tb.cn/h.8IcTrtZuTU19ieN?tk=nyXpT7VA7lt'
 * r.safety      // { level: 'ok', reasons: [{ code: 'short-link-unresolved', level: 'info', … }] }
 * (await resolve('javascript:alert(1)')).link // null, safety.level 'danger'
 */
export function resolve(input: ResolveInput, options?: ResolveOptions): Promise<Resolution> {
  return resolveWith(input, options, readRgba, false);
}

/**
 * Makes everything for one product row: our token, the share text, the app links, and a poster per
 * size (SVG here; the `./node` entry adds PNG). Never throws for a bad row: it comes back `ok: false`
 * with an error `code` (`invalid_row`, `unsafe_target` with the safety judge's reasons, or the code of
 * the codec that refused it). Throws `ResolverError` `invalid_option` for bad options.
 * @example
 * const made = await makeProduct({ url: 'https://item.jd.com/100012043978.html', title: '小米手环8', price: 239 });
 * if (made.ok) console.log(made.token, made.text, made.posters[0]?.svg?.length);
 */
export function makeProduct(row: ProductRow, options: MakeOptions = {}): Promise<MadeProduct> {
  return makeWith(row, options, resolve);
}

/**
 * {@link makeProduct} over a catalog: yields one result per row, in row order, with `concurrency`
 * rows in flight. A bad row yields its error and the catalog goes on.
 * @example
 * for await (const made of makeCatalog(rows, { concurrency: 4 })) console.log(made.ok ? made.token : made.error.code);
 */
export function makeCatalog(
  rows: Iterable<ProductRow> | AsyncIterable<ProductRow>,
  options: MakeOptions & { readonly concurrency?: number } = {},
): AsyncGenerator<MadeProduct> {
  return makeAllWith(rows, options, makeProduct);
}

export {
  CONTENT_KINDS,
  type ContentKind,
  canonicalize,
  getPlatform,
  identify,
  inspectHost,
  judgeTarget,
  KIND_NAMES,
  type LinkIdentity,
  PLATFORM_IDS,
  PLATFORMS,
  type PlatformId,
  sameTarget,
  schemeOf,
  type TargetReading,
  tryIdentify,
  UNSAFE_SCHEMES,
} from '@sharekit/canonical-url/core';
export { detectInAppBrowser, displayWidth, parseAppLink, planOpen, toAppLinks } from './codecs.js';

/**
 * `decodeQr` of `@sharekit/qr-poster` (QR codes in RGBA pixels), loaded on first call.
 * @example
 * const [code] = await decodeQr(imageData, { zxingWasm: { url: '/zxing_reader.wasm' } });
 */
export async function decodeQr(
  ...args: Parameters<typeof QrPoster.decodeQr>
): ReturnType<typeof QrPoster.decodeQr> {
  return (await import('./qr-reader.js')).decodeQr(...args);
}

/**
 * `renderPoster` of `@sharekit/qr-poster` (a product poster as SVG), loaded on first call.
 * @example
 * const { svg } = await renderPoster({ target: 'https://item.jd.com/100012043978.html', title: '耳机' });
 */
export async function renderPoster(
  ...args: Parameters<typeof QrPoster.renderPoster>
): ReturnType<typeof QrPoster.renderPoster> {
  return (await import('./qr-reader.js')).renderPoster(...args);
}

/**
 * `configureZxing` of `@sharekit/qr-poster` (where zxing's wasm is), loaded on first call; the
 * returned promise settles once the setting is made (decoding waits for it in any case).
 * @example
 * await configureZxing({ url: '/zxing_reader.wasm' });
 */
export async function configureZxing(...args: Parameters<typeof QrPoster.configureZxing>): Promise<void> {
  (await import('./qr-reader.js')).configureZxing(...args);
}
export {
  composeShareText,
  decodeToken,
  encodeToken,
  findTokens,
  parseShareText,
} from '@sharekit/share-token';
export { isResolverError, RESOLVER_ERROR_CODES, ResolverError, type ResolverErrorCode } from './errors.js';
export type { MadePoster, MadeProduct, MakeError, MakeOptions, PngRender, ProductRow } from './make.js';
export { GENERIC_SHORTENERS, RESOLVER_ROWS, type ResolverRow } from './platforms.js';
export type { ResolveOptions } from './resolve.js';
export type * from './types.js';
