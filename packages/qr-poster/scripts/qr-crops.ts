// Strategy research: which preprocessing / scale / threshold reads the codes zxing located but could not decode?
// node --conditions=@sharekit/source --import tsx scripts/qr-crops.ts <boofcv-dir>
import { zxingEngine } from '../src/decode/engines/zxing.js';
import {
  centreOf,
  cropVariantsThatRead,
  insideQuad,
  loadImage,
  openCorpus,
  PREPROCESS,
  pointsOf,
  scriptArgs,
  tally,
} from './lib.js';

const [dir] = scriptArgs('scripts/qr-crops.ts <boofcv-dir>', 1) as [string];
const manifest = await openCorpus(dir);
/** Crop paddings (times the located code's longer side) and crop sides tried. */
const PADS = [0.3, 0.8];
const SIDES = [200, 300, 450, 600, 900];
const gain = new Map<string, Set<string>>();
for (const e of manifest) {
  const rgba = await loadImage(dir, e);
  const p0 = await zxingEngine.read(rgba, {});
  const read = e.corners.filter((q) =>
    p0.hits.some((h) => {
      const c = centreOf(h.corners);
      return insideQuad(c.x, c.y, q);
    }),
  );
  const unread = e.corners.filter((q) => !read.includes(q));
  if (unread.length === 0 || p0.misses.length === 0) continue;
  for (const m of p0.misses) {
    const mc = centreOf(m);
    const target = unread.findIndex((q) => insideQuad(mc.x, mc.y, q));
    if (target < 0) continue;
    const keys = await cropVariantsThatRead(
      rgba,
      pointsOf(m),
      unread[target] as number[],
      PADS,
      SIDES,
      PREPROCESS,
    );
    for (const key of keys) tally(gain, key, `${e.image}#${target}`);
  }
  process.stdout.write('.');
}
const all = new Set([...gain.values()].flatMap((s) => [...s]));
console.log(`\ncodes read by some crop variant: ${all.size}: ${[...all].join(' ')}`);
for (const [k, v] of [...gain].sort((a, b) => b[1].size - a[1].size).slice(0, 40))
  console.log(k.padEnd(24), v.size, [...v].join(' '));
