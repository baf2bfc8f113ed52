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

/** `【闲鱼】` before an m.tb.cn link makes it a Xianyu share, `【抖音商城】` a Douyin-shop share, … */
export function applyClaims(d: Draft, win: string): void {
  for (const row of SHARE_ROWS) {
    if (!row.claims?.words.some((w) => win.includes(w))) continue;
    if (d.kind === 'platform-share' && d.platform !== null && row.claims.over.includes(d.platform)) {
      d.platform = row.platform;
    }
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
