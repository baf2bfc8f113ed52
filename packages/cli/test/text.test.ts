import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzz } from '../../../test-utils/fuzz.js';
import { formatDuration } from '../src/batch/progress.js';
import { defang, displayWidth, escapeControls, makeStyle, padEnd } from '../src/text.js';

describe('displayWidth and padEnd', () => {
  it('counts CJK and full-width characters as two columns and ASCII as one', () => {
    expect(displayWidth('link')).toBe(4);
    expect(displayWidth('链接')).toBe(4);
    expect(displayWidth('￥AB￥')).toBe(6);
    expect(displayWidth('e\u0301')).toBe(1);
  });

  it('pads mixed Chinese and English labels to the same column', () => {
    expect(displayWidth(padEnd('平台', 8))).toBe(8);
    expect(displayWidth(padEnd('platform', 8))).toBe(8);
    expect(padEnd('toolong', 3)).toBe('toolong');
  });
});

describe('defang', () => {
  it('writes dangerous targets so that no terminal turns them into links', () => {
    expect(defang('javascript:alert(1)')).toBe('javascript[:]alert(1)');
    expect(defang('https://item.taobao.com.evil.example/x')).toBe(
      'https[:]//item[.]taobao[.]com[.]evil[.]example/x',
    );
    expect(defang('data:text/html,<script>')).toBe('data[:]text/html,<script>');
  });

  it('never leaves a scheme separator, a bare dot or a control character, for any string (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (s) => {
        const out = defang(s);
        expect(out).not.toContain('://');
        expect(out.replaceAll('[.]', '')).not.toContain('.');
        expect(out).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
      }),
      fuzz(500, 7),
    );
  });
});

describe('escapeControls', () => {
  it('shows escape sequences and bidi overrides as \\u escapes', () => {
    expect(escapeControls('a\u001b[2Jb')).toBe('a\\u001b[2Jb');
    expect(escapeControls('x\u202ey')).toBe('x\\u202ey');
    expect(escapeControls('淘宝 ok')).toBe('淘宝 ok');
  });
});

describe('makeStyle', () => {
  it('colours only a terminal, never with NO_COLOR, and a pipe with FORCE_COLOR', () => {
    expect(makeStyle(true, {}).red('x')).toBe('\u001b[31mx\u001b[39m');
    expect(makeStyle(false, {}).red('x')).toBe('x');
    expect(makeStyle(true, { NO_COLOR: '1' }).red('x')).toBe('x');
    expect(makeStyle(true, { NO_COLOR: '' }).enabled).toBe(true);
    expect(makeStyle(false, { FORCE_COLOR: '1' }).enabled).toBe(true);
    expect(makeStyle(false, { FORCE_COLOR: '0' }).enabled).toBe(false);
  });

  it('colours no dumb terminal, nor any terminal with FORCE_COLOR=0 or false', () => {
    expect(makeStyle(true, { TERM: 'dumb' }).enabled).toBe(false);
    expect(makeStyle(true, { TERM: 'dumb' }).red('x')).toBe('x');
    expect(makeStyle(true, { FORCE_COLOR: '0' }).enabled).toBe(false);
    expect(makeStyle(true, { FORCE_COLOR: 'false' }).enabled).toBe(false);
    expect(makeStyle(true, { TERM: 'xterm-256color' }).enabled).toBe(true);
    expect(makeStyle(true, { TERM: 'dumb', FORCE_COLOR: '1' }).enabled).toBe(true);
  });
});

describe('formatDuration (progress ETA)', () => {
  it('rounds to whole seconds before splitting, so a minute never shows 60 seconds', () => {
    expect(formatDuration(119.5)).toBe('2m00s');
    expect(formatDuration(59.2)).toBe('1m00s');
    expect(formatDuration(3599.5)).toBe('1h00m');
    expect(formatDuration(65)).toBe('1m05s');
    expect(formatDuration(Number.POSITIVE_INFINITY)).toBe('?');
  });

  it('never prints 60 in the seconds or minutes place, for any duration (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), (seconds) => {
        expect(formatDuration(seconds)).not.toMatch(/(?:^|\D)60[sm]$|m60s$/);
      }),
    );
  });
});
