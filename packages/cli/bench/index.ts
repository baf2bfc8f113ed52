// pnpm bench — batch throughput of `sharekit resolve --batch` and `sharekit make --batch`:
//   1. lines/s on 10,000 mixed text inputs (share texts, URLs, tokens, app links, garbage), against a
//      plain loop of resolve() over the same inputs (what the batch machinery costs on top);
//   2. posters/s decoding 200 poster PNGs on 1 and on 2 worker threads, and the speed-up;
//   3. rows/s making a 200-row catalog: the thread pool (1 and 2 threads) beside BullMQ queue workers
//      (1 and 2 `sharekit worker` processes) on this machine, with a throwaway redis-server.
// Medians of repeated runs; inputs are generated (seeded) before any timing.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { resolve } from '@sharekit/resolver';
import { renderPosterPng } from '@sharekit/resolver/node';
import { mulberry32 } from '../../../test-utils/prng.js';
import { runBatch } from '../src/batch/run.js';
import buildCli from '../test/global-setup.js';
import { mixedInputs, URLS } from './inputs.js';

const TEXT_INPUTS = 10_000;
const POSTERS = 200;
const TEXT_RUNS = 5;
const POSTER_RUNS = 3;

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/**
 * Times the built bin (what users run): worker threads started from TypeScript sources would spend
 * most of a run compiling them. Includes process and worker start-up, as a user sees it.
 */
function timeBuiltBatch(
  input: string,
  out: string,
  workers: number,
): { seconds: number; cpuSeconds: number } {
  const bin = new URL('../dist/cli.js', import.meta.url).pathname;
  // Reports the CPU time of the whole process (every thread) on exit, to tell a pool that could not
  // run in parallel from a machine that had no free core to give it.
  const cpuReport = `data:text/javascript,import { writeSync } from 'node:fs'; process.on('exit', () => { const u = process.cpuUsage(); writeSync(2, 'cpu ' + (u.user + u.system) + '\\n'); });`;
  const t0 = performance.now();
  const r = spawnSync(
    process.execPath,
    [
      `--import=${cpuReport}`,
      bin,
      'resolve',
      '--batch',
      input,
      '-o',
      out,
      '--force',
      '--workers',
      String(workers),
    ],
    {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '' },
    },
  );
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`sharekit resolve --batch exited with ${r.status}: ${r.stderr}`);
  // Worker threads inherit the --import and may report too (earlier, with less time): take the largest.
  const micros = Math.max(...[...r.stderr.matchAll(/cpu (\d+)/g)].map((m) => Number(m[1])));
  return { seconds, cpuSeconds: micros / 1e6 };
}

async function timeBatch(input: string, out: string, workers: number): Promise<number> {
  const t0 = performance.now();
  await runBatch({
    input,
    output: out,
    resume: false,
    force: true,
    workers,
    progress: false,
    resolveOptions: { fetch: false },
  });
  return (performance.now() - t0) / 1000;
}

/**
 * How many cores two threads actually get right now (CPU time / wall time of two busy loops): the
 * ceiling of any two-worker speed-up on a shared machine.
 */
async function coresAvailable(): Promise<number> {
  const code = `let x = 0; const t = Date.now(); while (Date.now() - t < 1000) x += Math.sqrt(x + 1); require('node:worker_threads').parentPort.postMessage(x);`;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  await Promise.all(
    [0, 1].map(() => new Promise((done) => new Worker(code, { eval: true }).once('message', done))),
  );
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000 / (performance.now() - t0);
}

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

