/* parseShareText: the phases that read a paste (links and tokens, segments, candidates, shares per segment); each phase's parts live in ./parse/. */
import { judgeTarget, type LinkIdentity, platformOf, tryIdentify } from '@sharekit/canonical-url/core';
import { checkText, MAX_TEXT_LENGTH } from './errors.js';
import { cleanSlice, type NormalizationRepair, normalizeText } from './normalize.js';
import { isDelimited, runMatches } from './parse/candidates.js';
import { CODE_AT, CODE_COLON, wordsOf } from './parse/codes.js';
import {
  applyClaims,
  bareDraft,
  type Candidate,
  type Draft,
  distance,
  readQueryToken,
  urlDraft,
} from './parse/draft.js';
import { bareLayouts } from './parse/layouts.js';
import { isAsciiAlnum } from './parse/text.js';
import { findTitle } from './parse/titles.js';
import { CHANNEL_CODE, SHARE_ROWS, type SharePlatform, shareRow } from './shares.js';
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
  /**
   * Present when the share's layout names a platform but its link is on a host of no platform (an
   * old rotating short domain, a staging host): `url` is that link, `identity` is null, and the
   * link keeps its own verdict — judge it before opening (canonical-url `judgeTarget`).
   */
  readonly linkOffPlatform?: true;
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
  /** Links on no platform's host: a share whose layout names a platform may still own one. */
  const elsewhere: UrlHit[] = [];
  for (const h of hits) {
    const identity = tryIdentify(h.url);
    const platform = identity?.platform ?? safePlatformOf(h.host);
    if (platform === null) {
      // Not a platform link: a layout may own it (judged only then, see below).
      elsewhere.push(h);
      continue;
    }
    urlDrafts.push(urlDraft(h, identity, platform));
  }
  let ep = 0;

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
    // A share its layout names but whose link is on no platform's host: the nearest such link of the segment.
    const offLinks: UrlHit[] = [];
    while (ep < elsewhere.length && (elsewhere[ep] as UrlHit).start < e) {
      const h = elsewhere[ep++] as UrlHit;
      if (h.start >= s) offLinks.push(h);
    }
    // No share yet, a link on no platform's host: a layout phrase names the platform.
    const owner =
      inSeg.length === 0 ? SHARE_ROWS.find((r) => r.layoutPhrases?.some((p) => text.includes(p))) : undefined;
    if (owner && offLinks[0]) inSeg.push(bareDraft(owner.platform, offLinks[0].start, offLinks[0].start));
    inSeg.sort((a, b) => a.anchor - b.anchor);
    // Drafts and links are both in text order: each draft looks at the links just before and after
    // it (linear); look-alike and other dangerous targets are never taken.
    const used = new Set<UrlHit>();
    let q = 0;
    for (const d of inSeg) {
      if (d.kind !== 'platform-share' || d.url !== null || d.platform === null) continue;
      while (q < offLinks.length && (offLinks[q] as UrlHit).start < d.anchor) q++;
      const h = [offLinks[q - 1], offLinks[q]].find(
        (x) => x !== undefined && !used.has(x) && judgeTarget(x.url).level !== 'danger',
      );
      if (!h) continue;
      used.add(h);
      d.url = h.url;
      d.urlSpan = [h.start, h.end];
      for (const r of h.repairs) d.repairs.add(r);
      d.offPlatform = true;
      if (d.token === null) readQueryToken(d);
    }
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
    ...(d.offPlatform ? { linkOffPlatform: true as const } : {}),
  };
}
