import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import sharp from 'sharp';
import { decodeQr } from '../decode/node.js';
import { QrPosterError } from '../errors.js';
import { type FontInfo, readFontInfo } from './font-tables.js';
import { type PosterImage, readImage } from './image.js';
import { type NormalizedSpec, normalizeSpec } from './spec.js';
import { composePoster } from './svg.js';
import type { PosterSpec, RenderedPoster } from './types.js';
import { expectPayload, type Raster } from './verify.js';

/**
 * The CJK fonts shipped with the package (Noto Sans SC subsets, SIL OFL 1.1): Regular, then Bold.
 * @example
 * new Resvg(svg, { font: { loadSystemFonts: false, fontFiles: [...BUNDLED_FONT_FILES] } });
 */
export const BUNDLED_FONT_FILES: readonly string[] = [
  fileURLToPath(new URL('../../fonts/NotoSansSC-Regular.subset.ttf', import.meta.url)),
  fileURLToPath(new URL('../../fonts/NotoSansSC-Bold.subset.ttf', import.meta.url)),
];

/**
 * Options of {@link renderPosterPng} besides the spec.
 * @example
 * await renderPosterPng(spec, { fontFiles: ['/usr/share/fonts/NotoSansCJK-Regular.ttc'] });
 */
export interface PngOptions {
  /**
   * Extra TrueType/OpenType font files (paths) for characters outside the bundled set
   * (GB2312 + Latin + CJK punctuation). Searched after the bundled fonts.
   * @default []
   */
  readonly fontFiles?: readonly string[];
}

const fontCache = new Map<string, FontInfo>();
function fontInfo(path: string): FontInfo {
  let info = fontCache.get(path);
  if (!info) {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(path);
    } catch (error) {
      throw new QrPosterError('invalid_option', `font file ${path} cannot be read`, { cause: error });
    }
    info = readFontInfo(bytes);
    fontCache.set(path, info);
  }
  return info;
}

/** Throws `missing_glyph` for characters no font has: they would render as empty boxes. */
function checkGlyphs(texts: readonly string[], fonts: readonly FontInfo[]): void {
  const missing = new Set<string>();
  for (const text of texts) {
    for (const ch of text) {
      const cp = ch.codePointAt(0) ?? 0;
      if (cp <= 0x20 || (cp >= 0xfe00 && cp <= 0xfe0f) || cp === 0x200d) continue;
      if (!fonts.some((f) => f.has(cp))) missing.add(ch);
    }
  }
  if (missing.size > 0) {
    const list = [...missing]
      .slice(0, 20)
      .map((c) => `${c} U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`);
    throw new QrPosterError(
      'missing_glyph',
      `no bundled font has ${list.join(', ')}${missing.size > 20 ? ` and ${missing.size - 20} more` : ''}; pass fontFiles with a font that covers them`,
    );
  }
}

/**
 * Decodes every embedded image once with sharp before resvg sees it: a corrupt body throws
 * `corrupt_image` instead of leaving an empty frame, EXIF orientation is applied (phone photos
 * would otherwise lie on their side), WebP (which resvg cannot read) becomes PNG, and photos are
 * scaled down to what the poster can show, which also keeps rasterising fast.
 */
async function prepareImage(
  image: PosterImage | null,
  field: string,
  maxSide: number,
): Promise<PosterImage | null> {
  if (!image) return null;
  try {
    const pipeline = sharp(image.bytes, { limitInputPixels: image.width * image.height, failOn: 'error' })
      .rotate()
      .resize({ width: maxSide, height: maxSide, fit: 'inside', withoutEnlargement: true });
    const out = await (image.format === 'jpeg' ? pipeline.jpeg({ quality: 90 }) : pipeline.png()).toBuffer();
    return readImage(new Uint8Array(out.buffer, out.byteOffset, out.length), field);
  } catch (error) {
    throw new QrPosterError('corrupt_image', `${field}: the ${image.format} data cannot be decoded`, {
      cause: error,
    });
  }
}

async function prepareImages(spec: NormalizedSpec): Promise<NormalizedSpec> {
  const maxSide = Math.max(spec.width, spec.height);
  const [image, brandLogo, qrLogo] = await Promise.all([
    prepareImage(spec.image, 'image', maxSide),
    prepareImage(spec.brandLogo, 'brand.logo', 512),
    spec.qrLogo === spec.brandLogo ? null : prepareImage(spec.qrLogo, 'qr.logo', 512),
  ]);
  return { ...spec, image, brandLogo, qrLogo: spec.qrLogo === spec.brandLogo ? brandLogo : qrLogo };
}

