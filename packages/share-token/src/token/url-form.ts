/* The URL form: any http(s) URL up to 2 KB, DEFLATE-compressed with a dictionary of common link parts. */
import { deflateSync, inflateSync } from 'fflate';
import { Q } from '../alphabet.js';
import { preview, ShareTokenError } from '../errors.js';
import { MAX_URL_BYTES, URL_DICTIONARY, URL_FORM, VERSION_1 } from './format.js';
import { bytesToSymbols, symbolsToBytes } from './pack.js';

const UTF8 = /* @__PURE__ */ new TextEncoder();

export function checkUrl(url: string): Uint8Array {
  const bytes = UTF8.encode(url);
  if (bytes.length > MAX_URL_BYTES) {
    throw new ShareTokenError(
      'too_long',
      `encodeToken: expected a URL of at most ${MAX_URL_BYTES} bytes, found ${bytes.length}`,
    );
  }
  if (!isSafeHttpUrl(url)) {
    throw new ShareTokenError(
      'invalid_target',
      `encodeToken: expected an absolute http(s) URL without spaces, found ${preview(url)}`,
    );
  }
  return bytes;
}

/** An absolute http(s) URL with no whitespace or control characters: the only links a token may carry. */
export function isSafeHttpUrl(url: string): boolean {
  // regex-safe: a single character class, no repetition
  if (/[\s\u0000-\u001f\u007f]/.test(url)) return false;
  if (!/^https?:\/\//i.test(url)) return false;
  try {
    const u = new URL(url);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.length > 0;
  } catch {
    return false;
  }
}

export function urlData(url: string): number[] {
  const raw = checkUrl(url);
  const packed = deflateSync(raw, { level: 9, dictionary: URL_DICTIONARY });
  const mode = packed.length < raw.length ? 1 : 0;
  const body = bytesToSymbols(mode === 1 ? packed : raw);
  const len = body.length + 1;
  return [VERSION_1, URL_FORM, Math.floor(len / (Q * Q)), Math.floor(len / Q) % Q, len % Q, mode, ...body];
}

export function urlFromPayload(payload: readonly number[]): string | null {
  const mode = payload[0];
  const bytes = symbolsToBytes(payload.slice(1));
  if (bytes === null || (mode !== 0 && mode !== 1)) return null;
  let raw = bytes;
  if (mode === 1) {
    const out = new Uint8Array(MAX_URL_BYTES + 1);
    try {
      raw = inflateSync(bytes, { out, dictionary: URL_DICTIONARY });
    } catch {
      return null;
    }
    if (raw.length > MAX_URL_BYTES) return null;
  } else if (raw.length > MAX_URL_BYTES) return null;
  let url: string;
  try {
    url = new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    return null;
  }
  if (!isSafeHttpUrl(url)) return null;
  // Only the shortest packing is valid, so every URL has exactly one token.
  try {
    const again = urlData(url);
    if (again.length - 5 !== payload.length || again[5] !== mode) return null;
  } catch {
    return null;
  }
  return url;
}
