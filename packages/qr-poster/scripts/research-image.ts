// Image helpers only the research scripts use (rotations, plain crops, negatives); moved out of the shipped
// decoder, which reaches the same effects through the engines (zxing rotates and inverts by itself).
import { clampRect, type GrayImage, type Rect } from '../src/decode/image.js';

/** Copies a rectangle (clamped to the image) out of `image`. */
export function crop(image: GrayImage, rect: Rect): { image: GrayImage; rect: Rect } {
  const clamped = clampRect(rect, image.width, image.height);
  const { x: x0, y: y0, width, height } = clamped;
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const start = (y0 + y) * image.width + x0;
    out.set(image.data.subarray(start, start + width), y * width);
  }
  return { image: { data: out, width, height }, rect: clamped };
}

/** Rotates by `degrees` about the centre onto a canvas big enough to hold the whole image (white fill). */
export function rotate(image: GrayImage, degrees: number): GrayImage {
  const rad = (degrees * Math.PI) / 180;
  const cos = Math.cos(rad);
  const sin = Math.sin(rad);
  const { width: sw, height: sh, data: src } = image;
  const width = Math.ceil(Math.abs(sw * cos) + Math.abs(sh * sin));
  const height = Math.ceil(Math.abs(sw * sin) + Math.abs(sh * cos));
  const out = new Uint8Array(width * height).fill(255);
  const cx = sw / 2;
  const cy = sh / 2;
  const ox = width / 2;
  const oy = height / 2;
  for (let y = 0; y < height; y++) {
    const dy = y + 0.5 - oy;
    for (let x = 0; x < width; x++) {
      const dx = x + 0.5 - ox;
      const sx = Math.floor(cos * dx + sin * dy + cx);
      const sy = Math.floor(-sin * dx + cos * dy + cy);
      if (sx >= 0 && sy >= 0 && sx < sw && sy < sh) out[y * width + x] = src[sy * sw + sx] as number;
    }
  }
  return { data: out, width, height };
}

/** Maps a point of `rotate(image, degrees)` back into `image`. */
export function unrotatePoint(
  p: { x: number; y: number },
  degrees: number,
  srcWidth: number,
  srcHeight: number,
  rotWidth: number,
  rotHeight: number,
): { x: number; y: number } {
  const rad = (degrees * Math.PI) / 180;
  const dx = p.x - rotWidth / 2;
  const dy = p.y - rotHeight / 2;
  return {
    x: Math.cos(rad) * dx + Math.sin(rad) * dy + srcWidth / 2,
    y: -Math.sin(rad) * dx + Math.cos(rad) * dy + srcHeight / 2,
  };
}

/** Photographic negative (for light-on-dark codes). */
export function invert(image: GrayImage): GrayImage {
  const out = new Uint8Array(image.data.length);
  for (let i = 0; i < out.length; i++) out[i] = 255 - (image.data[i] as number);
  return { data: out, width: image.width, height: image.height };
}
