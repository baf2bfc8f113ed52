import { QrPosterError } from '../errors.js';
import type { RgbaImage } from './types.js';

/**
 * Default pixel budget of the decoders: 40 megapixels (a 160 MB RGBA buffer).
 *
 * @example
 * ```ts
 * await decodeQr(image, { maxPixels: DEFAULT_MAX_PIXELS / 4 }) // refuse anything over 10 MP
 * ```
 */
export const DEFAULT_MAX_PIXELS = 40_000_000;

/** A one-channel 8-bit image; every transform of the strategy works on these. */
export interface GrayImage {
  readonly data: Uint8Array;
  readonly width: number;
  readonly height: number;
}

/** Throws `invalid_option` unless `maxPixels` is a positive integer. */
export function checkMaxPixels(maxPixels: number): number {
  if (!Number.isSafeInteger(maxPixels) || maxPixels <= 0) {
    throw new QrPosterError(
      'invalid_option',
      `maxPixels must be a positive integer, got ${String(maxPixels)}`,
    );
  }
  return maxPixels;
}

/**
 * Checks claimed dimensions against the pixel budget before anything is allocated.
 * @throws QrPosterError `invalid_image` for zero, negative or fractional sizes; `image_too_large` over budget.
 */
export function checkDimensions(width: number, height: number, maxPixels: number): void {
  if (!Number.isSafeInteger(width) || !Number.isSafeInteger(height) || width <= 0 || height <= 0) {
    throw new QrPosterError(
      'invalid_image',
      `expected positive integer width and height, got ${width}×${height}`,
    );
  }
  if (width * height > maxPixels) {
    throw new QrPosterError(
      'image_too_large',
      `image is ${width}×${height} = ${width * height} pixels, over the budget of ${maxPixels}`,
    );
  }
}

/**
 * Validates an RGBA image argument.
 * @throws QrPosterError `invalid_image` when it is not `{ data, width, height }` with `data.length === width*height*4`.
 */
export function checkRgba(image: unknown, maxPixels: number): RgbaImage {
  if (typeof image !== 'object' || image === null) {
    throw new QrPosterError(
      'invalid_image',
      `expected { data, width, height }, got ${image === null ? 'null' : typeof image}`,
    );
  }
  const { data, width, height } = image as Partial<RgbaImage>;
  if (!(data instanceof Uint8ClampedArray || data instanceof Uint8Array)) {
    throw new QrPosterError('invalid_image', 'expected data to be a Uint8ClampedArray or Uint8Array');
  }
  if (typeof width !== 'number' || typeof height !== 'number') {
    throw new QrPosterError('invalid_image', 'expected numeric width and height');
  }
  checkDimensions(width, height, maxPixels);
  if (data.length !== width * height * 4) {
    throw new QrPosterError(
      'invalid_image',
      `expected ${width}×${height}×4 = ${width * height * 4} bytes of RGBA, got ${data.length}`,
    );
  }
  return { data, width, height };
}

/** True on little-endian platforms (all current ones): a pixel read as one 32-bit word is 0xAABBGGRR. */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** Luma of an RGBA image (alpha composited on white, so transparent PNG backgrounds read as paper). */
export function toGray(image: RgbaImage): GrayImage {
  const { width, height } = image;
  return { data: luma(image, 0, 0, width, height), width, height };
}

