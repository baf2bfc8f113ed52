/* parseShareText: the phases that read a paste (links and tokens, segments, candidates, shares per segment); each phase's parts live in ./parse/. */
import {
  judgeTarget,
  type LinkIdentity,
  scanShareLinks,
  tryIdentify,
  tryPlatformOf,
} from '@sharekit/canonical-url/core';
import { checkText, MAX_TEXT_LENGTH, ShareTokenError } from './errors.js';
import { cleanSlice, type NormalizationRepair, normalizeText } from './normalize.js';
import { CODE_AT, CODE_COLON, eachWord } from './parse/codes.js';
import {
  applyClaims,
  bareDraft,
  type Candidate,
  type Draft,
  distance,
  type Finished,
  readQueryToken,
  urlDraft,
  uses,
} from './parse/draft.js';
import { bareLayouts } from './parse/layouts.js';
import { type Code, readRuns } from './parse/runs.js';
import { lineIndex, segmentsOf } from './parse/segments.js';
import { bisect } from './parse/text.js';
import { findTitle } from './parse/titles.js';
import { PLAIN_TITLES, SHARE_ROWS, type SharePlatform, shareRow } from './shares.js';
import type { ScannedToken, SharekitTokenReader } from './token/scan.js';
import type { UrlHit, UrlRepair } from './urls.js';
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
  /**
   * Present when the text names another platform than its link's (a `【淘宝】` marker or `打开支付宝` before
   * a JD link): the platform the text names. `platform` and `identity` stay the link's, which decides
   * what opens; the sender's words and the target disagree, so show both.
   */
  readonly mismatch?: SharePlatform;
}

function sameTarget(a: LinkIdentity | null, aUrl: string | null, b: ScannedToken): boolean {
  const t = b.decoded.identity;
  return (
    aUrl === b.decoded.url ||
    (!!a &&
      !!t &&
      (a.url === t.url || (a.id !== null && a.platform === t.platform && a.kind === t.kind && a.id === t.id)))
  );
}

/** Options of `parseShareText`. */
export interface ParseShareTextOptions {
  /**
   * Also read sharekit's own tokens (`encodeToken`, `composeShareText`): pass `sharekitTokens`. A token next
   * to a link of the same target merges with that link's share (`kind: 'sharekit-token'`). Without it, only
   * the platforms' shares are read, and a bundle that never passes it does not carry the token decoder
   * (about 3 KB min+gzip).
   * @default not read
   */
  readonly sharekitTokens?: SharekitTokenReader;
}

/**
 * Reads every share in a pasted text: platform share texts (淘口令, JD `jkl` and 京口令, Douyin,
 * Kuaishou, Xiaohongshu, Bilibili, Weibo, Alipay 吱口令, …), and sharekit tokens when
 * `options.sharekitTokens` is given. One match per share, in text order; `[]` when there is none.
 * Never throws on a string of up to 1 MiB, and runs in time linear in its length.
 *
 * @throws ShareTokenError `invalid_input` (not a string), `too_long` (over 1 MiB), `invalid_option`
 *   (`options` not an object, `sharekitTokens` not the reader).
 * @example
 * parseShareText('【淘宝】https://e.tb.cn/h.8IcTrtZuTU19ieN?tk=nyXpT7VA7lt CZ356 「书桌」')
 * // → [{ platform: 'taobao', url: 'https://e.tb.cn/h.8IcTrtZuTU19ieN?tk=nyXpT7VA7lt',
 * //      token: 'nyXpT7VA7lt', code: 'CZ356', title: '书桌', … }]
 * parseShareText('复制 VBKWACN9Y7X23733K 打开', { sharekitTokens })[0]?.identity?.id // '675330231400'
 */
export function parseShareText(text: string, options: ParseShareTextOptions = {}): ShareMatch[] {
  checkText(text, MAX_TEXT_LENGTH, 'parseShareText');
  const reader = (options as ParseShareTextOptions | null)?.sharekitTokens;
  if (
    typeof options !== 'object' ||
    options === null ||
    (reader !== undefined && typeof reader !== 'function')
  ) {
    throw new ShareTokenError(
      'invalid_option',
      'parseShareText: expected options { sharekitTokens?: sharekitTokens }',
    );
  }
  return parseUnchecked(text, reader);
}

