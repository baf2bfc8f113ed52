import { SHARE_ROWS } from '../shares.js';
import { CODE_AT, CODE_COLON } from './codes.js';
import { bareDraft, type Draft } from './draft.js';
import { bisect, isSpace } from './text.js';
/**
 * For each line of `text`, how many of the `[a, b)` ranges reach it (0 = free), in one sweep: checking
 * every line against every share was quadratic on many one-line shares.
 */
export function linesTouched(text: string, ranges: readonly (readonly [number, number])[]): Int32Array {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  /** The last line whose start is at most `at` (or below `at` when `strict`). */
  const lineAt = (at: number, strict: boolean): number =>
    bisect(starts, (st) => (strict ? st < at : st <= at)) - 1;
  const diff = new Int32Array(starts.length + 1);
  for (const [a, b] of ranges) {
    const first = Math.max(0, lineAt(a, false));
    const last = lineAt(b, true);
    if (last < first) continue;
    diff[first] = (diff[first] as number) + 1;
    diff[last + 1] = (diff[last + 1] as number) - 1;
  }
  for (let i = 1; i < diff.length; i++) diff[i] = (diff[i] as number) + (diff[i - 1] as number);
  return diff;
}

/** Calls `visit(start, end, index)` for each line of `text`, without cutting it into strings. */
function eachLine(text: string, visit: (start: number, end: number, line: number) => void): void {
  let start = 0;
  for (let line = 0; ; line++) {
    const brk = text.indexOf('\n', start);
    const end = brk < 0 ? text.length : brk;
    visit(start, end, line);
    if (brk < 0) return;
    start = brk + 1;
  }
}

/** Whether the sticky `prefix` matches at `at` (a line start) of `text`. */
function startsLine(prefix: RegExp, text: string, at: number): boolean {
  prefix.lastIndex = at;
  return prefix.test(text);
}

/** Shares without link or token: Douyin 2026 code-only shares, JD red packets, a bare 吱口令 marker. */
export function bareLayouts(text: string, s: number, inSeg: Draft[]): void {
  const taken = inSeg.map((d) => [d.anchor - s, d.anchorEnd - s] as const);
  if (taken.length > 0) {
    // Next to other shares only the line-prefix layouts count, on lines no share touches.
    const touched = linesTouched(text, taken);
    for (const row of SHARE_ROWS) {
      const prefix = row.linePrefix;
      if (!prefix) continue;
      eachLine(text, (start, end, line) => {
        if (touched[line] === 0 && startsLine(prefix, text, start))
          inSeg.push(bareDraft(row.platform, s + start, s + end));
      });
    }
    return;
  }
  // Douyin without a link: both code shapes present (stop reading at the second one found).
  let colon = -1;
  let at = -1;
  for (let i = 0; i < text.length && (colon < 0 || at < 0); ) {
    if (isSpace(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < text.length && !isSpace(text.charCodeAt(i))) i++;
    if (i - start > 7) continue;
    const w = text.slice(start, i);
    if (colon < 0 && CODE_COLON.test(w)) colon = start;
    else if (at < 0 && CODE_AT.test(w)) at = start;
  }
  const douyin = SHARE_ROWS.find((r) => r.codeToken && r.platform === 'douyin');
  if (douyin && colon >= 0 && at >= 0) {
    const first = Math.min(colon, at);
    inSeg.push(bareDraft(douyin.platform, s + first, s + first));
    return;
  }
  for (const row of SHARE_ROWS) {
    const prefix = row.linePrefix;
    if (prefix) {
      let found = false;
      eachLine(text, (start, end) => {
        if (!startsLine(prefix, text, start)) return;
        inSeg.push(bareDraft(row.platform, s + start, s + end));
        found = true;
      });
      if (found) return;
    }
    if (row.markerOnly) {
      const m = (row.markers ?? []).find((x) => text.includes(x));
      if (m !== undefined) {
        const k = text.indexOf(m);
        inSeg.push(bareDraft(row.platform, s + k, s + k + m.length));
        return;
      }
    }
  }
}