/** Luma of the `width` × `height` block of `image` at (`x0`, `y0`) (in range), alpha composited on white. */
function luma(image: RgbaImage, x0: number, y0: number, width: number, height: number): Uint8Array {
  const { data } = image;
  const gray = new Uint8Array(width * height);
  // Fast path: one 32-bit read per pixel (0xAABBGGRR on little-endian platforms).
  if (LITTLE_ENDIAN && data.byteOffset % 4 === 0) {
    const words = new Uint32Array(data.buffer, data.byteOffset, data.length >> 2);
    for (let y = 0, i = 0; y < height; y++) {
      for (let j = (y0 + y) * image.width + x0, end = j + width; j < end; j++, i++) {
        const v = words[j] as number;
        const g = ((v & 0xff) * 306 + ((v >>> 8) & 0xff) * 601 + ((v >>> 16) & 0xff) * 117 + 512) >> 10;
        const a = v >>> 24;
        gray[i] = a === 255 ? g : (g * a + 255 * (255 - a) + 127) / 255;
      }
    }
    return gray;
  }
  for (let y = 0, i = 0; y < height; y++) {
    for (let x = 0, j = ((y0 + y) * image.width + x0) * 4; x < width; x++, i++, j += 4) {
      const a = data[j + 3] as number;
      const g =
        ((data[j] as number) * 306 + (data[j + 1] as number) * 601 + (data[j + 2] as number) * 117 + 512) >>
        10;
      gray[i] = a === 255 ? g : (g * a + 255 * (255 - a) + 127) / 255;
    }
  }
  return gray;
}

/** Expands a gray image to RGBA, the input both engines take (one 32-bit store per pixel). */
export function grayToRgba(image: GrayImage): RgbaImage {
  const { data, width, height } = image;
  const out = new Uint8ClampedArray(width * height * 4);
  if (LITTLE_ENDIAN) {
    const words = new Uint32Array(out.buffer);
    for (let i = 0; i < data.length; i++) words[i] = ((data[i] as number) * 0x010101 + 0xff000000) >>> 0;
    return { data: out, width, height };
  }
  for (let i = 0, j = 0; i < data.length; i++, j += 4) {
    const v = data[i] as number;
    out[j] = v;
    out[j + 1] = v;
    out[j + 2] = v;
    out[j + 3] = 255;
  }
  return { data: out, width, height };
}

/**
 * Bilinear resize to an exact `width` × `height` (the two axes may scale differently). Meant for enlarging
 * small crops; shrink with `resize`, which averages.
 */
export function resizeTo(image: GrayImage, width: number, height: number): GrayImage {
  const w = Math.max(1, Math.round(width));
  const h = Math.max(1, Math.round(height));
  return bilinear(image, w, h, image.width / w, image.height / h);
}

/** Bilinear resampling to `w` × `h`, output pixel centres `fx`, `fy` source pixels apart. */
function bilinear(image: GrayImage, w: number, h: number, fx: number, fy: number): GrayImage {
  const out = new Uint8Array(w * h);
  const src = image.data;
  const sw = image.width;
  const sh = image.height;
  for (let y = 0; y < h; y++) {
    const syf = Math.min(sh - 1, Math.max(0, (y + 0.5) * fy - 0.5));
    const sy0 = Math.floor(syf);
    const sy1 = Math.min(sh - 1, sy0 + 1);
    const wy = syf - sy0;
    for (let x = 0; x < w; x++) {
      const sxf = Math.min(sw - 1, Math.max(0, (x + 0.5) * fx - 0.5));
      const sx0 = Math.floor(sxf);
      const sx1 = Math.min(sw - 1, sx0 + 1);
      const wx = sxf - sx0;
      const a = src[sy0 * sw + sx0] as number;
      const b = src[sy0 * sw + sx1] as number;
      const c = src[sy1 * sw + sx0] as number;
      const d = src[sy1 * sw + sx1] as number;
      out[y * w + x] = (a * (1 - wx) + b * wx) * (1 - wy) + (c * (1 - wx) + d * wx) * wy;
    }
  }
  return { data: out, width: w, height: h };
}

/** Box-filter resize by `scale` (< 1 averages, > 1 repeats pixels with bilinear weights). */
export function resize(image: GrayImage, scale: number): GrayImage {
  const width = Math.max(1, Math.round(image.width * scale));
  const height = Math.max(1, Math.round(image.height * scale));
  if (scale < 1) return shrink(image, width, height);
  return bilinear(image, width, height, 1 / scale, 1 / scale);
}

/**
 * Box-filter shrink to `width` × `height`: each output pixel is the mean of its block of source pixels. Block
 * bounds are computed once per column; each output row first sums its source rows, two at a time, into one row
 * of column sums (sequential reads), then adds up each block's columns there. 1.2–1.8× faster than summing
 * each block on its own, with the same sums and so the same bytes.
 */
