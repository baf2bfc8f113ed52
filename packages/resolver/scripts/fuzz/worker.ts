/**
 * One fuzz worker: runs one decoder on inputs `start`, `start + 1`, … until `end` or the deadline,
 * publishing in shared memory how many inputs are done (the watchdog in run.ts kills the worker when
 * that stops moving) and posting each finding.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { generator, loadSeeds } from './inputs.js';
import { TARGETS } from './targets.js';

interface Job {
  readonly target: string;
  readonly seed: number;
  readonly start: number;
  readonly end: number;
  readonly deadline: number;
  readonly batch: number;
  readonly progress: SharedArrayBuffer;
}

const job = workerData as Job;
const target = TARGETS.find((t) => t.name === job.target);
if (!target) throw new Error(`no fuzz target ${job.target}`);
const { seeds } = loadSeeds();
const gen = generator(job.seed, seeds);
const done = new Int32Array(job.progress);
const protoKeys = Object.getOwnPropertyNames(Object.prototype).length;

function polluted(): string | null {
  for (const key in {}) return `Object.prototype gained an enumerable key "${key}"`;
  for (const key in []) return `Array.prototype gained an enumerable key "${key}"`;
  if (Object.getOwnPropertyNames(Object.prototype).length !== protoKeys) return 'Object.prototype changed';
  return null;
}

function report(index: number, input: string, problem: string): void {
  parentPort?.postMessage({ kind: 'finding', index, input, problem });
}

async function main(): Promise<void> {
  const t = target as (typeof TARGETS)[number];
  let i = job.start;
  while (i < job.end && Date.now() < job.deadline) {
    const upto = Math.min(job.end, i + job.batch);
    const inputs: string[] = [];
    for (let k = i; k < upto; k++) inputs.push(gen.input(k));
    const results = await Promise.all(
      inputs.map(async (input) => {
        try {
          return await t.run(input);
        } catch (e) {
          return `the check itself threw: ${String(e).slice(0, 200)}`;
        }
      }),
    );
    results.forEach((problem, k) => {
      if (problem) report(i + k, inputs[k] as string, problem);
    });
    const pollution = polluted();
    if (pollution) {
      report(i, inputs.join('\n---\n').slice(0, 4000), pollution);
      break;
    }
    i = upto;
    Atomics.store(done, 0, i - job.start);
  }
  parentPort?.postMessage({ kind: 'done', next: i });
}

await main();
