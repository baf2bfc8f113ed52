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
  titleRules?: readonly TitleRule[];
  /** The link sits on no platform's host; the layout named the platform. */
  offPlatform?: true;
  /** The text names this other platform (see `ShareMatch.mismatch`). */
  mismatch?: SharePlatform;
  /** Spans read around the share once its window is known: channel code, title, Douyin code words. */
  finished?: Finished;
}

export interface Finished {
  code: [number, number] | null;
  title: [number, number] | null;
  codeWords: [number, number][];
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
  const d = bareDraft(platform, h.start, h.end);
  d.url = h.url;
  d.urlSpan = [h.start, h.end];
  d.identity = identity;
  d.repairs = new Set(h.repairs);
  return d;
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
  };
}

export function distance(d: Draft, at: number): number {
  return at < d.anchor ? d.anchor - at : at >= d.anchorEnd ? at - d.anchorEnd : 0;
}

/** Whether `a`'s shares use `b`'s links (Taobao codes on Tmall links, 【闲鱼】 before m.tb.cn). */
export function uses(a: SharePlatform, b: SharePlatform): boolean | undefined {
  const row = shareRow(a);
  return a === b || row.tokenShared?.includes(b) || row.claims?.over.includes(b);
}

/**
 * What the share's words say about its platform. Claims: `【闲鱼】` before an m.tb.cn link makes it a
 * Xianyu share, `【抖音商城】` a Douyin-shop share (the named platform uses the other's links). A marker of
 * a platform that does not use the link's hosts (`【淘宝】` before a JD link) is kept as `mismatch`; the
 * link decides its platform.
 */
export function applyClaims(d: Draft, win: string): void {
  const link = d.platform;
  if (link === null) return;
  const says = (words?: readonly string[]) => words?.some((w) => win.includes(w));
  for (const row of SHARE_ROWS) {
    const p = row.platform;
    if (
      d.kind === 'platform-share' &&
      row.claims?.over.includes(d.platform as SharePlatform) &&
      says(row.claims.words)
    )
      d.platform = p;
    if (d.url !== null && !d.offPlatform && says(row.markers) && !uses(p, link) && !uses(link, p))
      d.mismatch ??= p;
  }
}

export function readQueryToken(d: Draft): void {
  if (d.url === null || d.platform === null) return;
  const rules = shareRow(d.platform).queryTokens ?? [];
  // Without a query the whole link is one "pair" whose key no rule has.
  for (const pair of d.url.slice(d.url.indexOf('?') + 1).split('&')) {
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