function shrink(image: GrayImage, width: number, height: number): GrayImage {
  const out = new Uint8Array(width * height);
  const src = image.data;
  const sw = image.width;
  const sh = image.height;
  const fx = sw / width;
  const fy = sh / height;
  const xs = new Int32Array(width + width);
  for (let x = 0; x < width; x++) {
    const x0 = Math.floor(x * fx);
    xs[2 * x] = x0;
    xs[2 * x + 1] = Math.max(x0 + 1, Math.min(sw, Math.floor((x + 1) * fx)));
  }
  // Column sums of up to 2²⁴ rows of 255: exact in 32 bits.
  const columns = new Uint32Array(sw);
  for (let y = 0; y < height; y++) {
    const y0 = Math.floor(y * fy);
    const y1 = Math.max(y0 + 1, Math.min(sh, Math.floor((y + 1) * fy)));
    let yy = y0;
    if (y1 - y0 >= 2) {
      for (let xx = 0, j = y0 * sw; xx < sw; xx++, j++)
        columns[xx] = (src[j] as number) + (src[j + sw] as number);
      yy += 2;
    } else {
      for (let xx = 0, j = y0 * sw; xx < sw; xx++, j++) columns[xx] = src[j] as number;
      yy += 1;
    }
    for (; yy + 1 < y1; yy += 2) {
      for (let xx = 0, j = yy * sw; xx < sw; xx++, j++)
        columns[xx] = (columns[xx] as number) + (src[j] as number) + (src[j + sw] as number);
    }
    if (yy < y1) {
      for (let xx = 0, j = yy * sw; xx < sw; xx++, j++)
        columns[xx] = (columns[xx] as number) + (src[j] as number);
    }
    const rows = y1 - y0;
    for (let x = 0, o = y * width; x < width; x++, o++) {
      const x0 = xs[2 * x] as number;
      const x1 = xs[2 * x + 1] as number;
      let sum = 0;
      for (let xx = x0; xx < x1; xx++) sum += columns[xx] as number;
      out[o] = sum / (rows * (x1 - x0));
    }
  }
  return { data: out, width, height };
}

/** A rectangle in pixels. */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Adds each byte of `data` to its bin of `hist` (an indexed loop: `for…of` over a typed array is several times slower). */
function histogram(data: Uint8Array, hist: Uint32Array): void {
  for (let i = 0; i < data.length; i++) {
    const v = data[i] as number;
    hist[v] = (hist[v] as number) + 1;
  }
}

/** Otsu's global threshold: the binarisation that suits screens and close-ups with big modules. */
export function otsuThreshold(image: GrayImage): number {
  const hist = new Uint32Array(256);
  histogram(image.data, hist);
  const total = image.data.length;
  let sumAll = 0;
  for (let i = 0; i < 256; i++) sumAll += i * (hist[i] as number);
  let sumB = 0;
  let wB = 0;
  let best = 0;
  let threshold = 127;
  for (let t = 0; t < 256; t++) {
    wB += hist[t] as number;
    if (wB === 0) continue;
    const wF = total - wB;
    if (wF === 0) break;
    sumB += t * (hist[t] as number);
    const mB = sumB / wB;
    const mF = (sumAll - sumB) / wF;
    const between = wB * wF * (mB - mF) * (mB - mF);
    if (between > best) {
      best = between;
      threshold = t;
    }
  }
  return threshold;
}

/** Binarises with one threshold for the whole image (0 = dark, 255 = light). */
export function threshold(image: GrayImage, t: number): GrayImage {
  const out = new Uint8Array(image.data.length);
  for (let i = 0; i < out.length; i++) out[i] = (image.data[i] as number) <= t ? 0 : 255;
  return { data: out, width: image.width, height: image.height };
}

/**
 * The last integral image's buffer, reused by the next box blur that fits in it (an escalation blurs a dozen
 * images of similar size; a fresh, zeroed buffer each time was a large share of the collector's work). Weakly
 * held: a full collection may take it back between reads.
 */
