// What a batch reads: lines of a text file, lines of a JSONL file, or the files of a directory.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { CliError } from '../errors.js';

/** Longest input text kept in an output line (the `input` field), so outputs stay readable. */
export const INPUT_ECHO_LENGTH = 300;

/** One input of a batch. */
export interface BatchItem {
  /** Position among the inputs, from 0: the key of `--resume`. */
  readonly index: number;
  /** 1-based line number in a text or JSONL input. */
  readonly line?: number;
  /** File name within a directory input. */
  readonly file?: string;
  /** The `id` of a JSONL object, carried to the output unchanged. */
  readonly id?: unknown;
  /** What the output line's `input` field says: the text (cut) or the file name. */
  readonly echo: string;
  /** Text to resolve. */
  readonly text?: string;
  /** Path of an image (or any file) to read and resolve on a worker. */
  readonly path?: string;
  /** A problem with this input itself (a JSONL line that is not JSON). */
  readonly error?: { readonly code: string; readonly message: string };
}

export type BatchSource = 'text' | 'jsonl' | 'directory' | 'stdin';

/**
 * How a `--batch` argument is read: `-` is stdin lines, a directory its files, `.jsonl`/`.ndjson`
 * JSON lines, anything else text lines.
 * @example
 * batchSourceOf('shares.jsonl') // 'jsonl'
 */
export function batchSourceOf(path: string): BatchSource {
  if (path === '-') return 'stdin';
  let isDir: boolean;
  try {
    isDir = statSync(path).isDirectory();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(
      'input',
      `cannot read ${path}: ${code === 'ENOENT' ? 'no such file or directory' : (error as Error).message}`,
    );
  }
  if (isDir) return 'directory';
  const lower = path.toLowerCase();
  return lower.endsWith('.jsonl') || lower.endsWith('.ndjson') ? 'jsonl' : 'text';
}

function echoOf(text: string): string {
  return text.length > INPUT_ECHO_LENGTH ? `${text.slice(0, INPUT_ECHO_LENGTH)}…` : text;
}

function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
}

/**
 * One item per non-blank line (blank lines are not inputs, but line numbers count them).
 * @example
 * textItems('a\n\nb\n') // items for 'a' (line 1) and 'b' (line 3)
 */
export function textItems(text: string): BatchItem[] {
  const items: BatchItem[] = [];
  splitLines(text).forEach((raw, i) => {
    if (raw.trim() === '') return;
    items.push({ index: items.length, line: i + 1, echo: echoOf(raw), text: raw });
  });
  return items;
}

/**
 * `textItems` of a stream, item by item as lines arrive (for `--batch -`: a pipe that stays open
 * gets its answers line by line). Line endings `\n` and `\r\n`; a line that is not UTF-8 becomes
 * U+FFFD, as a line of any other text input would be rejected as a whole.
 * @example
 * for await (const item of streamTextItems(process.stdin)) console.log(item.line, item.text)
 */
export async function* streamTextItems(stream: NodeJS.ReadableStream): AsyncGenerator<BatchItem> {
  const lines = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
  let lineNo = 0;
  let index = 0;
  for await (const raw of lines) {
    lineNo++;
    if (raw.trim() === '') continue;
    yield { index: index++, line: lineNo, echo: echoOf(raw), text: raw };
  }
}

/**
 * One item per non-blank JSONL line: a JSON string, or an object with an `input` (or `text`, `url`)
 * string and an optional `id`. Other lines become error items, so they still get an output line.
 * @example
 * jsonlItems('"https://a.example"\n{"id":7,"input":"x"}\n')
 */
export function jsonlItems(text: string): BatchItem[] {
  const items: BatchItem[] = [];
  splitLines(text).forEach((raw, i) => {
    if (raw.trim() === '') return;
    const base = { index: items.length, line: i + 1 };
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      items.push({
        ...base,
        echo: echoOf(raw),
        error: { code: 'invalid_json', message: `line ${i + 1} is not JSON: ${(error as Error).message}` },
      });
      return;
    }
    if (typeof value === 'string') {
      items.push({ ...base, echo: echoOf(value), text: value });
      return;
    }
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      const record = value as Record<string, unknown>;
      const input = [record.input, record.text, record.url].find((v) => typeof v === 'string') as
        | string
        | undefined;
      const withId = 'id' in record ? { id: record.id } : {};
      if (input !== undefined) {
        items.push({ ...base, ...withId, echo: echoOf(input), text: input });
        return;
      }
      items.push({
        ...base,
        ...withId,
        echo: echoOf(raw),
        error: { code: 'invalid_line', message: `line ${i + 1} has no "input" string` },
      });
      return;
    }
    items.push({
      ...base,
      echo: echoOf(raw),
      error: {
        code: 'invalid_line',
        message: `line ${i + 1} is neither a string nor an object with "input"`,
      },
    });
  });
  return items;
}

/**
 * One item per regular file of a directory (dot files skipped), in code-unit order of the names,
 * so the order is the same on every machine.
 * @example
 * directoryItems('posters/')
 */
export function directoryItems(dir: string): BatchItem[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    throw new CliError('input', `cannot list ${dir}: ${(error as Error).message}`);
  }
  const files = names
    .filter((name) => !name.startsWith('.'))
    .filter((name) => {
      try {
        return statSync(join(dir, name)).isFile();
      } catch {
        return false;
      }
    })
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return files.map((name, index) => ({ index, file: name, echo: name, path: join(dir, name) }));
}
