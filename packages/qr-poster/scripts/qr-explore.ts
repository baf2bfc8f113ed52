// Strategy research: for each labelled image that plain zxing-wasm does not fully read, try every pass of the
// strategy on its own and print which outlines each pass reads and what it costs. Not part of the package.
// node --conditions=@sharekit/source --import tsx scripts/qr-explore.ts <boofcv-dir> [category]
import { jsqrEngine } from '../src/decode/engines/jsqr.js';
import type { ReadHints } from '../src/decode/engines/types.js';
import { zxingEngine } from '../src/decode/engines/zxing.js';
import {
  boxBlur,
  cropGray,
  flatten,
  type GrayImage,
  gamma,
  grayToRgba,
  otsuThreshold,
  resize,
  sharpen,
  stretch,
  threshold,
  toGray,
} from '../src/decode/image.js';
import type { Point, QrCorners } from '../src/decode/types.js';
import {
  hitsOf,
  insideQuad as inside,
  lcn as lcnBy,
  loadImage,
  openCorpus,
  paddedBox,
  pointsOf,
  rotate,
  scaleTo,
  scriptArgs,
  unrotatePoint,
} from './lib.js';

const [dir, onlyCat] = scriptArgs('scripts/qr-explore.ts <boofcv-dir> [category]', 1) as [string, string?];
const manifest = await openCorpus(dir, onlyCat);

type Variant = { name: string; run: (g: GrayImage, misses: QrCorners[]) => Promise<Point[]> };
const pre =
  (side: number, f: (g: GrayImage) => GrayImage, hints: ReadHints): Variant['run'] =>
  async (g) => {
    const { img, s } = scaleTo(g, side);
    return hitsOf(await zxingEngine.read(grayToRgba(f(img)), hints), (p) => ({ x: p.x / s, y: p.y / s }));
  };
const zx = (side: number, hints: ReadHints): Variant['run'] => pre(side, (g) => g, hints);
/** Local contrast normalisation as this script measured it (gain 50, deviation floor 3). */
const lcn = (g: GrayImage, r: number) => lcnBy(g, r, 50, 3);
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
          const { image, rect } = cropGray(img, {
            x: fx * img.width,
            y: fy * img.height,
            width: tw,
            height: th,
          });
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
        const { image, rect } = cropGray(g, paddedBox(pointsOf(m), 0.6));
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
  const rgba = await loadImage(dir, entry);
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