let integralBuffer: WeakRef<Int32Array> | undefined;

/** An integral-image buffer of `length` entries whose first row and first column (rows `iw` apart) are 0. */
function scratchIntegral(length: number, iw: number): Int32Array {
  let buffer = integralBuffer?.deref();
  if (buffer === undefined || buffer.length < length) {
    buffer = new Int32Array(length);
    integralBuffer = new WeakRef(buffer);
    return buffer;
  }
  buffer.fill(0, 0, iw);
  for (let i = iw; i < length; i += iw) buffer[i] = 0;
  return buffer;
}

/** Mean of each pixel's (2r+1)² neighbourhood, through an integral image (O(1) per pixel). */
export function boxBlur(image: GrayImage, radius: number): GrayImage {
  const { width: w, height: h, data } = image;
  const iw = w + 1;
  // 32-bit sums are exact while the whole image sums below 2³¹ (up to 8.4 MP); bigger images take doubles.
  const integral = w * h * 255 < 2 ** 31 ? scratchIntegral(iw * (h + 1), iw) : new Float64Array(iw * (h + 1));
  for (let y = 0, i = 0; y < h; y++) {
    let row = 0;
    for (let x = 0, up = y * iw + 1, at = up + iw; x < w; x++, i++, up++, at++) {
      row += data[i] as number;
      integral[at] = (integral[up] as number) + row;
    }
  }
  const out = new Uint8Array(w * h);
  // Columns whose window lies wholly inside the image: no clamping there, one window width.
  const inner0 = Math.min(w, radius);
  const inner1 = Math.max(inner0, w - radius);
  const span = 2 * radius + 1;
  for (let y = 0; y < h; y++) {
    const y0 = Math.max(0, y - radius);
    const y1 = Math.min(h, y + radius + 1);
    const top = y0 * iw;
    const bottom = y1 * iw;
    const rows = y1 - y0;
    const o = y * w;
    for (let x = 0; x < inner0; x++) out[o + x] = window(integral, top, bottom, x, radius, w, rows);
    const area = rows * span;
    for (let x = inner0, a = top + inner0 - radius, b = bottom + inner0 - radius; x < inner1; x++, a++, b++) {
      const sum =
        (integral[b + span] as number) -
        (integral[a + span] as number) -
        (integral[b] as number) +
        (integral[a] as number);
      out[o + x] = sum / area;
    }
    for (let x = inner1; x < w; x++) out[o + x] = window(integral, top, bottom, x, radius, w, rows);
  }
  return { data: out, width: w, height: h };
}

/** The mean of one window of `boxBlur` (rows `top`–`bottom` of the integral image), clamped at the sides. */
function window(
  integral: Int32Array | Float64Array,
  top: number,
  bottom: number,
  x: number,
  radius: number,
  w: number,
  rows: number,
): number {
  const x0 = Math.max(0, x - radius);
  const x1 = Math.min(w, x + radius + 1);
  const sum =
    (integral[bottom + x1] as number) -
    (integral[top + x1] as number) -
    (integral[bottom + x0] as number) +
    (integral[top + x0] as number);
  return sum / (rows * (x1 - x0));
}

/**
 * Flat-field correction: divides out the slowly varying illumination (glare, bright spots, shadows) so one
 * threshold fits the whole code again.
 */
export function flatten(image: GrayImage, radius: number): GrayImage {
  const bg = boxBlur(image, radius);
  const out = new Uint8Array(image.data.length);
  for (let i = 0; i < out.length; i++) {
    const v = ((image.data[i] as number) * 160) / Math.max(8, bg.data[i] as number);
    out[i] = Math.min(255, v);
  }
  return { data: out, width: image.width, height: image.height };
}

/** Unsharp mask: boosts edges that blur and soft focus have flattened. */
export function sharpen(image: GrayImage, radius: number, amount: number): GrayImage {
  const blur = boxBlur(image, radius);
  const out = new Uint8Array(image.data.length);
  for (let i = 0; i < out.length; i++) {
    const v = image.data[i] as number;
    const s = v + amount * (v - (blur.data[i] as number));
    out[i] = Math.max(0, Math.min(255, s));
  }
  return { data: out, width: image.width, height: image.height };
}

