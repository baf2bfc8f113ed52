// pnpm bench:qr <corpus-dir> [--limit N] [--only category] [--decoders jsQR,zxing-wasm,ours] [--budget X] [--runs N] [--no-gc] [--verbose]
//
// Reads a QR corpus and prints, side by side from one run: plain jsQR, plain zxing-wasm and our decodeQr —
// codes read, wrong texts, median and p95 ms per image (wall clock, and CPU time of the process) — plus a per-category table.
// "ours / zxing-wasm" is a ratio of quantiles: the median (p95) of our per-image times over the median (p95) of
// zxing-wasm's, each over all images (not a quantile of per-image ratios, which is printed beside it).
// --runs N times every image N times over (the scores come from the first run) and prints each run's ratios and
// their spread: one run's figures move by several hundredths between identical runs on a busy machine.
// Two layouts: MANIFEST.json entries with `corners` outlines (a code counts as read when the centre of a decoded
// code lies inside one of its labelled outlines), or expected texts (`expected` in MANIFEST.json, or NAME.txt
// beside NAME.<image>). Images are decoded to RGBA once, outside the timed region; every decoder gets the same
// RGBA. Every timed call starts on a collected heap (a full collection outside the timed region; the script runs
// node with --expose-gc): CPU time is the whole process's, so without it a decoder is billed for collecting the
// garbage the decoder before it left (jsQR leaves hundreds of MB on a 12 MP photo). --no-gc times without it.
import { readdir, readFile } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import jsQR from 'jsqr';
import { readBarcodes } from 'zxing-wasm/reader';
import { decodeQr } from '../src/decode/decode.js';
import { decodeImage, loadZxing } from '../src/decode/node-image.js';
import type { RgbaImage } from '../src/decode/types.js';
import { insideQuad } from './outline.js';

interface Entry {
  image: string;
  category: string;
  expected: string | null;
  outlines: number[][] | null;
}

interface Found {
  text: string;
  /** Ours only: how the charset was decided. */
  source?: string;
  cx: number;
  cy: number;
}

type DecoderName = 'jsQR' | 'zxing-wasm' | 'ours';
const ALL_DECODERS: DecoderName[] = ['jsQR', 'zxing-wasm', 'ours'];

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--'));
const flag = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
if (dir === undefined) {
  console.error(
    'usage: pnpm bench:qr <corpus-dir> [--limit N] [--only category] [--decoders …] [--budget X] [--runs N] [--no-gc] [--verbose]',
  );
  process.exit(2);
}
const limit = Number(flag('--limit') ?? Number.POSITIVE_INFINITY);
const only = flag('--only');
const verbose = args.includes('--verbose');
// --budget X runs ours with escalationBudget X instead of the default.
const budget = flag('--budget') === undefined ? undefined : Number(flag('--budget'));
// --decoders zxing-wasm,ours skips the slow plain jsQR while iterating on the strategy.
const DECODERS = ALL_DECODERS.filter((d) => (flag('--decoders')?.split(',') ?? ALL_DECODERS).includes(d));
// --runs N: every image timed N times over (scores from the first run), to show the run-to-run spread.
const RUNS = Math.max(1, Math.floor(Number(flag('--runs') ?? 1)) || 1);
// A full collection before each timed call (outside the timing), unless --no-gc or node lacks --expose-gc.
const gc = args.includes('--no-gc') ? undefined : (globalThis as { gc?: () => void }).gc;

async function loadEntries(root: string): Promise<Entry[]> {
  const files = await readdir(root);
  if (files.includes('MANIFEST.json')) {
    const manifest = JSON.parse(await readFile(join(root, 'MANIFEST.json'), 'utf8')) as Array<{
      image: string;
      expected?: string | null;
      category?: string;
      corners?: number[][];
    }>;
    return manifest.map((m) => ({
      image: m.image,
      category: m.category ?? 'all',
      expected: typeof m.expected === 'string' ? m.expected : null,
      outlines: Array.isArray(m.corners) ? m.corners : null,
    }));
  }
  const images = files.filter((f) => /\.(png|jpe?g|webp)$/i.test(f));
  const out: Entry[] = [];
  for (const image of images) {
    const txt = `${basename(image, extname(image))}.txt`;
    if (!files.includes(txt)) continue;
    out.push({ image, category: 'all', expected: await readFile(join(root, txt), 'utf8'), outlines: null });
  }
  return out;
}

function quantile(xs: number[], q: number): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] as number;
}

