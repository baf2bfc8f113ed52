import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type Sharp from 'sharp';
import { decodeQr } from '../decode/node.js';
import { QrPosterError } from '../errors.js';
import { loadOptional } from '../node-deps.js';
import { type FontInfo, readFontInfo } from './font-tables.js';
import type { PosterImage } from './image.js';
import { type FaceList, type FramePixels, type PaintOp, paint } from './raster.js';
import { type NormalizedSpec, normalizeSpec } from './spec.js';
import { composePoster, IMAGE_SLOTS } from './svg.js';
import type { PosterSpec, RenderedPoster } from './types.js';
import { expectPayload, type Raster, readWith } from './verify.js';

/**
 * The fonts shipped with the package (subsets of Google's Noto fonts, SIL OFL 1.1; see the README for
 * what each covers and costs), in fallback order: Noto Sans SC Regular and Bold (GB2312, kana,
 * Latin-1, full-width forms), Noto Sans TC (common Traditional hanzi), Noto Sans KR (Hangul),
 * Noto Sans (Latin diacritics beyond Latin-1), Noto Emoji (monochrome emoji).
 * @example
 * new Resvg(svg, { font: { loadSystemFonts: false, fontFiles: [...BUNDLED_FONT_FILES] } });
 */
export const BUNDLED_FONT_FILES: readonly string[] = [
  'NotoSansSC-Regular.subset.ttf',
  'NotoSansSC-Bold.subset.ttf',
  'NotoSansTC-Regular.subset.ttf',
  'NotoSansKR-Regular.subset.ttf',
  'NotoSans-Regular.subset.ttf',
  'NotoEmoji-Regular.subset.ttf',
].map((name) => fileURLToPath(new URL(`../../fonts/${name}`, import.meta.url)));

/**
 * Options of {@link renderPosterPng} besides the spec.
 * @example
 * await renderPosterPng(spec, { fontFiles: ['/usr/share/fonts/NotoSansCJK-Regular.ttc'] });
 */