/** `rect` rounded outwards to whole pixels and clamped to a `width` × `height` image (at least 1×1). */
export function clampRect(rect: Rect, width: number, height: number): Rect {
  const x = Math.max(0, Math.floor(rect.x));
  const y = Math.max(0, Math.floor(rect.y));
  const x1 = Math.min(width, Math.ceil(rect.x + rect.width));
  const y1 = Math.min(height, Math.ceil(rect.y + rect.height));
  return { x, y, width: Math.max(1, x1 - x), height: Math.max(1, y1 - y) };
}

/** Luma of a rectangle of an RGBA image (clamped), without converting the rest of it. */
export function cropToGray(image: RgbaImage, rect: Rect): { image: GrayImage; rect: Rect } {
  const clamped = clampRect(rect, image.width, image.height);
  const { x, y, width, height } = clamped;
  return { image: { data: luma(image, x, y, width, height), width, height }, rect: clamped };
}

/** A rectangle (clamped) of a gray image, copied. */
export function cropGray(image: GrayImage, rect: Rect): { image: GrayImage; rect: Rect } {
  const clamped = clampRect(rect, image.width, image.height);
  const { x: x0, y: y0, width, height } = clamped;
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const from = (y0 + y) * image.width + x0;
    out.set(image.data.subarray(from, from + width), y * width);
  }
  return { image: { data: out, width, height }, rect: clamped };
}

/**
 * The size {@link toGrayScaled} gives a `width` × `height` image for `side`: whole blocks of `factor` × `factor`
 * pixels (1: no shrinking), so its longest side is at most `side`.
 *
 * @example
 * ```ts
 * grayScaledSize(4032, 3024, 1600) // { factor: 3, width: 1344, height: 1008 }
 * ```
 */
export function grayScaledSize(
  width: number,
  height: number,
  side: number,
): { factor: number; width: number; height: number } {
  const factor = Math.max(1, Math.ceil(Math.max(width, height) / side));
  return { factor, width: Math.floor(width / factor), height: Math.floor(height / factor) };
}

/** Luma of the whole image, box-downscaled so its longest side is at most `side` (one pass, no full-size copy). */
export function toGrayScaled(image: RgbaImage, side: number): { image: GrayImage; scale: number } {
  const { factor, width, height } = grayScaledSize(image.width, image.height, side);
  if (factor === 1) return { image: toGray(image), scale: 1 };
  const out = new Uint8Array(width * height);
  const src = image.data;
  const n = factor * factor;
  // Fast path: each pixel read as one 32-bit word; red+blue and green+alpha summed two lanes at a time (a
  // 16-bit lane holds up to 257 pixels' worth, so blocks up to 16×16), luma taken once per block.
  if (LITTLE_ENDIAN && factor <= 16 && src.byteOffset % 4 === 0) {
    const words = new Uint32Array(src.buffer, src.byteOffset, src.length >> 2);
    // The two block sizes photos take (2–3.2 MP and 12 MP phone photos to 1600 px), written out: each
    // block's words summed in registers, about twice as fast as the loops below (the same sums).
    if (factor === 2) return { image: blocks2(words, image.width, out, width, height), scale: 1 / 2 };
    if (factor === 3) return { image: blocks3(words, image.width, out, width, height), scale: 1 / 3 };
    const rb = new Uint32Array(width);
    const ga = new Uint32Array(width);
    const iw = image.width;
    const k = 1024 * n;
    for (let y = 0; y < height; y++) {
      rb.fill(0);
      ga.fill(0);
      for (let yy = 0; yy < factor; yy++) {
        let j = (y * factor + yy) * iw;
        for (let x = 0; x < width; x++) {
          let sRb = 0;
          let sGa = 0;
          for (let xx = 0; xx < factor; xx++, j++) {
            const v = words[j] as number;
            sRb += v & 0x00ff00ff;
            sGa += (v >>> 8) & 0x00ff00ff;
          }
          rb[x] = (rb[x] as number) + sRb;
          ga[x] = (ga[x] as number) + sGa;
        }
      }
      const row = y * width;
      for (let x = 0; x < width; x++) {
        const a = rb[x] as number;
        const r = a & 0xffff;
        const b = a >>> 16;
        const g = (ga[x] as number) & 0xffff;
        out[row + x] = (r * 306 + g * 601 + b * 117) / k;
      }
    }
    return { image: { data: out, width, height }, scale: 1 / factor };
  }
  const sums = new Uint32Array(width);
  for (let y = 0; y < height; y++) {
    sums.fill(0);
    for (let yy = 0; yy < factor; yy++) {
      let j = (y * factor + yy) * image.width * 4;
      for (let x = 0; x < width; x++) {
        let s = 0;
        for (let xx = 0; xx < factor; xx++, j += 4) {
          s += ((src[j] as number) * 306 + (src[j + 1] as number) * 601 + (src[j + 2] as number) * 117) >> 10;
        }
        sums[x] = (sums[x] as number) + s;
      }
    }
    for (let x = 0; x < width; x++) out[y * width + x] = (sums[x] as number) / n;
  }
  return { image: { data: out, width, height }, scale: 1 / factor };
}