/** Links, tokens and candidates of the whole text, each taken by the segments in turn (linear). */
interface Reading {
  readonly norm: string;
  readonly links: Taker<Draft>;
  readonly sk: Taker<ScannedToken>;
  readonly elsewhere: Taker<UrlHit>;
  readonly candidates: Taker<Candidate>;
  readonly codes: Code[];
  readonly lineOf: (at: number) => number;
  readonly drafts: Draft[];
}

/** The next items of a list in text order that start before `end`. */
type Taker<T> = (end: number) => T[];

/** A taker over `list` (sorted by `startOf`): each call goes on where the last one stopped. */
function taker<T>(list: readonly T[], startOf: (x: T) => number): Taker<T> {
  let k = 0;
  return (end) => {
    const out: T[] = [];
    while (k < list.length && startOf(list[k] as T) < end) out.push(list[k++] as T);
    return out;
  };
}

/** `parseShareText` without the size limit or option checks, for benchmarks that measure how time grows past it. */
export function parseUnchecked(text: string, sharekitTokens?: SharekitTokenReader): ShareMatch[] {
  const { norm, map, changes } = normalizeText(text);
  // 1. Links and sharekit tokens; both are closed to token scanning.
  const hits = scanShareLinks(norm, (host) => tryPlatformOf(host) !== null);
  const sk = sharekitTokens?.(norm) ?? [];
  const { urlDrafts, elsewhere } = linkDrafts(hits);
  // 2. Segments: a marker such as 【淘宝】 opens a new share once the text before it holds a link.
  const segments = segmentsOf(norm, [...urlDrafts.map((d) => d.anchor), ...sk.map((t) => t.start)]);
  // 3. Runs of letters and digits outside links: token and channel-code candidates.
  const closed = [...hits, ...sk].sort((a, b) => a.start - b.start);
  const { candidates, codes } = readRuns(norm, closed, segments);
  // 4. Shares per segment.
  const r: Reading = {
    norm,
    links: taker(urlDrafts, (d) => d.anchor),
    sk: taker(sk, (t) => t.start),
    elsewhere: taker(elsewhere, (h) => h.start),
    candidates: taker(candidates, (c) => c.start),
    codes,
    lineOf: lineIndex(norm),
    drafts: [],
  };
  for (const [s, e] of segments) readSegment(r, s, e);
  return r.drafts.map((d) => toMatch(d, norm, text, map, changes));
}

/**
 * A draft per platform link; links on no platform's host are kept aside for a layout that may own them (judged only
 * then, see attachOffLinks). A platform link is judged, and the judge gives its identity: one it refuses is no share's
 * link (`https://item.taobao.com@shop.weibo.cn/…`: a platform host written as the user name) and is kept aside too,
 * where attachOffLinks never takes it.
 */
function linkDrafts(hits: UrlHit[]): { urlDrafts: Draft[]; elsewhere: UrlHit[] } {
  const urlDrafts: Draft[] = [];
  const elsewhere: UrlHit[] = [];
  for (const h of hits) {
    // A link on no platform's host is a platform's only through a wrapper it opens (`weixin110.qq.com/…?url=`).
    const platform = tryPlatformOf(h.host) ?? tryIdentify(h.url)?.platform ?? null;
    const reading = platform === null ? null : judgeTarget(h.url);
    if (platform === null || reading === null || reading.level === 'danger') elsewhere.push(h);
    else urlDrafts.push(urlDraft(h, reading.identity, reading.identity?.platform ?? platform));
  }
  // A platform's bare page (an app download or home page: kind 'page') next to a content link of the same
  // platform belongs to that share (`Download TikTok Lite …: https://www.tiktok.com/tiktoklite`).
  const page = (d?: Draft) => d?.identity?.kind === 'page';
  return {
    urlDrafts: urlDrafts.filter(
      (d, k, a) => !page(d) || ![a[k - 1], a[k + 1]].some((o) => o && !page(o) && o.platform === d.platform),
    ),
    elsewhere,
  };
}

