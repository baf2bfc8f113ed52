// Generated hard symbols for the decoding tests: artistic codes, mirrored, inverted, at the frame edge,
// several per image (of one polarity or both), tiny in a large photo, curved, creased, motion-blurred. Each is
// a QR matrix from `qrcode` drawn by hand with a pixel transform; nothing here reads a file.
import type { RgbaImage } from '../src/decode/types.js';
import { canvas, draw, type Matrix, matrix } from './decode-fixtures.js';

type Rgba = RgbaImage & { data: Uint8ClampedArray };
type Colour = readonly [number, number, number];

function inFinder(m: Matrix, x: number, y: number): boolean {
  const n = m.size;
  return (x < 8 && y < 8) || (x >= n - 8 && y < 8) || (x < 8 && y >= n - 8);
}

/**
 * An artistic code: data modules as dots of `dot` × the module size (finders kept square, as designers do),
 * dark colour from `dark(x, y)` (gradients), light background, an optional logo covering `logo` of the side.
 */
export function artistic(
  text: string,
  o: {
    scale?: number;
    dot?: number;
    dark?: (u: number, v: number) => Colour;
    light?: Colour;
    logo?: number;
  } = {},
): Rgba {
  const m = matrix(text, 'H');
  const s = o.scale ?? 8;
  const side = (m.size + 8) * s;
  const light = o.light ?? [255, 255, 255];
  const img = canvas(side, side);
  const darkAt = o.dark ?? (() => [0, 0, 0] as const);
  const r = ((o.dot ?? 1) * s) / 2;
  for (let py = 0; py < side; py++) {
    for (let px = 0; px < side; px++) {
      const mx = Math.floor(px / s) - 4;
      const my = Math.floor(py / s) - 4;
      let dark = false;
      if (mx >= 0 && my >= 0 && mx < m.size && my < m.size && m.dark(mx, my)) {
        if (inFinder(m, mx, my)) dark = true;
        else {
          const cx = (mx + 4 + 0.5) * s;
          const cy = (my + 4 + 0.5) * s;
          dark = (px + 0.5 - cx) ** 2 + (py + 0.5 - cy) ** 2 <= r * r;
        }
      }
      const c = dark ? darkAt(px / side, py / side) : light;
      const i = (py * side + px) * 4;
      img.data[i] = c[0];
      img.data[i + 1] = c[1];
      img.data[i + 2] = c[2];
    }
  }
  if (o.logo !== undefined) {
    const l = Math.round(side * o.logo);
    const x0 = Math.round((side - l) / 2);
    for (let y = x0; y < x0 + l; y++) {
      for (let x = x0; x < x0 + l; x++) {
        const i = (y * side + x) * 4;
        const ring = Math.min(x - x0, y - x0, x0 + l - 1 - x, x0 + l - 1 - y) < s;
        img.data[i] = ring ? 255 : 200;
        img.data[i + 1] = ring ? 255 : 16;
        img.data[i + 2] = ring ? 255 : 46;
      }
    }
  }
  return img;
}

/** Mirror image (left–right), as a code printed on the back of a transparent sheet. */
export function mirror(img: RgbaImage): Rgba {
  const out = canvas(img.width, img.height);
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      const s = (y * img.width + (img.width - 1 - x)) * 4;
      out.data.set(img.data.subarray(s, s + 4), (y * img.width + x) * 4);
    }
  }
  return out;
}

/** A code cut flush with the frame: no quiet zone on its left and top, the frame edge right at the finders. */
export function atFrameEdge(text: string, scale = 6): Rgba {
  const m = matrix(text);
  const side = m.size * scale + 4 * scale; // quiet zone only right and bottom
  const img = canvas(side, side);
  draw(img, m, 0, 0, scale);
  return img;
}

/** `texts` drawn in a grid, each with its quiet zone. */
export function several(texts: readonly string[], scale = 4): Rgba {
  const ms = texts.map((t) => matrix(t));
  const cell = Math.max(...ms.map((m) => (m.size + 8) * scale));
  const cols = Math.ceil(Math.sqrt(texts.length));
  const rows = Math.ceil(texts.length / cols);
  const img = canvas(cols * cell, rows * cell);
  for (const [k, m] of ms.entries()) {
    draw(img, m, (k % cols) * cell + 4 * scale, Math.floor(k / cols) * cell + 4 * scale, scale);
  }
  return img;
}

/**
 * Two codes side by side in one image: `dark` dark-on-light on the left, `light` light-on-dark on a black panel
 * on the right (a poster mixing a printed code and a dark-themed one), each with its quiet zone.
 */
export function mixedPolarity(dark: string, light: string, scale = 4): Rgba {
  const a = matrix(dark);
  const b = matrix(light);
  const cell = (Math.max(a.size, b.size) + 8) * scale;
  const img = canvas(2 * cell, cell);
  for (let y = 0; y < cell; y++) {
    for (let x = cell; x < 2 * cell; x++) {
      const i = (y * img.width + x) * 4;
      img.data[i] = img.data[i + 1] = img.data[i + 2] = 0;
    }
  }
  draw(img, a, 4 * scale, 4 * scale, scale);
  draw(img, b, cell + 4 * scale, 4 * scale, scale, 255, 0);
  return img;
}

