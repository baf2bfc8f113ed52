// Strategy research: which zxing-wasm reader options make a cheaper first pass, and what do they cost in codes?
// node --conditions=@sharekit/source --import tsx scripts/qr-p0-variants.ts <boofcv-dir>
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type ReaderOptions, readBarcodes } from 'zxing-wasm/reader';
import { insideQuad as inside } from '../bench/outline.js';
import { decodeImage, loadZxing } from '../src/decode/node-image.js';

const dir = process.argv[2] as string;
const manifest = JSON.parse(await readFile(join(dir, 'MANIFEST.json'), 'utf8')) as Array<{
  image: string;
  corners: number[][];
}>;
await loadZxing();
const variants: Array<[string, ReaderOptions]> = [
  ['default', {}],
  ['noHarder', { tryHarder: false }],
  ['noRotate', { tryRotate: false }],
  ['noInvert', { tryInvert: false }],
  ['noDownscale', { tryDownscale: false }],
  ['noRotInv', { tryRotate: false, tryInvert: false }],
  ['ds2', { downscaleFactor: 2 }],
];
const reads = new Map<string, number>();
const times = new Map<string, number[]>();
let k = 0;
for (const e of manifest) {
  const img = await decodeImage(await readFile(join(dir, e.image)), { maxPixels: 1e8 });
  const order = k++ % 2 ? [...variants].reverse() : variants;
  for (const [name, opts] of order) {
    const t0 = performance.now();
    const r = await readBarcodes(img as ImageData, { formats: ['QRCode'], ...opts });
    const ms = performance.now() - t0;
    const cs = r
      .filter((x) => x.isValid)
      .map((x) => {
        const p = x.position;
        return {
          x: (p.topLeft.x + p.topRight.x + p.bottomLeft.x + p.bottomRight.x) / 4,
          y: (p.topLeft.y + p.topRight.y + p.bottomLeft.y + p.bottomRight.y) / 4,
        };
      });
    reads.set(
      name,
      (reads.get(name) ?? 0) + e.corners.filter((q) => cs.some((c) => inside(c.x, c.y, q))).length,
    );
    times.set(name, [...(times.get(name) ?? []), ms]);
  }
}
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
for (const [name] of variants)
  console.log(
    `${name.padEnd(12)} read ${reads.get(name)} median ${med(times.get(name) ?? []).toFixed(1)} total ${((times.get(name) ?? []).reduce((a, b) => a + b, 0) / 1000).toFixed(1)}s`,
  );
