// Strategy research: for every labelled code that decodeQr does not read, crop its labelled outline (an oracle
// locator) and try preprocessing / scale / engine variants. Tells whether finding the code or reading it is the
// bottleneck. node --conditions=@sharekit/source --import tsx scripts/qr-oracle.ts <boofcv-dir> [category]
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { centreOf as centre, insideQuad as inside } from '../bench/outline.js';
import { decodeQr } from '../src/decode/decode.js';
import { jsqrEngine } from '../src/decode/engines/jsqr.js';
import { zxingEngine } from '../src/decode/engines/zxing.js';
import {
  boxBlur,
  cropToGray,
  flatten,
  type GrayImage,
  grayToRgba,
  otsuThreshold,
  resize,
  sharpen,
  threshold,
} from '../src/decode/image.js';
import { decodeImage, loadZxing } from '../src/decode/node-image.js';

const dir = process.argv[2] as string;
const onlyCat = process.argv[3];
const manifest = JSON.parse(await readFile(join(dir, 'MANIFEST.json'), 'utf8')) as Array<{
  image: string;
  category: string;
  corners: number[][];
}>;
await loadZxing();
/** Local contrast normalisation: (v - local mean) / local std, re-centred on 128. */
function lcn(g: GrayImage, r: number): GrayImage {
  const mean = boxBlur(g, r);
  const sq: GrayImage = { data: new Uint8Array(g.data.length), width: g.width, height: g.height };
  const dev = new Float32Array(g.data.length);
  for (let i = 0; i < g.data.length; i++) {
    const d = (g.data[i] as number) - (mean.data[i] as number);
    dev[i] = d;
    sq.data[i] = Math.min(255, Math.abs(d));
  }
  const sd = boxBlur(sq, r);
  const out = new Uint8Array(g.data.length);
  for (let i = 0; i < out.length; i++)
    out[i] = Math.max(0, Math.min(255, 128 + (60 * (dev[i] as number)) / Math.max(4, sd.data[i] as number)));
  return { data: out, width: g.width, height: g.height };
}
const pres: Record<string, (g: GrayImage) => GrayImage> = {
  id: (g) => g,
  flat: (g) => flatten(g, Math.max(3, Math.round(Math.max(g.width, g.height) / 8))),
  sharp: (g) => sharpen(g, 2, 1.5),
  sharp4: (g) => sharpen(g, 4, 2),
  blur: (g) => boxBlur(g, 1),
  otsu: (g) => threshold(g, otsuThreshold(g)),
  lcn: (g) => lcn(g, Math.max(3, Math.round(Math.max(g.width, g.height) / 12))),
};
const gain = new Map<string, Set<string>>();
let unreadTotal = 0;
const perCode = new Map<string, string[]>();
for (const e of manifest) {
  if (onlyCat !== undefined && e.category !== onlyCat) continue;
  const rgba = await decodeImage(await readFile(join(dir, e.image)), { maxPixels: 1e8 });
  const ours = await decodeQr(rgba);
  const unread = e.corners.filter(
    (q) =>
      !ours.some((h) => {
        const c = centre(h.corners);
        return inside(c.x, c.y, q);
      }),
  );
  for (const [qi, q] of unread.entries()) {
    unreadTotal++;
    const id = `${e.image}#${e.corners.indexOf(q)}`;
    perCode.set(id, []);
    const xs = [q[0], q[2], q[4], q[6]] as number[];
    const ys = [q[1], q[3], q[5], q[7]] as number[];
    const x0 = Math.min(...xs),
      y0 = Math.min(...ys),
      w = Math.max(...xs) - x0,
      h = Math.max(...ys) - y0;
    for (const padF of [0.25, 0.6]) {
      const pad = Math.max(w, h) * padF;
      const { image: cut, rect } = cropToGray(rgba, {
        x: x0 - pad,
        y: y0 - pad,
        width: w + 2 * pad,
        height: h + 2 * pad,
      });
      for (const side of [250, 400, 600, 900]) {
        const s = side / Math.max(cut.width, cut.height);
        const scaled = resize(cut, s);
        for (const [pn, pf] of Object.entries(pres)) {
          const img = grayToRgba(pf(scaled));
          for (const [bn, hints] of [
            ['L', {}],
            ['G', { binarizer: 'global' as const }],
            ['J', null],
          ] as const) {
            const r =
              hints === null
                ? await jsqrEngine.read(img)
                : await zxingEngine.read(img, { ...hints, downscale: false });
            const ok = r.hits.some((hh) => {
              const c = centre(hh.corners);
              return hh.decoded !== null && inside(c.x / s + rect.x, c.y / s + rect.y, q);
            });
            if (ok) {
              const key = `pad${padF}-${side}-${pn}-${bn}`;
              if (!gain.has(key)) gain.set(key, new Set());
              gain.get(key)?.add(id);
              perCode.get(id)?.push(key);
            }
          }
        }
      }
    }
    void qi;
  }
  process.stdout.write('.');
}
const all = new Set([...gain.values()].flatMap((s) => [...s]));
console.log(`\nunread by decodeQr: ${unreadTotal}; read by some oracle crop variant: ${all.size}`);
for (const [id, keys] of perCode) console.log(id.padEnd(40), keys.length, keys.slice(0, 6).join(' '));
for (const [k, v] of [...gain].sort((a, b) => b[1].size - a[1].size).slice(0, 30))
  console.log(k.padEnd(24), v.size);
