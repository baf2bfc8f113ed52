// Strategy research: for each labelled image that plain zxing-wasm does not fully read, try every pass of the
// strategy on its own and print which outlines each pass reads and what it costs. Not part of the package.
// node --conditions=@sharekit/source --import tsx scripts/qr-explore.ts <boofcv-dir> [category]
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { centreOf as centre, insideQuad as inside } from '../bench/outline.js';
import { jsqrEngine } from '../src/decode/engines/jsqr.js';
import type { EngineResult, ReadHints } from '../src/decode/engines/types.js';
import { zxingEngine } from '../src/decode/engines/zxing.js';
import {
  boxBlur,
  flatten,
  type GrayImage,
  grayToRgba,
  otsuThreshold,
  resize,
  sharpen,
  threshold,
  toGray,
} from '../src/decode/image.js';
import { decodeImage, loadZxing } from '../src/decode/node-image.js';
import type { Point, QrCorners } from '../src/decode/types.js';
import { crop, rotate, unrotatePoint } from './research-image.js';

const [dir, onlyCat] = process.argv.slice(2) as [string, string | undefined];
const manifest = JSON.parse(await readFile(join(dir, 'MANIFEST.json'), 'utf8')) as Array<{
  image: string;
  category: string;
  corners: number[][];
}>;
await loadZxing();

type Variant = { name: string; run: (g: GrayImage, misses: QrCorners[]) => Promise<Point[]> };
const hitsOf = (r: EngineResult, map: (p: Point) => Point): Point[] =>
  r.hits.filter((h) => h.decoded !== null).map((h) => map(centre(h.corners)));
const scaleTo = (g: GrayImage, side: number) => {
  const s = side / Math.max(g.width, g.height);
  return { img: s < 1 ? resize(g, s) : g, s: Math.min(s, 1) };
};
const zx =
  (side: number, hints: ReadHints): Variant['run'] =>
  async (g) => {
    const { img, s } = scaleTo(g, side);
    return hitsOf(await zxingEngine.read(grayToRgba(img), hints), (p) => ({ x: p.x / s, y: p.y / s }));
  };
const pre =
  (side: number, f: (g: GrayImage) => GrayImage, hints: ReadHints): Variant['run'] =>
  async (g) => {
    const { img, s } = scaleTo(g, side);
    return hitsOf(await zxingEngine.read(grayToRgba(f(img)), hints), (p) => ({ x: p.x / s, y: p.y / s }));
  };