async function runDecoder(name: DecoderName, img: RgbaImage): Promise<Found[]> {
  if (name === 'jsQR') {
    const data = img.data instanceof Uint8ClampedArray ? img.data : new Uint8ClampedArray(img.data);
    const r = jsQR(data, img.width, img.height);
    if (r === null) return [];
    const l = r.location;
    return [
      {
        text: r.data,
        cx: (l.topLeftCorner.x + l.topRightCorner.x + l.bottomLeftCorner.x + l.bottomRightCorner.x) / 4,
        cy: (l.topLeftCorner.y + l.topRightCorner.y + l.bottomLeftCorner.y + l.bottomRightCorner.y) / 4,
      },
    ];
  }
  if (name === 'zxing-wasm') {
    const rs = await readBarcodes(img as ImageData, { formats: ['QRCode'] });
    return rs.map((r) => ({
      text: r.text,
      cx:
        (r.position.topLeft.x + r.position.topRight.x + r.position.bottomLeft.x + r.position.bottomRight.x) /
        4,
      cy:
        (r.position.topLeft.y + r.position.topRight.y + r.position.bottomLeft.y + r.position.bottomRight.y) /
        4,
    }));
  }
  const codes = await decodeQr(img, budget === undefined ? {} : { escalationBudget: budget });
  return codes.map((c) => ({
    text: c.text,
    source: c.charsetSource,
    cx: (c.corners.topLeft.x + c.corners.topRight.x + c.corners.bottomLeft.x + c.corners.bottomRight.x) / 4,
    cy: (c.corners.topLeft.y + c.corners.topRight.y + c.corners.bottomLeft.y + c.corners.bottomRight.y) / 4,
  }));
}

interface Tally {
  labelled: number;
  read: number;
  wrong: number;
  /** Wrong texts whose expected (or reference) text is ASCII: must stay 0. */
  wrongAscii: number;
  extra: number;
  /** Wall-clock ms per image. */
  times: number[];
  /** CPU ms per image (user + system of this process): steadier than wall time on a loaded machine. */
  cpu: number[];
}

const newTally = (): Tally => ({
  labelled: 0,
  read: 0,
  wrong: 0,
  wrongAscii: 0,
  extra: 0,
  times: [],
  cpu: [],
});
const isAscii = (t: string): boolean => /^[\x00-\x7f]*$/.test(t);
const sources = new Map<string, number>();

/** One decoder's result on one image. */
interface Score {
  labelled: number;
  read: number;
  wrong: number;
  wrongAscii: number;
  extra: number;
}

/**
 * Scores by labelled outlines. No expected texts in this layout: a text counts as wrong when zxing-wasm read
 * the same outline differently (zxing-wasm's own column is therefore always 0 here).
 */
function scoreOutlines(
  outlines: number[][],
  name: DecoderName,
  found: Found[],
  foundBy: Map<DecoderName, Found[]>,
): Score {
  const score: Score = { labelled: outlines.length, read: 0, wrong: 0, wrongAscii: 0, extra: 0 };
  for (const q of outlines) if (found.some((f) => insideQuad(f.cx, f.cy, q))) score.read++;
  score.extra = found.filter((f) => !outlines.some((q) => insideQuad(f.cx, f.cy, q))).length;
  const reference = name === 'zxing-wasm' ? [] : (foundBy.get('zxing-wasm') ?? []);
  for (const q of outlines) {
    const mine = found.filter((f) => insideQuad(f.cx, f.cy, q)).map((f) => f.text);
    const ref = reference.filter((f) => insideQuad(f.cx, f.cy, q)).map((f) => f.text);
    const bad = mine.filter((t) => ref.some((o) => o !== t));
    if (bad.length === 0) continue;
    score.wrong++;
    if (ref.some(isAscii)) score.wrongAscii++;
    if (verbose)
      console.log(`  ${name} read ${JSON.stringify(bad)} where zxing-wasm read ${JSON.stringify(ref)}`);
  }
  return score;
}

/** Scores by the expected text: read when one code has it, every other text is wrong. */
function scoreExpected(expected: string | null, name: DecoderName, found: Found[]): Score {
  const read = found.some((f) => f.text === expected) ? 1 : 0;
  const wrong = found.filter((f) => f.text !== expected).length;
  if (verbose && wrong > 0)
    console.log(
      `  ${name} read ${JSON.stringify(found.map((f) => [f.text, f.source]))} expected ${JSON.stringify(expected)}`,
    );
  return { labelled: 1, read, wrong, wrongAscii: isAscii(expected ?? '') ? wrong : 0, extra: 0 };
}