const RB = 0x00ff00ff;

/** `toGrayScaled`'s 2×2 blocks: the luma of each block's summed red, green and blue, in `out`. */
function blocks2(words: Uint32Array, iw: number, out: Uint8Array, width: number, height: number): GrayImage {
  for (let y = 0, o = 0; y < height; y++) {
    for (let x = 0, a = 2 * y * iw, b = a + iw; x < width; x++, o++, a += 2, b += 2) {
      const a0 = words[a] as number;
      const a1 = words[a + 1] as number;
      const b0 = words[b] as number;
      const b1 = words[b + 1] as number;
      const rb = (a0 & RB) + (a1 & RB) + (b0 & RB) + (b1 & RB);
      const g = ((a0 >>> 8) & 0xff) + ((a1 >>> 8) & 0xff) + ((b0 >>> 8) & 0xff) + ((b1 >>> 8) & 0xff);
      out[o] = ((rb & 0xffff) * 306 + g * 601 + (rb >>> 16) * 117) / 4096;
    }
  }
  return { data: out, width, height };
}

/** `toGrayScaled`'s 3×3 blocks: the luma of each block's summed red, green and blue, in `out`. */
function blocks3(words: Uint32Array, iw: number, out: Uint8Array, width: number, height: number): GrayImage {
  for (let y = 0, o = 0; y < height; y++) {
    for (let x = 0, a = 3 * y * iw, b = a + iw, c = b + iw; x < width; x++, o++, a += 3, b += 3, c += 3) {
      const a0 = words[a] as number;
      const a1 = words[a + 1] as number;
      const a2 = words[a + 2] as number;
      const b0 = words[b] as number;
      const b1 = words[b + 1] as number;
      const b2 = words[b + 2] as number;
      const c0 = words[c] as number;
      const c1 = words[c + 1] as number;
      const c2 = words[c + 2] as number;
      const rb =
        (a0 & RB) +
        (a1 & RB) +
        (a2 & RB) +
        (b0 & RB) +
        (b1 & RB) +
        (b2 & RB) +
        (c0 & RB) +
        (c1 & RB) +
        (c2 & RB);
      const g =
        ((a0 >>> 8) & 0xff) +
        ((a1 >>> 8) & 0xff) +
        ((a2 >>> 8) & 0xff) +
        ((b0 >>> 8) & 0xff) +
        ((b1 >>> 8) & 0xff) +
        ((b2 >>> 8) & 0xff) +
        ((c0 >>> 8) & 0xff) +
        ((c1 >>> 8) & 0xff) +
        ((c2 >>> 8) & 0xff);
      out[o] = ((rb & 0xffff) * 306 + g * 601 + (rb >>> 16) * 117) / 9216;
    }
  }
  return { data: out, width, height };
}

