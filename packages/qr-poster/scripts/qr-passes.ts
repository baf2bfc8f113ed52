// Strategy research, step 1: run every candidate pass on every labelled image on its own and store what it
// decoded and located (centres in input pixels) and what it cost, so pass orders and escalation triggers can be
// compared offline (scripts/qr-simulate.ts) without re-running the engines. Not part of the package.
// node --conditions=@sharekit/source --import tsx scripts/qr-passes.ts <boofcv-dir> <out.json>
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { centreOf as centre } from '../bench/outline.js';
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
import { decodeImage, loadZxing } from '../src/decode/node-image.js';
import type { Point, QrCorners, RgbaImage } from '../src/decode/types.js';

const [dir, out] = process.argv.slice(2) as [string, string];
const manifest = JSON.parse(await readFile(join(dir, 'MANIFEST.json'), 'utf8')) as Array<{
  image: string;
  category: string;
  corners: number[][];
}>;
await loadZxing();

interface PassOut {
  hits: Point[];
  misses: Point[];
  missBoxes: QrCorners[];
  ms: number;
}
type Map = (p: Point) => Point;
const mapC = (c: QrCorners, f: Map): QrCorners => ({
  topLeft: f(c.topLeft),
  topRight: f(c.topRight),
  bottomRight: f(c.bottomRight),
  bottomLeft: f(c.bottomLeft),
});
async function run(engine: QrEngine, img: RgbaImage, f: Map, hints: ReadHints): Promise<Omit<PassOut, 'ms'>> {
  const r: EngineResult = await engine.read(img, hints);
  return {
    hits: r.hits.filter((h) => h.decoded !== null).map((h) => f(centre(h.corners))),
    misses: r.misses.map((m) => f(centre(m))),
    missBoxes: r.misses.map((m) => mapC(m, f)),
  };
}
const merge = (a: Omit<PassOut, 'ms'>, b: Omit<PassOut, 'ms'>) => ({
  hits: [...a.hits, ...b.hits],
  misses: [...a.misses, ...b.misses],
  missBoxes: [...a.missBoxes, ...b.missBoxes],
});
const empty = () => ({ hits: [] as Point[], misses: [] as Point[], missBoxes: [] as QrCorners[] });

function scaled(g: GrayImage, side: number) {
  const s = side / Math.max(g.width, g.height);
  return s < 1 ? { img: resize(g, s), s } : { img: g, s: 1 };
}

async function cropPass(
  rgba: RgbaImage,
  boxes: QrCorners[],
  engines: QrEngine[],
  sides: number[],
  global: boolean,
) {
  let acc = empty();
  for (const m of boxes.slice(0, 6)) {
    const xs = [m.topLeft.x, m.topRight.x, m.bottomLeft.x, m.bottomRight.x];
    const ys = [m.topLeft.y, m.topRight.y, m.bottomLeft.y, m.bottomRight.y];
    const x0 = Math.min(...xs);
    const y0 = Math.min(...ys);
    const w = Math.max(...xs) - x0;
    const h = Math.max(...ys) - y0;
    const pad = Math.max(w, h) * 0.6;
    const { image: cut, rect } = cropToGray(rgba, {
      x: x0 - pad,
      y: y0 - pad,
      width: w + 2 * pad,
      height: h + 2 * pad,
    });
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

const results: Array<{
  image: string;
  category: string;
  corners: number[][];
  w: number;
  h: number;
  passes: Record<string, PassOut>;
}> = [];
for (const entry of manifest) {
  const rgba = await decodeImage(await readFile(join(dir, entry.image)), { maxPixels: 1e8 });
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
      const { img, s } = scaled(work, side);
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
