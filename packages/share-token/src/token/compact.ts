/* Compact identities: platform + kind + id packed into a few symbols, and read back only when the packing is canonical. */
import {
  type AlternateId,
  alternateId,
  type ContentKind,
  canonicalUrlFor,
  fromAlternateId,
  isCanonicalId,
  type LinkIdentity,
  type PlatformId,
} from '@sharekit/canonical-url/core';
import {
  CODEC_ENCODINGS,
  ENCODINGS,
  type Encoding,
  MAX_COMPACT_PAYLOAD,
  MAX_ID_LENGTH,
  TOKEN_KINDS,
  TOKEN_PLATFORMS,
  VERSION_1,
} from './format.js';
import { fromSymbols, toSymbols, utf8Text } from './pack.js';

export const HEX = /^[0-9a-f]{1,64}$/;
export const DECIMAL = /^(?:0|[1-9][0-9]{0,63})$/;
export const ALNUM36 = /^[0-9A-Z]{1,64}$/;
export const ALNUM36_LOWER = /^[0-9a-z]{1,64}$/;
const UTF8 = /* @__PURE__ */ new TextEncoder();

/**
 * The encoding version 1 gives `id` (the first in ENCODINGS that fits), or null when none does. The reader
 * checks a compact token's encoding with this alone, without packing the id again.
 */
export function encodingOf(platform: PlatformId, kind: ContentKind, id: string): Encoding | null {
  // A kind whose registry row names a numeric second spelling (Bilibili's av number) writes that number.
  const alt = alternateId(platform, kind, id);
  const altEnc = alt && CODEC_ENCODINGS[alt.codec];
  if (altEnc) return altEnc;
  if (DECIMAL.test(id)) return 'decimal';
  if (HEX.test(id)) return 'hex';
  // One case throughout (ASINs upper, Kuaishou photo ids lower): base 36 plus a case flag.
  if (ALNUM36_LOWER.test(id) || ALNUM36.test(id)) return 'alnum36';
  const bytes = UTF8.encode(id).length;
  return bytes > 0 && bytes <= MAX_ID_LENGTH ? 'utf8' : null;
}

export function encodeId(
  platform: PlatformId,
  kind: ContentKind,
  id: string,
): { enc: Encoding; rest: bigint } | null {
  const enc = encodingOf(platform, kind, id);
  if (enc === null) return null;
  if (enc === 'bilibili-av')
    return { enc, rest: BigInt((alternateId(platform, kind, id) as AlternateId).id) };
  if (enc === 'decimal') return { enc, rest: BigInt(id) };
  if (enc === 'hex') return { enc, rest: BigInt(`0x${id}`) * 65n + BigInt(id.length) };
  if (enc === 'alnum36') {
    let v = 0n;
    for (const ch of id) v = v * 36n + BigInt(Number.parseInt(ch, 36));
    return { enc, rest: (v * 65n + BigInt(id.length)) * 2n + (ALNUM36_LOWER.test(id) ? 1n : 0n) };
  }
  const bytes = UTF8.encode(id);
  let v = 0n;
  for (const b of bytes) v = (v << 8n) | BigInt(b);
  return { enc, rest: v * 65n + BigInt(bytes.length) };
}

/**
 * The id `rest` spells in encoding `enc` (the number left once platform, kind and encoding are taken off a
 * compact payload), or null. Whether `enc` is the id's own encoding is the caller's check.
 */
export function decodeId(
  platform: PlatformId,
  kind: ContentKind,
  enc: Encoding,
  rest: bigint,
): string | null {
  if (enc === 'bilibili-av') {
    // The number is the second spelling of an id of a kind whose codec takes this encoding.
    const found = fromAlternateId(platform, kind, rest.toString());
    return found && CODEC_ENCODINGS[found.codec] === enc ? found.id : null;
  }
  if (enc === 'decimal') return rest.toString();
  // hex, alnum36 (upper or lower case) and utf8 (its bytes as hex digits) end with the id's length.
  const lower = enc !== 'alnum36' || rest % 2n === 1n;
  if (enc === 'alnum36') rest /= 2n;
  const len = Number(rest % 65n);
  const width = enc === 'utf8' ? 2 * len : len;
  const s = (rest / 65n).toString(enc === 'alnum36' ? 36 : 16);
  if (len < 1 || s.length > width) return null;
  const id = s.padStart(width, '0');
  if (enc === 'utf8')
    return utf8Text(Uint8Array.from(id.match(/../g) as string[], (h) => Number.parseInt(h, 16)));
  return lower ? id : id.toUpperCase();
}

export function compactData(platform: PlatformId, kind: ContentKind, id: string): number[] | null {
  const p = TOKEN_PLATFORMS.indexOf(platform);
  const k = TOKEN_KINDS.indexOf(kind);
  if (p < 0 || k < 0) return null;
  const packed = encodeId(platform, kind, id);
  if (!packed) return null;
  const e = ENCODINGS.indexOf(packed.enc);
  const n =
    ((packed.rest * BigInt(ENCODINGS.length) + BigInt(e)) * BigInt(TOKEN_KINDS.length) + BigInt(k)) *
      BigInt(TOKEN_PLATFORMS.length) +
    BigInt(p);
  const payload = toSymbols(n);
  if (payload.length > MAX_COMPACT_PAYLOAD) return null;
  return [VERSION_1, payload.length - 1, ...payload];
}

/** The identity a compact payload names, or null when it is not the canonical packing of a valid id. */
export function identityFromCompact(payload: readonly number[]): LinkIdentity | null {
  if (payload.length > 1 && payload[0] === 0) return null; // not minimal: never written
  let n = fromSymbols(payload);
  /** The next item of `list` that `n` names, as a mixed-radix number's lowest digit. */
  const take = <T>(list: readonly T[]): T => {
    const size = BigInt(list.length);
    const item = list[Number(n % size)] as T;
    n /= size;
    return item;
  };
  const platform = take(TOKEN_PLATFORMS);
  const kind = take(TOKEN_KINDS);
  const enc = take(ENCODINGS);
  const id = decodeId(platform, kind, enc, n);
  if (id === null) return null;
  if (!isCanonicalId(platform, kind, id)) return null;
  if (encodingOf(platform, kind, id) !== enc) return null;
  const url = canonicalUrlFor(platform, kind, id);
  return url === null ? null : { platform, kind, id, url };
}
