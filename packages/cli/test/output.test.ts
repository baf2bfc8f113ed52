import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { textItems } from '../src/batch/inputs.js';
import { openFileSink, readResumeState } from '../src/batch/output.js';
import { isCliError } from '../src/errors.js';
import { tempDir } from './helpers.js';

const items = textItems('https://a.example/1\nhttps://a.example/2\nhttps://a.example/3\n');
const line = (index: number): string =>
  JSON.stringify({ index, line: index + 1, input: `https://a.example/${index + 1}`, status: 'ok' });

describe('readResumeState', () => {
  it('finds nothing done when the output does not exist yet', () => {
    const state = readResumeState(join(tempDir(), 'none.jsonl'), items);
    expect([...state.done]).toEqual([]);
  });

  it('cuts a half-written last line off the file and does not count it', () => {
    const out = join(tempDir(), 'out.jsonl');
    writeFileSync(out, `${line(0)}\n${line(1).slice(0, 20)}`);
    const state = readResumeState(out, items);
    expect([...state.done]).toEqual([0]);
    expect(state.droppedPartialBytes).toBe(20);
    expect(readFileSync(out, 'utf8')).toBe(`${line(0)}\n`);
  });

  it('drops corrupt and repeated complete lines, keeping the first of each index', () => {
    const out = join(tempDir(), 'out.jsonl');
    writeFileSync(out, `${line(0)}\nnot json\n${line(0)}\n${line(2)}\n`);
    const state = readResumeState(out, items);
    expect([...state.done].sort()).toEqual([0, 2]);
    expect(state.droppedLines).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe(`${line(0)}\n${line(2)}\n`);
  });

  it('refuses an output whose lines name other inputs', () => {
    const out = join(tempDir(), 'out.jsonl');
    writeFileSync(out, `${JSON.stringify({ index: 0, input: 'something else' })}\n`);
    let error: unknown;
    try {
      readResumeState(out, items);
    } catch (e) {
      error = e;
    }
    expect(isCliError(error) && error.code === 'usage').toBe(true);
  });
});

describe('openFileSink', () => {
  it('appends whole lines and keeps what was there', () => {
    const out = join(tempDir(), 'out.jsonl');
    writeFileSync(out, 'first\n');
    const sink = openFileSink(out, { truncate: false, syncEveryMs: 0 });
    sink.write('second');
    sink.write('三');
    sink.close();
    expect(readFileSync(out, 'utf8')).toBe('first\nsecond\n三\n');
  });
});
