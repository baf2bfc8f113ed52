/**
 * `pnpm fuzz` — runs each public decoder on mutated real inputs and hostile fragments, checking that
 * it only throws documented typed errors, never hangs (a watchdog per call: each decoder runs in a
 * worker thread that is killed past the time limit, and the input is printed), never changes
 * Object.prototype, and never gives out a non-http(s) link or a link on a lookalike host.
 *
 *   pnpm fuzz                               10^6 inputs per decoder (the long run)
 *   pnpm fuzz --time 60                     at most 60 s per decoder
 *   pnpm fuzz --inputs 50000 --seed 7       a given count and seed (input i is a function of seed and i)
 *   pnpm fuzz --only parseShareText,resolve --hang-ms 3000
 *
 * Exit code 1 when anything was found.
 */
import { Worker } from 'node:worker_threads';
import { generator, loadSeeds } from './inputs.js';
import { TARGETS } from './targets.js';

function flag(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

const seed = Number(flag('seed') ?? Math.floor(Math.random() * 0x7fffffff));
const inputs = Number(flag('inputs') ?? 1_000_000);
const seconds = flag('time') === undefined ? Number.POSITIVE_INFINITY : Number(flag('time'));
const hangMs = Number(flag('hang-ms') ?? 5000);
const only = flag('only')?.split(',');
const targets = TARGETS.filter((t) => !only || only.some((o) => t.name.startsWith(o)));
const { seeds, sources } = loadSeeds();
const gen = generator(seed, seeds);

console.log(
  `sharekit fuzz — seed ${seed}, up to ${inputs} inputs per decoder, ${seconds} s per decoder, hang limit ${hangMs} ms`,
);
console.log(
  `real inputs: ${seeds.length} distinct (${Object.entries(sources)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')})`,
);
console.log('');

interface Finding {
  readonly target: string;
  readonly index: number;
  readonly input: string;
  readonly problem: string;
}

const findings: Finding[] = [];

/** Runs one worker from `start`: how far it got, and where to go on after a hang or a crash (or null). */
function runWorker(
  name: string,
  start: number,
  deadline: number,
  batch: number,
): Promise<{ reached: number; resume: number | null }> {
  const progress = new SharedArrayBuffer(4);
  const done = new Int32Array(progress);
  const worker = new Worker(new URL('./worker-entry.mjs', import.meta.url), {
    workerData: { target: name, seed, start, end: inputs, deadline, batch, progress },
  });
  const seen = new Set<string>();
  return new Promise((resolve) => {
    let last = -1;
    let lastMove = Date.now();
    let settled = false;
    const finish = (reached: number, resume: number | null) => {
      if (settled) return;
      settled = true;
      clearInterval(watch);
      resolve({ reached, resume });
    };
    const watch = setInterval(() => {
      const now = Atomics.load(done, 0);
      if (now !== last) {
        last = now;
        lastMove = Date.now();
        return;
      }
      if (Date.now() - lastMove < hangMs) return;
      // No progress for hangMs: the call in flight hangs. Kill the worker, rebuild and report its input.
      const stuck = start + now;
      const stuckInputs: string[] = [];
      for (let k = stuck; k < Math.min(inputs, stuck + batch); k++) stuckInputs.push(gen.input(k));
      findings.push({
        target: name,
        index: stuck,
        input: stuckInputs.join('\n--- or ---\n'),
        problem: `no answer within ${hangMs} ms (worker killed)`,
      });
      void worker.terminate();
      finish(stuck + batch, stuck + batch);
    }, 100);
    worker.on(
      'message',
      (m: { kind: string; index?: number; input?: string; problem?: string; next?: number }) => {
        if (m.kind === 'finding') {
          const key = (m.problem ?? '').replace(/[0-9]+/g, '#').slice(0, 60);
          if (seen.has(key) || findings.filter((f) => f.target === name).length >= 25) return;
          seen.add(key);
          findings.push({
            target: name,
            index: m.index ?? -1,
            input: m.input ?? '',
            problem: m.problem ?? '',
          });
        } else if (m.kind === 'done') finish(Number(m.next), null);
      },
    );
    worker.on('error', (error) => {
      const at = start + Atomics.load(done, 0);
      findings.push({
        target: name,
        index: at,
        input: gen.input(at),
        problem: `worker crashed: ${String(error).slice(0, 300)}`,
      });
      finish(at + 1, at + 1);
    });
    worker.on('exit', () => finish(start + Atomics.load(done, 0), null));
  });
}

const table: string[] = [];
for (const target of targets) {
  const began = Date.now();
  const deadline = began + seconds * 1000;
  const batch = target.name.startsWith('resolve') ? 64 : 1;
  let from = 0;
  let reached = 0;
  for (;;) {
    const r = await runWorker(target.name, from, deadline, batch);
    reached = r.reached;
    const crashes = findings.filter(
      (f) => f.target === target.name && f.problem.startsWith('worker crashed'),
    );
    if (crashes.length >= 3) break; // the worker cannot run at all: one report is enough
    if (r.resume === null || r.resume >= inputs || Date.now() >= deadline) break;
    from = r.resume;
  }
  const elapsed = (Date.now() - began) / 1000;
  const found = findings.filter((f) => f.target === target.name).length;
  const line = `| ${target.name.padEnd(30)} | ${String(reached).padStart(9)} | ${elapsed.toFixed(1).padStart(7)} | ${String(Math.round(reached / elapsed)).padStart(8)} | ${String(found).padStart(8)} |`;
  table.push(line);
  console.log(line);
}

console.log('');
console.log(
  `| ${'decoder'.padEnd(30)} | ${'inputs'.padStart(9)} | ${'seconds'.padStart(7)} | ${'inputs/s'.padStart(8)} | ${'findings'.padStart(8)} |`,
);
console.log(`|${'-'.repeat(32)}|${'-'.repeat(11)}|${'-'.repeat(9)}|${'-'.repeat(10)}|${'-'.repeat(10)}|`);
for (const line of table) console.log(line);
console.log('');
for (const f of findings) {
  console.log(`FINDING ${f.target} #${f.index}: ${f.problem}`);
  console.log(
    `  input ${JSON.stringify(f.input.length > 600 ? `${f.input.slice(0, 600)}…` : f.input)} (${f.input.length} chars)`,
  );
}
console.log(`${findings.length} findings (seed ${seed}; rerun one with --seed ${seed} --only <decoder>)`);
process.exitCode = findings.length > 0 ? 1 : 0;
