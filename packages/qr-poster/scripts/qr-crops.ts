// Strategy research: which preprocessing / scale / threshold reads the codes zxing located but could not decode?
// node --conditions=@sharekit/source --import tsx scripts/qr-crops.ts <boofcv-dir>
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { centreOf as centre, insideQuad as inside } from '../bench/outline.js';
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
const manifest = JSON.parse(await readFile(join(dir, 'MANIFEST.json'), 'utf8')) as Array<{
  image: string;
  corners: number[][];
}>;
await loadZxing();
const pres: Record<string, (g: GrayImage) => GrayImage> = {
  id: (g) => g,
  flat: (g) => flatten(g, Math.max(3, Math.round(Math.max(g.width, g.height) / 8))),
  sharp: (g) => sharpen(g, 2, 1.5),
  blur: (g) => boxBlur(g, 1),
  otsu: (g) => threshold(g, otsuThreshold(g)),
};
const gain = new Map<string, Set<string>>();
for (const e of manifest) {
  const rgba = await decodeImage(await readFile(join(dir, e.image)), { maxPixels: 1e8 });
  const p0 = await zxingEngine.read(rgba, {});
  const read = e.corners.filter((q) =>
    p0.hits.some((h) => {
      const c = centre(h.corners);
      return inside(c.x, c.y, q);
    }),
  );
  const unread = e.corners.filter((q) => !read.includes(q));
  if (unread.length === 0 || p0.misses.length === 0) continue;
  for (const m of p0.misses) {
    const mc = centre(m);
    const target = unread.findIndex((q) => inside(mc.x, mc.y, q));
    if (target < 0) continue;
    const xs = [m.topLeft.x, m.topRight.x, m.bottomLeft.x, m.bottomRight.x];
    const ys = [m.topLeft.y, m.topRight.y, m.bottomLeft.y, m.bottomRight.y];
    const x0 = Math.min(...xs),
      y0 = Math.min(...ys),
      w = Math.max(...xs) - x0,
      h = Math.max(...ys) - y0;
    for (const padF of [0.3, 0.8]) {
      const pad = Math.max(w, h) * padF;
      const { image: cut, rect } = cropToGray(rgba, {
        x: x0 - pad,
        y: y0 - pad,
        width: w + 2 * pad,
        height: h + 2 * pad,
      });
      for (const side of [200, 300, 450, 600, 900]) {
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
              return inside(c.x / s + rect.x, c.y / s + rect.y, unread[target] as number[]);
            });
            if (ok) {
              const key = `pad${padF}-${side}-${pn}-${bn}`;
              if (!gain.has(key)) gain.set(key, new Set());
              gain.get(key)?.add(`${e.image}#${target}`);
            }
          }
        }
      }
    }
  }
  process.stdout.write('.');
}
const all = new Set([...gain.values()].flatMap((s) => [...s]));
console.log(`\ncodes read by some crop variant: ${all.size}: ${[...all].join(' ')}`);
for (const [k, v] of [...gain].sort((a, b) => b[1].size - a[1].size).slice(0, 40))
  console.log(k.padEnd(24), v.size, [...v].join(' '));
