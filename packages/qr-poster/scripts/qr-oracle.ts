// Strategy research: for every labelled code that decodeQr does not read, crop its labelled outline (an oracle
// locator) and try preprocessing / scale / engine variants. Tells whether finding the code or reading it is the
// bottleneck. node --conditions=@sharekit/source --import tsx scripts/qr-oracle.ts <boofcv-dir> [category]
import { decodeQr } from '../src/decode/decode.js';
import { type GrayImage, sharpen } from '../src/decode/image.js';
import {
  centreOf,
  cropVariantsThatRead,
  insideQuad,
  lcn,
  loadImage,
  openCorpus,
  outlinePoints,
  PREPROCESS,
  scriptArgs,
  tally,
} from './lib.js';

const [dir, onlyCat] = scriptArgs('scripts/qr-oracle.ts <boofcv-dir> [category]', 1) as [string, string?];
const manifest = await openCorpus(dir, onlyCat);
const { id, flat, sharp, blur, otsu } = PREPROCESS;
const pres = {
  id,
  flat,
  sharp,
  sharp4: (g: GrayImage) => sharpen(g, 4, 2),
  blur,
  otsu,
  lcn: (g: GrayImage) => lcn(g, Math.max(3, Math.round(Math.max(g.width, g.height) / 12)), 60, 4),
};
/** Crop paddings (times the outline's longer side) and crop sides tried. */
const PADS = [0.25, 0.6];
const SIDES = [250, 400, 600, 900];
const gain = new Map<string, Set<string>>();
let unreadTotal = 0;
const perCode = new Map<string, string[]>();
for (const e of manifest) {
  const rgba = await loadImage(dir, e);
  const ours = await decodeQr(rgba);
  const unread = e.corners.filter(
    (q) =>
      !ours.some((h) => {
        const c = centreOf(h.corners);
        return insideQuad(c.x, c.y, q);
      }),
  );
  for (const q of unread) {
    unreadTotal++;
    const code = `${e.image}#${e.corners.indexOf(q)}`;
    const keys = await cropVariantsThatRead(rgba, outlinePoints(q), q, PADS, SIDES, pres);
    perCode.set(code, keys);
    for (const key of keys) tally(gain, key, code);
  }
  process.stdout.write('.');
}
const all = new Set([...gain.values()].flatMap((s) => [...s]));
console.log(`\nunread by decodeQr: ${unreadTotal}; read by some oracle crop variant: ${all.size}`);
for (const [code, keys] of perCode) console.log(code.padEnd(40), keys.length, keys.slice(0, 6).join(' '));
for (const [k, v] of [...gain].sort((a, b) => b[1].size - a[1].size).slice(0, 30))
  console.log(k.padEnd(24), v.size);