/** The shares of one segment `[s, e)`, pushed to `r.drafts` in text order. */
function readSegment(r: Reading, s: number, e: number): void {
  const text = r.norm.slice(s, e);
  const links = r.links(e);
  for (const d of links) readQueryToken(d);
  const inSeg = links.slice();
  const segCands = r.candidates(e);
  const placed = placeTokens(links, segCands, r.lineOf);
  const offLinks = r.elsewhere(e).filter((h) => h.start >= s);
  for (const c of segCands) {
    if (placed.has(c)) continue;
    // A token the links did not take is a share of its own when it is delimited (or the only kind: no link of a
    // platform or elsewhere beside it; a run in prose next to some site's link is no 淘口令).
    if (!c.strong && links.length + offLinks.length > 0 && !c.rule.standalone) continue;
    // The share starts at the token's opening mark (`😆…😆`, `Э…Э`): a caption before it ends there.
    const d = bareDraft(c.row.platform, c.start - (c.rule.between?.length ?? 0), c.end);
    setToken(d, c.value, c.start, c.end);
    inSeg.push(d);
  }
  for (const t of r.sk(e)) mergeSharekitToken(t, links, inSeg);
  bareLayouts(text, s, inSeg);
  // No share yet, a link on no platform's host: a layout phrase names the platform.
  const owner =
    inSeg.length === 0
      ? SHARE_ROWS.find((row) => row.layoutPhrases?.some((p) => text.includes(p)))
      : undefined;
  if (owner && offLinks[0]) inSeg.push(bareDraft(owner.platform, offLinks[0].start, offLinks[0].start));
  inSeg.sort((a, b) => a.anchor - b.anchor);
  attachOffLinks(inSeg, offLinks);
  finishSegment(r, inSeg, s, e);
}

/** The links just before and after `at` (by where the link itself starts). */
function around(links: Draft[], at: number): Draft[] {
  const lo = bisect(links, (d) => (d.urlSpan as [number, number])[0] <= at);
  return [links[lo - 1], links[lo]].filter((d): d is Draft => d !== undefined);
}

/**
 * A token belongs to a link next to it. Tokens on a link's own line are matched first, so a bare
 * token on the line above a complete share does not take that share's place. Returns the tokens taken.
 */
function placeTokens(links: Draft[], segCands: Candidate[], lineOf: (at: number) => number): Set<Candidate> {
  const placed = new Set<Candidate>();
  for (const sameLine of [true, false]) {
    // Every (token, link) pair of this pass, nearest first; each link takes one token.
    const pairs: { c: Candidate; d: Draft; dist: number }[] = [];
    for (const c of segCands) {
      if (placed.has(c) || c.rule.standalone) continue;
      const line = lineOf(c.start);
      for (const d of around(links, c.start)) {
        if (!uses(c.row.platform, d.platform as SharePlatform)) continue;
        if (sameLine && lineOf((d.urlSpan as [number, number])[0]) !== line) continue;
        pairs.push({ c, d, dist: distance(d, c.start) });
      }
    }
    pairs.sort((a, b) => a.dist - b.dist);
    for (const { c, d } of pairs) if (!placed.has(c) && takeToken(d, c)) placed.add(c);
  }
  return placed;
}

/** Gives `c` to the link `d` when it has no token yet (or the same one); false when it holds another. */
function takeToken(d: Draft, c: Candidate): boolean {
  if (d.token === null) {
    setToken(d, c.value, c.start, c.end);
    return true;
  }
  if (d.token !== c.value) return false;
  if (d.tokenSpan === null) d.tokenSpan = [c.start, c.end];
  return true;
}

/** Gives `d` its token at `[start, end)`; the share's anchor grows to cover it. */
function setToken(d: Draft, token: string, start: number, end: number): void {
  d.token = token;
  d.tokenSpan = [start, end];
  d.anchor = Math.min(d.anchor, start);
  d.anchorEnd = Math.max(d.anchorEnd, end);
}

/** A sharekit token merges with the link next to it when it names the same target, or stands alone. */
function mergeSharekitToken(t: ScannedToken, links: Draft[], inSeg: Draft[]): void {
  const same = around(links, t.start).find(
    (d) => d.kind === 'platform-share' && sameTarget(d.identity, d.url, t),
  );
  const d = same ?? bareDraft(t.decoded.identity?.platform ?? null, t.start, t.end);
  d.kind = 'sharekit-token';
  d.platform = t.decoded.identity?.platform ?? same?.platform ?? null;
  // A URL token whose target the judge calls dangerous (a look-alike host, a private address: anyone can write
  // such a token by hand) gives no link, as a dangerous off-platform link is never taken (attachOffLinks).
  const danger = t.decoded.level === 'danger';
  d.identity = danger ? null : t.decoded.identity;
  d.url = danger ? null : t.decoded.url;
  setToken(d, t.decoded.token, t.start, t.end);
  d.titleRules = PLAIN_TITLES;
  if (t.decoded.corrected) d.repairs.add('corrected');
  if (!same) inSeg.push(d);
}

