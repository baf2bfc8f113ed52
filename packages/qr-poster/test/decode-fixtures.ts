// Test images for the decoding half, made here: QR matrices from `qrcode`, rasterised by hand into RGBA.
import { createRequire } from 'node:module';
import QRCode, { type QRCodeSegment, type QRCodeToSJISFunc } from 'qrcode';
import type { QrCorners, RgbaImage } from '../src/decode/types.js';

const require = createRequire(import.meta.url);
/** qrcode's Shift-JIS helper (needed for Kanji mode); it ships without types. */
export const toSJIS = require('qrcode/helper/to-sjis.js') as QRCodeToSJISFunc;

/** The corners of an axis-aligned square outline (what scripted engines report). */
export function squareCorners(x: number, y: number, size: number): QrCorners {
  return {
    topLeft: { x, y },
    topRight: { x: x + size, y },
    bottomRight: { x: x + size, y: y + size },
    bottomLeft: { x, y: y + size },
  };
}

/** A QR matrix: `true` = dark module. */
export interface Matrix {
  readonly size: number;
  readonly dark: (x: number, y: number) => boolean;
}

/** Encodes segments (or a string) with qrcode, Kanji mode enabled. */
export function matrix(content: string | QRCodeSegment[], ecl: 'L' | 'M' | 'Q' | 'H' = 'M'): Matrix {
  const qr = QRCode.create(content, { errorCorrectionLevel: ecl, toSJISFunc: toSJIS });
  const size = qr.modules.size;
  return { size, dark: (x, y) => Boolean(qr.modules.get(y, x)) };
}

/** A white RGBA canvas. */
export function canvas(width: number, height: number, value = 255): RgbaImage & { data: Uint8ClampedArray } {
  const data = new Uint8ClampedArray(width * height * 4).fill(value);
  for (let i = 3; i < data.length; i += 4) data[i] = 255;
  return { data, width, height };
}

/** Draws `m` onto `img` with its top-left module at (x0, y0), `scale` px per module (fractional allowed). */
export function draw(
  img: RgbaImage & { data: Uint8ClampedArray },
  m: Matrix,
  x0: number,
  y0: number,
  scale: number,
  dark = 0,
  light = 255,
): void {
  const side = Math.ceil(m.size * scale);
  for (let py = 0; py < side; py++) {
    for (let px = 0; px < side; px++) {
      const mx = Math.floor(px / scale);
      const my = Math.floor(py / scale);
      if (mx >= m.size || my >= m.size) continue;
      const x = x0 + px;
      const y = y0 + py;
      if (x < 0 || y < 0 || x >= img.width || y >= img.height) continue;
      const v = m.dark(mx, my) ? dark : light;
      const i = (y * img.width + x) * 4;
      img.data[i] = v;
      img.data[i + 1] = v;
      img.data[i + 2] = v;
    }
  }
}

/** One code with a 4-module quiet zone, `scale` px per module. */
export function render(
  content: string | QRCodeSegment[],
  scale = 4,
  options: { invert?: boolean; ecl?: 'L' | 'M' | 'Q' | 'H' } = {},
): RgbaImage & { data: Uint8ClampedArray } {
  const m = matrix(content, options.ecl);
  const side = Math.ceil((m.size + 8) * scale);
  const bg = options.invert ? 0 : 255;
  const img = canvas(side, side, bg);
  draw(img, m, Math.round(4 * scale), Math.round(4 * scale), scale, options.invert ? 255 : 0, bg);
  return img;
}

/** Rotates an RGBA image by `degrees` about its centre onto a white canvas that holds all of it. */
export function rotateRgba(img: RgbaImage, degrees: number): RgbaImage & { data: Uint8ClampedArray } {
  const rad = (degrees * Math.PI) / 180;
  const cos = Math.cos(rad);
  const sin = Math.sin(rad);
  const w = Math.ceil(Math.abs(img.width * cos) + Math.abs(img.height * sin) - 1e-9);
  const h = Math.ceil(Math.abs(img.width * sin) + Math.abs(img.height * cos) - 1e-9);
  const out = canvas(w, h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const dx = x + 0.5 - w / 2;
      const dy = y + 0.5 - h / 2;
      const sx = Math.floor(cos * dx + sin * dy + img.width / 2);
      const sy = Math.floor(-sin * dx + cos * dy + img.height / 2);
      if (sx < 0 || sy < 0 || sx >= img.width || sy >= img.height) continue;
      const s = (sy * img.width + sx) * 4;
      const d = (y * w + x) * 4;
      out.data[d] = img.data[s] as number;
      out.data[d + 1] = img.data[s + 1] as number;
      out.data[d + 2] = img.data[s + 2] as number;
    }
  }
  return out;
}

/** Adds deterministic pseudo-random noise of amplitude `amount`. */
export function addNoise(img: RgbaImage, amount: number, seed = 1): RgbaImage {
  const data = new Uint8ClampedArray(img.data);
  let s = seed >>> 0;
  for (let i = 0; i < data.length; i += 4) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const n = ((s / 2 ** 32) * 2 - 1) * amount;
    data[i] = (data[i] as number) + n;
    data[i + 1] = (data[i + 1] as number) + n;
    data[i + 2] = (data[i + 2] as number) + n;
  }
  return { data, width: img.width, height: img.height };
}