/** Renders a poster to RGBA pixels and keeps the layout facts (internal; the bench and tests use it). */
export async function rasterizePoster(
  spec: PosterSpec,
  options: PngOptions = {},
): Promise<{ poster: RenderedPoster; png: Uint8Array; raster: Raster }> {
  const normalized = await prepareImages(normalizeSpec(spec));
  const poster = composePoster(normalized);
  const extra = options.fontFiles ?? [];
  if (!Array.isArray(extra) || extra.some((f) => typeof f !== 'string')) {
    throw new QrPosterError('invalid_option', 'fontFiles: expected an array of font file paths');
  }
  const files = [...BUNDLED_FONT_FILES, ...extra];
  checkGlyphs(poster.texts, files.map(fontInfo));
  const { png, raster } = rasterizeSvg(poster.svg, files);
  if (normalized.verify) {
    const codes = await decodeQr(cropQr(raster, poster));
    expectPayload(
      codes.map((c) => c.text),
      poster.payload,
      'verify (the rendered PNG)',
    );
  }
  return { poster, png, raster };
}

/**
 * The code's plate (quiet zone included) plus a few pixels of the poster around it, cut from the
 * rendered pixels: the decoder reads exactly what was drawn, without scanning the whole poster.
 */
function cropQr(raster: Raster, poster: RenderedPoster): Raster {
  const pad = poster.qr.modulePx * 2;
  const x0 = Math.max(0, poster.qr.x - pad);
  const y0 = Math.max(0, poster.qr.y - pad);
  const x1 = Math.min(raster.width, poster.qr.x + poster.qr.size + pad);
  const y1 = Math.min(raster.height, poster.qr.y + poster.qr.size + pad);
  const width = x1 - x0;
  const height = y1 - y0;
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    const from = ((y0 + y) * raster.width + x0) * 4;
    data.set(raster.data.subarray(from, from + width * 4), y * width * 4);
  }
  return { data, width, height };
}

/** Rasterises an SVG with the given font files only (never system fonts). Internal. */
export function rasterizeSvg(
  svg: string,
  files: readonly string[] = BUNDLED_FONT_FILES,
): { png: Uint8Array; raster: Raster } {
  let png: Uint8Array;
  let raster: Raster;
  try {
    const resvg = new Resvg(svg, {
      font: {
        loadSystemFonts: false,
        fontFiles: [...files],
        defaultFontFamily: 'Noto Sans SC',
        sansSerifFamily: 'Noto Sans SC',
      },
      shapeRendering: 2,
      textRendering: 1,
      logLevel: 'off',
    });
    const image = resvg.render();
    raster = {
      data: new Uint8ClampedArray(image.pixels.buffer, image.pixels.byteOffset, image.pixels.length),
      width: image.width,
      height: image.height,
    };
    const buf = image.asPng();
    png = new Uint8Array(buf.buffer, buf.byteOffset, buf.length);
  } catch (error) {
    throw new QrPosterError(
      'render_failed',
      `resvg could not rasterise the poster: ${String(error).slice(0, 200)}`,
      {
        cause: error,
      },
    );
  }
  return { png, raster };
}

/**
 * Renders a poster to PNG bytes with the bundled CJK font (no system fonts, nothing downloaded).
 * Same spec and errors as `renderPoster`, plus `missing_glyph` when a character has no glyph in any
 * font, `render_failed`, and with `verify: true`, `verify_failed` when the PNG's own pixels do not
 * decode to exactly the payload.
 *
 * @example
 * import { renderPosterPng } from '@sharekit/qr-poster/node';
 * const png = await renderPosterPng({
 *   target: 'https://item.jd.com/100012043978.html',
 *   title: '降噪蓝牙耳机 长续航 入耳式',
 *   price: 299,
 *   size: 'square',
 *   verify: true,
 * });
 * await writeFile('poster.png', png);
 */
export async function renderPosterPng(spec: PosterSpec, options: PngOptions = {}): Promise<Uint8Array> {
  return (await rasterizePoster(spec, options)).png;
}
