// The batch output file: whole lines appended with one write each, synced now and then, and on
// --resume read back so that a run continues exactly where the last one stopped.
//
// Why this cannot duplicate or lose a line: a line only counts as done once its final newline is in
// the file. Each line is written by a single write() of the whole line; if a crash (or a full disk)
// leaves part of a line, it has no newline, and resume cuts the file back to the last newline before
// appending anything. Lines carry their input index, so resume skips exactly the indices present.
import {
  closeSync,
  constants,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  openSync,
  readSync,
  renameSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { CliError } from '../errors.js';
import type { BatchItem } from './inputs.js';

/** What resuming found in an existing output. */
export interface ResumeState {
  /** Input indices already written. */
  readonly done: ReadonlySet<number>;
  /** Bytes of a half-written last line that were cut off. */
  readonly droppedPartialBytes: number;
  /** Complete lines dropped because they were not output lines of this batch (corrupt JSON, duplicates). */
  readonly droppedLines: number;
}

function readWhole(fd: number): Buffer {
  const size = fstatSync(fd).size;
  const buf = Buffer.alloc(size);
  let at = 0;
  while (at < size) {
    const n = readSync(fd, buf, at, size - at, at);
    if (n === 0) break;
    at += n;
  }
  return buf.subarray(0, at);
}

/**
 * Reads the lines already in `path` and checks they belong to `items` (same index, same input).
 * Cuts a trailing partial line off the file; rewrites the file (atomically, by rename) when complete
 * lines had to be dropped.
 * @example
 * const { done } = readResumeState('out.jsonl', items)
 */
export function readResumeState(path: string, items: readonly BatchItem[]): ResumeState {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDWR);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      return { done: new Set(), droppedPartialBytes: 0, droppedLines: 0 };
    throw new CliError('output', `cannot open ${path} to resume: ${(error as Error).message}`);
  }
  try {
    const buf = readWhole(fd);
    const end = buf.lastIndexOf(0x0a) + 1;
    const droppedPartialBytes = buf.length - end;
    if (droppedPartialBytes > 0) {
      ftruncateSync(fd, end);
      fsyncSync(fd);
    }
    const done = new Set<number>();
    const kept: string[] = [];
    let droppedLines = 0;
    const text = buf.subarray(0, end).toString('utf8');
    let lineNo = 0;
    for (const line of text.split('\n')) {
      if (line === '') continue;
      lineNo++;
      const index = indexOf(line);
      if (index === null || index >= items.length || done.has(index)) {
        droppedLines++;
        continue;
      }
      const item = items[index] as BatchItem;
      const echo = echoField(line);
      if (echo !== item.echo) {
        throw new CliError(
          'usage',
          `${path} was written for other inputs: its line ${lineNo} is input ${index} ${JSON.stringify(echo)}, now ${JSON.stringify(item.echo)}`,
          'give another -o, or --force to start over',
        );
      }
      done.add(index);
      kept.push(line);
    }
    if (droppedLines > 0) {
      const tmp = `${path}.resume-tmp`;
      writeFileSync(tmp, kept.map((l) => `${l}\n`).join(''), { flush: true });
      renameSync(tmp, path);
    }
    return { done, droppedPartialBytes, droppedLines };
  } finally {
    closeSync(fd);
  }
}

function indexOf(line: string): number | null {
  try {
    const value = JSON.parse(line) as { index?: unknown };
    return typeof value.index === 'number' && Number.isInteger(value.index) && value.index >= 0
      ? value.index
      : null;
  } catch {
    return null;
  }
}

function echoField(line: string): unknown {
  return (JSON.parse(line) as { input?: unknown }).input;
}

/** Where output lines go. */
export interface LineSink {
  /** Appends one complete line (the newline is added). */
  write(line: string): void;
  /** Makes written lines durable (fsync for a file). */
  sync(): void;
  close(): void;
}

/**
 * A sink appending to `path` (created if missing, truncated with `truncate`). Lines are gathered and
 * written as whole lines, many per `write`, at least every `syncEveryMs` (then fsynced) and whenever
 * 64 KiB are pending; a line still in memory when the process dies was never counted, and is redone
 * by `--resume`.
 * @example
 * const sink = openFileSink('out.jsonl', { truncate: false })
 */
export function openFileSink(
  path: string,
  options: { readonly truncate: boolean; readonly syncEveryMs?: number },
): LineSink {
  let fd: number;
  try {
    fd = openSync(path, options.truncate ? 'w' : 'a');
  } catch (error) {
    throw new CliError('output', `cannot write ${path}: ${(error as Error).message}`);
  }
  const every = options.syncEveryMs ?? 250;
  let lastSync = Date.now();
  let pending = '';
  let dirty = false;
  const flush = (): void => {
    if (pending === '') return;
    const bytes = Buffer.from(pending, 'utf8');
    pending = '';
    let at = 0;
    try {
      while (at < bytes.length) at += writeSync(fd, bytes, at, bytes.length - at);
    } catch (error) {
      throw new CliError('output', `cannot write ${path}: ${(error as Error).message}`);
    }
    dirty = true;
  };
  const sync = (): void => {
    flush();
    if (dirty) fsyncSync(fd);
    dirty = false;
    lastSync = Date.now();
  };
  return {
    write(line) {
      pending += `${line}\n`;
      if (Date.now() - lastSync >= every) sync();
      else if (pending.length >= 1 << 16) flush();
    },
    sync,
    close() {
      sync();
      closeSync(fd);
    },
  };
}

/**
 * A sink writing lines to stdout.
 * @example
 * const sink = stdoutSink()
 */
export function stdoutSink(): LineSink {
  return {
    write(line) {
      process.stdout.write(`${line}\n`);
    },
    sync() {},
    close() {},
  };
}