/** A large photo-like frame (gray, textured, uneven light) with one small code of `scale` px per module. */
export function tinyInLarge(text: string, width: number, height: number, scale: number): Rgba {
  const img = canvas(width, height);
  let seed = 7;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      const v = 120 + 60 * Math.sin(x / 300) * Math.cos(y / 240) + ((seed >>> 24) % 24) - 12;
      const i = (y * width + x) * 4;
      img.data[i] = img.data[i + 1] = img.data[i + 2] = v;
    }
  }
  const m = matrix(text);
  const x0 = Math.round(width * 0.63);
  const y0 = Math.round(height * 0.58);
  const pad = 4 * scale;
  for (let y = y0 - pad; y < y0 + m.size * scale + pad; y++) {
    for (let x = x0 - pad; x < x0 + m.size * scale + pad; x++) {
      const i = (y * width + x) * 4;
      img.data[i] = img.data[i + 1] = img.data[i + 2] = 235;
    }
  }
  draw(img, m, x0, y0, scale, 25, 235);
  return img;
}

/** Bilinear sample of `img` at (x, y); white outside. */
function sample(img: RgbaImage, x: number, y: number): number {
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const at = (xx: number, yy: number): number =>
    xx < 0 || yy < 0 || xx >= img.width || yy >= img.height
      ? 255
      : (img.data[(yy * img.width + xx) * 4] as number);
  const fx = x - x0;
  const fy = y - y0;
  return (
    (at(x0, y0) * (1 - fx) + at(x0 + 1, y0) * fx) * (1 - fy) +
    (at(x0, y0 + 1) * (1 - fx) + at(x0 + 1, y0 + 1) * fx) * fy
  );
}

/**
 * The code wrapped round a cylinder (a bottle, a cup) whose axis is vertical, seen from the front: the code
 * spans `arc` radians of the surface, so its columns crowd together towards both sides; shading darkens them.
 */
export function curved(img: RgbaImage, arc: number): Rgba {
  const out = canvas(img.width, img.height);
  const half = img.width / 2;
  const r = half / Math.sin(arc / 2);
  for (let y = 0; y < out.height; y++) {
    for (let x = 0; x < out.width; x++) {
      const dx = (x + 0.5 - half) / r;
      if (Math.abs(dx) >= Math.sin(arc / 2)) continue;
      const theta = Math.asin(dx);
      const sx = half + (theta / (arc / 2)) * half - 0.5;
      const shade = 0.75 + 0.25 * Math.cos(theta);
      const v = sample(img, sx, y) * shade;
      const i = (y * out.width + x) * 4;
      out.data[i] = out.data[i + 1] = out.data[i + 2] = v;
    }
  }
  return out;
}

/**
 * A crease: the sheet folded along a diagonal line; one side is shifted by `shift` px along the fold and
 * lit `shade` times as bright, with a dark fold line.
 */
export function creased(img: RgbaImage, shift: number, shade: number): Rgba {
  const out = canvas(img.width, img.height);
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      const side = x - img.width * 0.45 - (y - img.height / 2) * 0.3;
      const beyond = side > 0;
      let v = beyond ? sample(img, x - shift, y - shift * 0.3) * shade : sample(img, x, y);
      if (Math.abs(side) < 1.5) v *= 0.6;
      const i = (y * out.width + x) * 4;
      out.data[i] = out.data[i + 1] = out.data[i + 2] = v;
    }
  }
  return out;
}

/** Horizontal motion blur: the mean of `length` px along the row. */
export function motionBlur(img: RgbaImage, length: number): Rgba {
  const out = canvas(img.width, img.height);
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      let sum = 0;
      for (let k = 0; k < length; k++) sum += sample(img, x - length / 2 + k, y);
      const i = (y * out.width + x) * 4;
      out.data[i] = out.data[i + 1] = out.data[i + 2] = sum / length;
    }
  }
  return out;
}

/** Swaps rows and columns (turns a vertical cylinder into a lying one). */
export function transpose(img: RgbaImage): Rgba {
  const out = canvas(img.height, img.width);
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      const s = (y * img.width + x) * 4;
      out.data.set(img.data.subarray(s, s + 4), (x * img.height + y) * 4);
    }
  }
  return out;
}

/**
 * The code on a sheet that is not flat (cloth, a crumpled flyer): every point moved by smooth waves of
 * `amplitude` px, `period` px long, across and along the sheet, so rows and columns bend differently in each
 * part of the code (no one perspective transform fits it).
 */
export function wavy(img: RgbaImage, amplitude: number, period: number): Rgba {
  const out = canvas(img.width, img.height);
  const k = (2 * Math.PI) / period;
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      const sx = x + amplitude * Math.sin(k * y + 0.7) * Math.cos(0.6 * k * x);
      const sy = y + amplitude * Math.sin(0.8 * k * x + 1.9) * Math.cos(0.5 * k * y);
      const i = (y * out.width + x) * 4;
      out.data[i] = out.data[i + 1] = out.data[i + 2] = sample(img, sx, sy);
    }
  }
  return out;
}
