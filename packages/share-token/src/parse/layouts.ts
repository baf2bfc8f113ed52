import { SHARE_ROWS } from '../shares.js';
import { CODE_AT, CODE_COLON, eachWord } from './codes.js';
import { bareDraft, type Draft } from './draft.js';
import { lineAt, lineStarts } from './segments.js';
import { lineEnd, stickyAt } from './text.js';
/**
 * The starts of the lines of `text` that none of the `[a, b)` ranges reach, in one sweep: checking every
 * line against every share was quadratic on many one-line shares.
 */
export function freeLines(text: string, ranges: readonly (readonly [number, number])[]): number[] {
  const starts = lineStarts(text);
  const diff = new Int32Array(starts.length + 1);
  for (const [a, b] of ranges) {
    const first = Math.max(0, lineAt(starts, a));
    const last = lineAt(starts, b - 1);
    if (last < first) continue;
    diff[first] = (diff[first] as number) + 1;
    diff[last + 1] = (diff[last + 1] as number) - 1;
  }
  const free: number[] = [];
  for (let k = 0, reached = 0; k < starts.length; k++) {
    reached += diff[k] as number;
    if (reached === 0) free.push(starts[k] as number);
  }
  return free;
}

/** Shares without link or token: Douyin 2026 code-only shares, JD red packets, a bare 吱口令 marker. */
export function bareLayouts(text: string, s: number, inSeg: Draft[]): void {
  // Next to other shares only the line-prefix layouts count, on lines no share touches.
  const alone = inSeg.length === 0;
  if (alone) {
    // Douyin without a link: both code shapes present (reading stops at the second one found).
    let colon = -1;
    let at = -1;
    eachWord(text, (w, i) => {
      if (colon < 0 && CODE_COLON.test(w)) colon = i;
      else if (at < 0 && CODE_AT.test(w)) at = i;
      return colon >= 0 && at >= 0;
    });
    if (colon >= 0 && at >= 0) {
      const first = Math.min(colon, at);
      inSeg.push(bareDraft('douyin', s + first, s + first));
      return;
    }
  }
  const free = freeLines(
    text,
    inSeg.map((d) => [d.anchor - s, d.anchorEnd - s]),
  );
  for (const row of SHARE_ROWS) {
    const prefix = row.linePrefix;
    // A sticky pattern, tried at each line start.
    for (const start of prefix ? free : []) {
      if (!stickyAt(prefix as RegExp, text, start)) continue;
      inSeg.push(bareDraft(row.platform, s + start, s + lineEnd(text, start)));
    }
    // Alone, the first layout found is the share.
    if (alone && inSeg.length > 0) return;
    for (const m of (alone && row.markerOnly && row.markers) || []) {
      const k = text.indexOf(m);
      if (k >= 0) {
        inSeg.push(bareDraft(row.platform, s + k, s + k + m.length));
        return;
      }
    }
  }
}
