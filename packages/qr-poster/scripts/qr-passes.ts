// Strategy research, step 1: run every candidate pass on every labelled image on its own and store what it
// decoded and located (centres in input pixels) and what it cost, so pass orders and escalation triggers can be
// compared offline (scripts/qr-simulate.ts) without re-running the engines. Not part of the package.
// node --conditions=@sharekit/source --import tsx scripts/qr-passes.ts <boofcv-dir> <out.json>
import { writeFile } from 'node:fs/promises';
import { type MapPoint, mapCorners } from '../src/decode/collector.js';
import { jsqrEngine } from '../src/decode/engines/jsqr.js';
import type { EngineResult, QrEngine, ReadHints } from '../src/decode/engines/types.js';
import { zxingEngine } from '../src/decode/engines/zxing.js';
import {
  cropToGray,
  flatten,
  type GrayImage,
  grayToRgba,
  otsuThreshold,
  resize,
  sharpen,
  threshold,
  toGrayScaled,
} from '../src/decode/image.js';
import type { Point, QrCorners, RgbaImage } from '../src/decode/types.js';
import {
  centreOf,
  hitsOf,
  loadImage,
  openCorpus,
  type PassedImage,
  type PassOut,
  paddedBox,
  pointsOf,
  scaleTo,
  scriptArgs,
} from './lib.js';

const [dir, out] = scriptArgs('scripts/qr-passes.ts <boofcv-dir> <out.json>', 2) as [string, string];
const manifest = await openCorpus(dir);

type Map = MapPoint;
async function run(engine: QrEngine, img: RgbaImage, f: Map, hints: ReadHints): Promise<Omit<PassOut, 'ms'>> {
  const r: EngineResult = await engine.read(img, hints);
  return {
    hits: hitsOf(r, f),
    misses: r.misses.map((m) => f(centreOf(m))),
    missBoxes: r.misses.map((m) => mapCorners(m, f)),
  };
}
const merge = (a: Omit<PassOut, 'ms'>, b: Omit<PassOut, 'ms'>) => ({
  hits: [...a.hits, ...b.hits],
  misses: [...a.misses, ...b.misses],
  missBoxes: [...a.missBoxes, ...b.missBoxes],
});
const empty = () => ({ hits: [] as Point[], misses: [] as Point[], missBoxes: [] as QrCorners[] });

async function cropPass(
  rgba: RgbaImage,
  boxes: QrCorners[],
  engines: QrEngine[],
  sides: number[],
  global: boolean,
) {
  let acc = empty();
  for (const m of boxes.slice(0, 6)) {
    const { image: cut, rect } = cropToGray(rgba, paddedBox(pointsOf(m), 0.6));
    for (const engine of engines) {
      for (const side of sides) {
        const s = side / Math.max(cut.width, cut.height);
        const img = grayToRgba(Math.abs(s - 1) < 0.1 ? cut : resize(cut, s));
        const f: Map = (p) => ({ x: p.x / s + rect.x, y: p.y / s + rect.y });
        acc = merge(acc, await run(engine, img, f, { downscale: false }));
        if (global && engine.name === 'zxing')
          acc = merge(acc, await run(engine, img, f, { downscale: false, binarizer: 'global' }));
      }
    }
  }
  return acc;
}

const results: PassedImage[] = [];
for (const entry of manifest) {
  const rgba = await loadImage(dir, entry);
  const passes: Record<string, PassOut> = {};
  const time = async (name: string, f: () => Promise<Omit<PassOut, 'ms'>>) => {
    const t0 = performance.now();
    const r = await f();
    passes[name] = { ...r, ms: performance.now() - t0 };
  };
  await time('p0', () => run(zxingEngine, rgba, (p) => p, {}));
  const boxes = passes.p0?.missBoxes ?? [];
  let work: GrayImage = { data: new Uint8Array(1), width: 1, height: 1 };
  let ws = 1;
  await time('prep', async () => {
    const r = toGrayScaled(rgba, 1600);
    work = r.image;
    ws = r.scale;
    return empty();
  });
  const fw =
    (s: number): Map =>
    (p) => ({ x: p.x / (ws * s), y: p.y / (ws * s) });
  const onWork =
    (side: number, pre: (g: GrayImage) => GrayImage, engine: QrEngine, hints: ReadHints) => async () => {
      const { img, s } = scaleTo(work, side);
      return run(engine, grayToRgba(pre(img)), fw(s), hints);
    };
  const id = (g: GrayImage) => g;
  const flat = (d: number) => (g: GrayImage) =>
    flatten(g, Math.max(4, Math.round(Math.max(g.width, g.height) / d)));
  await time('crop-z', () => cropPass(rgba, boxes, [zxingEngine], [300, 600], false));
  await time('crop-zg', () => cropPass(rgba, boxes, [zxingEngine], [300, 600], true));
  await time('crop-j', () => cropPass(rgba, boxes, [jsqrEngine], [500], false));
  await time('g1600', onWork(1600, id, zxingEngine, { binarizer: 'global' }));
  await time('l1600', onWork(1600, id, zxingEngine, {}));
  await time('f1600', onWork(1600, flat(24), zxingEngine, {}));
  await time('f1000', onWork(1000, flat(16), zxingEngine, { downscale: false }));
  await time('f1000g', onWork(1000, flat(16), zxingEngine, { downscale: false, binarizer: 'global' }));
  await time('f640', onWork(640, flat(12), zxingEngine, { downscale: false }));
  await time(
    'otsu1600',
    onWork(1600, (g) => threshold(g, otsuThreshold(g)), zxingEngine, { binarizer: 'global' }),
  );
  await time('g640', onWork(640, id, zxingEngine, { downscale: false, binarizer: 'global' }));
  await time('l640', onWork(640, id, zxingEngine, { downscale: false }));
  await time(
    's1000',
    onWork(1000, (g) => sharpen(g, 2, 1.5), zxingEngine, { downscale: false }),
  );
  await time(
    's800',
    onWork(800, (g) => sharpen(g, 3, 2), zxingEngine, { downscale: false }),
  );
  await time('up2', async () =>
    work.width * work.height <= 1_000_000
      ? run(zxingEngine, grayToRgba(resize(work, 2)), fw(2), { downscale: false })
      : empty(),
  );
  await time('j1000', onWork(1000, id, jsqrEngine, {}));
  await time('j600', onWork(600, id, jsqrEngine, {}));
  await time('jf800', onWork(800, flat(16), jsqrEngine, {}));
  results.push({
    image: entry.image,
    category: entry.category,
    corners: entry.corners,
    w: rgba.width,
    h: rgba.height,
    passes,
  });
  process.stdout.write('.');
}
await writeFile(out, JSON.stringify(results));
console.log(`\nwrote ${results.length} images to ${out}`);