function addScore(t: Tally, score: Score, ms: Timing): void {
  t.labelled += score.labelled;
  t.read += score.read;
  t.wrong += score.wrong;
  t.wrongAscii += score.wrongAscii;
  t.extra += score.extra;
  t.times.push(ms.wall);
  t.cpu.push(ms.cpu);
}

/** One decoder call's cost in ms: wall clock, and CPU time of this process (user + system). */
interface Timing {
  wall: number;
  cpu: number;
}

/** Runs every decoder on one image, in `order`, timing each. */
async function runAll(
  img: RgbaImage,
  order: readonly DecoderName[],
): Promise<{ foundBy: Map<DecoderName, Found[]>; timeOf: Map<DecoderName, Timing> }> {
  const foundBy = new Map<DecoderName, Found[]>();
  const timeOf = new Map<DecoderName, Timing>();
  for (const name of order) {
    gc?.();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const found = await runDecoder(name, img);
    const wall = performance.now() - t0;
    const c = process.cpuUsage(c0);
    timeOf.set(name, { wall, cpu: (c.user + c.system) / 1000 });
    foundBy.set(name, found);
  }
  return { foundBy, timeOf };
}

const totals = new Map<DecoderName, Tally>(DECODERS.map((d) => [d, newTally()]));
/** Per run, per decoder: CPU ms per image, in corpus order (run 0's are also in `totals`). */
const runCpu: Array<Map<DecoderName, number[]>> = [];
const byCategory = new Map<string, Map<DecoderName, Tally>>();
let images = 0;

/** Decodes one corpus image with every decoder and adds the scores to the totals and its category (run 0). */
async function scoreImage(root: string, entry: Entry, run: number): Promise<void> {
  let img: RgbaImage;
  try {
    img = await decodeImage(await readFile(join(root, entry.image)), { maxPixels: 100_000_000 });
  } catch (e) {
    console.error(`skip ${entry.image}: ${(e as Error).message}`);
    return;
  }
  if (!byCategory.has(entry.category))
    byCategory.set(entry.category, new Map(DECODERS.map((d) => [d, newTally()])));
  const cat = byCategory.get(entry.category) as Map<DecoderName, Tally>;
  const line: string[] = [];
  // Alternate the order per image so no decoder always pays for the garbage of the one before it.
  const order = images % 2 === 0 ? DECODERS : [...DECODERS].reverse();
  images++;
  const { foundBy, timeOf } = await runAll(img, order);
  runCpu[run] ??= new Map(DECODERS.map((d) => [d, []]));
  for (const name of DECODERS) runCpu[run]?.get(name)?.push(timeOf.get(name)?.cpu ?? 0);
  if (run > 0) return;
  for (const name of DECODERS) {
    const found = foundBy.get(name) ?? [];
    const ms = timeOf.get(name) ?? { wall: 0, cpu: 0 };
    if (name === 'ours')
      for (const f of found) sources.set(f.source ?? '?', (sources.get(f.source ?? '?') ?? 0) + 1);
    const score =
      entry.outlines !== null
        ? scoreOutlines(entry.outlines, name, found, foundBy)
        : scoreExpected(entry.expected, name, found);
    addScore(totals.get(name) as Tally, score, ms);
    addScore(cat.get(name) as Tally, score, ms);
    const { read, labelled, wrong } = score;
    line.push(
      `${name}=${read}/${labelled}${wrong ? ` wrong=${wrong}` : ''} ${ms.wall.toFixed(0)}ms cpu ${ms.cpu.toFixed(0)}ms`,
    );
  }
  if (verbose) console.log(`${entry.image.padEnd(36)} ${img.width}x${img.height} ${line.join('  ')}`);
}

