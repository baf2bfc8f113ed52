import { MATCH_ROWS } from './platforms.js';
import type { PlatformRow } from './types.js';

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

/**
 * One pattern for a list of tracking entries: entries are keys of letters, digits, `_` and `-` (canonicalize.test.ts
 * checks it) and `x_*` stands for every key that starts with `x_`. Linear: an anchored alternation of
 * literals, each prefix entry ending in `.*` (with the `s` flag: every character).
 */
function trackingPattern(list: readonly string[]): RegExp {
  return new RegExp(`^(?:${list.join('|').replaceAll('*', '.*')})$`, 's');
}

const GLOBAL = trackingPattern(GLOBAL_TRACKING);
const PER_PLATFORM = new Map(MATCH_ROWS.map((row) => [row.id, trackingPattern(row.tracking)]));

/**
 * True when `key` is a tracking parameter (globally, or on the given platform): an entry of `GLOBAL_TRACKING`
 * or the platform's `tracking`, where `x_*` stands for every key that starts with `x_`.
 */
export function isTrackingParam(key: string, row?: Pick<PlatformRow, 'id'>): boolean {
  // An empty key is no entry (and an empty list's pattern matches only it).
  return (
    key !== '' && (GLOBAL.test(key) || (row !== undefined && PER_PLATFORM.get(row.id)?.test(key) === true))
  );
}
