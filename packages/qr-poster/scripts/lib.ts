// What the research scripts share: the labelled corpus they read (MANIFEST.json beside its images), a code's
// box, crops padded around it and the crop variants (scale × preprocessing × reader) tried on them, and the few
// image transforms only research uses. Nothing here ships: the image code itself is src/decode/image.ts.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { centreOf, insideQuad } from '../bench/outline.js';
import { jsqrEngine } from '../src/decode/engines/jsqr.js';
import type { EngineResult, ReadHints } from '../src/decode/engines/types.js';
import { zxingEngine } from '../src/decode/engines/zxing.js';
import {
  boxBlur,
  cropToGray,
  flatten,
  type GrayImage,
  grayToRgba,
  otsuThreshold,
  type Rect,
  resize,
  sharpen,
  threshold,
} from '../src/decode/image.js';
import { decodeImage, loadZxing } from '../src/decode/node-image.js';
import type { Point, QrCorners, RgbaImage } from '../src/decode/types.js';

export { centreOf, insideQuad };

/** One labelled image of a corpus: its file, its category and the outline of each code ([x0, y0, …, x3, y3]). */
export interface LabelledImage {
  image: string;
  category: string;
  corners: number[][];
}

/** What one pass of scripts/qr-passes.ts found on one image (centres in input pixels) and what it cost. */
export interface PassOut {
  hits: Point[];
  misses: Point[];
  missBoxes: QrCorners[];
  ms: number;
}

/** One image of the cache scripts/qr-passes.ts writes and scripts/qr-simulate.ts replays. */
export interface PassedImage extends LabelledImage {
  w: number;
  h: number;
  passes: Record<string, PassOut>;
}

/**
 * The positional arguments of a research script; with `--help`, or fewer than `required` of them, prints the
 * script's usage line and exits (0 for `--help`, else 2).
 */
export function scriptArgs(usage: string, required: number): string[] {
  const args = process.argv.slice(2);
  const help = args.includes('--help');
  if (help || args.length < required) {
    (help ? console.log : console.error)(`usage: ${usage}`);
    process.exit(help ? 0 : 2);
  }
  return args;
}

/**
 * The labelled images of the corpus in `dir` (its MANIFEST.json), those of `category` only when given, with
 * zxing-wasm's module loaded: every script reads with it.
 */
export async function openCorpus(dir: string, category?: string): Promise<LabelledImage[]> {
  const manifest = JSON.parse(await readFile(join(dir, 'MANIFEST.json'), 'utf8')) as LabelledImage[];
  await loadZxing();
  return category === undefined ? manifest : manifest.filter((e) => e.category === category);
}

/** An image of the corpus as RGBA, with no practical pixel limit (the corpus photos go up to 12 MP). */
export async function loadImage(dir: string, entry: LabelledImage): Promise<RgbaImage> {
  return decodeImage(await readFile(join(dir, entry.image)), { maxPixels: 1e8 });
}

/** The corner points of a code's outline. */
export function pointsOf(c: QrCorners): Point[] {
  return [c.topLeft, c.topRight, c.bottomLeft, c.bottomRight];
}

/** The corner points of a labelled outline [x0, y0, …, x3, y3]. */
export function outlinePoints(q: readonly number[]): Point[] {
  return [0, 2, 4, 6].map((i) => ({ x: q[i] as number, y: q[i + 1] as number }));
}

/** The box around `points` grown by `pad` times its longer side on every edge. */
export function paddedBox(points: readonly Point[], pad: number): Rect {
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  const width = Math.max(...xs) - x;
  const height = Math.max(...ys) - y;
  const grow = Math.max(width, height) * pad;
  return { x: x - grow, y: y - grow, width: width + 2 * grow, height: height + 2 * grow };
}

/** `g` scaled down so its longer side is at most `side`, and the scale used (1 when it already fits). */
export function scaleTo(g: GrayImage, side: number): { img: GrayImage; s: number } {
  const s = side / Math.max(g.width, g.height);
  return s < 1 ? { img: resize(g, s), s } : { img: g, s: 1 };
}

