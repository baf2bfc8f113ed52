import { identify, type LinkIdentity, platformOf } from '@sharekit/canonical-url';
import { checkText, MAX_TEXT_LENGTH } from './errors.js';
import { cleanSlice, type NormalizationRepair, normalizeText } from './normalize.js';
import {
  CHANNEL_CODE,
  DECORATION_LABELS,
  PRICE_LINE_MARKERS,
  type RunTokenRule,
  SHARE_ROWS,
  type SharePlatform,
  type ShareRow,
  shareRow,
  type TitleRule,
} from './shares.js';
import { type ScannedToken, scanTokens } from './token.js';
import { findUrls, type UrlHit, type UrlRepair } from './urls.js';

/** What was tolerated to read a share: each repair names one thing chat apps did to the text. */
export type ShareRepair = UrlRepair | NormalizationRepair | 'corrected';

/** One share found in a text. */
export interface ShareMatch {
  /** The platform; `null` only for a sharekit URL token whose URL belongs to no known platform. */
  readonly platform: SharePlatform | null;
  /** `platform-share`: the platform's own share text; `sharekit-token`: one of our tokens. */
  readonly kind: 'platform-share' | 'sharekit-token';
  /** The link as it should have been (scheme completed, markdown undone, `tk`/`jkl` kept), or null. */
  readonly url: string | null;
  /** The canonical URL from `@sharekit/canonical-url` (the cleaned short link for short links). */
  readonly canonicalUrl: string | null;
  readonly identity: LinkIdentity | null;
  /** The platform's own token (Taobao code, JD `jkl` or 京口令, Douyin codes, …) or our token. */
  readonly token: string | null;
  /** A channel code such as `CZ3457`, never part of the token. */
  readonly code: string | null;
  /** The product or post title without decoration. */
  readonly title: string | null;
  /** `[start, end)` of the share in the original text (UTF-16 units). */
  readonly span: readonly [number, number];
  readonly repaired: readonly ShareRepair[];
}

interface Draft {
  platform: SharePlatform | null;
  kind: 'platform-share' | 'sharekit-token';
  url: string | null;
  urlSpan: [number, number] | null;
  identity: LinkIdentity | null;
  token: string | null;
  tokenSpan: [number, number] | null;
  repairs: Set<ShareRepair>;
  anchor: number;
  anchorEnd: number;
  titleRules: readonly TitleRule[] | null;
}

interface Candidate {
  row: ShareRow;
  rule: RunTokenRule;
  start: number;
  end: number;
  value: string;
  strong: boolean;
}

/** Words Xianyu puts around a title inside 「」. */
const CORNER_WRAPS: readonly string[] = ['我在闲鱼发布了【', '快来捡漏【'];

// regex-safe: anchored, bounded classes
const SCORE = /^[0-9]{1,2}(?:\.[0-9]{1,2})?-?$/;
// regex-safe: anchored, fixed-length classes
const CODE_COLON = /^[A-Za-z]{2,3}(?::\/|\/:)$/;
// regex-safe: anchored, fixed-length classes
const CODE_COLON_PREFIX = /^[A-Za-z]{2,3}:\/(?=[^\u0000-\u007f])/;
// regex-safe: anchored, fixed-length classes
const CODE_AT = /^[A-Za-z0-9]@[A-Za-z0-9]\.[A-Za-z]{2,3}$/;
// regex-safe: anchored, fixed-length classes
const DATE = /^[0-9]{2}\/[0-9]{2}$/;
// regex-safe: anchored, bounded classes
const TIME = /^:[0-9]{1,2}[ap]m$/;
// regex-safe: anchored single classes
const WORDISH = /^(?:[A-Z]?[a-z]+|[A-Z]+|[0-9]+)$/;

/** A Douyin noise word: share score (only as the line's first word), code, date or time. */
function isNoiseWord(w: string, first = true): boolean {
  return (first && SCORE.test(w)) || CODE_COLON.test(w) || CODE_AT.test(w) || DATE.test(w) || TIME.test(w);
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0b || c === 0x0c || c === 0x3000 || c === 0xa0;
}

function isAsciiAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** CJK ideographs, kana and hangul: letters of running text, not delimiters. */
function isCjkLetter(c: number): boolean {
  return (
    (c >= 0x3400 && c <= 0x9fff) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0x3040 && c <= 0x30ff) ||
    (c >= 0xac00 && c <= 0xd7af)
  );
}

function safeIdentify(url: string): LinkIdentity | null {
  try {
    return identify(url);
  } catch {
    return null;
  }
}

