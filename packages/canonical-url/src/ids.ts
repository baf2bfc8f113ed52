import { CanonicalUrlError, preview } from './errors.js';

/*
 * Id spellings that must be converted before two links can be compared:
 * Bilibili's av number and BV id, and Weibo's numeric mid and base62 bid.
 */

const BV_TABLE = 'FcwAPNKTMug3GV5Lj7EJnHpWsx4tb8haYeviqBz6rkCy12mUSDQX9RdoZf';
const BV_XOR = 23442827791579n;
const BV_MAX = 1n << 51n;
const BV_BASE = 58n;
/**
 * Where the nine base-58 digits of a BV id stand, most significant first: after the `BV1` prefix, in
 * order but for two swapped pairs (3 ↔ 9, 4 ↔ 7).
 */
const BV_DIGITS = [9, 7, 5, 6, 4, 8, 3, 10, 11];
const BV_PATTERN = /^[Bb][Vv]1[1-9A-HJ-NP-Za-km-z]{9}$/;
const AV_PATTERN = /^(?:[Aa][Vv])?\d{1,16}$/;

/** The BV id of an av number, or null out of range (1 to 2^51 - 1). */
function bvOf(n: bigint): string | null {
  if (n <= 0n || n >= BV_MAX) return null;
  const chars = [...'BV1'];
  let tmp = (BV_MAX | n) ^ BV_XOR;
  for (let i = 8; i >= 0; i -= 1) {
    chars[BV_DIGITS[i] as number] = BV_TABLE[Number(tmp % BV_BASE)] as string;
    tmp /= BV_BASE;
  }
  return chars.join('');
}

/** The av number of a BV id that `BV_PATTERN` accepts, as a decimal string. */
function aidOf(bv: string): string {
  let tmp = 0n;
  for (const at of BV_DIGITS) tmp = tmp * BV_BASE + BigInt(BV_TABLE.indexOf(bv[at] as string));
  // The mask is BV_MAX - 1, computed here: a top-level BigInt sum stays in bundles that never convert back.
  return ((tmp & (BV_MAX - 1n)) ^ BV_XOR).toString();
}

/**
 * Bilibili av number → BV id.
 * @example
 * avToBv(170001)      // 'BV17x411w7KC'
 * avToBv('av170001')  // 'BV17x411w7KC'
 */
export function avToBv(aid: string | number | bigint): string {
  let n: bigint;
  if (typeof aid === 'bigint') n = aid;
  else if (typeof aid === 'number' && Number.isSafeInteger(aid)) n = BigInt(aid);
  else if (typeof aid === 'string' && AV_PATTERN.test(aid)) n = BigInt(aid.replace(/^[Aa][Vv]/, ''));
  else throw new CanonicalUrlError('invalid_input', `expected an av number, found ${preview(String(aid))}`);
  const bv = bvOf(n);
  if (bv === null) throw new CanonicalUrlError('invalid_input', `av number out of range: ${n}`);
  return bv;
}

/**
 * Bilibili BV id → av number (as a decimal string, without `av`).
 * @example
 * bvToAv('BV17x411w7KC') // '170001'
 */
export function bvToAv(bv: string): string {
  if (typeof bv !== 'string' || !BV_PATTERN.test(bv)) {
    throw new CanonicalUrlError('invalid_input', `expected a BV id, found ${preview(String(bv))}`);
  }
  return aidOf(bv);
}

/** Normalises a Bilibili video id spelled as BV (any-case prefix) or av to the BV id, or null. */
export function normalizeBilibiliVideo(id: string): string | null {
  if (BV_PATTERN.test(id)) return `BV${id.slice(2)}`;
  // A bare number is an aid (the player's `aid=` parameter).
  return AV_PATTERN.test(id) ? bvOf(BigInt(id.replace(/^[Aa][Vv]/, ''))) : null;
}

/** A second spelling of a registry id, converted exactly both ways (named by `KindSpec.alternateId`). */
export interface IdCodec {
  /** Canonical id → alternate spelling, or null when none converts back to exactly that id. */
  readonly to: (id: string) => string | null;
  /** Alternate spelling → canonical id, or null. */
  readonly from: (alt: string) => string | null;
}

/**
 * The id codecs the registry names. `av-number`: Bilibili's numeric aid of a BV id.
 * @example
 * ID_CODECS['av-number'].to('BV17x411w7KC') // '170001'
 */
export const ID_CODECS = {
  'av-number': {
    to(id) {
      const aid = BV_PATTERN.test(id) ? aidOf(id) : '';
      return aid && normalizeBilibiliVideo(aid) === id ? aid : null;
    },
    // The aid: digits only (`av170001` is a spelling of the canonical id, as identify reads it).
    from: (alt) => (/^\d/.test(alt) ? normalizeBilibiliVideo(alt) : null),
  },
} as const satisfies Record<string, IdCodec>;

/** The name of an id codec (`KindSpec.alternateId`). */
export type IdCodecName = keyof typeof ID_CODECS;

const B62 = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * Weibo base62 bid → numeric mid: the bid is read in groups of four characters from the right,
 * each group a base62 number written as seven decimal digits.
 * @example
 * weiboBidToMid(weiboMidToBid('4567890123456789')) // '4567890123456789'
 */
export function weiboBidToMid(bid: string): string | null {
  if (!/^[0-9A-Za-z]{1,12}$/.test(bid)) return null;
  let out = '';
  for (let end = bid.length; end > 0; end -= 4) {
    const group = bid.slice(Math.max(0, end - 4), end);
    let n = 0;
    // Base 62 is base 36 (0-9, a-z) with A-Z after z (between '9' and 'a': the bid is checked above).
    for (const ch of group) n = n * 62 + Number.parseInt(ch, 36) + (ch < 'a' && ch > '9' ? 26 : 0);
    const digits = String(n);
    out = (end - 4 > 0 ? digits.padStart(7, '0') : digits) + out;
  }
  return BigInt(out).toString(); // without leading zeros
}

/**
 * Weibo numeric mid → base62 bid.
 * @example
 * weiboMidToBid('4567890123456789').length // 9
 */
export function weiboMidToBid(mid: string): string | null {
  if (!/^\d{1,24}$/.test(mid)) return null;
  let out = '';
  for (let end = mid.length; end > 0; end -= 7) {
    let n = Number(mid.slice(Math.max(0, end - 7), end));
    let group = '';
    do {
      group = B62[n % 62] + group;
      n = Math.floor(n / 62);
    } while (n > 0);
    out = (end - 7 > 0 ? group.padStart(4, '0') : group) + out;
  }
  return out;
}

/** Normalises a Weibo post id (mid, or base62 bid) to the numeric mid, or null. */
export function normalizeWeiboMid(id: string): string | null {
  if (/^\d{10,20}$/.test(id)) return id;
  return weiboBidToMid(id);
}