/** The centres of the codes `r` decoded, mapped through `map` (back into the source image). */
export function hitsOf(r: EngineResult, map: (p: Point) => Point): Point[] {
  return r.hits.map((h) => map(centreOf(h.corners)));
}

/** Adds `id` to the set of `key` (which codes each variant read). */
export function tally(gain: Map<string, Set<string>>, key: string, id: string): void {
  const ids = gain.get(key) ?? new Set<string>();
  gain.set(key, ids.add(id));
}

/**
 * Local contrast normalisation: (v − local mean) / local mean absolute deviation (at least `floor`), times
 * `gain`, re-centred on 128; the window is a box of radius `r`.
 */
export function lcn(g: GrayImage, r: number, gain: number, floor: number): GrayImage {
  const mean = boxBlur(g, r);
  const ad: GrayImage = { data: new Uint8Array(g.data.length), width: g.width, height: g.height };
  for (let i = 0; i < g.data.length; i++)
    ad.data[i] = Math.abs((g.data[i] as number) - (mean.data[i] as number));
  const sd = boxBlur(ad, r);
  const out = new Uint8Array(g.data.length);
  for (let i = 0; i < out.length; i++) {
    const d = (g.data[i] as number) - (mean.data[i] as number);
    out[i] = Math.max(0, Math.min(255, 128 + (gain * d) / Math.max(floor, sd.data[i] as number)));
  }
  return { data: out, width: g.width, height: g.height };
}

/** The preprocessing the crop scripts try on every crop, by the name that goes into a variant's key. */
export const PREPROCESS = {
  id: (g: GrayImage): GrayImage => g,
  flat: (g: GrayImage): GrayImage => flatten(g, Math.max(3, Math.round(Math.max(g.width, g.height) / 8))),
  sharp: (g: GrayImage): GrayImage => sharpen(g, 2, 1.5),
  blur: (g: GrayImage): GrayImage => boxBlur(g, 1),
  otsu: (g: GrayImage): GrayImage => threshold(g, otsuThreshold(g)),
};

/** The readers of a crop variant: zxing with its local (L) and global (G) binariser, and jsQR (J). */
const READERS: ReadonlyArray<readonly [string, ReadHints | null]> = [
  ['L', {}],
  ['G', { binarizer: 'global' }],
  ['J', null],
];

/**
 * Crops `rgba` around `points` (each padding of `pads`), scales each crop to every side of `sides`, applies
 * every preprocessing of `pres` and reads it with every reader; returns the keys
 * (`pad{pad}-{side}-{pre}-{reader}`) of the variants that decoded a code whose centre lies inside `outline`.
 */
export async function cropVariantsThatRead(
  rgba: RgbaImage,
  points: readonly Point[],
  outline: readonly number[],
  pads: readonly number[],
  sides: readonly number[],
  pres: Record<string, (g: GrayImage) => GrayImage>,
): Promise<string[]> {
  const keys: string[] = [];
  for (const pad of pads) {
    const { image: cut, rect } = cropToGray(rgba, paddedBox(points, pad));
    for (const side of sides) {
      const s = side / Math.max(cut.width, cut.height);
      const scaled = resize(cut, s);
      for (const [pn, pf] of Object.entries(pres)) {
        const img = grayToRgba(pf(scaled));
        for (const [bn, hints] of READERS) {
          const r =
            hints === null
              ? await jsqrEngine.read(img)
              : await zxingEngine.read(img, { ...hints, downscale: false });
          const read = hitsOf(r, (p) => ({ x: p.x / s + rect.x, y: p.y / s + rect.y }));
          if (read.some((c) => insideQuad(c.x, c.y, outline))) keys.push(`pad${pad}-${side}-${pn}-${bn}`);
        }
      }
    }
  }
  return keys;
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
  p: Point,
  degrees: number,
  srcWidth: number,
  srcHeight: number,
  rotWidth: number,
  rotHeight: number,
): Point {
  const rad = (degrees * Math.PI) / 180;
  const dx = p.x - rotWidth / 2;
  const dy = p.y - rotHeight / 2;
  return {
    x: Math.cos(rad) * dx + Math.sin(rad) * dy + srcWidth / 2,
    y: -Math.sin(rad) * dx + Math.cos(rad) * dy + srcHeight / 2,
  };
}
