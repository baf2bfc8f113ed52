import { MATCH_ROWS } from './platforms.js';
import type { PlatformId, PlatformRow } from './types.js';

/** Tracking parameters dropped everywhere. Entries ending in `*` are prefixes. */
export const GLOBAL_TRACKING: readonly string[] = [
  'utm_*',
  'mtm_*',
  'pk_*',
  'spm',
  'scm',
  'fbclid',
  'gclid',
  'gclsrc',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'twclid',
  'ttclid',
  'igshid',
  'igsh',
  'mc_cid',
  'mc_eid',
  '_hsenc',
  '_hsmi',
  'mkt_tok',
  'oly_anon_id',
  'oly_enc_id',
  'vero_id',
  'wickedid',
  'rb_clickid',
  's_cid',
  '__s',
];

interface Matcher {
  readonly exact: ReadonlySet<string>;
  readonly prefixes: readonly string[];
}

function compile(list: readonly string[]): Matcher {
  const exact = new Set<string>();
  const prefixes: string[] = [];
  for (const entry of list) {
    if (entry.endsWith('*')) prefixes.push(entry.slice(0, -1));
    else exact.add(entry);
  }
  return { exact, prefixes };
}

function matches(m: Matcher, key: string): boolean {
  return m.exact.has(key) || m.prefixes.some((p) => key.startsWith(p));
}

const GLOBAL = compile(GLOBAL_TRACKING);
const PER_PLATFORM = new Map<PlatformId, Matcher>(MATCH_ROWS.map((row) => [row.id, compile(row.tracking)]));

/** True when `key` is a tracking parameter (globally, or on the given platform). */
export function isTrackingParam(key: string, row?: Pick<PlatformRow, 'id'>): boolean {
  if (matches(GLOBAL, key)) return true;
  const own = row ? PER_PLATFORM.get(row.id) : undefined;
  return own !== undefined && matches(own, key);
}
