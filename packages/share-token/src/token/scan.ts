/* Scanning free text for tokens without delimiters (findTokens); linear in the text length. */
import { CHECKS, correctOne, Q, symbolOf, weight } from '../alphabet.js';
import { checkText, MAX_TEXT_LENGTH } from '../errors.js';
import { normalizeText } from '../normalize.js';
import { isAsciiAlnum } from '../parse/text.js';
import { type DecodedToken, URL_FORM, VERSION_1 } from './format.js';
import { dataLength, readWord } from './read.js';

/** A token found in free text. */
export interface TokenMatch extends DecodedToken {
  /** Where the token sits in the text: `[start, end)` in UTF-16 units of the original string. */
  readonly span: readonly [number, number];
}

/** Options of `findTokens`. */
export interface FindTokensOptions {
  /**
   * Also accept tokens with one substituted character. Off by default: correction multiplies the
   * chance that random text is taken for a token by about 30 × length.
   * @default false
   */
  readonly correct?: boolean;
}

/**
 * Finds sharekit tokens in pasted text without relying on delimiters: each `V`/`v`/`Ｖ` is a
 * candidate start, the size symbol after it fixes the length, and the five check symbols decide.
 * Linear in the text length. A URL token (long form) is looked for only where no other token
 * letter precedes it.
 *
 * @throws ShareTokenError `invalid_input` (not a string), `too_long` (over 1 MiB).
 * @example
 * findTokens('复制VBKWACN9Y7X23733K打开') // → [{ token: 'VBKWACN9Y7X23733K', identity: {…}, span: [2, 19], … }]
 */
export function findTokens(text: string, options: FindTokensOptions = {}): TokenMatch[] {
  checkText(text, MAX_TEXT_LENGTH, 'findTokens');
  const { norm, map } = normalizeText(text);
  return scanTokens(norm, options.correct ? correctOne : exact).map((m) => ({
    ...m.decoded,
    span: [map[m.start] as number, (map[m.end - 1] as number) + 1] as const,
  }));
}

/** A token found in normalised text, with its span there. */
export interface ScannedToken {
  readonly decoded: DecodedToken;
  readonly start: number;
  readonly end: number;
}

/** A word's checks, read as `correctOne` reports them without correcting: -1 when they hold, else null. */
export function exact(word: number[]): number | null {
  const n = word.length - CHECKS;
  // Each syndrome is 0 (alphabet.ts syndromes, stopping at the first that is not).
  for (let m = 0; m < CHECKS; m++) {
    let sum = word[n + m] as number;
    for (let i = 0; i < n; i++) sum += (word[i] as number) * weight(m, i);
    if (sum % Q) return null;
  }
  return -1;
}

/**
 * The scan behind `findTokens`, on normalised text (no zero-width characters, CRLF folded, full-width letters
 * and digits ASCII). `check` is `correctOne` or `exact`: passed in, so a caller that never corrects
 * (parseShareText) does not carry the corrector.
 */
export function scanTokens(text: string, check: (word: number[]) => number | null): ScannedToken[] {
  const out: ScannedToken[] = [];
  const n = text.length;
  let i = 0;
  // Every candidate start is examined once; a compact candidate reads at most 31 symbols, a URL
  // candidate is only tried at the start of a run of letters and digits, and reading stops at the
  // first character outside the alphabet, so each run is read O(1) times.
  while (i < n) {
    let found: DecodedToken | null = null;
    let total = 5;
    if (symbolOf(text.charCodeAt(i)) === VERSION_1) {
      // The header (V, the size symbol and, for a URL token, three length symbols) fixes the length. Every
      // token is longer than these five, so a candidate with a non-symbol among them fails whichever size
      // it announces; reading stops at the first character outside the alphabet.
      const word: number[] = [];
      for (let k = 0; k < total; k++) {
        const v = symbolOf(text.charCodeAt(i + k));
        if (v < 0) break;
        word.push(v);
        if (k === 4) total = (dataLength(word) ?? -CHECKS) + CHECKS;
      }
      const pos =
        word.length === total && (word[1] !== URL_FORM || !isAsciiAlnum(text.charCodeAt(i - 1)))
          ? check(word)
          : null;
      if (pos !== null) found = readWord(word, pos >= 0);
    }
    if (found) {
      out.push({ decoded: found, start: i, end: i + total });
      i += total;
    } else i++;
  }
  return out;
}

/**
 * What `parseShareText`'s `sharekitTokens` option takes: the tokens of a text already normalised by
 * `parseShareText`, with their spans there. Pass `sharekitTokens`; its shape is not a stable interface.
 */
export type SharekitTokenReader = (normalizedText: string) => ScannedToken[];

/**
 * The sharekit-token reader for `parseShareText` (`findTokens` without correction, on its normalised
 * text). Kept out of `parseShareText` so that a reader of platform shares does not bundle the token
 * format's decoder.
 * @example
 * parseShareText(composeShareText({ target: identity }), { sharekitTokens })[0]?.kind // 'sharekit-token'
 */
export const sharekitTokens: SharekitTokenReader = (normalizedText) => scanTokens(normalizedText, exact);
