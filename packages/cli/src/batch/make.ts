// `sharekit make --batch`: a catalog in, every row's posters, share text, token and app links out,
// with one manifest line per row in catalog order.
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { CliError } from '../errors.js';
import { type CatalogItem, catalogItems } from './catalog.js';
import { batchSourceOf } from './inputs.js';
import { checkOutputPlan, type LineStatus, runOrdered } from './ordered.js';
import { WorkerPool } from './pool.js';
import { baseOf, readBatchText } from './run.js';
import type { MakeSettings, Task, TaskOutcome } from './tasks.js';

/** Options of `sharekit make --batch` (from the command line). */
export interface MakeBatchOptions {
  /** A .csv file with a header row, or a .jsonl file of objects. */
  readonly input: string;
  /** Output directory: posters and `manifest.jsonl`. */
  readonly outDir: string;
  readonly resume: boolean;
  readonly force: boolean;
  /** Worker threads rendering posters. @default every core */
  readonly workers?: number;
  readonly progress: boolean;
  readonly formats: readonly ('png' | 'svg')[];
  readonly fontFiles: readonly string[];
  readonly verify: boolean;
  /** A `redis://` URL: rows run on queue workers (`sharekit worker`) instead of here. */
  readonly queue?: string;
}

/** The manifest file inside the output directory. */
export const MANIFEST = 'manifest.jsonl';

/**
 * The manifest line of one row: its position and URL, then what was made, or the error.
 * @example
 * manifestLine(item, { ok: false, error: { code: 'unsafe_target', message: '…' } }).status // 'error'
 */
export function manifestLine(item: CatalogItem, outcome: TaskOutcome): { line: string; status: LineStatus } {
  if (!outcome.ok || !('made' in outcome)) {
    const error = outcome.ok ? { code: 'internal', message: 'not a made row' } : outcome.error;
    return { line: JSON.stringify({ ...baseOf(item), status: 'error', error }), status: 'error' };
  }
  const status: LineStatus = outcome.made.cautions.length > 0 ? 'caution' : 'ok';
  return { line: JSON.stringify({ ...baseOf(item), status, ...outcome.made }), status };
}

function taskOf(item: CatalogItem, settings: MakeSettings): Task {
  if (!item.row || item.name === undefined) throw new Error('a catalog item without a row has an error');
  return { kind: 'make', row: item.row, name: item.name, settings };
}

/**
 * Runs `make --batch` and returns the exit status.
 * @example
 * await runMakeBatch({ input: 'catalog.csv', outDir: 'out', resume: false, force: false, progress: true, formats: ['png'], fontFiles: [], verify: false })
 */
export async function runMakeBatch(options: MakeBatchOptions): Promise<number> {
  const source = batchSourceOf(options.input);
  const lower = options.input.toLowerCase();
  const format = lower.endsWith('.csv')
    ? 'csv'
    : lower.endsWith('.jsonl') || lower.endsWith('.ndjson')
      ? 'jsonl'
      : null;
  if (source === 'directory' || source === 'stdin' || format === null) {
    throw new CliError(
      'usage',
      `expected a .csv or .jsonl catalog, found ${JSON.stringify(options.input)}`,
      'sharekit make --batch catalog.csv -o out/',
    );
  }
  const manifest = join(options.outDir, MANIFEST);
  checkOutputPlan(
    options.input,
    { output: manifest, resume: options.resume, force: options.force },
    'sharekit make --batch catalog.csv -o out/ --resume',
  );
  const text = (await readBatchText(source, options.input, 'save the catalog as UTF-8')) ?? '';
  const items = catalogItems(text, format, options.input);
  const { mkdirSync } = await import('node:fs');
  try {
    mkdirSync(options.outDir, { recursive: true });
  } catch (error) {
    throw new CliError('output', `cannot create ${options.outDir}: ${(error as Error).message}`);
  }
  const settings: MakeSettings = {
    outDir: options.outDir,
    formats: options.formats,
    fontFiles: options.fontFiles,
    verify: options.verify,
  };
  const plan = { output: manifest, resume: options.resume, force: options.force };
  const format_ = (item: CatalogItem, outcome: TaskOutcome) => manifestLine(item, outcome);
  if (options.queue !== undefined) {
    const { queueExecutor } = await import('../queue/producer.js');
    const queue = await queueExecutor(options.queue, 'make', manifest, options.resume);
    return runOrdered({
      ...plan,
      items,
      progress: options.progress,
      window: queue.window,
      work: (item) => queue.run(item, taskOf(item, settings)),
      format: format_,
      verb: 'made',
      noun: 'rows',
      close: () => queue.close(),
    });
  }
  const rows = items.filter((item) => item.row !== undefined).length;
  const pool = new WorkerPool(Math.max(1, Math.min(options.workers ?? availableParallelism(), rows || 1)));
  return runOrdered({
    ...plan,
    items,
    progress: options.progress,
    window: pool.size * 2,
    work: (item) => pool.run(taskOf(item, settings)),
    format: format_,
    verb: 'made',
    noun: 'rows',
    close: () => pool.close(),
  });
}
