// The make side at catalog scale: one product row in, its token, share text, app links and posters out.
import { errorRecord, integerOption, type LinkIdentity } from '@sharekit/canonical-url/core';
import { type AppLinks, toAppLinks } from '@sharekit/deep-link';
import { type PosterSpec, renderPoster, SIZE_PRESETS, type SizePreset } from '@sharekit/qr-poster';
import { composeShareText, encodeToken } from '@sharekit/share-token';
import { ResolverError } from './errors.js';
import type { Resolution, SafetyReason } from './types.js';

/**
 * One product of a catalog. Only `url` is required; a row without `title` gets no share text title
 * and no poster (a poster needs a title).
 * @example
 * const row: ProductRow = { url: 'https://item.jd.com/100012043978.html', title: '小米手环8', price: 239 };
 */
export interface ProductRow {
  /** The product's link (any platform URL; short links are kept as they are). */
  readonly url: string;
  /** Product title for the share text and the poster. @default undefined (no poster) */
  readonly title?: string;
  /** @default undefined (no price row) */
  readonly price?: number | string;
  /** @default undefined */
  readonly originalPrice?: number | string;
  /** Shop or brand name. @default undefined */
  readonly brand?: string;
  /** Product photo: PNG, JPEG, WebP or GIF bytes, or a data URL. @default undefined */
  readonly image?: Uint8Array | string;
  /** Poster sizes. @default ['moments'] */
  readonly sizes?: readonly SizePreset[];
  /** Share text template (`modern`, `classic`, `token-only` or your own). @default 'modern' */
  readonly template?: string;
  /** Share text language. @default 'zh' */
  readonly locale?: 'zh' | 'en';
  /** The caller's id, carried to the result. @default undefined */
  readonly id?: string;
}

/** What a PNG rasteriser returns to {@link makeProduct}. */
export interface PngRender {
  readonly png: Uint8Array;
  /** Characters no font had, drawn as a visible replacement. @default [] */
  readonly missingGlyphs?: readonly string[];
}

/**
 * Options of {@link makeProduct} and {@link makeCatalog}.
 * @example
 * const options: MakeOptions = { formats: ['svg'], verify: true };
 */
export interface MakeOptions {
  /**
   * Poster formats. `png` needs `renderPng` (the `./node` entry passes its rasteriser).
   * @default ['svg'] (main entry), ['png'] (`./node` entry)
   */
  readonly formats?: readonly ('png' | 'svg')[];
  /** Rasterises a poster spec to PNG. @default undefined (main entry), the bundled rasteriser (`./node`) */
  readonly renderPng?: (spec: PosterSpec) => Promise<PngRender>;
  /** Decode each poster and fail the row unless its QR code reads back. @default false */
  readonly verify?: boolean;
  /** Print our token under the poster's QR code. @default true */
  readonly tokenOnPoster?: boolean;
}

/** One poster of a made product. */
export interface MadePoster {
  readonly size: SizePreset;
  readonly width: number;
  readonly height: number;
  /** With format `svg`. */
  readonly svg?: string;
  /** With format `png`. */
  readonly png?: Uint8Array;
  /** Characters drawn as a replacement because no font had them (PNG only). */
  readonly missingGlyphs: readonly string[];
}

/** The error of a row that made nothing: a code from the package that refused it, and why. */
export interface MakeError {
  readonly code: string;
  readonly message: string;
  /** For `unsafe_target`: the safety judge's reasons. */
  readonly reasons?: readonly SafetyReason[];
}

/**
 * What {@link makeProduct} returns: everything made for the row, or the error that stopped it.
 * @example
 * const made: MadeProduct = await makeProduct({ url: 'https://item.jd.com/100012043978.html' });
 */
export type MadeProduct =
  | {
      readonly ok: true;
      readonly id?: string;
      /** The link everything carries (canonical where the platform is known). */
      readonly link: string;
      readonly identity: LinkIdentity | null;
      readonly token: string;
      readonly text: string;
      readonly links: AppLinks;
      readonly posters: readonly MadePoster[];
      /** Reasons for caution the safety judge gave (plain http, an IP address …). */
      readonly cautions: readonly SafetyReason[];
    }
  | { readonly ok: false; readonly id?: string; readonly error: MakeError };

type Resolve = (input: string) => Promise<Resolution>;

const SIZES = Object.keys(SIZE_PRESETS) as SizePreset[];

function checkOptions(options: MakeOptions): readonly ('png' | 'svg')[] {
  const formats = options.formats ?? ['svg'];
  if (!Array.isArray(formats) || formats.length === 0 || formats.some((f) => f !== 'png' && f !== 'svg')) {
    throw new ResolverError('invalid_option', "formats: expected a non-empty list of 'png' and 'svg'");
  }
  if (formats.includes('png') && typeof options.renderPng !== 'function') {
    throw new ResolverError(
      'invalid_option',
      "formats: 'png' needs renderPng (use makeProduct from @sharekit/resolver/node)",
    );
  }
  return formats;
}