function printTotals(): void {
  const pct = (t: Tally): string => `${((100 * t.read) / Math.max(1, t.labelled)).toFixed(1)}%`;
  const f = (x: number, w: number): string => x.toFixed(1).padStart(w);
  console.log(
    'decoder      read            wrong  wrong ASCII  outside  median ms  p95 ms  cpu median  cpu p95',
  );
  for (const name of DECODERS) {
    const t = totals.get(name) as Tally;
    console.log(
      `${name.padEnd(12)} ${`${t.read}/${t.labelled} (${pct(t)})`.padEnd(15)} ${String(t.wrong).padStart(5)}  ${String(t.wrongAscii).padStart(11)}  ${String(t.extra).padStart(7)}  ${f(quantile(t.times, 0.5), 9)}  ${f(quantile(t.times, 0.95), 6)}  ${f(quantile(t.cpu, 0.5), 10)}  ${f(quantile(t.cpu, 0.95), 7)}`,
    );
  }
  const zx = totals.get('zxing-wasm') as Tally;
  const ours = totals.get('ours') as Tally;
  const ratio = (key: 'times' | 'cpu', q: number): string =>
    `${(quantile(ours[key], q) / quantile(zx[key], q)).toFixed(2)}×`;
  if (zx && ours) {
    console.log(`ours / zxing-wasm, wall clock: median ${ratio('times', 0.5)}, p95 ${ratio('times', 0.95)}`);
    console.log(`ours / zxing-wasm, CPU time:   median ${ratio('cpu', 0.5)}, p95 ${ratio('cpu', 0.95)}`);
    const perImage = ours.cpu.map((t, i) => t / Math.max(0.05, zx.cpu[i] as number));
    console.log(
      `  (per image, ours ÷ zxing-wasm on the same image, CPU: median ${quantile(perImage, 0.5).toFixed(2)}×, p95 ${quantile(perImage, 0.95).toFixed(2)}×)`,
    );
    printSpread();
  }
  if (ours)
    console.log(
      `ours, charsetSource of the codes returned: ${[...sources].map(([k, v]) => `${k} ${v}`).join(', ')}`,
    );
  console.log(`peak RSS of this run: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
}

/** With --runs N: each run's CPU-time ratios (ratio of medians, ratio of p95s) and their range. */
function printSpread(): void {
  if (runCpu.length < 2) return;
  const pairs = runCpu.map((m) => {
    const o = m.get('ours') ?? [];
    const z = m.get('zxing-wasm') ?? [];
    return [quantile(o, 0.5) / quantile(z, 0.5), quantile(o, 0.95) / quantile(z, 0.95)] as const;
  });
  const range = (xs: number[]): string =>
    `${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)}× (${xs.map((x) => x.toFixed(2)).join(', ')})`;
  console.log(`over ${pairs.length} runs, CPU time: median ${range(pairs.map((p) => p[0]))}`);
  console.log(
    `${' '.repeat(`over ${pairs.length} runs, CPU time: `.length)}p95 ${range(pairs.map((p) => p[1]))}`,
  );
}

function printCategories(): void {
  if (byCategory.size <= 1) return;
  console.log('\ncategory        codes  jsQR  zxing-wasm  ours   ours median ms');
  for (const [name, cat] of [...byCategory].sort(([a], [b]) => a.localeCompare(b))) {
    const j = cat.get('jsQR') ?? newTally();
    const z = cat.get('zxing-wasm') ?? newTally();
    const o = cat.get('ours') ?? newTally();
    console.log(
      `${name.padEnd(15)} ${String(o.labelled).padStart(5)}  ${String(j.read).padStart(4)}  ${String(z.read).padStart(10)}  ${String(o.read).padStart(4)}   ${quantile(o.times, 0.5).toFixed(1).padStart(8)}`,
    );
  }
}

async function main(): Promise<void> {
  // pnpm runs the script in the package directory; resolve a relative path against where it was typed.
  const root = resolve(process.env.INIT_CWD ?? process.cwd(), dir as string);
  let entries = await loadEntries(root);
  if (only !== undefined) entries = entries.filter((e) => e.category === only);
  entries = entries.slice(0, limit);
  await loadZxing();
  // Warm-up: instantiate the wasm module outside the timed region for both zxing users.
  const blank: RgbaImage = { data: new Uint8ClampedArray(64 * 64 * 4).fill(255), width: 64, height: 64 };
  await readBarcodes(blank as ImageData, { formats: ['QRCode'] });
  await decodeQr(blank);
  const mode = entries.some((e) => e.outlines !== null) ? 'outlines' : 'expected text';
  for (let run = 0; run < RUNS; run++) for (const entry of entries) await scoreImage(root, entry, run);
  console.log(`corpus: ${root} (${entries.length} images, scoring by ${mode})`);
  console.log(
    gc
      ? 'each timed call starts on a collected heap (a full collection outside the timing)'
      : 'timed without a collection between calls (--no-gc, or node without --expose-gc)',
  );
  printTotals();
  printCategories();
  console.log(
    mode === 'outlines'
      ? '\n"wrong": outlines where the decoder\'s text differs from plain zxing-wasm\'s text for the same outline.\n"outside": decoded codes whose centre lies in no labelled outline (unlabelled codes or false positives).'
      : '\n"wrong": decoded texts that differ from the expected text.',
  );
}

await main();
