// The loop under every batch: run items through an executor (inline, worker threads, a queue), write
// one line per item in input order as soon as every earlier one is done, resume after a kill.
import { statSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import { CliError, EXIT } from '../errors.js';
import type { BatchItem } from './inputs.js';
import { type LineSink, openFileSink, type ResumeState, readResumeState, stdoutSink } from './output.js';
import { progressBar } from './progress.js';
import type { TaskOutcome } from './tasks.js';

/** The status an output line reports. */
export type LineStatus = 'ok' | 'caution' | 'danger' | 'unknown' | 'error';

/** Where a batch writes, and whether it continues an earlier run. */
export interface OutputPlan {
  /** Output file; `null` writes to stdout. */
  readonly output: string | null;
  readonly resume: boolean;
  readonly force: boolean;
}

function outputSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/**
 * Refuses an output plan that would lose data: resuming stdout, overwriting the input, or writing over
 * a non-empty output without `--resume` or `--force`.
 * @example
 * checkOutputPlan('in.txt', { output: 'out.jsonl', resume: false, force: false }, 'sharekit resolve --batch <input> -o out.jsonl --resume')
 */
export function checkOutputPlan(input: string, plan: OutputPlan, resumeHint: string): void {
  if (plan.output === null && plan.resume) {
    throw new CliError('usage', '--resume needs an output file', resumeHint);
  }
  if (plan.output !== null && input !== '-' && resolvePath(plan.output) === resolvePath(input)) {
    throw new CliError('usage', 'the output would overwrite the input', 'give another -o');
  }
  if (plan.output !== null && !plan.resume && !plan.force && outputSize(plan.output) > 0) {
    throw new CliError(
      'usage',
      `${plan.output} exists and is not empty`,
      'add --resume to continue it, or --force to overwrite it',
    );
  }
}

/** What {@link runOrdered} needs besides the items. */
export interface OrderedRun extends OutputPlan {
  /** The inputs; a stream (stdin lines) is run as it arrives and cannot be resumed. */
  readonly items: readonly BatchItem[] | AsyncIterable<BatchItem>;
  readonly progress: boolean;
  /** Items in flight at once. */
  readonly window: number;
  /** Runs one item; never rejects (failures are outcomes). */
  readonly work: (item: BatchItem) => Promise<TaskOutcome>;
  /** The output line of an item and its outcome. */
  readonly format: (item: BatchItem, outcome: TaskOutcome) => { line: string; status: LineStatus };
  /** For the summary: `resolved 12 inputs`, `made 12 rows`. */
  readonly verb: string;
  readonly noun: string;
  /** Called when the run ends, also on error (stops threads, queue connections). */
  readonly close?: () => Promise<void>;
}

/**
 * Runs a batch and returns the exit status. Lines are written as soon as every earlier input is done,
 * so an interrupted run leaves a prefix of the output that `--resume` continues.
 * @example
 * await runOrdered({ items, output: 'out.jsonl', resume: false, force: false, progress: true, window: 1, work, format, verb: 'resolved', noun: 'inputs' })
 */
export async function runOrdered(run: OrderedRun): Promise<number> {
  const started = Date.now();
  const items = Array.isArray(run.items) ? (run.items as readonly BatchItem[]) : null;
  let state: ResumeState | null = null;
  try {
    state = items !== null && run.output !== null && run.resume ? readResumeState(run.output, items) : null;
  } catch (error) {
    await run.close?.();
    throw error;
  }
  const done = state?.done ?? new Set<number>();
  const todo: Iterable<BatchItem> | AsyncIterable<BatchItem> =
    items === null ? (run.items as AsyncIterable<BatchItem>) : items.filter((item) => !done.has(item.index));
  const sink: LineSink =
    run.output === null ? stdoutSink() : openFileSink(run.output, { truncate: !run.resume });
  const total = items?.length ?? 0; // unknown while streaming: no bar
  const bar = progressBar(process.stderr, total, done.size, run.progress);
  const counts: Record<LineStatus, number> = { ok: 0, caution: 0, danger: 0, unknown: 0, error: 0 };

  let written = 0;
  const stop = (signal: NodeJS.Signals): void => {
    sink.close();
    bar.end();
    process.stderr.write(
      `sharekit: interrupted after ${done.size + written}${items ? ` of ${items.length}` : ''} ${run.noun}; continue with --resume\n`,
    );
    process.exit(signal === 'SIGINT' ? EXIT.interrupted : 143);
  };
  const onSigint = (): void => stop('SIGINT');
  const onSigterm = (): void => stop('SIGTERM');
  if (run.output !== null) {
    process.once('SIGINT', onSigint);
    process.once('SIGTERM', onSigterm);
  }

  // Results arrive out of order (threads, network, queue workers); they wait here until every earlier one is written.
  const ready = new Map<number, { line: string; status: LineStatus }>();
  const flush = (): void => {
    for (let entry = ready.get(written); entry !== undefined; entry = ready.get(written)) {
      ready.delete(written);
      sink.write(entry.line);
      counts[entry.status]++;
      written++;
    }
    bar.tick(done.size + written);
  };
  const inFlight = new Set<Promise<void>>();
  let position = 0;
  try {
    for await (const item of todo) {
      const at = position++;
      const work = item.error
        ? Promise.resolve<TaskOutcome>({ ok: false, error: item.error })
        : run.work(item);
      const task: Promise<void> = work.then((outcome) => {
        inFlight.delete(task);
        ready.set(at, run.format(item, outcome));
        flush();
      });
      task.catch(() => undefined); // a failure is raised by the race or the final wait below
      inFlight.add(task);
      if (inFlight.size >= run.window) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
  } finally {
    process.off('SIGINT', onSigint);
    process.off('SIGTERM', onSigterm);
    sink.close();
    bar.end();
    await run.close?.();
  }

  if (process.stderr.isTTY === true) {
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const parts = (Object.entries(counts) as [LineStatus, number][])
      .filter(([, n]) => n > 0)
      .map(([k, n]) => `${n} ${k}`);
    const skipped = done.size > 0 ? `, ${done.size} already done` : '';
    const dropped = state && state.droppedPartialBytes > 0 ? ', a half-written line dropped' : '';
    process.stderr.write(
      `${run.verb} ${written} ${run.noun}${skipped}${dropped} in ${seconds} s${parts.length > 0 ? ` (${parts.join(', ')})` : ''}${run.output ? ` → ${run.output}` : ''}\n`,
    );
  }
  return EXIT.ok;
}