function safePlatformOf(host: string): SharePlatform | null {
  try {
    return platformOf(host);
  } catch {
    return null;
  }
}

function sameTarget(a: LinkIdentity | null, aUrl: string | null, b: ScannedToken): boolean {
  const t = b.decoded;
  if (aUrl !== null && aUrl === t.url) return true;
  if (a === null || t.identity === null) return false;
  if (a.url === t.identity.url) return true;
  return (
    a.id !== null &&
    a.platform === t.identity.platform &&
    a.kind === t.identity.kind &&
    a.id === t.identity.id
  );
}

/**
 * Reads every share in a pasted text: platform share texts (淘口令, JD `jkl` and 京口令, Douyin,
 * Kuaishou, Xiaohongshu, Bilibili, Weibo, Alipay 吱口令, …) and sharekit tokens. One match per
 * share, in text order; `[]` when there is none. Never throws on a string of up to 1 MiB, and
 * runs in time linear in its length.
 *
 * @throws ShareTokenError `invalid_input` (not a string), `too_long` (over 1 MiB).
 * @example
 * parseShareText('【淘宝】https://e.tb.cn/h.8IcTrtZuTU19ieN?tk=nyXpT7VA7lt CZ356 「书桌」')
 * // → [{ platform: 'taobao', url: 'https://e.tb.cn/h.8IcTrtZuTU19ieN?tk=nyXpT7VA7lt',
 * //      token: 'nyXpT7VA7lt', code: 'CZ356', title: '书桌', … }]
 */
export function parseShareText(text: string): ShareMatch[] {
  checkText(text, MAX_TEXT_LENGTH, 'parseShareText');
  return parseUnchecked(text);
}