/** Percentile contrast stretch: the `lo`..`hi` quantiles of the histogram map to 0..255. */
function stretch(g: GrayImage, lo: number, hi: number): GrayImage {
  const hist = new Uint32Array(256);
  for (const v of g.data) hist[v] = (hist[v] as number) + 1;
  const n = g.data.length;
  let acc = 0;
  let a = 0;
  let b = 255;
  for (let i = 0; i < 256; i++) {
    acc += hist[i] as number;
    if (acc <= lo * n) a = i;
    if (acc < hi * n) b = i + 1;
  }
  const span = Math.max(1, b - a);
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = Math.max(0, Math.min(255, (((g.data[i] as number) - a) * 255) / span));
  return { data: out, width: g.width, height: g.height };
}
/** Local contrast normalisation: (v - local mean) / local mean abs deviation, re-centred on 128. */
function lcn(g: GrayImage, r: number): GrayImage {
  const mean = boxBlur(g, r);
  const ad: GrayImage = { data: new Uint8Array(g.data.length), width: g.width, height: g.height };
  for (let i = 0; i < g.data.length; i++)
    ad.data[i] = Math.abs((g.data[i] as number) - (mean.data[i] as number));
  const sd = boxBlur(ad, r);
  const out = new Uint8Array(g.data.length);
  for (let i = 0; i < out.length; i++)
    out[i] = Math.max(
      0,
      Math.min(
        255,
        128 + (50 * ((g.data[i] as number) - (mean.data[i] as number))) / Math.max(3, sd.data[i] as number),
      ),
    );
  return { data: out, width: g.width, height: g.height };
}
function gamma(g: GrayImage, k: number): GrayImage {
  const lut = new Uint8Array(256);
  for (let i = 0; i < 256; i++) lut[i] = Math.round(255 * (i / 255) ** k);
  const out = new Uint8Array(g.data.length);
  for (let i = 0; i < out.length; i++) out[i] = lut[g.data[i] as number] as number;
  return { data: out, width: g.width, height: g.height };
}
const allVariants: Variant[] = [
  { name: 'n-stretch-1600', run: pre(1600, (g) => stretch(g, 0.01, 0.99), {}) },
  { name: 'n-stretch5-1600', run: pre(1600, (g) => stretch(g, 0.02, 0.9), {}) },
  { name: 'n-gamma-1600', run: pre(1600, (g) => gamma(g, 0.5), {}) },
  { name: 'n-lcn-1600', run: pre(1600, (g) => lcn(g, Math.round(Math.max(g.width, g.height) / 40)), {}) },
  {
    name: 'n-lcn-1000',
    run: pre(1000, (g) => lcn(g, Math.round(Math.max(g.width, g.height) / 30)), { downscale: false }),
  },
  {
    name: 'n-lcn-640',
    run: pre(640, (g) => lcn(g, Math.round(Math.max(g.width, g.height) / 20)), { downscale: false }),
  },
  { name: 'n-sharp-600', run: pre(600, (g) => sharpen(g, 2, 1.5), { downscale: false }) },
  { name: 'n-sharp-400', run: pre(400, (g) => sharpen(g, 1, 1.5), { downscale: false }) },
  {
    name: 'n-flatstretch-1600',
    run: pre(1600, (g) => stretch(flatten(g, Math.round(Math.max(g.width, g.height) / 24)), 0.01, 0.99), {}),
  },
  {
    name: 'n-lcn-1600-g',
    run: pre(1600, (g) => lcn(g, Math.round(Math.max(g.width, g.height) / 40)), { binarizer: 'global' }),
  },
  {
    name: 'zx-flat-1600',
    run: pre(1600, (g) => flatten(g, Math.round(Math.max(g.width, g.height) / 24)), {}),
  },
  {
    name: 'zx-flat-1600-g',
    run: pre(1600, (g) => flatten(g, Math.round(Math.max(g.width, g.height) / 24)), { binarizer: 'global' }),
  },
  {
    name: 'zx-flat-1000',
    run: pre(1000, (g) => flatten(g, Math.round(Math.max(g.width, g.height) / 16)), { downscale: false }),
  },
  { name: 'zx-sharp-1600', run: pre(1600, (g) => sharpen(g, 2, 1.5), {}) },
  { name: 'zx-sharp-1000', run: pre(1000, (g) => sharpen(g, 2, 1.5), { downscale: false }) },
  { name: 'zx-sharp-800-5', run: pre(800, (g) => sharpen(g, 3, 2), { downscale: false }) },
  { name: 'zx-blur-1600', run: pre(1600, (g) => boxBlur(g, 1), {}) },
  { name: 'zx-2400-global', run: zx(2400, { binarizer: 'global' }) },
  { name: 'zx-1600-local', run: zx(1600, {}) },
  { name: 'zx-1600-global', run: zx(1600, { binarizer: 'global' }) },
  { name: 'zx-1600-nods', run: zx(1600, { downscale: false }) },
  { name: 'zx-1000-local', run: zx(1000, { downscale: false }) },
  { name: 'zx-1000-global', run: zx(1000, { binarizer: 'global', downscale: false }) },
  { name: 'zx-640-local', run: zx(640, { downscale: false }) },
  { name: 'zx-640-global', run: zx(640, { binarizer: 'global', downscale: false }) },
  { name: 'zx-400-local', run: zx(400, { downscale: false }) },
  { name: 'zx-1600-denoise', run: zx(1600, { denoise: true }) },
  {
    name: 'zx-otsu-1600',
    run: async (g) => {
      const { img, s } = scaleTo(g, 1600);
      return hitsOf(
        await zxingEngine.read(grayToRgba(threshold(img, otsuThreshold(img))), { binarizer: 'global' }),
        (p) => ({ x: p.x / s, y: p.y / s }),
      );
    },
  },
  {
    name: 'zx-up2',
    run: async (g) => {
      if (g.width * g.height > 1_500_000) return [];
      return hitsOf(await zxingEngine.read(grayToRgba(resize(g, 2)), { downscale: false }), (p) => ({
        x: p.x / 2,
        y: p.y / 2,
      }));
    },
  },
  {
    name: 'zx-rot45-1600',
    run: async (g) => {
      const { img, s } = scaleTo(g, 1600);
      const r = rotate(img, 45);
      return hitsOf(await zxingEngine.read(grayToRgba(r), {}), (p) => {
        const q = unrotatePoint(p, 45, img.width, img.height, r.width, r.height);
        return { x: q.x / s, y: q.y / s };
      });
    },
  },
  {
    name: 'zx-tiles-1600',
    run: async (g) => {
      const { img, s } = scaleTo(g, 1600);
      const out: Point[] = [];
      const tw = img.width * 0.6,
        th = img.height * 0.6;
      for (const fx of [0, 0.4])
        for (const fy of [0, 0.4]) {
          const { image, rect } = crop(img, { x: fx * img.width, y: fy * img.height, width: tw, height: th });
          out.push(
            ...hitsOf(await zxingEngine.read(grayToRgba(image), {}), (p) => ({
              x: (p.x + rect.x) / s,
              y: (p.y + rect.y) / s,
            })),
          );
        }
      return out;
    },
  },
  {
    name: 'zx-misscrop',
    run: async (g, misses) => {
      const out: Point[] = [];
      for (const m of misses) {
        const xs = [m.topLeft.x, m.topRight.x, m.bottomLeft.x, m.bottomRight.x],
          ys = [m.topLeft.y, m.topRight.y, m.bottomLeft.y, m.bottomRight.y];
        const x0 = Math.min(...xs),
          y0 = Math.min(...ys),
          w = Math.max(...xs) - x0,
          h = Math.max(...ys) - y0,
          pad = Math.max(w, h) * 0.6;
        const { image, rect } = crop(g, {
          x: x0 - pad,
          y: y0 - pad,
          width: w + 2 * pad,
          height: h + 2 * pad,
        });
        for (const side of [300, 600]) {
          const s = side / Math.max(image.width, image.height);
          const sc = resize(image, s);
          for (const hints of [{}, { binarizer: 'global' as const }])
            out.push(
              ...hitsOf(await zxingEngine.read(grayToRgba(sc), { ...hints, downscale: false }), (p) => ({
                x: p.x / s + rect.x,
                y: p.y / s + rect.y,
              })),
            );
        }
      }
      return out;
    },
  },
  {
    name: 'jsqr-1000',
    run: async (g) => {
      const { img, s } = scaleTo(g, 1000);
      return hitsOf(await jsqrEngine.read(grayToRgba(img)), (p) => ({ x: p.x / s, y: p.y / s }));
    },
  },
  {
    name: 'jsqr-600',
    run: async (g) => {
      const { img, s } = scaleTo(g, 600);
      return hitsOf(await jsqrEngine.read(grayToRgba(img)), (p) => ({ x: p.x / s, y: p.y / s }));
    },
  },
];
const pick = process.env.VARIANTS?.split(',');
const variants = pick ? allVariants.filter((v) => pick.some((p) => v.name.startsWith(p))) : allVariants;