export interface PngOptions {
  /**
   * Extra TrueType font files (paths, `glyf` outlines) for characters outside the bundled set
   * (see {@link BUNDLED_FONT_FILES}). Searched after the bundled fonts; read once per process.
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

/** The poster's images by slot (photo, brand logo, QR logo), as `composePoster` numbers them. */
function imagesBySlot(spec: NormalizedSpec): (PosterImage | null)[] {
  const slots: (PosterImage | null)[] = [null, null, null];
  slots[IMAGE_SLOTS.photo] = spec.image;
  slots[IMAGE_SLOTS.brandLogo] = spec.brandLogo;
  slots[IMAGE_SLOTS.qrLogo] = spec.qrLogo;
  return slots;
}

const FIELDS = ['image', 'brand.logo', 'qr.logo'];

/**
 * Decodes each embedded image once with sharp, straight to the pixels of the frame it fills (cropped
 * to cover it, as the SVG's `slice`): a corrupt body throws `corrupt_image` instead of leaving an
 * empty frame, EXIF orientation is applied (phone photos would otherwise lie on their side), and
 * WebP and GIF decode like PNG and JPEG.
 */
async function decodeFrames(spec: NormalizedSpec, ops: readonly PaintOp[]): Promise<(FramePixels | null)[]> {
  const images = imagesBySlot(spec);
  const frames: (FramePixels | null)[] = images.map(() => null);
  if (!ops.some((op) => op.kind === 'image' && images[op.image])) return frames;
  const sharp = loadOptional<typeof Sharp>('sharp');
  await Promise.all(
    ops.map(async (op) => {
      if (op.kind !== 'image') return;
      const image = images[op.image];
      if (!image || frames[op.image]) return;
      const width = Math.max(1, Math.round(op.w));
      const height = Math.max(1, Math.round(op.h));
      try {
        const { data, info } = await sharp(image.bytes, {
          limitInputPixels: image.width * image.height,
          failOn: 'error',
        })
          .rotate()
          .resize({ width, height, fit: 'cover' })
          .ensureAlpha()
          .raw()
          .toBuffer({ resolveWithObject: true });
        frames[op.image] = { data, width: info.width, height: info.height };
      } catch (error) {
        throw new QrPosterError(
          'corrupt_image',
          `${FIELDS[op.image]}: the ${image.format} data cannot be decoded`,
          {
            cause: error,
          },
        );
      }
    }),
  );
  return frames;
}

function checkFontFiles(extra: unknown): readonly string[] {
  if (!Array.isArray(extra) || extra.some((f) => typeof f !== 'string')) {
    throw new QrPosterError('invalid_option', 'fontFiles: expected an array of font file paths');
  }
  return extra as string[];
}

/** Faces in fallback order: the bundled faces (the weight asked for first), then the extra files. */
function facesFor(extra: readonly string[]): FaceList {
  const [regular, bold, ...more] = BUNDLED_FONT_FILES.map(fontInfo);
  const rest = [...more, ...extra.map(fontInfo)];
  const r = regular as FontInfo;
  const b = bold as FontInfo;
  return { regular: [r, b, ...rest], bold: [b, r, ...rest] };
}

/** What {@link renderPosterPngReport} returns. */
export interface PosterPngReport {
  readonly png: Uint8Array;
  readonly poster: RenderedPoster;
  /**
   * Characters no font had, each drawn as an outlined box (a deliberate, visible replacement) instead
   * of failing the poster. Pass `fontFiles` with a font that has them.
   */
  readonly missingGlyphs: readonly string[];
}

/** Renders a poster to RGBA pixels and keeps the layout facts (internal; the bench and tests use it). */
export async function rasterizePoster(
  spec: PosterSpec,
  options: PngOptions = {},
): Promise<{ poster: RenderedPoster; png: Uint8Array; raster: Raster; missingGlyphs: string[] }> {
  const normalized = normalizeSpec(spec);
  const faces = facesFor(checkFontFiles(options.fontFiles ?? []));
  const poster = composePoster(normalized);
  const frames = await decodeFrames(normalized, poster.ops);
  const { data, missing } = paint(poster.ops, poster.width, poster.height, faces, frames);
  const raster: Raster = { data, width: poster.width, height: poster.height };
  const png = await encodePng(raster);
  if (normalized.verify) {
    const verifier = normalized.verify === true ? decodeQr : normalized.verify;
    expectPayload(
      await readWith(verifier, cropQr(raster, poster)),
      poster.payload,
      'verify (the rendered PNG)',
    );
  }
  return { poster, png, raster, missingGlyphs: missing };
}

/** Encodes finished RGBA pixels as PNG (the floor any rasteriser pays; measured in the bench). */
export async function encodePng(raster: Raster): Promise<Uint8Array> {
  const sharp = loadOptional<typeof Sharp>('sharp');
  const buf = await sharp(raster.data, { raw: { width: raster.width, height: raster.height, channels: 4 } })
    .png()
    .toBuffer();
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.length);
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

/**
 * {@link renderPosterPng} that also returns the layout facts and the characters no font had (drawn as
 * an outlined box rather than failing the poster).
 *
 * @example
 * import { renderPosterPngReport } from '@sharekit/qr-poster/node';
 * const { png, missingGlyphs } = await renderPosterPngReport({ target: 'https://item.jd.com/100012043978.html', title: '限时特惠🔥 藍牙耳機' });
 * if (missingGlyphs.length > 0) console.warn('no font has', missingGlyphs.join(' '));
 */
export async function renderPosterPngReport(
  spec: PosterSpec,
  options: PngOptions = {},
): Promise<PosterPngReport> {
  const { png, poster, missingGlyphs } = await rasterizePoster(spec, options);
  return { png, poster, missingGlyphs };
}
