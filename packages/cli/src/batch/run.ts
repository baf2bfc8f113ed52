// `sharekit resolve --batch`: every input gets exactly one output line, in input order.
import type { FetchLike } from '@sharekit/canonical-url';
import type { Resolution } from '@sharekit/resolver';
import { CliError } from '../errors.js';
import { readFileBytes, readStdin } from '../input.js';
import {
  type BatchItem,
  batchSourceOf,
  directoryItems,
  jsonlItems,
  streamTextItems,
  textItems,
} from './inputs.js';
import { checkOutputPlan, type LineStatus, runOrdered } from './ordered.js';
import { WorkerPool } from './pool.js';
import { executeTask, type Task, type TaskOutcome, type WorkerResolveOptions } from './tasks.js';

export type { LineStatus } from './ordered.js';

/** Options of a batch run (from the command line). */
export interface BatchOptions {
  /** A .txt or .jsonl file, a directory, or `-` for stdin lines. */
  readonly input: string;
  /** Output file; `null` writes to stdout. */
  readonly output: string | null;
  readonly resume: boolean;
  readonly force: boolean;
  /** Worker threads for files (images). */
  readonly workers: number;
  readonly progress: boolean;
  readonly resolveOptions: WorkerResolveOptions;
  /** A `redis://` URL: run the inputs on queue workers (`sharekit worker`) instead of here. */
  readonly queue?: string;
}

function statusOf(resolution: Resolution): LineStatus {
  return resolution.kind === 'unknown' ? 'unknown' : resolution.safety.level;
}

/** The position and input fields every output line starts with. */
export function baseOf(item: BatchItem): Record<string, unknown> {
  return {
    index: item.index,
    ...(item.line === undefined ? {} : { line: item.line }),
    ...(item.file === undefined ? {} : { file: item.file }),
    ...(item.id === undefined ? {} : { id: item.id }),
    input: item.echo,
  };
}

/**
 * The output line of one input: its position and input, then the resolution, or the error.
 * @example
 * outputLine(item, { ok: true, resolution }) // '{"index":0,"line":1,"input":"…","status":"ok",…}'
 */
export function outputLine(item: BatchItem, result: TaskOutcome): { line: string; status: LineStatus } {
  if (!result.ok || !('resolution' in result)) {
    const error = result.ok ? { code: 'internal', message: 'not a resolution' } : result.error;
    return { line: JSON.stringify({ ...baseOf(item), status: 'error', error }), status: 'error' };
  }
  const r = result.resolution;
  const status = statusOf(r);
  const record = {
    ...baseOf(item),
    status,
    kind: r.kind,
    link: r.link,
    identity: r.identity,
    safety: r.safety,
    candidates: r.candidates,
    steps: r.steps,
    ...(r.reason === undefined ? {} : { reason: r.reason }),
  };
  return { line: JSON.stringify(record), status };
}

function loadItems(
  source: ReturnType<typeof batchSourceOf>,
  input: string,
  stdinText: string | null,
): BatchItem[] {
  if (source === 'directory') return directoryItems(input);
  const text = stdinText ?? '';
  return source === 'jsonl' ? jsonlItems(text) : textItems(text);
}

/**
 * The UTF-8 text of a batch input file (or stdin), or `null` for a directory.
 * @example
 * await readBatchText('text', 'shares.txt')
 */
export async function readBatchText(
  source: ReturnType<typeof batchSourceOf>,
  input: string,
  hint = 'to decode images, give a directory: sharekit resolve --batch <dir>',
): Promise<string | null> {
  if (source === 'directory') return null;
  const bytes = source === 'stdin' ? await readStdin() : readFileBytes(input);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CliError('input', `${source === 'stdin' ? 'stdin' : input} is not UTF-8 text`, hint);
  }
}

/** The task of one input. */
function taskOf(item: BatchItem, options: WorkerResolveOptions): Task {
  return item.path !== undefined
    ? { kind: 'resolve', path: item.path, options }
    : { kind: 'resolve', text: item.text ?? '', options };
}

/**
 * Runs a batch and returns the exit status. Lines are written as soon as every earlier input is done,
 * so an interrupted run leaves a prefix of the output that `--resume` continues.
 * @example
 * await runBatch({ input: 'shares.txt', output: 'out.jsonl', resume: false, force: false, workers: 2, progress: true, resolveOptions: { fetch: false } })
 */
export async function runBatch(options: BatchOptions): Promise<number> {
  const source = batchSourceOf(options.input);
  checkOutputPlan(options.input, options, 'sharekit resolve --batch <input> -o out.jsonl --resume');
  // Lines from stdin are resolved as they arrive (the first result is out before EOF); a resumed run
  // needs every input first, to check the output was written for them.
  const streaming = source === 'stdin' && !options.resume;
  const items: BatchItem[] | AsyncIterable<BatchItem> = streaming
    ? streamTextItems(process.stdin)
    : loadItems(source, options.input, await readBatchText(source, options.input));
  const format = outputLine;
  if (options.queue !== undefined) {
    const { queueExecutor } = await import('../queue/producer.js');
    const queue = await queueExecutor(options.queue, 'resolve', options.output, options.resume);
    return runOrdered({
      ...options,
      items,
      window: queue.window,
      work: (item) => queue.run(item, taskOf(item, options.resolveOptions)),
      format,
      verb: 'resolved',
      noun: 'inputs',
      close: () => queue.close(),
    });
  }
  const fileCount = Array.isArray(items) ? items.filter((item) => item.path !== undefined).length : 0;
  const pool = fileCount > 0 ? new WorkerPool(Math.max(1, Math.min(options.workers, fileCount))) : null;
  // In flight at once: enough to keep every thread busy, or to overlap network waits; offline text is
  // CPU-bound on this thread, where interleaving many resolutions only costs (measured: 64 → 1 was ~1.4× faster).
  const window = pool ? pool.size * 4 : options.resolveOptions.fetch ? 16 : 1;
  return runOrdered({
    ...options,
    items,
    window,
    work: (item) => {
      const task = taskOf(item, options.resolveOptions);
      return item.path !== undefined && pool ? pool.run(task) : executeTask(task);
    },
    format,
    verb: 'resolved',
    noun: 'inputs',
    close: async () => {
      await pool?.close();
    },
  });
}

/** The fetch that `--fetch` uses: public addresses only (loaded only when following is asked for). */
export async function safeFetch(): Promise<FetchLike> {
  return (await import('@sharekit/resolver/node')).safeFetch;
}
