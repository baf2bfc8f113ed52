import { QrPosterError } from '../errors.js';
import { assertScannable, parseColor, type Rgb } from './color.js';
import {
  DEFAULT_IMAGE_LIMITS,
  type ImageInput,
  type ImageLimits,
  type PosterImage,
  readImage,
} from './image.js';
import type { EcLevel } from './qr.js';
import { type ResolvedTarget, resolveTarget } from './target.js';
import { stripControl } from './text.js';
import { type PosterSpec, SIZE_PRESETS } from './types.js';
import type { PosterVerifier } from './verify.js';

/** A spec after validation: every field checked, defaults filled in. */
export interface NormalizedSpec {
  readonly target: ResolvedTarget;
  readonly title: string;
  readonly titleMaxLines: number | null;
  readonly price: string | null;
  readonly originalPrice: string | null;
  readonly currency: string;
  readonly brandName: string | null;
  readonly brandLogo: PosterImage | null;
  readonly image: PosterImage | null;
  readonly token: string | null;
  readonly caption: string;
  readonly subcaption: string | null;
  readonly width: number;
  readonly height: number;
  readonly colors: {
    readonly background: Rgb;
    readonly foreground: Rgb;
    readonly muted: Rgb;
    readonly accent: Rgb;
    readonly panel: Rgb;
    readonly qrDark: Rgb;
    readonly qrLight: Rgb;
  };
  readonly qrLogo: PosterImage | null;
  readonly logoScale: number | null;
  readonly level: EcLevel;
  readonly margin: number;
  readonly logoBudget: number;
  readonly verify: boolean | PosterVerifier;
}

/** `typeof`, but `null` for null: what a message says it found. */
const typeOf = (value: unknown): string => (value === null ? 'null' : typeof value);

/** An `invalid_spec` error; every message names the field, what was expected and what was found. */
const invalid = (message: string): QrPosterError => new QrPosterError('invalid_spec', message);

/** A text field, control characters and runs of spaces folded; `null` when absent or blank. */
function text(value: unknown, field: string, max: number, required = false): string | null {
  if (value === undefined && !required) return null;
  if (typeof value !== 'string') throw invalid(`spec.${field}: expected a string, got ${typeOf(value)}`);
  if (value.length > max)
    throw invalid(`spec.${field}: ${value.length} characters, at most ${max} fit on a poster`);
  const clean = stripControl(value).replace(/ {2,}/g, ' ').trim();
  return clean.length === 0 ? null : clean;
}

// regex-safe: anchored, bounded digit runs
const PRICE = /^\d{1,9}(?:\.\d{1,2})?$/;

function price(value: unknown, field: string): string | null {
  if (value === undefined) return null;
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0 || value >= 1e9)
      throw invalid(`spec.${field}: expected a finite price from 0 to 1e9, got ${value}`);
    return Number.isInteger(value) ? String(value) : value.toFixed(2);
  }
  if (typeof value === 'string' && PRICE.test(value.trim())) return value.trim();
  throw invalid(
    `spec.${field}: expected a number or a string like "199.90", got ${JSON.stringify(String(value).slice(0, 20))}`,
  );
}

function image(value: unknown, field: string, limits: ImageLimits): PosterImage | null {
  return value === undefined ? null : readImage(value as ImageInput, field, limits);
}

function size(value: unknown): { width: number; height: number } {
  if (value === undefined) return SIZE_PRESETS.moments;
  if (typeof value === 'string') {
    if (Object.hasOwn(SIZE_PRESETS, value)) return SIZE_PRESETS[value as keyof typeof SIZE_PRESETS];
    throw invalid(
      `spec.size: expected ${Object.keys(SIZE_PRESETS).join(', ')} or { width, height }, got ${JSON.stringify(value.slice(0, 20))}`,
    );
  }
  if (typeof value === 'object' && value !== null) {
    const { width, height } = value as { width?: unknown; height?: unknown };
    const ok = (n: unknown): n is number =>
      typeof n === 'number' && Number.isInteger(n) && n >= 320 && n <= 4096;
    if (ok(width) && ok(height) && height / width >= 0.5 && height / width <= 2.5) return { width, height };
  }
  throw invalid(
    'spec.size: expected integer width and height from 320 to 4096 px with height/width between 0.5 and 2.5',
  );
}

function number(value: unknown, field: string, min: number, max: number, integer: boolean): number | null {
  if (value === undefined) return null;
  if (
    typeof value !== 'number' ||
    !Number.isFinite(value) ||
    value < min ||
    value > max ||
    (integer && !Number.isInteger(value))
  ) {
    throw invalid(
      `spec.${field}: expected ${integer ? 'an integer' : 'a number'} from ${min} to ${max}, got ${String(value).slice(0, 20)}`,
    );
  }
  return value;
}

/** The theme's colours when the spec leaves them out (`PosterTheme` documents the same). */
const THEME_DEFAULTS = {
  background: '#ffffff',
  foreground: '#1f2329',
  muted: '#8a9099',
  accent: '#e8382f',
  panel: '#f4f5f7',
  qrDark: '#111111',
  qrLight: '#ffffff',
} as const;