function rowProblem(row: ProductRow): string | null {
  if (typeof row !== 'object' || row === null) return 'expected an object';
  if (typeof row.url !== 'string' || row.url.trim() === '') return 'url is required';
  if (row.sizes !== undefined) {
    if (!Array.isArray(row.sizes) || row.sizes.length === 0) return 'sizes: expected a non-empty list';
    const bad = row.sizes.find((s) => !SIZES.includes(s));
    if (bad !== undefined)
      return `sizes: unknown size ${JSON.stringify(String(bad).slice(0, 40))}; one of ${SIZES.join(', ')}`;
  }
  if (row.locale !== undefined && row.locale !== 'zh' && row.locale !== 'en') return 'locale: zh or en';
  return null;
}

/**
 * Makes one row with the given resolver (the main and `./node` entries differ only in it).
 * Internal; callers use {@link makeProduct}.
 */
export async function makeWith(row: ProductRow, options: MakeOptions, judge: Resolve): Promise<MadeProduct> {
  const formats = checkOptions(options);
  const id = typeof row?.id === 'string' ? { id: row.id } : {};
  const problem = rowProblem(row);
  if (problem !== null) return { ok: false, ...id, error: { code: 'invalid_row', message: problem } };
  const url = row.url.trim();
  try {
    // The safety judge sees the row's URL exactly as a pasted link: a dangerous target makes nothing.
    const resolution = await judge(url);
    const danger = resolution.candidates.find((c) => c.safety.level === 'danger');
    if (danger) {
      const reasons = danger.safety.reasons.filter((r) => r.level === 'danger');
      return {
        ok: false,
        ...id,
        error: {
          code: 'unsafe_target',
          message: `refusing an unsafe target: ${reasons.map((r) => `${r.message} (${r.code})`).join('; ')}`,
          reasons,
        },
      };
    }
    const candidate = resolution.candidates[0];
    if (resolution.kind !== 'url' || !candidate || candidate.link === null) {
      return {
        ok: false,
        ...id,
        error: {
          code: 'invalid_row',
          message: `url: expected an http(s) link, found ${JSON.stringify(url.slice(0, 80))}`,
        },
      };
    }
    const identity = candidate.identity;
    const target: LinkIdentity | string =
      identity && identity.id !== null && identity.kind !== 'short' ? identity : candidate.link;
    const token = encodeToken(target);
    const text = composeShareText({
      target,
      ...(row.title === undefined ? {} : { title: row.title }),
      ...(row.brand === undefined ? {} : { brand: row.brand }),
      ...(row.locale === undefined ? {} : { locale: row.locale }),
      ...(row.template === undefined ? {} : { template: row.template }),
    });
    const links = toAppLinks(target);
    const posters: MadePoster[] = [];
    if (row.title !== undefined && row.title.trim() !== '') {
      for (const size of row.sizes ?? ['moments']) {
        const spec: PosterSpec = {
          target,
          title: row.title,
          size,
          ...(row.price === undefined ? {} : { price: row.price }),
          ...(row.originalPrice === undefined ? {} : { originalPrice: row.originalPrice }),
          ...(row.brand === undefined ? {} : { brand: { name: row.brand } }),
          ...(row.image === undefined ? {} : { image: row.image }),
          ...(options.tokenOnPoster === false ? {} : { token }),
          ...(options.verify ? { verify: true } : {}),
        };
        const { width, height } = SIZE_PRESETS[size];
        const svg = formats.includes('svg') ? (await renderPoster(spec)).svg : undefined;
        const png = formats.includes('png') && options.renderPng ? await options.renderPng(spec) : undefined;
        posters.push({
          size,
          width,
          height,
          ...(svg === undefined ? {} : { svg }),
          ...(png === undefined ? {} : { png: png.png }),
          missingGlyphs: png?.missingGlyphs ?? [],
        });
      }
    }
    const cautions = candidate.safety.reasons.filter((r) => r.level === 'caution');
    return { ok: true, ...id, link: candidate.link, identity, token, text, links, posters, cautions };
  } catch (error) {
    return { ok: false, ...id, error: errorRecord(error, 'make_failed') };
  }
}

/**
 * Yields one result per row, in row order, `concurrency` rows in flight at once. A bad row yields
 * `ok: false` with its error and never ends the catalog. Internal; callers use {@link makeCatalog}.
 */
export async function* makeAllWith(
  rows: Iterable<ProductRow> | AsyncIterable<ProductRow>,
  options: MakeOptions & { readonly concurrency?: number },
  make: (row: ProductRow, options: MakeOptions) => Promise<MadeProduct>,
): AsyncGenerator<MadeProduct> {
  checkOptions(options);
  const concurrency = integerOption('concurrency', options.concurrency, 1, 1, 256, ResolverError);
  const inFlight: Promise<MadeProduct>[] = [];
  for await (const row of rows) {
    inFlight.push(make(row, options));
    if (inFlight.length >= concurrency) yield await (inFlight.shift() as Promise<MadeProduct>);
  }
  while (inFlight.length > 0) yield await (inFlight.shift() as Promise<MadeProduct>);
}
