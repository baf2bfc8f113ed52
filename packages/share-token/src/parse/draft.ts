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

/** A platform and the platforms whose links its shares use (Taobao codes on Tmall links, 【闲鱼】 on m.tb.cn). */
function family(row: ShareRow): SharePlatform[] {
  return [row.platform, ...(row.tokenShared ?? []), ...(row.claims?.over ?? [])];
}

/**
 * What the share's words say about its platform. Claims: `【闲鱼】` before an m.tb.cn link makes it a
 * Xianyu share, `【抖音商城】` a Douyin-shop share, … Names: a marker or layout phrase of a platform that
 * does not use the link's hosts (`【淘宝】` before a JD link) is kept as `mismatch`; the link decides.
 */
export function applyClaims(d: Draft, win: string): void {
  const link = d.platform;
  if (d.kind !== 'platform-share' || link === null) return;
  const says = (words: readonly string[] = []) => words.some((w) => win.includes(w));
  for (const row of SHARE_ROWS) {
    if (says(row.claims?.words) && row.claims?.over.includes(link)) d.platform = row.platform;
  }
  if (d.url === null || d.offPlatform) return;
  const named = SHARE_ROWS.find(
    (row) =>
      (says(row.markers) || says(row.layoutPhrases)) &&
      !family(row).includes(link) &&
      !family(shareRow(link)).includes(row.platform),
  );
  if (named) d.mismatch = named.platform;
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
