/**
 * @sharekit/resolver/node — the main entry plus reading PNG, JPEG and WebP bytes (through
 * `@sharekit/qr-poster/node`, with zxing's wasm loaded from the local package) and rendering poster PNGs.
 */
import { decodeQr as decodeQrNode } from '@sharekit/qr-poster/node';
import { type QrReader, type ResolveOptions, resolveWith } from './resolve.js';
import type { Resolution, ResolveInput } from './types.js';

const readAny: QrReader = (image, options) => decodeQrNode(image, { maxPixels: options.maxPixels });

/**
 * `resolve` of the main entry that also reads encoded images (PNG, JPEG, WebP bytes).
 * @example
 * import { readFile } from 'node:fs/promises';
 * const r = await resolve(await readFile('poster.png'));
 * r.kind // 'qr-image'
 */
export function resolve(input: ResolveInput, options?: ResolveOptions): Promise<Resolution> {
  return resolveWith(input, options, readAny, true);
}

export {
  createSafeFetch,
  type Lookup,
  type LookupAnswer,
  type SafeFetchOptions,
  safeFetch,
} from '@sharekit/canonical-url/node';
export { renderPosterPng } from '@sharekit/qr-poster/node';
export * from './index.js';
export { resolve as resolveAnything };