/** `parseShareText` without the size limit, for benchmarks that measure how time grows past it. */
export function parseUnchecked(text: string): ShareMatch[] {
  const { norm, map, changes } = normalizeText(text);
  const n = norm.length;

  // 1. Links and sharekit tokens; both are closed to token scanning.
  const hits = findUrls(norm, (host) => safePlatformOf(host) !== null);
  const sk = scanTokens(norm, false);
  const closed: [number, number][] = [
    ...hits.map((h) => [h.start, h.end] as [number, number]),
    ...sk.map((t) => [t.start, t.end] as [number, number]),
  ];
  closed.sort((a, b) => a[0] - b[0]);

  const urlDrafts: Draft[] = [];
  for (const h of hits) {
    const identity = safeIdentify(h.url);
    const platform = identity?.platform ?? safePlatformOf(h.host);
    if (platform === null) continue; // not a platform link (lookalike hosts included)
    urlDrafts.push(urlDraft(h, identity, platform));
  }

  // 2. Segments: a marker such as 【淘宝】 opens a new share once the text before it holds a link.
  const markers: number[] = [];
  for (const row of SHARE_ROWS) {
    for (const m of row.markers ?? []) {
      for (let k = norm.indexOf(m); k >= 0; k = norm.indexOf(m, k + m.length)) markers.push(k);
    }
  }
  markers.sort((a, b) => a - b);
  const anchorStarts = [...urlDrafts.map((d) => d.anchor), ...sk.map((t) => t.start)].sort((a, b) => a - b);
  const segments: [number, number][] = [];
  let segStart = 0;
  let ap = 0;
  for (const m of markers) {
    if (m <= segStart) continue;
    while (ap < anchorStarts.length && (anchorStarts[ap] as number) < segStart) ap++;
    if (ap < anchorStarts.length && (anchorStarts[ap] as number) < m) {
      // Cut at the start of the marker's line when no link sits on that line before the marker,
      // so codes written before 【抖音商城】 stay with their share.
      let lastAnchor = ap;
      while (lastAnchor + 1 < anchorStarts.length && (anchorStarts[lastAnchor + 1] as number) < m)
        lastAnchor++;
      let cut = m;
      while (cut > segStart && norm.charCodeAt(cut - 1) !== 0x0a) cut--;
      if (cut <= (anchorStarts[lastAnchor] as number)) cut = m;
      segments.push([segStart, cut]);
      segStart = cut;
      ap = lastAnchor + 1;
    }
  }
  segments.push([segStart, n]);

  const lineBreaks: number[] = [];
  for (let i = norm.indexOf('\n'); i >= 0; i = norm.indexOf('\n', i + 1)) lineBreaks.push(i);
  /** Line number of a position (count of line breaks before it). */
  const lineOf = (at: number): number => {
    let lo = 0;
    let hi = lineBreaks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((lineBreaks[mid] as number) < at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  // Inside 「…」 and 【…】 (up to the end of the line) sit titles, never tokens: `「iPhone15Pro…」`.
  const enclosed = new Uint8Array(n);
  let corner = false;
  let depth = 0;
  for (let i = 0; i < n; i++) {
    const c = norm.charCodeAt(i);
    if (c === 0x0a) {
      corner = false;
      depth = 0;
    } else if (c === 0x300c) corner = true;
    else if (c === 0x300d) corner = false;
    else if (c === 0x3010) depth++;
    else if (c === 0x3011 && depth > 0) depth--;
    else if (corner || depth > 0) enclosed[i] = 1;
  }

  // 3. Runs of letters and digits outside links: token and channel-code candidates.
  const candidates: Candidate[] = [];
  const codes: { start: number; value: string }[] = [];
  let cp = 0;
  let sp = 0;
  let segText = norm.slice(segments[0]![0], segments[0]![1]);
  // Which markers the current segment contains, looked up once per segment and marker.
  const segHas = new Map<string, boolean>();
  const has = (m: string): boolean => {
    let v = segHas.get(m);
    if (v === undefined) {
      v = segText.includes(m);
      segHas.set(m, v);
    }
    return v;
  };
  for (let i = 0; i < n; ) {
    if (!isAsciiAlnum(norm.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < n && isAsciiAlnum(norm.charCodeAt(i))) i++;
    const end = i;
    while (cp < closed.length && (closed[cp] as [number, number])[1] <= start) cp++;
    if (cp < closed.length && (closed[cp] as [number, number])[0] < end) continue;
    while (sp + 1 < segments.length && (segments[sp] as [number, number])[1] <= start) {
      sp++;
      segText = norm.slice(segments[sp]![0], segments[sp]![1]);
      segHas.clear();
    }
    const len = end - start;
    if (len >= 5 && len <= 6 && CHANNEL_CODE.test(norm.slice(start, end))) {
      codes.push({ start, value: norm.slice(start, end) });
      continue;
    }
    if (len < 10 || len > 16) continue;
    const value = norm.slice(start, end);
    for (const row of SHARE_ROWS) {
      const rule = row.runTokens?.find(
        (r) => runMatches(r, norm, start, end, value, has) && !(r.shapeOnly && enclosed[start] === 1),
      );
      if (rule) {
        candidates.push({
          row,
          rule,
          start,
          end,
          value,
          strong: !rule.shapeOnly || isDelimited(norm, start, end),
        });
        break;
      }
    }
  }

  // 4. Shares per segment.
  const drafts: Draft[] = [];
  let up = 0;
  let kp = 0;
  let tp = 0;
  for (const [s, e] of segments) {
    const text = norm.slice(s, e);
    const inSeg: Draft[] = [];
    while (up < urlDrafts.length && (urlDrafts[up] as Draft).anchor < e) inSeg.push(urlDrafts[up++] as Draft);
    for (const d of inSeg) readQueryToken(d);
    const hadLinks = inSeg.length > 0;
    const links = inSeg.slice();
    /** The links just before and after `at` (by where the link itself starts). */
    const around = (at: number): Draft[] => {
      let lo = 0;
      let hi = links.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (((links[mid] as Draft).urlSpan as [number, number])[0] <= at) lo = mid + 1;
        else hi = mid;
      }
      return [links[lo - 1], links[lo]].filter((d): d is Draft => d !== undefined);
    };
    const segCands: Candidate[] = [];
    while (kp < candidates.length && (candidates[kp] as Candidate).start < e)
      segCands.push(candidates[kp++] as Candidate);
    // A token belongs to a link next to it. Tokens on a link's own line are matched first, so a
    // bare token on the line above a complete share does not take that share's place.
    const placed = new Set<Candidate>();
    for (const pass of ['same-line', 'any-line'] as const) {
      // Every (token, link) pair of this pass, nearest first; each link takes one token.
      const pairs: { c: Candidate; d: Draft; dist: number }[] = [];
      for (const c of segCands) {
        if (placed.has(c) || c.rule.standalone) continue;
        const accepts = [c.row.platform, ...(c.row.tokenShared ?? [])];
        const line = lineOf(c.start);
        for (const d of around(c.start)) {
          if (!accepts.includes(d.platform as SharePlatform)) continue;
          if (pass === 'same-line' && lineOf((d.urlSpan as [number, number])[0]) !== line) continue;
          pairs.push({ c, d, dist: distance(d, c.start) });
        }
      }
      pairs.sort((a, b) => a.dist - b.dist);
      for (const { c, d } of pairs) {
        if (placed.has(c)) continue;
        if (d.token === null) {
          d.token = c.value;
          d.tokenSpan = [c.start, c.end];
          d.anchor = Math.min(d.anchor, c.start);
          d.anchorEnd = Math.max(d.anchorEnd, c.end);
          placed.add(c);
        } else if (d.token === c.value) {
          if (d.tokenSpan === null) d.tokenSpan = [c.start, c.end];
          placed.add(c);
        }
      }
    }
    for (const c of segCands) {
      if (placed.has(c)) continue;
      // A token the links did not take is a share of its own when it is delimited (or the only kind).
      if (!c.strong && hadLinks && !c.rule.standalone) continue;
      const d = bareDraft(c.row.platform, c.start, c.end);
      d.token = c.value;
      d.tokenSpan = [c.start, c.end];
      inSeg.push(d);
    }
    // sharekit tokens: merge with the link next to them when it names the same target, or stand alone.
    while (tp < sk.length && (sk[tp] as ScannedToken).start < e) {
      const t = sk[tp++] as ScannedToken;
      const same = around(t.start).find(
        (d) => d.kind === 'platform-share' && sameTarget(d.identity, d.url, t),
      );
      const d = same ?? bareDraft(t.decoded.identity?.platform ?? null, t.start, t.end);
      d.kind = 'sharekit-token';
      d.platform = t.decoded.identity?.platform ?? (same ? same.platform : null);
      d.identity = t.decoded.identity;
      d.url = t.decoded.url;
      d.token = t.decoded.token;
      d.tokenSpan = [t.start, t.end];
      d.anchor = Math.min(d.anchor, t.start);
      d.anchorEnd = Math.max(d.anchorEnd, t.end);
      d.titleRules = [{ kind: 'corner' }, { kind: 'bracket' }];
      if (t.decoded.corrected) d.repairs.add('corrected');
      if (!same) inSeg.push(d);
    }

    bareLayouts(text, s, inSeg);
    inSeg.sort((a, b) => a.anchor - b.anchor);
    // A title belongs to one share: later shares look for theirs after the last title taken.
    let titleFloor = s;

    for (let k = 0; k < inSeg.length; k++) {
      const d = inSeg[k] as Draft;
      const prev = inSeg[k - 1];
      const next = inSeg[k + 1];
      let ws = prev ? Math.max(s, Math.min(d.anchor, prev.anchorEnd)) : s;
      let we = next ? Math.max(d.anchorEnd, next.anchor) : e;
      // Shares on different lines do not share the text between them: each keeps its own lines.
      if (prev) {
        for (let i = ws; i < d.anchor; i++) {
          if (norm.charCodeAt(i) === 0x0a) {
            ws = i + 1;
            break;
          }
        }
      }
      if (next) {
        for (let i = we - 1; i >= d.anchorEnd; i--) {
          if (norm.charCodeAt(i) === 0x0a) {
            we = i;
            break;
          }
        }
      }
      applyClaims(d, norm.slice(ws, we));
      drafts.push(d);
      titleFloor = finishDraft(d, norm, ws, we, codes, titleFloor);
    }
  }

  return drafts.map((d) => toMatch(d, norm, text, map, changes));
}

function urlDraft(h: UrlHit, identity: LinkIdentity | null, platform: SharePlatform): Draft {
  return {
    platform,
    kind: 'platform-share',
    url: h.url,
    urlSpan: [h.start, h.end],
    identity,
    token: null,
    tokenSpan: null,
    repairs: new Set(h.repairs),
    anchor: h.start,
    anchorEnd: h.end,
    titleRules: null,
  };
}

function bareDraft(platform: SharePlatform | null, start: number, end: number): Draft {
  return {
    platform,
    kind: 'platform-share',
    url: null,
    urlSpan: null,
    identity: null,
    token: null,
    tokenSpan: null,
    repairs: new Set(),
    anchor: start,
    anchorEnd: end,
    titleRules: null,
  };
}

function distance(d: Draft, at: number): number {
  return at < d.anchor ? d.anchor - at : at >= d.anchorEnd ? at - d.anchorEnd : 0;
}

/** `【闲鱼】` before an m.tb.cn link makes it a Xianyu share, `【抖音商城】` a Douyin-shop share, … */
function applyClaims(d: Draft, win: string): void {
  for (const row of SHARE_ROWS) {
    if (!row.claims?.words.some((w) => win.includes(w))) continue;
    if (d.kind === 'platform-share' && d.platform !== null && row.claims.over.includes(d.platform)) {
      d.platform = row.platform;
    }
  }
}

function readQueryToken(d: Draft): void {
  if (d.url === null || d.platform === null) return;
  const q = d.url.indexOf('?');
  if (q < 0) return;
  const rules = shareRow(d.platform).queryTokens ?? [];
  for (const pair of d.url.slice(q + 1).split('&')) {
    const eq = pair.indexOf('=');
    if (eq < 0) continue;
    const key = pair.slice(0, eq);
    const rule = rules.find((r) => r.key === key);
    const m = rule?.shape.exec(pair.slice(eq + 1));
    if (m?.[1]) {
      d.token = m[1];
      return;
    }
  }
}

function runMatches(
  rule: RunTokenRule,
  norm: string,
  start: number,
  end: number,
  value: string,
  has: (marker: string) => boolean,
): boolean {
  const len = end - start;
  if (len < rule.min || len > rule.max) return false;
  if (!/[A-Za-z]/.test(value)) return false;
  if (rule.needs === 'letter-digit' && !/[0-9]/.test(value)) return false;
  if (rule.shapeOnly && (WORDISH.test(value) || inDottedName(norm, start, end))) return false;
  if (rule.requires && !rule.requires.some(has)) return false;
  if (rule.after && !rule.after.includes(prevNonSpace(norm, start, 1))) return false;
  if (rule.between) {
    const w = rule.between.length;
    if (prevNonSpace(norm, start, w) !== rule.between || nextNonSpace(norm, end, w) !== rule.between)
      return false;
  }
  return true;
}

/** A run that is one label of a host name or an e-mail address (`abc.example12.com`, `name@qq.com`). */
function inDottedName(norm: string, start: number, end: number): boolean {
  const before = norm.charCodeAt(start - 1);
  const after = norm.charCodeAt(end);
  const joins = (c: number) => c === 0x2e || c === 0x40;
  return (
    (joins(after) && isAsciiAlnum(norm.charCodeAt(end + 1))) ||
    (joins(before) && isAsciiAlnum(norm.charCodeAt(start - 2)))
  );
}

function prevNonSpace(norm: string, at: number, width: number): string {
  let k = at;
  while (k > 0 && isSpace(norm.charCodeAt(k - 1)) && at - k < 3) k--;
  return norm.slice(Math.max(0, k - width), k);
}

function nextNonSpace(norm: string, at: number, width: number): string {
  let k = at;
  while (k < norm.length && isSpace(norm.charCodeAt(k)) && k - at < 3) k++;
  return norm.slice(k, k + width);
}

/**
 * A shape-only token is "delimited" when a symbol touches it (￥ € ( 🎵 / …) or the same character
 * sits on both sides (the 2021 CJK-character delimiters); spaces, CJK text and string edges are not
 * delimiters.
 */
function isDelimited(norm: string, start: number, end: number): boolean {
  const before = start > 0 ? norm.charCodeAt(start - 1) : -1;
  const after = end < norm.length ? norm.charCodeAt(end) : -1;
  const symbol = (c: number) => c >= 0 && !isSpace(c) && !isCjkLetter(c);
  if (symbol(before) || symbol(after)) return true;
  return before >= 0 && before === after && !isSpace(before);
}

/**
 * For each line of `text`, how many of the `[a, b)` ranges reach it (0 = free), in one sweep: checking
 * every line against every share was quadratic on many one-line shares.
 */
function linesTouched(text: string, ranges: readonly (readonly [number, number])[]): Int32Array {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  /** The last line whose start is at most `at` (or below `at` when `strict`). */
  const lineAt = (at: number, strict: boolean): number => {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const st = starts[mid] as number;
      if (strict ? st < at : st <= at) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  };
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

/** Shares without link or token: Douyin 2026 code-only shares, JD red packets, a bare 吱口令 marker. */
function bareLayouts(text: string, s: number, inSeg: Draft[]): void {
  const taken = inSeg.map((d) => [d.anchor - s, d.anchorEnd - s] as const);
  if (taken.length > 0) {
    // Next to other shares only the line-prefix layouts count, on lines no share touches.
    const touched = linesTouched(text, taken);
    for (const row of SHARE_ROWS) {
      if (!row.linePrefix) continue;
      let lineStart = 0;
      let line = 0;
      for (const lineText of text.split('\n')) {
        const lineEnd = lineStart + lineText.length;
        if (touched[line] === 0 && row.linePrefix.test(lineText))
          inSeg.push(bareDraft(row.platform, s + lineStart, s + lineEnd));
        lineStart = lineEnd + 1;
        line++;
      }
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
    if (row.linePrefix) {
      let lineStart = 0;
      let found = false;
      for (const line of text.split('\n')) {
        if (row.linePrefix.test(line)) {
          inSeg.push(bareDraft(row.platform, s + lineStart, s + lineStart + line.length));
          found = true;
        }
        lineStart += line.length + 1;
      }
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

function wordsOf(text: string): { w: string; i: number }[] {
  const out: { w: string; i: number }[] = [];
  let i = 0;
  while (i < text.length) {
    if (isSpace(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < text.length && !isSpace(text.charCodeAt(i))) i++;
    if (i - start <= 12) out.push({ w: text.slice(start, i), i: start });
    else {
      // A code glued to the caption (`GIi:/电动车…`) is a word of its own.
      const glued = CODE_COLON_PREFIX.exec(text.slice(start, start + 6));
      if (glued) out.push({ w: glued[0], i: start });
    }
  }
  return out;
}

interface Finished {
  code: [number, number] | null;
  title: [number, number] | null;
  codeWords: [number, number][];
}

const finished = new WeakMap<Draft, Finished>();

function finishDraft(
  d: Draft,
  norm: string,
  ws: number,
  we: number,
  codes: { start: number; value: string }[],
  titleFloor: number,
): number {
  const row = d.platform === null ? null : shareRow(d.platform);
  const win = norm.slice(ws, we);
  const result: Finished = { code: null, title: null, codeWords: [] };
  // Douyin codes: every `Xyz:/` and `x@y.Zz` outside the link, in order.
  if (row?.codeToken && d.kind === 'platform-share' && d.token === null) {
    const found = wordsOf(win).filter(
      (w) => (CODE_COLON.test(w.w) || CODE_AT.test(w.w)) && !inside(d.urlSpan, ws + w.i),
    );
    if (found.length > 0) {
      d.token = found.map((w) => w.w).join(' ');
      result.codeWords = found.map((w) => [ws + w.i, ws + w.i + w.w.length]);
    }
  }
  // Channel code: the nearest one after the share's link or token, else before it.
  let best: { start: number; value: string } | null = null;
  for (
    let lo = lowerBound(codes, ws);
    lo < codes.length && (codes[lo] as { start: number }).start < we;
    lo++
  ) {
    const c = codes[lo] as { start: number; value: string };
    if (best === null || Math.abs(c.start - d.anchorEnd) < Math.abs(best.start - d.anchorEnd)) best = c;
  }
  if (best) result.code = [best.start, best.start + best.value.length];
  const rules = d.titleRules ?? row?.titles ?? [];
  for (const rule of rules) {
    const t = findTitle(rule, win, ws, d, row, titleFloor);
    if (t === 'none') break;
    if (t && t[0] >= titleFloor) {
      result.title = t;
      break;
    }
  }
  finished.set(d, result);
  return result.title ? result.title[1] : titleFloor;
}

function inside(span: [number, number] | null, at: number): boolean {
  return span !== null && at >= span[0] && at < span[1];
}

function lowerBound(codes: { start: number }[], at: number): number {
  let lo = 0;
  let hi = codes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((codes[mid] as { start: number }).start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Trims spaces off a span of `win` and shifts it to text offsets; null when nothing is left. */
function spanOf(win: string, ws: number, a: number, b: number): [number, number] | null {
  while (a < b && isSpace(win.charCodeAt(a))) a++;
  while (b > a && isSpace(win.charCodeAt(b - 1))) b--;
  return b > a ? [ws + a, ws + b] : null;
}

/** Top-level 【…】 blocks of `win` (nesting-aware), as [open, close] indices. */
function blocks(win: string, from: number, to: number): [number, number][] {
  const out: [number, number][] = [];
  let depth = 0;
  let open = -1;
  for (let k = from; k < to; k++) {
    const ch = win[k];
    if (ch === '【') {
      if (depth === 0) open = k;
      depth++;
    } else if (ch === '】' && depth > 0) {
      depth--;
      if (depth === 0) out.push([open, k]);
    }
  }
  return out;
}

function findTitle(
  rule: TitleRule,
  win: string,
  ws: number,
  d: Draft,
  row: ShareRow | null,
  titleFloor: number,
): [number, number] | null | 'none' {
  const us = d.urlSpan ? d.urlSpan[0] - ws : d.anchor - ws;
  const ue = d.urlSpan ? d.urlSpan[1] - ws : d.anchorEnd - ws;
  switch (rule.kind) {
    case 'corner': {
      const k = win.indexOf('「', Math.max(0, titleFloor - ws));
      if (k < 0) return null;
      const close = win.indexOf('」', k + 1);
      let lineEnd = win.indexOf('\n', k + 1);
      if (lineEnd < 0) lineEnd = win.length;
      let a = k + 1;
      let b = close >= 0 && close < lineEnd ? close : lineEnd;
      // Xianyu wraps the title in its own words: 「我在闲鱼发布了【…】」, 「快来捡漏【…】」.
      const wrap = CORNER_WRAPS.find((w) => win.startsWith(w, a));
      if (wrap) {
        a += wrap.length;
        if (win[b - 1] === '】') b--;
      }
      return spanOf(win, ws, a, b);
    }
    case 'bracket': {
      for (const [o, c] of blocks(win, 0, win.length)) {
        if (rule.afterLink && o < ue) continue;
        if (d.urlSpan && o >= us && o < ue) continue;
        if (DECORATION_LABELS.has(win.slice(o + 1, c).trim())) continue;
        const span = spanOf(win, ws, o + 1, c);
        if (span) return span;
      }
      return null;
    }
    case 'price-lines': {
      let at = -1;
      for (const m of PRICE_LINE_MARKERS) {
        const k = win.indexOf(m);
        if (k >= 0 && (at < 0 || k < at)) at = k;
      }
      // The rebate layout lists prices above its link (or token); later ones belong to the next share.
      if (at < 0 || at > us) return null;
      let lineStart = win.lastIndexOf('\n', at - 1) + 1;
      while (lineStart > 0) {
        // lastIndexOf clamps a negative start to 0 and would find the newline at 0 again: stop there.
        const prevStart = lineStart >= 2 ? win.lastIndexOf('\n', lineStart - 2) + 1 : 0;
        const line = win.slice(prevStart, lineStart - 1);
        lineStart = prevStart;
        if (line.trim().length === 0) continue;
        let a = prevStart;
        let b = prevStart + line.length;
        // Leading decoration (⭕ ❥ emoji) and trailing labels (【包邮】) are not the title.
        while (a < b && !isTitleStart(win.charCodeAt(a))) a++;
        for (;;) {
          while (b > a && isSpace(win.charCodeAt(b - 1))) b--;
          if (win[b - 1] !== '】') break;
          const o = win.lastIndexOf('【', b - 1);
          if (o < a || !DECORATION_LABELS.has(win.slice(o + 1, b - 1))) break;
          b = o;
        }
        return spanOf(win, ws, a, b);
      }
      return null;
    }
    case 'suffixed-block': {
      let k = win.lastIndexOf(rule.suffix, Math.max(0, us));
      if (k < 0) k = win.lastIndexOf(rule.suffix);
      if (k < 0) return null;
      let depth = 1;
      for (let o = k - 1; o >= 0; o--) {
        if (win[o] === '】') depth++;
        else if (win[o] === '【' && --depth === 0) return spanOf(win, ws, o + 1, k);
      }
      return null;
    }
    case 'author-block': {
      const k = win.indexOf(rule.mark);
      if (k < 0) return null;
      const o = win.lastIndexOf('【', k);
      if (o < 0) return null;
      const inner = win.slice(o + 1, k);
      const cut = inner.lastIndexOf(' - ');
      return spanOf(win, ws, o + 1, cut >= 0 ? o + 1 + cut : k);
    }
    case 'none-when':
      return rule.phrases.some((p) => win.includes(p)) ? 'none' : null;
    case 'subject-block': {
      if (!d.urlSpan) return null;
      for (const [o, c] of blocks(win, 0, Math.max(0, us))) {
        const inner = win.slice(o + 1, c);
        if (DECORATION_LABELS.has(inner.trim())) continue;
        // The author's block with nothing between it and the link: the share has no caption.
        if (inner.endsWith(rule.worksSuffix)) return spanOf(win, ws, c + 1, us) ?? 'none';
        const strip = rule.strip.find((x) => inner.endsWith(x));
        return spanOf(win, ws, o + 1, strip ? c - strip.length : c);
      }
      return null;
    }
    case 'caption-before': {
      // Without a link (Douyin's 2026 code-only shares) the caption is the rest of the codes' line.
      if (!d.urlSpan && !row?.codeToken) return null;
      const lineStart = win.lastIndexOf('\n', us - 1) + 1;
      let a = lineStart;
      let b = us;
      if (!d.urlSpan) {
        b = win.indexOf('\n', us);
        if (b < 0) b = win.length;
      }
      // `<caption>【<name>】发了一个快手作品…`: the caption ends before the author block.
      for (const stop of row?.captionStops ?? []) {
        const k = win.indexOf(stop, a);
        if (k >= 0 && k < b) {
          b = k;
          if (win[b - 1] !== '】') return 'none';
          const o = win.lastIndexOf('【', b - 1);
          if (o >= a) b = o;
        }
      }
      // A comment the sharer wrote before the lead-in (`这个视频不错👍复制打开抖音👀<caption>`) is not the caption.
      let afterLead = -1;
      for (const lead of row?.leadIns ?? []) {
        const k = win.lastIndexOf(lead, b - lead.length);
        if (k > a && k + lead.length <= b && k + lead.length > afterLead) afterLead = k + lead.length;
      }
      if (afterLead > a) {
        a = afterLead;
        while (a < b && !isTitleStart(win.charCodeAt(a)) && win[a] !== '#') a++;
      }
      let first = true;
      for (;;) {
        while (a < b && isSpace(win.charCodeAt(a))) a++;
        const lead = (row?.leadIns ?? []).find((x) => win.startsWith(x, a));
        if (lead) {
          a += lead.length;
          continue;
        }
        let wEnd = a;
        while (wEnd < b && !isSpace(win.charCodeAt(wEnd))) wEnd++;
        if (wEnd > a && isNoiseWord(win.slice(a, wEnd), first)) {
          a = wEnd;
          first = false;
          continue;
        }
        const glued = CODE_COLON_PREFIX.exec(win.slice(a, a + 6));
        if (glued) {
          a += glued[0].length;
          first = false;
          continue;
        }
        break;
      }
      // Codes after the caption (`… 05/13 qRx:/`) are not part of it either.
      for (;;) {
        while (b > a && isSpace(win.charCodeAt(b - 1))) b--;
        let wStart = b;
        while (wStart > a && !isSpace(win.charCodeAt(wStart - 1))) wStart--;
        if (wStart < b && wStart > a && isNoiseWord(win.slice(wStart, b))) {
          b = wStart;
          continue;
        }
        break;
      }
      return spanOf(win, ws, a, b);
    }
    case 'caption-after': {
      if (!d.urlSpan) return null;
      let b = win.indexOf('\n', ue);
      if (b < 0) b = win.length;
      for (const stop of rule.stopAt) {
        const k = win.indexOf(stop, ue);
        if (k >= 0 && k < b) b = k;
      }
      return spanOf(win, ws, ue, b);
    }
  }
}

function isTitleStart(c: number): boolean {
  return (
    isAsciiAlnum(c) ||
    isCjkLetter(c) ||
    c === 0x3010 ||
    c === 0x300a ||
    c === 0x201c ||
    c === 0x28 ||
    c === 0xff08
  );
}

function toMatch(
  d: Draft,
  norm: string,
  text: string,
  map: Int32Array,
  changes: readonly { at: number; what: NormalizationRepair }[],
): ShareMatch {
  const f = finished.get(d) ?? { code: null, title: null, codeWords: [] };
  let lo = d.anchor;
  let hi = d.anchorEnd;
  for (const s of [d.urlSpan, d.tokenSpan, f.code, f.title, ...f.codeWords]) {
    if (!s) continue;
    lo = Math.min(lo, s[0]);
    hi = Math.max(hi, s[1]);
  }
  if (f.title && norm[f.title[1]] === '」') hi = Math.max(hi, f.title[1] + 1);
  const start = map[lo] as number;
  const end = hi > lo ? (map[hi - 1] as number) + 1 : start;
  const repaired = new Set<ShareRepair>(d.repairs);
  let lo2 = 0;
  let hi2 = changes.length;
  while (lo2 < hi2) {
    const mid = (lo2 + hi2) >> 1;
    if ((changes[mid] as { at: number }).at < start) lo2 = mid + 1;
    else hi2 = mid;
  }
  for (let k = lo2; k < changes.length && (changes[k] as { at: number }).at < end; k++) {
    repaired.add((changes[k] as { what: NormalizationRepair }).what);
  }
  const title = f.title
    ? cleanSlice(text.slice(map[f.title[0]] as number, (map[f.title[1] - 1] as number) + 1))
    : null;
  const code = f.code ? norm.slice(f.code[0], f.code[1]) : null;
  return {
    platform: d.platform,
    kind: d.kind,
    url: d.url,
    canonicalUrl: d.identity?.url ?? null,
    identity: d.identity,
    token: d.token,
    code,
    title: title === '' ? null : title,
    span: [start, end],
    repaired: [...repaired],
  };
}