/**
 * A share its layout names but whose link is on no platform's host takes the nearest such link.
 * Drafts and links are both in text order: each draft looks at the links just before and after it
 * (linear); look-alike and other dangerous targets are never taken.
 */
function attachOffLinks(inSeg: Draft[], offLinks: UrlHit[]): void {
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
    for (const rep of h.repairs) d.repairs.add(rep);
    d.offPlatform = true;
    if (d.token === null) readQueryToken(d);
  }
}

/** Each share's window (its own lines between its neighbours), claims, codes and title. */
function finishSegment(r: Reading, inSeg: Draft[], s: number, e: number): void {
  const { norm } = r;
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
      const nl = lineBreak(norm, ws, d.anchor, 1);
      if (nl >= 0) ws = nl + 1;
    }
    if (next) {
      const nl = lineBreak(norm, we - 1, d.anchorEnd - 1, -1);
      if (nl >= 0) we = nl;
    }
    applyClaims(d, norm.slice(ws, we));
    r.drafts.push(d);
    titleFloor = finishDraft(d, norm, ws, we, r.codes, titleFloor);
  }
}

/**
 * The first line break from `from` up to (not including) `to`, stepping by `step` (1 forward, -1 back),
 * or -1. Bounded: an open-ended indexOf would be quadratic on one long line of shares.
 */
function lineBreak(norm: string, from: number, to: number, step: number): number {
  for (let i = from; i !== to; i += step) if (norm.charCodeAt(i) === 0x0a) return i;
  return -1;
}

function finishDraft(
  d: Draft,
  norm: string,
  ws: number,
  we: number,
  codes: Code[],
  titleFloor: number,
): number {
  const row = d.platform && shareRow(d.platform);
  const win = norm.slice(ws, we);
  const result: Finished = { code: null, title: null, codeWords: [] };
  d.finished = result;
  // Douyin codes: every `Xyz:/` and `x@y.Zz` outside the link, in order.
  if (row?.codeToken && d.kind === 'platform-share' && d.token === null) {
    // Not inside the link (a Markdown label).
    const [ls, le] = d.urlSpan ?? [0, 0];
    const found = new Set<string>();
    eachWord(win, (w, i) => {
      if ((CODE_COLON.test(w) || CODE_AT.test(w)) && (ws + i < ls || ws + i >= le)) {
        found.add(w);
        result.codeWords.push([ws + i, ws + i + w.length]);
      }
    });
    // A code seen twice (a share pasted twice) is one code.
    if (found.size > 0) d.token = [...found].join(' ');
  }
  // Channel code: the nearest one after the share's link or token, else before it.
  let best: { start: number; value: string } | null = null;
  for (
    let lo = bisect(codes, (c) => c.start < ws);
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
  return result.title ? result.title[1] : titleFloor;
}

function toMatch(
  d: Draft,
  norm: string,
  text: string,
  map: Int32Array,
  changes: readonly { at: number; what: NormalizationRepair }[],
): ShareMatch {
  const f = d.finished as Finished;
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
  const lo2 = bisect(changes, (c) => c.at < start);
  for (let k = lo2; k < changes.length && (changes[k] as { at: number }).at < end; k++) {
    repaired.add((changes[k] as { what: NormalizationRepair }).what);
  }
  const title = f.title
    ? cleanSlice(text.slice(map[f.title[0]] as number, (map[f.title[1] - 1] as number) + 1))
    : null;
  const code = f.code && norm.slice(f.code[0], f.code[1]);
  return {
    platform: d.platform,
    kind: d.kind,
    url: d.url,
    canonicalUrl: d.identity?.url ?? null,
    identity: d.identity,
    token: d.token,
    code,
    title: title || null,
    span: [start, end],
    repaired: [...repaired],
    ...(d.offPlatform ? { linkOffPlatform: true as const } : {}),
    ...(d.mismatch ? { mismatch: d.mismatch } : {}),
  };
}
