// Strategy research, step 2: replays pass orders and escalation triggers over the cache written by
// scripts/qr-passes.ts and prints codes read and time per image for each. Not part of the package.
// node --conditions=@sharekit/source --import tsx scripts/qr-simulate.ts /tmp/passes.json
import { readFileSync } from 'node:fs';
import { median } from '../../../test-utils/linear.js';
import { insideQuad as inside } from '../bench/outline.js';
import type { Point as P } from '../src/decode/types.js';
import { type PassedImage as Img, scriptArgs } from './lib.js';

const [cache, orders] = scriptArgs(
  'scripts/qr-simulate.ts <passes.json> ["name|crops|partial|zero|budget|floor;…"]',
  1,
);
const data = JSON.parse(readFileSync(cache as string, 'utf8')) as Img[];

interface Strategy {
  name: string;
  crops: string[]; // run when open misses remain
  partial: string[]; // run when something was decoded but misses remain
  zero: string[]; // run when nothing was decoded
  stopOnDone: boolean;
  /** Escalation stops once it has spent this many times the cheap pass's time (plus `floorMs`). */
  budget?: number;
  floorMs?: number;
}

function simulate(img: Img, st: Strategy) {
  const near = Math.max(30, 0.04 * Math.max(img.w, img.h));
  const hits: P[] = [];
  const misses: P[] = [];
  let ms = 0;
  let prep = false;
  const apply = (name: string) => {
    const p = img.passes[name];
    if (!p) return;
    ms += p.ms;
    if (!prep && !name.startsWith('crop') && name !== 'p0') {
      prep = true;
      ms += img.passes.prep?.ms ?? 0;
    }
    hits.push(...p.hits);
    misses.push(...p.misses);
  };
  const open = () => misses.filter((m) => !hits.some((h) => Math.hypot(h.x - m.x, h.y - m.y) < near)).length;
  const done = () => hits.length > 0 && open() === 0;
  apply('p0');
  const limit =
    st.budget === undefined
      ? Number.POSITIVE_INFINITY
      : (img.passes.p0?.ms ?? 0) * (1 + st.budget) + (st.floorMs ?? 0);
  const run = (list: string[]) => {
    for (const n of list) {
      if (st.stopOnDone && done()) return;
      if (ms >= limit) return;
      apply(n);
    }
  };
  if (!done()) {
    if (open() > 0) run(st.crops);
    if (!done()) run(hits.length > 0 ? st.partial : st.zero);
  }
  const read = img.corners.filter((q) => hits.some((h) => inside(h.x, h.y, q))).length;
  return { read, ms };
}

const strategies: Strategy[] = [
  { name: 'p0 only', crops: [], partial: [], zero: [], stopOnDone: true },
  {
    name: 'current',
    crops: ['crop-zg', 'crop-j'],
    partial: ['f1600'],
    zero: ['g1600', 'f1600', 'f1000', 'otsu1600', 'up2', 'g640', 'j1000', 'j600'],
    stopOnDone: true,
  },
  { name: 'everything', crops: ['crop-zg', 'crop-j'], partial: [], zero: [], stopOnDone: false },
];
const all = Object.keys(data[0]?.passes ?? {}).filter((n) => n !== 'prep');
strategies.push({ name: 'union of all passes', crops: all, partial: all, zero: all, stopOnDone: false });
for (const extra of (orders ?? '').split(';').filter(Boolean)) {
  const [name, crops, partial, zero, budget, floor] = extra.split('|') as [
    string,
    string,
    string,
    string,
    string?,
    string?,
  ];
  strategies.push({
    name,
    crops: crops.split(',').filter(Boolean),
    partial: partial.split(',').filter(Boolean),
    zero: zero.split(',').filter(Boolean),
    stopOnDone: true,
    ...(budget ? { budget: Number(budget) } : {}),
    ...(floor ? { floorMs: Number(floor) } : {}),
  });
}
const baseMedian = median(data.map((d) => d.passes.p0?.ms ?? 0));
console.log(`p0 median ${baseMedian.toFixed(1)} ms`);
for (const st of strategies) {
  let read = 0;
  const times: number[] = [];
  const perCat = new Map<string, number>();
  for (const img of data) {
    const r = simulate(img, st);
    read += r.read;
    times.push(r.ms);
    perCat.set(img.category, (perCat.get(img.category) ?? 0) + r.read);
  }
  console.log(
    `${st.name.padEnd(24)} read ${read} median ${median(times).toFixed(1)} (${(median(times) / baseMedian).toFixed(2)}x) total ${(times.reduce((a, b) => a + b, 0) / 1000).toFixed(1)}s  ${[...perCat].map(([k, v]) => `${k}:${v}`).join(' ')}`,
  );
}
// Marginal value of each pass: codes it reads that p0 does not, and its total cost.
console.log('\npass       adds  total s');
for (const n of all) {
  let adds = 0;
  let cost = 0;
  for (const img of data) {
    const p0 = img.passes.p0?.hits ?? [];
    const p = img.passes[n];
    if (!p) continue;
    cost += p.ms;
    adds += img.corners.filter(
      (q) => !p0.some((h) => inside(h.x, h.y, q)) && p.hits.some((h) => inside(h.x, h.y, q)),
    ).length;
  }
  console.log(`${n.padEnd(10)} ${String(adds).padStart(4)}  ${(cost / 1000).toFixed(1).padStart(7)}`);
}
