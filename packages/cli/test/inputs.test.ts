import { describe, expect, it } from 'vitest';
import { INPUT_ECHO_LENGTH, jsonlItems, textItems } from '../src/batch/inputs.js';

describe('textItems', () => {
  it('numbers non-blank lines as inputs and keeps their line numbers, with CRLF endings', () => {
    const items = textItems('a\r\n\r\n  \nb\n');
    expect(items.map((i) => [i.index, i.line, i.text])).toEqual([
      [0, 1, 'a'],
      [1, 4, 'b'],
    ]);
  });

  it('cuts the echoed input of a long line but resolves the whole line', () => {
    const long = 'x'.repeat(INPUT_ECHO_LENGTH + 50);
    const [item] = textItems(long);
    expect(item?.text).toBe(long);
    expect(item?.echo.length).toBe(INPUT_ECHO_LENGTH + 1);
  });
});

describe('jsonlItems', () => {
  it('takes strings and objects with input, text or url, and keeps ids of any JSON type', () => {
    const items = jsonlItems(
      ['"s"', '{"id":1,"input":"i"}', '{"id":{"k":[1]},"text":"t"}', '{"url":"u"}'].join('\n'),
    );
    expect(items.map((i) => [i.text, i.id])).toEqual([
      ['s', undefined],
      ['i', 1],
      ['t', { k: [1] }],
      ['u', undefined],
    ]);
  });

  it('turns lines that are not inputs into error items in their place', () => {
    const items = jsonlItems('{bad\n42\n{"id":3}\n"ok"');
    expect(items.map((i) => i.error?.code ?? 'input')).toEqual([
      'invalid_json',
      'invalid_line',
      'invalid_line',
      'input',
    ]);
    expect(items.map((i) => i.index)).toEqual([0, 1, 2, 3]);
  });
});