/**
 * Validates a poster spec and fills in defaults. Throws `QrPosterError` with `invalid_spec`,
 * `invalid_target`, `unsafe_target`, `low_contrast` or an image code (`invalid_image`,
 * `unsupported_format`, `corrupt_image`, `image_too_large`).
 *
 * @example
 * normalizeSpec({ target: 'https://item.jd.com/100012043978.html', title: '耳机' }).width; // 750
 */
export function normalizeSpec(input: unknown): NormalizedSpec {
  if (typeof input !== 'object' || input === null)
    throw invalid(`expected a poster spec object, got ${typeOf(input)}`);
  const spec = input as Partial<Record<keyof PosterSpec, unknown>>;
  const target = resolveTarget(spec.target);
  const title = text(spec.title, 'title', 500, true) ?? '';
  const limitsIn = (spec.imageLimits ?? {}) as Partial<ImageLimits>;
  const limits: ImageLimits = {
    maxBytes:
      number(limitsIn.maxBytes, 'imageLimits.maxBytes', 1, 200_000_000, true) ??
      DEFAULT_IMAGE_LIMITS.maxBytes,
    maxPixels:
      number(limitsIn.maxPixels, 'imageLimits.maxPixels', 1, 400_000_000, true) ??
      DEFAULT_IMAGE_LIMITS.maxPixels,
  };
  const brandIn = spec.brand;
  if (brandIn !== undefined && (typeof brandIn !== 'object' || brandIn === null)) {
    throw invalid(`spec.brand: expected { name?, logo? }, got ${typeOf(brandIn)}`);
  }
  const brand = (brandIn ?? {}) as { name?: unknown; logo?: unknown };
  const brandLogo = image(brand.logo, 'brand.logo', limits);
  const themeIn = (spec.theme ?? {}) as Record<string, unknown>;
  if (typeof themeIn !== 'object') throw invalid(`spec.theme: expected an object, got ${typeOf(themeIn)}`);
  const colors = Object.fromEntries(
    Object.entries(THEME_DEFAULTS).map(([field, fallback]) => [
      field,
      parseColor(themeIn[field] ?? fallback, field),
    ]),
  ) as Record<keyof typeof THEME_DEFAULTS, Rgb>;
  assertScannable(colors.qrDark, colors.qrLight);

  const qrIn = (spec.qr ?? {}) as Record<string, unknown>;
  if (typeof qrIn !== 'object') throw invalid(`spec.qr: expected an object, got ${typeOf(qrIn)}`);
  let qrLogo: PosterImage | null = null;
  const logoOpt = qrIn.logo;
  if (logoOpt === undefined || logoOpt === true) {
    qrLogo = brandLogo;
    if (logoOpt === true && !brandLogo) {
      throw invalid('spec.qr.logo is true but spec.brand.logo is missing');
    }
  } else if (logoOpt !== false) {
    qrLogo = image(logoOpt, 'qr.logo', limits);
  }
  const ec = qrIn.errorCorrection ?? 'auto';
  if (!['auto', 'L', 'M', 'Q', 'H'].includes(ec as string)) {
    throw invalid(
      `spec.qr.errorCorrection: expected 'auto', 'L', 'M', 'Q' or 'H', got ${String(ec).slice(0, 20)}`,
    );
  }
  const level: EcLevel = ec === 'auto' ? (qrLogo ? 'H' : 'M') : (ec as EcLevel);
  const margin = number(qrIn.margin, 'qr.margin', 4, 16, true) ?? 4;
  const logoScale = number(qrIn.logoScale, 'qr.logoScale', 0.05, 0.5, false);
  const logoBudget = number(qrIn.logoBudget, 'qr.logoBudget', 0, 1, false) ?? 0.5;
  if (spec.verify !== undefined && typeof spec.verify !== 'boolean' && typeof spec.verify !== 'function') {
    throw invalid(
      `spec.verify: expected a boolean or a decoder such as decodeQr, got ${typeOf(spec.verify)}`,
    );
  }
  const dims = size(spec.size);
  return {
    target,
    title,
    titleMaxLines: number(spec.titleMaxLines, 'titleMaxLines', 1, 4, true),
    price: price(spec.price, 'price'),
    originalPrice: price(spec.originalPrice, 'originalPrice'),
    currency: text(spec.currency, 'currency', 4) ?? '¥',
    brandName: text(brand.name, 'brand.name', 40),
    brandLogo,
    image: image(spec.image, 'image', limits),
    token: text(spec.token, 'token', 300),
    // On paper nobody can long-press: print posters ask for a scan instead.
    caption:
      text(spec.caption, 'caption', 40) ?? (spec.size === 'print' ? '扫一扫 查看详情' : '长按识别二维码'),
    subcaption: text(spec.subcaption, 'subcaption', 40),
    width: dims.width,
    height: dims.height,
    colors,
    qrLogo,
    logoScale,
    level,
    margin,
    logoBudget,
    verify: typeof spec.verify === 'function' ? (spec.verify as PosterVerifier) : spec.verify === true,
  };
}
