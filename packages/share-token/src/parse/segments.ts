/* Where one share of a paste ends and the next begins, and which line a position is on. */
import { SHARE_ROWS, type SharePlatform } from '../shares.js';
import { bisect } from './text.js';

/** A word that names a platform (a marker such as 【淘宝】 or a layout phrase such as 手淘) at `[at, end)`. */
export interface NameSpot {
  readonly at: number;
  readonly end: number;
  readonly platform: SharePlatform;
  readonly marker: boolean;
}

/** The words that name a platform: each row's markers, then its layout phrases. */
const NAME_WORDS = SHARE_ROWS.flatMap((row) => [
  ...(row.markers ?? []).map((w) => [w, row.platform, true] as const),
  ...(row.layoutPhrases ?? []).map((w) => [w, row.platform, false] as const),
]);

/** Every word that names a platform, in text order: one scan of the text per word. */
export function nameSpots(norm: string): NameSpot[] {
  const spots: NameSpot[] = [];
  for (const [w, platform, marker] of NAME_WORDS) {
    for (let k = norm.indexOf(w); k >= 0; k = norm.indexOf(w, k + w.length))
      spots.push({ at: k, end: k + w.length, platform, marker });
  }
  return spots.sort((a, b) => a.at - b.at);
}

/**
 * Segments of `norm`: a marker such as 【淘宝】 (among the `spots`) opens a new share once the text
 * before it holds an anchor (a link or a sharekit token; `anchors` are their starts, in any order).
 */
export function segmentsOf(norm: string, anchors: number[], spots: NameSpot[]): [number, number][] {
  const markers = spots.filter((x) => x.marker).map((x) => x.at);
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
    const cut = cutBefore(norm, segStart, m, anchors[lastAnchor] as number);
    segments.push([segStart, cut]);
    segStart = cut;
    ap = lastAnchor + 1;
  }
  segments.push([segStart, norm.length]);
  return segments;
}

/**
 * Cut at the start of the marker's line when no link sits on that line before the marker, so codes
 * written before 【抖音商城】 stay with their share.
 */
function cutBefore(norm: string, segStart: number, marker: number, lastAnchor: number): number {
  let cut = marker;
  while (cut > segStart && norm.charCodeAt(cut - 1) !== 0x0a) cut--;
  return cut <= lastAnchor ? marker : cut;
}

/**
 * Line number of a position (count of line breaks before it), by binary search over the breaks; the
 * breaks are found on the first call (only token candidates ask, most long texts never do).
 */
export function lineIndex(norm: string): (at: number) => number {
  let lineBreaks: number[] | undefined;
  return (at) => {
    if (lineBreaks === undefined) {
      lineBreaks = [];
      for (let i = norm.indexOf('\n'); i >= 0; i = norm.indexOf('\n', i + 1)) lineBreaks.push(i);
    }
    return bisect(lineBreaks, (b) => b < at);
  };
}
