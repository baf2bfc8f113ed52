/* Where one share of a paste ends and the next begins, and which line a position is on. */
import { SHARE_ROWS } from '../shares.js';
import { bisect } from './text.js';

/**
 * Segments of `norm`: a marker such as 【淘宝】 opens a new share once the text before it holds an
 * anchor (a link or a sharekit token; `anchors` are their starts, in any order).
 */
export function segmentsOf(norm: string, anchors: number[]): [number, number][] {
  const markers: number[] = [];
  for (const row of SHARE_ROWS) {
    for (const m of row.markers ?? []) {
      for (let k = norm.indexOf(m); k >= 0; k = norm.indexOf(m, k + m.length)) markers.push(k);
    }
    // A second share needs a link of its own after the first's: with one anchor, no start is looked for.
    for (const x of row.starts && anchors.length > 1 ? norm.matchAll(row.starts) : []) markers.push(x.index);
  }
  markers.sort((a, b) => a - b);
  anchors.sort((a, b) => a - b);
  const segments: [number, number][] = [];
  let segStart = 0;
  let ap = 0;
  for (const m of markers) {
    if (m <= segStart) continue;
    while (ap < anchors.length && (anchors[ap] as number) < segStart) ap++;
    if (ap >= anchors.length || (anchors[ap] as number) >= m) continue;
    let lastAnchor = ap;
    while (lastAnchor + 1 < anchors.length && (anchors[lastAnchor + 1] as number) < m) lastAnchor++;
    // Cut at the start of the marker's line when no link sits on that line before the marker, so
    // codes written before 【抖音商城】 stay with their share.
    let cut = m;
    while (cut > segStart && norm.charCodeAt(cut - 1) !== 0x0a) cut--;
    if (cut <= (anchors[lastAnchor] as number)) cut = m;
    segments.push([segStart, cut]);
    segStart = cut;
    ap = lastAnchor + 1;
  }
  segments.push([segStart, norm.length]);
  return segments;
}

/** Where each line of `s` starts: 0, then after every line break. */
export function lineStarts(s: string): number[] {
  const starts = [0];
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/**
 * Line number of a position (count of line breaks before it), by binary search over the line starts; they
 * are found on the first call (only token candidates ask, most long texts never do).
 */
export function lineIndex(norm: string): (at: number) => number {
  let starts: number[] | undefined;
  return (at) => {
    starts ??= lineStarts(norm);
    return lineAt(starts, at);
  };
}

/** The line `at` is on: the index of the last of the line `starts` at or before it. */
export function lineAt(starts: readonly number[], at: number): number {
  return bisect(starts, (st) => st <= at) - 1;
}
