/* sharekit tokens: encodeToken and decodeToken. The format's parts live in ./token/ (one job each). */
import {
  canonicalUrlFor,
  identify,
  isLinkIdentity,
  judgeTarget,
  type LinkIdentity,
} from '@sharekit/canonical-url/core';
import { ALPHABET, CHECKS, symbolOf, tokenText } from './alphabet.js';
import { checkText, preview, ShareTokenError } from './errors.js';
import { compactData } from './token/compact.js';
import {
  type DecodedToken,
  type EncodeTokenOptions,
  FUTURE_VERSIONS,
  MAX_URL_BYTES,
  URL_FORM,
} from './token/format.js';
import { dataLength, isSeparator, tryDecode } from './token/read.js';
import { isSafeHttpUrl, urlData } from './token/url-form.js';

/**
 * Writes a sharekit token for a platform identity or any http(s) URL of up to 2 KB.
 *
 * An identity whose `url` is its canonical URL gives a compact token (15–30 characters: version,
 * size, platform + kind + id, five check symbols); anything else gives a URL token carrying the
 * exact URL, DEFLATE-compressed. Tokens use 31 symbols (2–9 and A–Z without I, L, O).
 *
 * @throws ShareTokenError `invalid_target` (not an identity or http(s) URL, `form: 'compact'`
 *   without an id, or a URL or id holding a lone surrogate, which UTF-8 cannot carry), `too_long`
 *   (URL over 2048 bytes), `invalid_option`.
 * @example
 * encodeToken({ platform: 'taobao', kind: 'item', id: '675330231400', url: 'https://item.taobao.com/item.htm?id=675330231400' })
 * // → 'VBKWACN9Y7X23733K'
 * encodeToken('https://example.com/spring-sale?ref=poster') // → a URL token
 */
export function encodeToken(target: LinkIdentity | string, options: EncodeTokenOptions = {}): string {
  const form = options.form ?? 'auto';
  const texts =
    typeof target === 'string' ? [target] : isLinkIdentity(target) ? [target.url, target.id ?? ''] : [];
  if (texts.some(hasLoneSurrogate)) {
    // Tokens carry UTF-8, which cannot hold half a surrogate pair: refuse rather than decode to U+FFFD.
    throw new ShareTokenError(
      'invalid_target',
      'encodeToken: the target holds a lone surrogate (not valid Unicode text)',
    );
  }
  if (form !== 'auto' && form !== 'compact' && form !== 'url') {
    throw new ShareTokenError(
      'invalid_option',
      `encodeToken: form must be auto, compact or url, found ${String(form)}`,
    );
  }
  let data: number[] | null = null;
  if (typeof target === 'string') {
    if (target.length > 4 * MAX_URL_BYTES) {
      throw new ShareTokenError('too_long', `encodeToken: expected a URL of at most ${MAX_URL_BYTES} bytes`);
    }
    if (form === 'compact') {
      const identity = isSafeHttpUrl(target) ? identify(target) : null;
      if (!identity || identity.id === null || identity.kind === 'short') {
        throw new ShareTokenError(
          'invalid_target',
          `encodeToken: no platform identity with an id in ${preview(target)}`,
        );
      }
      data = compactData(identity.platform, identity.kind, identity.id);
    } else data = urlData(target);
  } else if (isLinkIdentity(target)) {
    const canCompact =
      target.id !== null &&
      target.kind !== 'short' &&
      canonicalUrlFor(target.platform, target.kind, target.id) !== null;
    const canonical = canCompact ? canonicalUrlFor(target.platform, target.kind, target.id as string) : null;
    if (form === 'compact' || (form === 'auto' && canCompact && canonical === target.url)) {
      data = canCompact ? compactData(target.platform, target.kind, target.id as string) : null;
      // An id too long for 24 payload symbols travels as its canonical URL instead.
      if (data === null && form === 'auto') data = urlData(target.url);
      if (data === null) {
        throw new ShareTokenError(
          'invalid_target',
          `encodeToken: ${target.platform}/${target.kind} id ${preview(String(target.id))} has no compact form`,
        );
      }
    } else data = urlData(target.url);
  } else {
    throw new ShareTokenError('invalid_target', 'encodeToken: expected a LinkIdentity or a URL string');
  }
  if (data === null) throw new ShareTokenError('invalid_target', 'encodeToken: the target has no token form');
  // A URL token carries the URL as given: judge it. A compact token names a registry page (judged ok).
  if (data[1] === URL_FORM) refuseDanger(typeof target === 'string' ? target : target.url);
  return tokenText(data);
}