/**
 * Percentile contrast stretch: the `lo` quantile of the histogram becomes black and the `hi` quantile white
 * (brighter pixels clip). Lifts dim photos over the engines' minimum-contrast floor and keeps a few bright
 * spots (lamps, reflections) from setting the white point.
 */
export function stretch(image: GrayImage, lo: number, hi: number): GrayImage {
  const hist = new Uint32Array(256);
  histogram(image.data, hist);
  const n = image.data.length;
  let acc = 0;
  let black = 0;
  let white = 255;
  for (let i = 0; i < 256; i++) {
    acc += hist[i] as number;
    if (acc <= lo * n) black = i;
    if (acc < hi * n) white = i + 1;
  }
  const span = Math.max(1, white - black);
  const lut = new Uint8Array(256);
  for (let i = 0; i < 256; i++) lut[i] = Math.max(0, Math.min(255, Math.round(((i - black) * 255) / span)));
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = lut[image.data[i] as number] as number;
  return { data: out, width: image.width, height: image.height };
}

/** Gamma curve `out = 255·(in/255)^k`; `k < 1` opens up the shadows of an underexposed photo. */
export function gamma(image: GrayImage, k: number): GrayImage {
  const lut = new Uint8Array(256);
  for (let i = 0; i < 256; i++) lut[i] = Math.round(255 * (i / 255) ** k);
  const out = new Uint8Array(image.data.length);
  for (let i = 0; i < out.length; i++) out[i] = lut[image.data[i] as number] as number;
  return { data: out, width: image.width, height: image.height };
}

/**
 * Finds textured patches that may hold a code nobody located: pixels where both horizontal and vertical
 * gradient energy, relative to the local brightness, are high (module edges run both ways), grouped into
 * connected blobs. Works on a copy of at
 * most `side` px; returns up to `max` boxes in `image` coordinates, biggest first.
 */
export function texturedRegions(image: GrayImage, side: number, max: number): Rect[] {
  const s = Math.min(1, side / Math.max(image.width, image.height));
  const g = s < 1 ? resize(image, s) : image;
  const { width: w, height: h } = g;
  if (w < 8 || h < 8) return [];
  // Each pass is its own small function: one function holding every loop was compiled loop by loop on the
  // fly (on-stack replacement) and thrown away again as each later loop met new types, so its first calls in
  // a process cost 20–60 ms against ~6 ms warm (first eight calls over three photos: 152–200 -> 108–132 ms;
  // the same boxes).
  const score = textureScore(g);
  const t = Math.max(12, otsuThreshold({ data: score, width: w, height: h }));
  return blobs(score, w, h, t)
    .map((b) => ({
      rect: { x: b.x / s, y: b.y / s, width: b.width / s, height: b.height / s },
      area: b.area,
    }))
    .sort((a, b) => b.area - a.area)
    .slice(0, max)
    .map((b) => b.rect);
}

/** Per pixel: the weaker of the horizontal and vertical gradient energy, relative to the local brightness. */
function textureScore(g: GrayImage): Uint8Array {
  const { width: w, height: h } = g;
  const gx = new Uint8Array(w * h);
  const gy = new Uint8Array(w * h);
  gradients(g.data, w, h, gx, gy);
  const r = Math.max(2, Math.round(Math.max(w, h) / 100));
  const ex = boxBlur({ data: gx, width: w, height: h }, r).data;
  const ey = boxBlur({ data: gy, width: w, height: h }, r).data;
  // Relative to the local brightness, so a code in a dim corner scores like one in daylight.
  const mean = boxBlur(g, r).data;
  const score = new Uint8Array(w * h);
  for (let i = 0; i < score.length; i++) {
    const e = Math.min(ex[i] as number, ey[i] as number);
    score[i] = Math.min(255, (e * 128) / ((mean[i] as number) + 16));
  }
  return score;
}

