/**
 * @sharekit/resolver/node — the main entry plus reading PNG, JPEG and WebP bytes (through
 * `@sharekit/qr-poster/node`, with zxing's wasm loaded from the local package) and rendering poster PNGs.
 */
import { decodeQr as decodeQrNode, type PngOptions, renderPosterPngReport } from '@sharekit/qr-poster/node';
import { type MadeProduct, type MakeOptions, makeAllWith, makeWith, type ProductRow } from './make.js';
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

/**
 * Options of the `./node` entry's {@link makeProduct}: those of the main entry, PNG by default, plus
 * the rasteriser's font files.
 * @example
 * const options: NodeMakeOptions = { formats: ['png', 'svg'], fontFiles: ['/usr/share/fonts/x.ttf'] };
 */
export interface NodeMakeOptions extends MakeOptions {
  /** Extra font files for the PNG rasteriser (see `renderPosterPng`). @default [] */
  readonly fontFiles?: PngOptions['fontFiles'];
}

function withPng(options: NodeMakeOptions): MakeOptions {
  const { fontFiles, ...rest } = options;
  const png: PngOptions = fontFiles === undefined ? {} : { fontFiles };
  return {
    formats: ['png'],
    renderPng: (spec) => renderPosterPngReport(spec, png),
    ...rest,
  };
}

/**
 * `makeProduct` of the main entry with PNG posters (the default format here) drawn by the bundled
 * rasteriser.
 * @example
 * import { makeProduct } from '@sharekit/resolver/node';
 * const made = await makeProduct({ url: 'https://item.jd.com/100012043978.html', title: '小米手环8' });
 * if (made.ok) await writeFile('poster.png', made.posters[0]?.png ?? new Uint8Array());
 */
export function makeProduct(row: ProductRow, options: NodeMakeOptions = {}): Promise<MadeProduct> {
  return makeWith(row, withPng(options), resolve);
}

/**
 * `makeCatalog` of the main entry with PNG posters: one result per row, in row order.
 * @example
 * for await (const made of makeCatalog(rows, { concurrency: 2 })) console.log(made.ok);
 */
export function makeCatalog(
  rows: Iterable<ProductRow> | AsyncIterable<ProductRow>,
  options: NodeMakeOptions & { readonly concurrency?: number } = {},
): AsyncGenerator<MadeProduct> {
  const { concurrency, ...rest } = options;
  return makeAllWith(
    rows,
    { ...withPng(rest), ...(concurrency === undefined ? {} : { concurrency }) },
    (row, o) => makeWith(row, o, resolve),
  );
}

export { renderPosterPng, renderPosterPngReport } from '@sharekit/qr-poster/node';
export * from './index.js';