/** True when `text` holds half of a UTF-16 surrogate pair on its own. */
function hasLoneSurrogate(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) continue;
    const next = text.charCodeAt(i + 1);
    if (c > 0xdbff || !(next >= 0xdc00 && next <= 0xdfff)) return true;
    i++;
  }
  return false;
}

/** A token is never made for a target the one judge calls dangerous. */
function refuseDanger(url: string): void {
  const reading = judgeTarget(url);
  if (reading.level !== 'danger') return;
  const first = reading.reasons.find((r) => r.level === 'danger');
  throw new ShareTokenError(
    'unsafe_target',
    `encodeToken: ${preview(url)} is refused (${first?.code}: ${first?.detail})`,
  );
}

/**
 * The longest word any token can have: a URL-form token of a {@link MAX_URL_BYTES}-byte URL stored raw,
 * 6 header symbols + 682 × 5 symbols for 2046 bytes + 4 for the last 2 + 5 checks. A deflated body is
 * valid only when shorter than its URL's bytes, so no longer word is a token. Written out, not
 * computed, to keep parseShareText's bundle within its ceiling.
 */
const MAX_WORD = 3425;

/**
 * Reads a sharekit token. Accepts any case, full-width forms (ＶＡ７…) and spaces or hyphens
 * between characters. One substituted character, or one look-alike (0 O 1 I L) in place of a
 * symbol, is corrected (`corrected: true`); anything else that does not check is rejected. A
 * correction can only give back the token that was written, never another valid target.
 *
 * @throws ShareTokenError `invalid_input` (not a string), `too_long` (over 64 KB), `invalid_token`
 *   (not shaped like a token), `unsupported_version`, `checksum_mismatch`, `invalid_payload`.
 * @example
 * decodeToken(encodeToken('https://example.com/a')).url // 'https://example.com/a'
 * decodeToken('ｖｂｋｗａｃｎ９ｙ７ｘ２３７３３ｋ').identity?.id // '675330231400' (full-width, lower case)
 */
export function decodeToken(token: string): DecodedToken {
  checkText(token, 1 << 16, 'decodeToken');
  const word: number[] = [];
  let erasure = -1;
  // No token is longer than MAX_WORD: reading stops there, before the word becomes a large-object
  // allocation that made 64 KB inputs cost more per character than 32 KB ones (issue 15).
  for (let i = 0; i < token.length && word.length <= MAX_WORD; i++) {
    const code = token.charCodeAt(i);
    if (isSeparator(code)) continue;
    const v = symbolOf(code);
    if (v >= 0) word.push(v);
    else if (v === -2 && erasure < 0) {
      erasure = word.length;
      word.push(0);
    } else {
      throw new ShareTokenError(
        'invalid_token',
        `decodeToken: expected symbols 2-9 and A-Z without I, L, O, found ${JSON.stringify(token[i])} in ${preview(token)}`,
      );
    }
  }
  if (word.length < 2 + 1 + CHECKS) {
    throw new ShareTokenError(
      'invalid_token',
      `decodeToken: expected at least 8 symbols, found ${word.length}`,
    );
  }
  const result = tryDecode(word, erasure);
  if (result === 'payload') {
    throw new ShareTokenError(
      'invalid_payload',
      `decodeToken: ${preview(token)} checks but does not name a valid target`,
    );
  }
  if (result) return result;
  if (FUTURE_VERSIONS.includes(word[0] as number)) {
    throw new ShareTokenError(
      'unsupported_version',
      `decodeToken: version symbol ${ALPHABET[word[0] as number]} is newer than this reader (version 1 is V)`,
    );
  }
  const expected = dataLength(word);
  if (expected === null || expected + CHECKS !== word.length) {
    throw new ShareTokenError(
      'invalid_token',
      expected === null
        ? `decodeToken: expected a version-1 header (V then a size symbol), found ${preview(token)}`
        : `decodeToken: the header announces ${expected + CHECKS} symbols, found ${word.length}`,
    );
  }
  throw new ShareTokenError(
    'checksum_mismatch',
    `decodeToken: ${preview(token)} does not check and cannot be corrected`,
  );
}

export {
  type DecodedToken,
  type EncodeTokenOptions,
  MAX_URL_BYTES,
  TOKEN_KINDS,
  TOKEN_PLATFORMS,
  VERSION_1,
} from './token/format.js';
export {
  exact,
  type FindTokensOptions,
  findTokens,
  type ScannedToken,
  type SharekitTokenReader,
  scanTokens,
  sharekitTokens,
  type TokenMatch,
} from './token/scan.js';
export { isSafeHttpUrl } from './token/url-form.js';
