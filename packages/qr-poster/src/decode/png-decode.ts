// Node-only PNG decoding (the /node entry): inflates at most the exact size the one IHDR implies, then
// unfilters into RGBA. Nothing here allocates more than that size plus the RGBA output.
import { inflateSync } from 'node:zlib';
import { ADAM7, type PngLayout, pngRowBytes } from './image-header.js';
import type { RgbaImage } from './types.js';

const CHANNELS: Readonly<Record<number, number>> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Undoes the row filters of one (sub-)image in place; `bpp` is bytes per complete pixel (at least 1). */
function unfilter(data: Uint8Array, offset: number, rows: number, rowBytes: number, bpp: number): void {
  let prev = -1;
  for (let y = 0; y < rows; y++) {
    const f = data[offset] as number;
    const start = offset + 1;
    for (let x = 0; x < rowBytes; x++) {
      const i = start + x;
      const a = x >= bpp ? (data[i - bpp] as number) : 0;
      const b = prev >= 0 ? (data[prev + x] as number) : 0;
      const c = prev >= 0 && x >= bpp ? (data[prev + x - bpp] as number) : 0;
      const v = data[i] as number;
      if (f === 1) data[i] = v + a;
      else if (f === 2) data[i] = v + b;
      else if (f === 3) data[i] = v + ((a + b) >> 1);
      else if (f === 4) data[i] = v + paeth(a, b, c);
      else if (f !== 0) throw new Error(`unknown PNG filter type ${f}`);
    }
    prev = start;
    offset = start + rowBytes;
  }
}

/**
 * Decodes a PNG whose layout `readPngLayout` checked: the IDAT stream is inflated with a hard ceiling of its
 * exact expected size (a stream that inflates to more is refused, not inflated), then unfiltered into RGBA.
 * @throws Error for streams that are short, long or malformed (the caller reports `corrupt_image`).
 */
export function decodePng(layout: PngLayout): RgbaImage {
  const { width, height, bitDepth, colorType, palette, transparency } = layout;
  const channels = CHANNELS[colorType] as number;
  const total = layout.idat.reduce((n, c) => n + c.length, 0);
  const compressed = new Uint8Array(total);
  let at = 0;
  for (const c of layout.idat) {
    compressed.set(c, at);
    at += c.length;
  }
  // maxOutputLength makes zlib stop (and throw) past the size the header implies: no inflation bomb.
  const raw = new Uint8Array(inflateSync(compressed, { maxOutputLength: Math.max(1, layout.inflatedSize) }));
  if (raw.length !== layout.inflatedSize) throw new Error('image data shorter than the header implies');
  const out = new Uint8ClampedArray(width * height * 4);
  const bpp = Math.max(1, (bitDepth * channels) >> 3);
  const maxSample = (1 << bitDepth) - 1;
  const trnsGray =
    transparency !== null && colorType === 0 && transparency.length >= 2
      ? ((transparency[0] as number) << 8) | (transparency[1] as number)
      : -1;
  const trnsRgb =
    transparency !== null && colorType === 2 && transparency.length >= 6
      ? [0, 2, 4].map((k) => ((transparency[k] as number) << 8) | (transparency[k + 1] as number))
      : null;
  const sample = (row: number, index: number): number => {
    if (bitDepth === 8) return raw[row + index] as number;
    if (bitDepth === 16)
      return ((raw[row + index * 2] as number) << 8) | (raw[row + index * 2 + 1] as number);
    const bit = index * bitDepth;
    return ((raw[row + (bit >> 3)] as number) >> (8 - bitDepth - (bit & 7))) & maxSample;
  };
  const to8 = (v: number): number => (bitDepth === 8 ? v : Math.round((v * 255) / maxSample));
  const put = (row: number, sx: number, x: number, y: number): void => {
    const o = (y * width + x) * 4;
    const base = sx * channels;
    if (colorType === 3) {
      const k = sample(row, sx);
      const p = palette as Uint8Array;
      out[o] = p[k * 3] ?? 0;
      out[o + 1] = p[k * 3 + 1] ?? 0;
      out[o + 2] = p[k * 3 + 2] ?? 0;
      out[o + 3] = transparency !== null && k < transparency.length ? (transparency[k] as number) : 255;
      return;
    }
    if (colorType === 0 || colorType === 4) {
      const g = sample(row, base);
      out[o] = out[o + 1] = out[o + 2] = to8(g);
      out[o + 3] = colorType === 4 ? to8(sample(row, base + 1)) : g === trnsGray ? 0 : 255;
      return;
    }
    const r = sample(row, base);
    const g = sample(row, base + 1);
    const b = sample(row, base + 2);
    out[o] = to8(r);
    out[o + 1] = to8(g);
    out[o + 2] = to8(b);
    out[o + 3] =
      colorType === 6
        ? to8(sample(row, base + 3))
        : trnsRgb !== null && r === trnsRgb[0] && g === trnsRgb[1] && b === trnsRgb[2]
          ? 0
          : 255;
  };
  const passes = layout.interlaced ? ADAM7 : ([[0, 0, 1, 1]] as const);
  let offset = 0;
  for (const [x0, y0, dx, dy] of passes) {
    const pw = Math.ceil((width - x0) / dx);
    const ph = Math.ceil((height - y0) / dy);
    if (pw <= 0 || ph <= 0) continue;
    const rowBytes = pngRowBytes(pw, bitDepth, channels);
    unfilter(raw, offset, ph, rowBytes, bpp);
    for (let y = 0; y < ph; y++) {
      const row = offset + y * (rowBytes + 1) + 1;
      for (let x = 0; x < pw; x++) put(row, x, x0 + x * dx, y0 + y * dy);
    }
    offset += ph * (rowBytes + 1);
  }
  return { data: out, width, height };
}
