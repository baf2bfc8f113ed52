// Integration test of `--queue`: rows on a BullMQ queue in Redis, run by `sharekit worker` processes.
// Needs a Redis server: SHAREKIT_TEST_REDIS (`.ci/run` starts one), else redis://127.0.0.1:6379.
// Without one reachable, the tests are skipped with that reason.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { resolve } from '@sharekit/resolver/node';
import { Queue } from 'bullmq';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connectionOf, QUEUE_NAME } from '../src/queue/connection.js';
import { BASE_ENV, BIN, jsonLines, tempDir } from './helpers.js';

const REDIS = process.env.SHAREKIT_TEST_REDIS ?? 'redis://127.0.0.1:6379';

/** True when something answers PING at the Redis URL within a second. */
function pingRedis(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((done) => {
    const socket = connect({ host: hostname, port: Number(port || 6379) });
    const finish = (ok: boolean): void => {
      socket.destroy();
      done(ok);
    };
    socket.setTimeout(1000, () => finish(false));
    socket.once('error', () => finish(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (d) => finish(d.toString().startsWith('+PONG')));
  });
}

let reachable = false;
const children: ChildProcess[] = [];

beforeAll(async () => {
  reachable = await pingRedis(REDIS);
  if (!reachable) return;
  // A clean queue: nothing left over from an earlier run.
  const queue = new Queue(QUEUE_NAME, { connection: connectionOf(REDIS) });
  await queue.obliterate({ force: true });
  await queue.close();
});

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

function start(args: readonly string[]): ChildProcess & { stderrText: () => string } {
  const child = spawn(process.execPath, [BIN, ...args], { env: BASE_ENV, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  child.stdout?.resume();
  children.push(child);
  return Object.assign(child, { stderrText: () => stderr });
}

function exited(child: ChildProcess): Promise<number | null> {
  return child.exitCode !== null
    ? Promise.resolve(child.exitCode)
    : new Promise((done) => child.once('exit', (code) => done(code)));
}

async function until(what: string, check: () => boolean, ms = 120_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const TAOBAO = 'https://item.taobao.com/item.htm?id=';

describe('sharekit make --batch --queue with sharekit worker', () => {
  it('makes a 500-row catalog on 2 workers, one killed with SIGKILL mid-run: every row exactly once, every poster reads back, a poisoned row fails alone', async (context) => {
    if (!reachable)
      context.skip(`no Redis reachable at ${REDIS} (set SHAREKIT_TEST_REDIS; .ci/run starts one)`);
    const dir = tempDir();
    const out = join(dir, 'out');
    const rows = 500;
    const poisoned = 137;
    writeFileSync(
      join(dir, 'catalog.csv'),
      [
        'id,url,title,price',
        ...Array.from(
          { length: rows },
          (_, i) => `p${i},${TAOBAO}${600000000000 + i},商品${i} 限时特惠🔥,${i + 1}`,
        ),
      ].join('\n'),
    );
    // A row whose file can never be written (a directory stands where its poster goes): it fails
    // on every attempt, and must fail alone, after its retries.
    mkdirSync(join(out, `p${poisoned}-moments.png`), { recursive: true });
    const workerA = start(['worker', '--queue', REDIS, '--concurrency', '2']);
    const workerB = start(['worker', '--queue', REDIS, '--concurrency', '2']);
    const producer = start([
      'make',
      '--batch',
      join(dir, 'catalog.csv'),
      '-o',
      out,
      '--queue',
      REDIS,
      '--force',
    ]);
    const pngs = (): number =>
      readdirSync(out).filter((f) => f.endsWith('.png') && statSync(join(out, f)).isFile()).length;
    await until('50 posters', () => pngs() >= 50 || producer.exitCode !== null);
    workerA.kill('SIGKILL');
    expect(await exited(producer)).toBe(0);
    expect(workerA.signalCode).toBe('SIGKILL');
    const lines = jsonLines(readFileSync(join(out, 'manifest.jsonl'), 'utf8'));
    expect(lines.map((l) => l.index)).toEqual(Array.from({ length: rows }, (_, i) => i));
    const failed = lines.filter((l) => l.status === 'error');
    expect(failed.map((l) => [l.index, (l.error as { code: string }).code])).toEqual([
      [poisoned, 'write_failed'],
    ]);
    expect(JSON.stringify(failed[0]?.error)).toContain('after 3 attempts');
    for (const line of lines) {
      if (line.index === poisoned) continue;
      const posters = line.posters as { png: string }[];
      expect(posters).toHaveLength(1);
      const read = await resolve(new Uint8Array(readFileSync(posters[0]?.png ?? '')));
      expect(read.link).toBe(`${TAOBAO}${600000000000 + (line.index as number)}`);
    }
    expect(readdirSync(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    workerB.kill('SIGTERM');
    expect(await exited(workerB)).toBe(0);
  }, 300_000);

  it('resumes after the producer itself is killed, collecting what workers finished meanwhile and adding no job twice', async (context) => {
    if (!reachable)
      context.skip(`no Redis reachable at ${REDIS} (set SHAREKIT_TEST_REDIS; .ci/run starts one)`);
    const dir = tempDir();
    const out = join(dir, 'out');
    const rows = 60;
    writeFileSync(
      join(dir, 'catalog.csv'),
      [
        'id,url,title',
        ...Array.from({ length: rows }, (_, i) => `r${i},${TAOBAO}${700000000000 + i},标题${i}`),
      ].join('\n'),
    );
    start(['worker', '--queue', REDIS, '--concurrency', '2']);
    const args = ['make', '--batch', join(dir, 'catalog.csv'), '-o', out, '--queue', REDIS];
    const first = start(args);
    const manifest = join(out, 'manifest.jsonl');
    const count = (): number =>
      existsSync(manifest) ? readFileSync(manifest, 'utf8').split('\n').length - 1 : 0;
    await until('5 manifest lines', () => count() >= 5 || first.exitCode !== null);
    first.kill('SIGKILL');
    await exited(first);
    const before = readFileSync(manifest, 'utf8');
    const second = start([...args, '--resume']);
    expect(await exited(second)).toBe(0);
    const text = readFileSync(manifest, 'utf8');
    expect(text.startsWith(before.slice(0, before.lastIndexOf('\n') + 1))).toBe(true);
    const lines = jsonLines(text);
    expect(lines.map((l) => l.index)).toEqual(Array.from({ length: rows }, (_, i) => i));
    expect(lines.every((l) => l.status === 'ok')).toBe(true);
    // One job per row for this run, though two producers added them.
    const run = readFileSync(`${manifest}.queue-run`, 'utf8').trim();
    const queue = new Queue(QUEUE_NAME, { connection: connectionOf(REDIS) });
    const jobs = await queue.getJobs(['completed', 'failed', 'active', 'wait', 'delayed']);
    await queue.close();
    const ours = jobs.filter((j) => j.id?.startsWith(`make-${run}-`));
    expect(ours).toHaveLength(rows);
  }, 180_000);

  it('resolves a text batch on a worker, in input order', async (context) => {
    if (!reachable)
      context.skip(`no Redis reachable at ${REDIS} (set SHAREKIT_TEST_REDIS; .ci/run starts one)`);
    const dir = tempDir();
    writeFileSync(
      join(dir, 'in.txt'),
      ['https://item.jd.com/100012043978.html', 'javascript:alert(1)', 'nothing'].join('\n'),
    );
    const worker = start(['worker', '--queue', REDIS, '--concurrency', '1']);
    const producer = start([
      'resolve',
      '--batch',
      join(dir, 'in.txt'),
      '-o',
      join(dir, 'out.jsonl'),
      '--queue',
      REDIS,
    ]);
    expect(await exited(producer)).toBe(0);
    const lines = jsonLines(readFileSync(join(dir, 'out.jsonl'), 'utf8'));
    expect(lines.map((l) => [l.index, l.status])).toEqual([
      [0, 'ok'],
      [1, 'danger'],
      [2, 'unknown'],
    ]);
    worker.kill('SIGTERM');
    await exited(worker);
  }, 120_000);

  it('says so and exits 2 when no Redis answers, instead of hanging', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'c.csv'), 'url\nhttps://item.jd.com/1.html\n');
    const producer = start([
      'make',
      '--batch',
      join(dir, 'c.csv'),
      '-o',
      join(dir, 'out'),
      '--queue',
      'redis://127.0.0.1:1',
    ]);
    expect(await exited(producer)).toBe(2);
    expect(producer.stderrText()).toContain('cannot reach Redis');
    expect(existsSync(join(dir, 'out', 'manifest.jsonl'))).toBe(false);
  }, 60_000);
});