// `pnpm bench -- text`, `pnpm bench -- posters` or `pnpm bench -- make` runs one part.
const only = process.argv[2];

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sharekit-cli-bench-'));
  try {
    console.log(
      `sharekit CLI bench — node ${process.version}, ${cpus()[0]?.model ?? '?'}, ${availableParallelism()} cores, load ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );

    if (only === undefined || only === 'text') await textBench(dir);
    if (only === undefined || only === 'posters') await posterBench(dir);
    if (only === undefined || only === 'make') await makeBench(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function textBench(dir: string): Promise<void> {
  // 1. text lines
  const inputs = mixedInputs(TEXT_INPUTS);
  const textFile = join(dir, 'mixed.txt');
  writeFileSync(textFile, `${inputs.join('\n')}\n`);
  const out = join(dir, 'out.jsonl');
  await timeBatch(textFile, out, 1); // warm-up (JIT, lazy tables)
  const lineCount = readFileSync(out, 'utf8').split('\n').length - 1;
  const batchTimes: number[] = [];
  const loopTimes: number[] = [];
  for (let r = 0; r < TEXT_RUNS; r++) {
    // Alternate which goes first, so neither always runs on a warmer heap.
    const batch = async (): Promise<void> => {
      batchTimes.push(await timeBatch(textFile, out, 1));
    };
    const loop = async (): Promise<void> => {
      const t0 = performance.now();
      for (const text of inputs) JSON.stringify(await resolve(text));
      loopTimes.push((performance.now() - t0) / 1000);
    };
    if (r % 2 === 0) {
      await batch();
      await loop();
    } else {
      await loop();
      await batch();
    }
  }
  const batchRate = lineCount / median(batchTimes);
  const loopRate = inputs.length / median(loopTimes);
  console.log(
    `\n${fmt(lineCount)} mixed text inputs (share texts, URLs, tokens, app links, garbage), median of ${TEXT_RUNS} runs:`,
  );
  console.log(`  resolve --batch (read, resolve, write JSONL, fsync)  ${fmt(batchRate).padStart(8)} lines/s`);
  console.log(`  plain loop: resolve() + JSON.stringify               ${fmt(loopRate).padStart(8)} lines/s`);
  console.log(
    `  batch / plain loop                                   ${(batchRate / loopRate).toFixed(2).padStart(8)}×`,
  );
}

async function posterBench(dir: string): Promise<void> {
  const out = join(dir, 'out.jsonl');
  // 2. poster PNGs
  const posterDir = join(dir, 'posters');
  mkdirSync(posterDir);
  const random = mulberry32(7);
  const t0 = performance.now();
  for (let i = 0; i < POSTERS; i++) {
    const target = URLS[i % 10] as string;
    const png = await renderPosterPng({
      target,
      title: `商品 ${i} 夏季新款 纯棉短袖`,
      price: (10 + random() * 990).toFixed(2),
      ...(i % 3 === 0 ? { originalPrice: 1999 } : {}),
      size: i % 4 === 0 ? 'square' : 'moments',
    });
    writeFileSync(join(posterDir, `${String(i).padStart(3, '0')}.png`), png);
  }
  console.log(
    `\n${POSTERS} posters rendered in ${((performance.now() - t0) / 1000).toFixed(1)} s (not timed below)`,
  );
  await buildCli(); // dist of the CLI and its dependencies, rebuilt only when stale
  timeBuiltBatch(posterDir, out, 1); // warm-up (page cache), and the lines checked below
  const decoded = readFileSync(out, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as { status: string });
  const times: Record<number, number[]> = { 1: [], 2: [] };
  const cores: Record<number, number[]> = { 1: [], 2: [] };
  const spare: number[] = [];
  for (let r = 0; r < POSTER_RUNS; r++) {
    spare.push(await coresAvailable());
    for (const workers of [1, 2]) {
      const { seconds, cpuSeconds } = timeBuiltBatch(posterDir, out, workers);
      times[workers]?.push(seconds);
      cores[workers]?.push(cpuSeconds / seconds);
    }
  }
  const rate1 = POSTERS / median(times[1] ?? []);
  const rate2 = POSTERS / median(times[2] ?? []);
  console.log(
    `decoding ${POSTERS} poster PNGs with the built bin, sharekit resolve --batch <dir> (process start included), median of ${POSTER_RUNS} runs (${decoded.filter((d) => d.status === 'ok').length}/${POSTERS} read back):`,
  );
  const busy = (w: number): string =>
    `(CPU time / wall time: ${median(cores[w] ?? []).toFixed(2)} cores busy)`;
  console.log(`  1 worker   ${rate1.toFixed(1).padStart(7)} posters/s  ${busy(1)}`);
  console.log(`  2 workers  ${rate2.toFixed(1).padStart(7)} posters/s  ${busy(2)}`);
  console.log(`  speed-up   ${(rate2 / rate1).toFixed(2).padStart(7)}×`);
  console.log(
    `  (two busy-loop threads got ${median(spare).toFixed(2)} cores at the same time: the ceiling of the speed-up on this machine now)`,
  );
}

const MAKE_ROWS = 200;

/** A throwaway redis-server on a free port, or null when none is installed. */
async function startRedis(dir: string): Promise<{ url: string; stop: () => void } | null> {
  if (spawnSync('redis-server', ['--version']).status !== 0) return null;
  const { createServer } = await import('node:net');
  const port = await new Promise<number>((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 6399));
    });
  });
  const child = spawn(
    'redis-server',
    ['--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no', '--dir', dir],
    { stdio: 'ignore' },
  );
  for (let i = 0; i < 100; i++) {
    if (spawnSync('redis-cli', ['-p', String(port), 'ping'], { encoding: 'utf8' }).stdout?.includes('PONG'))
      break;
    await new Promise((r) => setTimeout(r, 50));
  }
  return { url: `redis://127.0.0.1:${port}`, stop: () => child.kill('SIGTERM') };
}

function startWorker(bin: string, url: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [bin, 'worker', '--queue', url, '--concurrency', '1'], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { PATH: process.env.PATH ?? '' },
  });
  return new Promise((done) => {
    child.stderr?.on('data', (d: Buffer) => {
      if (d.toString().includes('taking rows')) done(child);
    });
  });
}

