// `sharekit make --batch` and `sharekit worker`: catalogs at scale, on threads or on a queue.
import { availableParallelism } from 'node:os';
import { flag, intOption, parseCommandArgs, stringOption } from '../args.js';
import { CliError, EXIT } from '../errors.js';
import { HELP } from '../help.js';
import type { Io } from '../io.js';

/** The `--font` values (repeatable). */
export function fontOption(values: Record<string, unknown>): string[] {
  const v = values.font;
  if (v === undefined) return [];
  return (Array.isArray(v) ? v : [v]).filter((f): f is string => typeof f === 'string');
}

/** Checks a `--queue` value is a Redis URL (the connection is tried later). */
export function queueOption(values: Record<string, unknown>, command: string): string | undefined {
  const queue = values.queue;
  if (queue === undefined) return undefined;
  if (typeof queue !== 'string' || !/^rediss?:\/\/[^\s]{1,2000}$/.test(queue)) {
    throw new CliError(
      'usage',
      '--queue expects a redis:// or rediss:// URL',
      `sharekit ${command} --queue redis://127.0.0.1:6379`,
    );
  }
  return queue;
}

/** `sharekit make`. */
export async function makeCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs('make', argv, {
    batch: { type: 'string' },
    output: { type: 'string', short: 'o' },
    resume: { type: 'boolean' },
    force: { type: 'boolean' },
    workers: { type: 'string' },
    svg: { type: 'boolean' },
    font: { type: 'string', multiple: true },
    verify: { type: 'boolean' },
    queue: { type: 'string' },
    'no-progress': { type: 'boolean' },
  });
  if (flag(values, 'help')) {
    io.out(HELP.make);
    return EXIT.ok;
  }
  const hint = 'sharekit make --batch catalog.csv -o out/';
  const input = stringOption(values, 'batch');
  if (input === undefined) throw new CliError('usage', 'missing --batch <catalog>', hint);
  if (positionals.length > 0) {
    throw new CliError('usage', `unexpected argument ${JSON.stringify(positionals[0])}`, hint);
  }
  const outDir = stringOption(values, 'output');
  if (outDir === undefined) throw new CliError('usage', 'missing -o <dir>', hint);
  const queue = queueOption(values, 'make');
  const workers = intOption(values, 'workers', 'make', 1, 256);
  const { runMakeBatch } = await import('../batch/make.js');
  return runMakeBatch({
    input,
    outDir,
    resume: flag(values, 'resume'),
    force: flag(values, 'force'),
    ...(workers === undefined ? {} : { workers }),
    progress: !flag(values, 'no-progress'),
    formats: flag(values, 'svg') ? ['png', 'svg'] : ['png'],
    fontFiles: fontOption(values),
    verify: flag(values, 'verify'),
    ...(queue === undefined ? {} : { queue }),
  });
}

/** `sharekit worker`. */
export async function workerCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs('worker', argv, {
    queue: { type: 'string' },
    concurrency: { type: 'string' },
  });
  if (flag(values, 'help')) {
    io.out(HELP.worker);
    return EXIT.ok;
  }
  const hint = 'sharekit worker --queue redis://127.0.0.1:6379';
  if (positionals.length > 0)
    throw new CliError('usage', `unexpected argument ${JSON.stringify(positionals[0])}`, hint);
  const queue = queueOption(values, 'worker');
  if (queue === undefined) throw new CliError('usage', 'missing --queue <redis-url>', hint);
  const concurrency = intOption(values, 'concurrency', 'worker', 1, 256) ?? availableParallelism();
  const { runQueueWorker } = await import('../queue/worker.js');
  return runQueueWorker({ url: queue, concurrency, log: (line) => io.err(`${line}\n`) });
}