const gain = new Map<string, number>();
const cost = new Map<string, number>();
for (const entry of manifest) {
  if (onlyCat && entry.category !== onlyCat) continue;
  const rgba = await decodeImage(await readFile(join(dir, entry.image)), { maxPixels: 1e8 });
  const base = await zxingEngine.read(rgba, {});
  const baseHits = hitsOf(base, (p) => p);
  const missing = entry.corners.filter((q) => !baseHits.some((h) => inside(h.x, h.y, q)));
  if (missing.length === 0) continue;
  const g = toGray(rgba);
  const line: string[] = [];
  for (const v of variants) {
    const t0 = performance.now();
    const pts = await v.run(g, base.misses as QrCorners[]);
    const ms = performance.now() - t0;
    cost.set(v.name, (cost.get(v.name) ?? 0) + ms);
    const got = missing.filter((q) => pts.some((h) => inside(h.x, h.y, q))).length;
    if (got > 0) {
      gain.set(v.name, (gain.get(v.name) ?? 0) + got);
      line.push(`${v.name}+${got}`);
    }
  }
  console.log(
    `${entry.image.padEnd(30)} ${rgba.width}x${rgba.height} missing ${missing.length}/${entry.corners.length} misses=${base.misses.length} | ${line.join(' ')}`,
  );
}
console.log('\nvariant          extra codes  total ms');
for (const v of variants)
  console.log(
    `${v.name.padEnd(16)} ${String(gain.get(v.name) ?? 0).padStart(11)}  ${(cost.get(v.name) ?? 0).toFixed(0).padStart(8)}`,
  );
