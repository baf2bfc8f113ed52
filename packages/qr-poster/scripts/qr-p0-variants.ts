// Strategy research: which zxing-wasm reader options make a cheaper first pass, and what do they cost in codes?
// node --conditions=@sharekit/source --import tsx scripts/qr-p0-variants.ts <boofcv-dir>
import { type ReaderOptions, readBarcodes } from 'zxing-wasm/reader';
import { median } from '../../../test-utils/linear.js';
import { centreOf, insideQuad as inside, loadImage, openCorpus, scriptArgs } from './lib.js';

const [dir] = scriptArgs('scripts/qr-p0-variants.ts <boofcv-dir>', 1) as [string];
const manifest = await openCorpus(dir);
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
  const img = await loadImage(dir, e);
  const order = k++ % 2 ? [...variants].reverse() : variants;
  for (const [name, opts] of order) {
    const t0 = performance.now();
    const r = await readBarcodes(img as ImageData, { formats: ['QRCode'], ...opts });
    const ms = performance.now() - t0;
    const cs = r.filter((x) => x.isValid).map((x) => centreOf(x.position));
    reads.set(
      name,
      (reads.get(name) ?? 0) + e.corners.filter((q) => cs.some((c) => inside(c.x, c.y, q))).length,
    );
    times.set(name, [...(times.get(name) ?? []), ms]);
  }
}
for (const [name] of variants)
  console.log(
    `${name.padEnd(12)} read ${reads.get(name)} median ${median(times.get(name) ?? []).toFixed(1)} total ${((times.get(name) ?? []).reduce((a, b) => a + b, 0) / 1000).toFixed(1)}s`,
  );
