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
import { fromSymbols, toSymbols } from './pack.js';

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
  if (enc === 'bilibili-av') return { enc, rest: BigInt((alternateId(platform, kind, id) as AlternateId).id) };
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

export function decodeId(
  platform: PlatformId,
  kind: ContentKind,
  enc: Encoding,
  rest: bigint,
): string | null {
  switch (enc) {
    case 'bilibili-av': {
      // The number is the second spelling of an id of a kind whose codec takes this encoding.
      const found = fromAlternateId(platform, kind, rest.toString());
      return found && CODEC_ENCODINGS[found.codec] === enc ? found.id : null;
    }
    case 'decimal':
      return rest.toString();
    case 'hex': {
      const len = Number(rest % 65n);
      const s = (rest / 65n).toString(16);
      return len >= 1 && s.length <= len ? s.padStart(len, '0') : null;
    }
    case 'alnum36': {
      const lower = rest % 2n === 1n;
      rest /= 2n;
      const len = Number(rest % 65n);
      const s = (rest / 65n).toString(36);
      if (len < 1 || s.length > len) return null;
      const id = s.padStart(len, '0');
      return lower ? id : id.toUpperCase();
    }
    case 'utf8': {
      const len = Number(rest % 65n);
      let v = rest / 65n;
      if (len < 1 || v >> BigInt(8 * len) !== 0n) return null;
      const bytes = new Uint8Array(len);
      for (let k = len - 1; k >= 0; k--) {
        bytes[k] = Number(v & 255n);
        v >>= 8n;
      }
      try {
        return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        return null;
      }
    }
  }
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
  const np = BigInt(TOKEN_PLATFORMS.length);
  const platform = TOKEN_PLATFORMS[Number(n % np)] as PlatformId;
  n /= np;
  const nk = BigInt(TOKEN_KINDS.length);
  const kind = TOKEN_KINDS[Number(n % nk)] as ContentKind;
  n /= nk;
  const ne = BigInt(ENCODINGS.length);
  const enc = ENCODINGS[Number(n % ne)] as Encoding;
  n /= ne;
  const id = decodeId(platform, kind, enc, n);
  if (id === null) return null;
  if (!isCanonicalId(platform, kind, id)) return null;
  if (encodingOf(platform, kind, id) !== enc) return null;
  const url = canonicalUrlFor(platform, kind, id);
  return url === null ? null : { platform, kind, id, url };
}
