import type { LinkIdentity } from '@sharekit/canonical-url';
import type { ImageInput, ImageLimits } from './image.js';
import type { EcLevel } from './qr.js';
import type { PaintOp } from './raster.js';
import type { PosterVerifier } from './verify.js';

/**
 * Named poster sizes.
 * @example
 * SIZE_PRESETS.moments; // { width: 750, height: 1334 }
 */
export const SIZE_PRESETS = {
  /** WeChat Moments / phone screen, 750×1334. */
  moments: { width: 750, height: 1334 },
  /** Square feed image, 1080×1080. */
  square: { width: 1080, height: 1080 },
  /** A6 print at 300 dpi (105×148 mm), 1240×1748. */
  print: { width: 1240, height: 1748 },
} as const;

/**
 * A name from {@link SIZE_PRESETS}.
 * @example
 * const size: SizePreset = 'square';
 */
export type SizePreset = keyof typeof SIZE_PRESETS;

/**
 * Poster colours: `#rgb`, `#rrggbb` or `rgb(r, g, b)`, opaque.
 * @example
 * const theme: PosterTheme = { accent: '#ff5000', qrDark: '#1a1a1a' };
 */
export interface PosterTheme {
  /** Page background. @default '#ffffff' */
  readonly background?: string;
  /** Title and caption text. @default '#1f2329' */
  readonly foreground?: string;
  /** Secondary text (original price, hints). @default '#8a9099' */
  readonly muted?: string;
  /** Price and highlights. @default '#e8382f' */
  readonly accent?: string;
  /** Placeholder panels and the token strip. @default '#f4f5f7' */
  readonly panel?: string;
  /** QR modules; must be darker than `qrLight` with a contrast ratio of at least 4.5. @default '#111111' */
  readonly qrDark?: string;
  /** QR background and quiet zone. @default '#ffffff' */
  readonly qrLight?: string;
}

/**
 * How the QR code is drawn.
 * @example
 * const qr: PosterQrOptions = { logo: false, errorCorrection: 'Q' };
 */
export interface PosterQrOptions {
  /**
   * A logo in the centre of the code: `true` uses `brand.logo`, or pass image bytes / a data URL.
   * @default true when `brand.logo` is set, else false
   */
  readonly logo?: boolean | ImageInput;
  /**
   * Logo plate side as a fraction of the code's width (without quiet zone). When absent the largest
   * size the error correction tolerates, capped at 0.24, is used; when set and too large for the
   * code's error correction, `logo_too_large` is thrown.
   * @default undefined (automatic)
   */
  readonly logoScale?: number;
  /**
   * Error-correction level. `'auto'` picks M without a logo and H with one.
   * @default 'auto'
   */
  readonly errorCorrection?: 'auto' | EcLevel;
  /**
   * Quiet zone in modules; at least 4 (the QR specification's minimum).
   * @default 4
   */
  readonly margin?: number;
  /**
   * Share of each block's correctable errors a logo may use up; the rest stays for scuffs, glare and JPEG.
   * @default 0.5
   */
  readonly logoBudget?: number;
}

/**
 * Everything a poster shows. Only `target` and `title` are required.
 * @example
 * const spec: PosterSpec = { target: 'https://item.jd.com/100012043978.html', title: '降噪耳机', price: 299 };
 */
export interface PosterSpec {
  /** The link the QR code opens: an http(s) URL or a `LinkIdentity`; the QR carries its canonical URL. */
  readonly target: string | LinkIdentity;
  /** Product title; CJK is wrapped by display width and cut with `…` after `titleMaxLines`. */
  readonly title: string;
  /** @default 2 (3 in square layouts), at most 4 */
  readonly titleMaxLines?: number;
  /** Current price, e.g. `199` or `'199.90'`. @default undefined (no price row) */
  readonly price?: number | string;
  /** Struck-through original price. @default undefined */
  readonly originalPrice?: number | string;
  /** Currency sign before prices. @default '¥' */
  readonly currency?: string;
  /** Shop or brand shown in the header; its logo can also sit in the QR code. @default undefined */
  readonly brand?: { readonly name?: string; readonly logo?: ImageInput };
  /** Product photo (PNG, JPEG, WebP or GIF bytes, or a data URL); cropped to fill its frame. @default undefined */
  readonly image?: ImageInput;
  /** A share token printed under the QR code (e.g. a 淘口令), for people who copy instead of scan. @default undefined */
  readonly token?: string;
  /** Call to action beside the code. @default '长按识别二维码' */
  readonly caption?: string;
  /** Second line beside the code. @default e.g. '打开淘宝查看商品' from the target's platform */
  readonly subcaption?: string;
  /** Colours. @default see {@link PosterTheme} */
  readonly theme?: PosterTheme;
  /** A preset name or explicit pixels (320–4096 each side). @default 'moments' */
  readonly size?: SizePreset | { readonly width: number; readonly height: number };
  /** QR drawing options. @default {} */
  readonly qr?: PosterQrOptions;
  /**
   * Decode the finished poster and throw `verify_failed` unless the QR reads back exactly.
   * `renderPosterPng` decodes the rendered pixels of the code's area (plate and a margin around it),
   * with the Node `decodeQr` for `true` or with the decoder given. `renderPoster` (no rasteriser in the
   * browser core) decodes a worst-case raster of the code in which every module under the logo is
   * inverted, with the decoder given — `verify: decodeQr` — and never imports one itself, so bundles
   * that render posters stay small; `true` is an `invalid_spec` there.
   * @default false
   */
  readonly verify?: boolean | PosterVerifier;
  /** Limits for embedded images, checked on the header before any decoding. @default { maxBytes: 20 MB, maxPixels: 40 M } */
  readonly imageLimits?: Partial<ImageLimits>;
}

/**
 * What `renderPoster` returns.
 * @example
 * const { svg, payload, qr } = await renderPoster(spec); // qr.level: 'M' | 'H' …
 */
export interface RenderedPoster {
  /** The poster as a standalone SVG document. */
  readonly svg: string;
  readonly width: number;
  readonly height: number;
  /** The exact text in the QR code (the target's canonical URL). */
  readonly payload: string;
  /** The platform link the target identifies, or `null`. */
  readonly identity: LinkIdentity | null;
  /** Where the QR code (with its quiet zone) sits, and how it was built. */
  readonly qr: {
    readonly x: number;
    readonly y: number;
    readonly size: number;
    readonly modulePx: number;
    readonly version: number;
    readonly level: EcLevel;
    /** Side of the logo plate in modules; 0 without a logo. */
    readonly logoModules: number;
    /** Covered data modules / all data modules. */
    readonly logoModuleFraction: number;
    /** Highest share of a block's correctable errors the logo uses. */
    readonly logoErrorShare: number;
  };
  /** Every text drawn, so a rasteriser can check its fonts cover them. */
  readonly texts: readonly string[];
  /** The same drawing as the SVG, as operations for a rasteriser (`renderPosterPng` paints these). */
  readonly ops: readonly PaintOp[];
}
