/* A share while it is read: its link, token and span, and the steps that fill them. */
import type { LinkIdentity } from '@sharekit/canonical-url/core';
import type { ShareRepair } from '../parse.js';
import {
  type RunTokenRule,
  SHARE_ROWS,
  type SharePlatform,
  type ShareRow,
  shareRow,
  type TitleRule,
} from '../shares.js';
import type { UrlHit } from '../urls.js';
import type { Marker } from './segments.js';
import { bisect } from './text.js';
export interface Draft {
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
  /** The link sits on no platform's host; the layout named the platform. */
  offPlatform: boolean;
  /** The text names this other platform (see `ShareMatch.mismatch`). */
  mismatch?: SharePlatform;
}

export interface Candidate {
  row: ShareRow;
  rule: RunTokenRule;
  start: number;
  end: number;
  value: string;
  strong: boolean;
}

export function urlDraft(h: UrlHit, identity: LinkIdentity | null, platform: SharePlatform): Draft {
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
    offPlatform: false,
  };
}

export function bareDraft(platform: SharePlatform | null, start: number, end: number): Draft {
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
    offPlatform: false,
  };
}

export function distance(d: Draft, at: number): number {
  return at < d.anchor ? d.anchor - at : at >= d.anchorEnd ? at - d.anchorEnd : 0;
}

/** Whether `a`'s shares use `b`'s links (Taobao codes on Tmall links, 【闲鱼】 before m.tb.cn). */
export function uses(a: SharePlatform, b: SharePlatform): boolean {
  const row = shareRow(a);
  return a === b || !!row.tokenShared?.includes(b) || !!row.claims?.over.includes(b);
}

/**
 * `【闲鱼】` before an m.tb.cn link makes it a Xianyu share, `【抖音商城】` a Douyin-shop share, … (claims:
 * the named platform uses the other's links).
 */
export function applyClaims(d: Draft, win: string): void {
  if (d.kind !== 'platform-share' || d.platform === null) return;
  for (const row of SHARE_ROWS) {
    if (row.claims?.over.includes(d.platform) && row.claims.words.some((w) => win.includes(w)))
      d.platform = row.platform;
  }
}

/**
 * A platform whose marker starts in `[from, to)` but does not use the link's hosts (`【淘宝】` before a
 * JD link): the share's `mismatch`; the link decides its platform. Read before the claims.
 */
export function noteMismatch(d: Draft, markers: Marker[], from: number, to: number): void {
  const link = d.platform;
  if (d.kind !== 'platform-share' || link === null || d.url === null || d.offPlatform) return;
  for (
    let k = bisect(markers, (x) => x.at < from);
    k < markers.length && (markers[k] as Marker).at < to;
    k++
  ) {
    const p = (markers[k] as Marker).platform;
    if (uses(p, link) || uses(link, p)) continue;
    d.mismatch = p;
    return;
  }
}

export function readQueryToken(d: Draft): void {
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
