/* Reading a token word: header length, payload, one-symbol correction. Shared by decodeToken and the free-text scan. */
import { judgeTarget, tryIdentify } from '@sharekit/canonical-url/core';
import { ALPHABET, CHECKS, correctOne, MAX_DATA, Q } from '../alphabet.js';
import { identityFromCompact } from './compact.js';
import { type DecodedToken, MAX_COMPACT_PAYLOAD, URL_FORM, VERSION_1 } from './format.js';
import { urlFromPayload } from './url-form.js';

/** Payload length the header of `word` announces, or null when the header is not version 1. */
export function dataLength(word: readonly number[]): number | null {
  const [version, size, a, b, c] = word;
  if (version !== VERSION_1 || size === undefined) return null;
  if (size < MAX_COMPACT_PAYLOAD) return size + 3;
  // A URL token: three symbols of payload length follow (a word has no gaps: with c, a and b are there).
  if (size !== URL_FORM || c === undefined) return null;
  const len = ((a as number) * Q + (b as number)) * Q + c;
  return len >= 1 && 5 + len <= MAX_DATA ? 5 + len : null;
}

/** Reads a valid (already checked) word. */
export function readWord(word: readonly number[], corrected: boolean): DecodedToken | null {
  const n = word.length - CHECKS;
  const token = word.map((v) => ALPHABET[v]).join('');
  if (word[1] === URL_FORM) {
    const url = urlFromPayload(word.slice(5, n));
    if (url === null) return null;
    const reading = judgeTarget(url);
    const identity = reading.identity ?? tryIdentify(url);
    return { identity, url, corrected, form: 'url', token, level: reading.level, reasons: reading.reasons };
  }
  const identity = identityFromCompact(word.slice(2, n));
  // A compact token names a registry identity: its URL is the platform's canonical page, which the
  // judge rates ok without reasons (a test holds this for every platform), so it is not judged again.
  return identity
    ? { identity, url: identity.url, corrected, form: 'compact', token, level: 'ok', reasons: [] }
    : null;
}

/** Separators a person may type inside a token: spaces, hyphens, dots (ASCII and full-width). */
export function isSeparator(code: number): boolean {
  return (
    code === 0x20 ||
    code === 0x09 ||
    code === 0x0a ||
    code === 0x0d ||
    code === 0x3000 ||
    code === 0x2d ||
    code === 0xff0d ||
    code === 0x2010 ||
    code === 0x2011 ||
    code === 0x2212
  );
}

/** Corrects (at most one symbol) and reads; 'payload' when the checks pass but the payload is invalid. */
export function tryDecode(word: readonly number[], erasure: number): DecodedToken | 'payload' | null {
  const copy = [...word];
  const pos = correctOne(copy, erasure);
  if (pos === null) return null;
  const n = dataLength(copy);
  if (n === null || n + CHECKS !== copy.length) return null;
  return readWord(copy, pos >= 0) ?? 'payload';
}