async function makeBench(dir: string): Promise<void> {
  await buildCli();
  const bin = new URL('../dist/cli.js', import.meta.url).pathname;
  const catalog = join(dir, 'catalog.csv');
  const random = mulberry32(11);
  writeFileSync(
    catalog,
    [
      'id,url,title,price,original_price,brand',
      ...Array.from(
        { length: MAKE_ROWS },
        (_, i) =>
          `sku-${i},${URLS[i % 10]},商品 ${i} 夏季新款 纯棉短袖 限时特惠🔥,${(10 + random() * 990).toFixed(2)},1999,旗舰店`,
      ),
    ].join('\n'),
  );
  const out = join(dir, 'made');
  const make = (extra: readonly string[]): number => {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [bin, 'make', '--batch', catalog, '-o', out, '--force', ...extra], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '' },
    });
    if (r.status !== 0) throw new Error(`sharekit make --batch exited with ${r.status}: ${r.stderr}`);
    return MAKE_ROWS / ((performance.now() - t0) / 1000);
  };
  make(['--workers', '2']); // warm-up
  const rows: [string, number][] = [];
  rows.push(['thread pool, 1 thread (--workers 1)', make(['--workers', '1'])]);
  rows.push(['thread pool, 2 threads (--workers 2)', make(['--workers', '2'])]);
  const redis = await startRedis(dir);
  if (redis) {
    const workers: ChildProcess[] = [];
    try {
      workers.push(await startWorker(bin, redis.url));
      make(['--queue', redis.url]); // warm-up of the worker
      rows.push(['queue, 1 sharekit worker (--concurrency 1)', make(['--queue', redis.url])]);
      workers.push(await startWorker(bin, redis.url));
      make(['--queue', redis.url]);
      rows.push(['queue, 2 sharekit workers (--concurrency 1 each)', make(['--queue', redis.url])]);
    } finally {
      for (const w of workers) w.kill('SIGTERM');
      redis.stop();
    }
  }
  console.log(
    `\nmaking a ${MAKE_ROWS}-row catalog with the built bin, sharekit make --batch (750×1334 PNG poster, share text, token, links per row; process start included):`,
  );
  for (const [name, rate] of rows) console.log(`  ${name.padEnd(50)} ${rate.toFixed(1).padStart(7)} rows/s`);
  if (!redis) console.log('  queue: skipped (no redis-server on PATH; apt-get install redis-server)');
}

await main();
