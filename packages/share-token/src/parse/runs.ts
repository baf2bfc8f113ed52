/* Runs of ASCII letters and digits outside links: the token and channel-code candidates. */
import { CHANNEL_CODE, SHARE_ROWS } from '../shares.js';
import { isDelimited, runMatches } from './candidates.js';
import type { Candidate } from './draft.js';
import { isAsciiAlnum, stickyAt } from './text.js';

/** A channel code (`CZ3457`) at `start`. */
export interface Code {
  start: number;
  value: string;
}

/**
 * Every run outside the `closed` spans (links and sharekit tokens, sorted): 5–6 characters may be a
 * channel code, 10–18 a token of the first row whose rule it fits (rules that need a marker ask the
 * run's segment).
 */
export function readRuns(
  norm: string,
  closed: readonly { readonly start: number; readonly end: number }[],
  segments: [number, number][],
): { candidates: Candidate[]; codes: Code[] } {
  const n = norm.length;
  const candidates: Candidate[] = [];
  const codes: Code[] = [];
  let cp = 0;
  // Inside 「…」 and 【…】 (up to the end of the line, or a link: a title holds none) sit titles, never tokens:
  // `「iPhone15Pro…」`, but `【淘宝发红包了…点击链接：<link> 或复制这条信息￥<token>￥` leaves its 【 open.
  let corner = false;
  let depth = 0;
  let lineStart = 0;
  const has = segmentMarkers(norm, segments);
  for (let i = 0; i < n; ) {
    const c = norm.charCodeAt(i++);
    if (!isAsciiAlnum(c)) {
      if (c === 0x0a) {
        corner = false;
        depth = 0;
        lineStart = i;
      } else if (c === 0x300c || c === 0x300d) corner = c === 0x300c;
      else if (c === 0x3010) depth++;
      else if (c === 0x3011 && depth > 0) depth--;
      continue;
    }
    const start = i - 1;
    while (i < n && isAsciiAlnum(norm.charCodeAt(i))) i++;
    const end = i;
    while (cp < closed.length && (closed[cp] as { end: number }).end <= start) cp++;
    if (cp < closed.length && (closed[cp] as { start: number }).start < end) {
      corner = false;
      depth = 0;
      continue;
    }
    const len = end - start;
    if (len >= 5 && len <= 6 && CHANNEL_CODE.test(norm.slice(start, end))) {
      codes.push({ start, value: norm.slice(start, end) });
      continue;
    }
    if (len < 10 || len > 18) continue;
    const cand = candidateAt(norm, start, end, corner || depth > 0, (m) => has(start, m), lineStart);
    if (cand) candidates.push(cand);
  }
  return { candidates, codes };
}

/** The token candidate of the run `[start, end)`: the first row whose rule the run fits. */
function candidateAt(
  norm: string,
  start: number,
  end: number,
  enclosed: boolean,
  has: (marker: string) => boolean,
  lineStart: number,
): Candidate | null {
  const value = norm.slice(start, end);
  for (const row of SHARE_ROWS) {
    const rule = row.runTokens?.find(
      (r) =>
        runMatches(r, norm, start, end, value, has) &&
        !(r.shapeOnly && enclosed) &&
        (!r.prefixed || stickyAt(row.commandPrefix as RegExp, norm, lineStart)),
    );
    if (rule)
      return { row, rule, start, end, value, strong: !rule.shapeOnly || isDelimited(norm, start, end) };
  }
  return null;
}

/**
 * Whether the segment holding `at` contains a marker, looked up once per segment and marker. Positions
 * must be asked in increasing order (the segment cursor only moves forward: linear).
 */
function segmentMarkers(norm: string, segments: [number, number][]): (at: number, m: string) => boolean {
  let sp = 0;
  let segText = norm.slice(segments[0]![0], segments[0]![1]);
  let segHas: Record<string, boolean> = {};
  return (at, m) => {
    while (sp + 1 < segments.length && (segments[sp] as [number, number])[1] <= at) {
      sp++;
      segText = norm.slice(segments[sp]![0], segments[sp]![1]);
      segHas = {};
    }
    segHas[m] ??= segText.includes(m);
    return segHas[m];
  };
}
