import { QrPosterError } from '../errors.js';

/** An opaque sRGB colour, channels 0–255. */
export interface Rgb {
  readonly r: number;
  readonly g: number;
  readonly b: number;
}

// regex-safe: fixed-length alternatives of hex digits, no nested quantifiers
const HEX = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i;
// regex-safe: bounded digit runs separated by single commas and optional spaces
const RGB_FN = /^rgb\(\s?(\d{1,3})\s?,\s?(\d{1,3})\s?,\s?(\d{1,3})\s?\)$/i;

/**
 * Parses an opaque colour: `#rgb`, `#rrggbb` or `rgb(r, g, b)`. Transparency is refused on purpose:
 * a see-through QR colour has no fixed contrast.
 *
 * @example
 * parseColor('#e4393c'); // { r: 228, g: 57, b: 60 }
 */
export function parseColor(value: unknown, field: string): Rgb {
  if (typeof value !== 'string' || value.length > 32) {
    throw new QrPosterError(
      'invalid_spec',
      `theme.${field}: expected a colour like "#1a1a1a", got ${typeof value}`,
    );
  }
  const v = value.trim();
  const hex = HEX.exec(v);
  if (hex) {
    const h = hex[1] ?? '';
    const n = Number.parseInt(h.length === 3 ? h.replace(/./g, '$&$&') : h, 16);
    return { r: n >> 16, g: (n >> 8) & 255, b: n & 255 };
  }
  const fn = RGB_FN.exec(v);
  if (fn) {
    const [r, g, b] = [fn[1], fn[2], fn[3]].map(Number) as [number, number, number];
    if (r <= 255 && g <= 255 && b <= 255) return { r, g, b };
  }
  throw new QrPosterError(
    'invalid_spec',
    `theme.${field}: expected "#rgb", "#rrggbb" or "rgb(r, g, b)", got ${JSON.stringify(v.slice(0, 32))}`,
  );
}

/** `#rrggbb` form of a colour, for SVG attributes. */
export function toHex({ r, g, b }: Rgb): string {
  return `#${[r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * WCAG 2 relative luminance (0 black … 1 white).
 *
 * @example
 * relativeLuminance({ r: 255, g: 255, b: 255 }); // 1
 */
export function relativeLuminance({ r, g, b }: Rgb): number {
  const lin = (c: number): number => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/**
 * WCAG 2 contrast ratio between two colours, 1 (same) … 21 (black on white).
 *
 * @example
 * contrastRatio(parseColor('#000', 'a'), parseColor('#fff', 'b')); // 21
 */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/**
 * Smallest contrast ratio accepted between QR modules and their background. Phone scanners binarise
 * on luminance; 4.5 (WCAG AA for text) keeps a margin for glare, JPEG and cheap printing.
 * @example
 * contrastRatio(dark, light) >= MIN_QR_CONTRAST; // what the palette check requires
 */
export const MIN_QR_CONTRAST = 4.5;

/**
 * Refuses QR palettes scanners cannot read: light modules on a dark background (many decoders only
 * try dark-on-light) or a luminance contrast ratio under {@link MIN_QR_CONTRAST}.
 *
 * @example
 * assertScannable(parseColor('#777', 'qrDark'), parseColor('#fff', 'qrLight')); // throws low_contrast (4.48:1)
 */
export function assertScannable(dark: Rgb, light: Rgb): void {
  const lDark = relativeLuminance(dark);
  const lLight = relativeLuminance(light);
  if (lDark >= lLight) {
    throw new QrPosterError(
      'low_contrast',
      `theme.qrDark: expected a colour darker than qrLight ${toHex(light)} (many scanners only read dark on light), got ${toHex(dark)}`,
    );
  }
  // contrastRatio(dark, light), with the luminances already at hand.
  const ratio = (lLight + 0.05) / (lDark + 0.05);
  if (ratio < MIN_QR_CONTRAST) {
    throw new QrPosterError(
      'low_contrast',
      `theme.qrDark: expected a contrast of at least ${MIN_QR_CONTRAST}:1 with qrLight ${toHex(light)}, got ${ratio.toFixed(2)}:1 for ${toHex(dark)}`,
    );
  }
}