/** Absolute central differences across (`gx`) and down (`gy`), 0 on the border. */
function gradients(data: Uint8Array, w: number, h: number, gx: Uint8Array, gy: Uint8Array): void {
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      const i = y * w + x;
      gx[i] = Math.abs((data[i + 1] as number) - (data[i - 1] as number));
      gy[i] = Math.abs((data[i + w] as number) - (data[i - w] as number));
    }
  }
}

/**
 * The boxes of the 4-connected blobs of pixels scoring above `t`, in scan order of their first pixel, without
 * the thin (under 1/40 of the side), elongated (over 3:1) and sparse (under 30 % of their box) ones.
 */
function blobs(score: Uint8Array, w: number, h: number, t: number): Array<Rect & { area: number }> {
  const label = new Int32Array(w * h);
  const stack = new Int32Array(w * h);
  const out: Array<Rect & { area: number }> = [];
  const minSide = Math.max(6, Math.round(Math.max(w, h) / 40));
  let next = 0;
  for (let start = 0; start < score.length; start++) {
    if (label[start] !== 0 || (score[start] as number) <= t) continue;
    next++;
    let top = 0;
    stack[top++] = start;
    label[start] = next;
    let area = 0;
    let x0 = w;
    let y0 = h;
    let x1 = 0;
    let y1 = 0;
    while (top > 0) {
      const i = stack[--top] as number;
      const x = i % w;
      const y = (i - x) / w;
      area++;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      // The four neighbours, checked inline (no array of them per pixel).
      if (x > 0 && label[i - 1] === 0 && (score[i - 1] as number) > t) {
        label[i - 1] = next;
        stack[top++] = i - 1;
      }
      if (x < w - 1 && label[i + 1] === 0 && (score[i + 1] as number) > t) {
        label[i + 1] = next;
        stack[top++] = i + 1;
      }
      if (y > 0 && label[i - w] === 0 && (score[i - w] as number) > t) {
        label[i - w] = next;
        stack[top++] = i - w;
      }
      if (y < h - 1 && label[i + w] === 0 && (score[i + w] as number) > t) {
        label[i + w] = next;
        stack[top++] = i + w;
      }
    }
    const bw = x1 - x0 + 1;
    const bh = y1 - y0 + 1;
    if (Math.min(bw, bh) < minSide || Math.max(bw, bh) > 3 * Math.min(bw, bh)) continue;
    if (area < 0.3 * bw * bh) continue;
    out.push({ x: x0, y: y0, width: bw, height: bh, area });
  }
  return out;
}

/**
 * Undoes the look of a label wrapped round a cylinder (a bottle, a cup) whose axis runs along `axis`'s
 * perpendicular, seen from the front: the image spans `arc` radians of the surface, so its columns (or rows)
 * crowd together towards both sides; this spreads them back to even spacing. Modules near the edges come
 * back within a few percent for any arc from 1.6 to 3.1 rad (measured on generated codes), so one arc serves.
 */
export function unwrapCylinder(image: GrayImage, arc: number, axis: 'x' | 'y'): GrayImage {
  const { width: w, height: h, data } = image;
  const out = new Uint8Array(w * h);
  const n = axis === 'x' ? w : h;
  const half = n / 2;
  const k = Math.sin(arc / 2);
  const src = new Int32Array(n);
  for (let i = 0; i < n; i++) src[i] = cylinderSource(i + 0.5, half, arc, k);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      out[y * w + x] = (
        axis === 'x' ? data[y * w + (src[x] as number)] : data[(src[y] as number) * w + x]
      ) as number;
    }
  }
  return { data: out, width: w, height: h };
}

function cylinderSource(t: number, half: number, arc: number, k: number): number {
  const theta = (t / half - 1) * (arc / 2);
  return Math.min(2 * half - 1, Math.max(0, Math.round(half + (half * Math.sin(theta)) / k - 0.5)));
}

/** Maps a coordinate of `unwrapCylinder`'s output back into its input (same `arc`, same axis length `n`). */
export function cylinderToSource(t: number, n: number, arc: number): number {
  const half = n / 2;
  return half + (half * Math.sin((t / half - 1) * (arc / 2))) / Math.sin(arc / 2);
}
