/* The URL form: any http(s) URL up to 2 KB, DEFLATE-compressed with a dictionary of common link parts. */
import { deflateSync } from 'fflate';
import { Q } from '../alphabet.js';
import { preview, ShareTokenError } from '../errors.js';
import { MAX_URL_BYTES, URL_DICTIONARY, URL_FORM, VERSION_1 } from './format.js';
import { inflate } from './inflate.js';
import { bytesToSymbols, symbolsToBytes, utf8Text } from './pack.js';

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
  // regex-safe: a single character class, no repetition; an anchored literal prefix
  if (/[\s\u0000-\u001f\u007f]/.test(url) || !/^https?:\/\//i.test(url)) return false;
  // Past that prefix the parser's scheme is http: or https:, whose URLs always have a host (or do not parse).
  try {
    return !!new URL(url);
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

/**
 * The URL a URL-form payload (mode symbol, then body symbols) carries, or null when it is not a valid
 * packing. Any valid packing is read, not only the one `urlData` writes: mode 0 is the URL's bytes,
 * mode 1 a raw DEFLATE stream (with URL_DICTIONARY) that is shorter than the bytes it unpacks to.
 */
export function urlFromPayload(payload: readonly number[]): string | null {
  const mode = payload[0];
  const bytes = symbolsToBytes(payload.slice(1));
  if (bytes === null || (mode !== 0 && mode !== 1)) return null;
  // A packed body as long as its URL or longer is no packing the format allows.
  const raw = mode === 1 ? inflate(bytes, URL_DICTIONARY, MAX_URL_BYTES) : bytes;
  if (raw === null || raw.length > MAX_URL_BYTES || (mode === 1 && raw.length <= bytes.length)) return null;
  const url = utf8Text(raw);
  return url !== null && isSafeHttpUrl(url) ? url : null;
}
