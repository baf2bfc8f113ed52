/**
 * Text normalisation shared by the share-text parser and the token finder. It never changes what a
 * reader sees, only what chat apps add on the way: CRLF, zero-width characters, U+FFFC (an image
 * that did not survive the copy) and full-width letters and digits. `map[i]` is the index in the
 * original text of normalised character `i` (`map[norm.length]` = original length), so spans found
 * in the normalised text point back at the original.
 */
import { isAsciiAlnum } from './parse/text.js';

export interface NormalizedText {
  readonly norm: string;
  readonly map: Int32Array;
  /** What was changed, with the original index of each change. */
  readonly changes: readonly { readonly at: number; readonly what: NormalizationRepair }[];
}

export type NormalizationRepair = 'crlf' | 'zero-width' | 'object-replacement' | 'full-width';

function isZeroWidth(c: number): boolean {
  return c === 0x200b || c === 0x200c || c === 0x200d || c === 0x2060 || c === 0xfeff || c === 0x00ad;
}

export function normalizeText(text: string): NormalizedText {
  const n = text.length;
  let norm = '';
  const map = new Int32Array(n + 1);
  const changes: { at: number; what: NormalizationRepair }[] = [];
  let out = 0;
  /** Where the text not yet copied to `norm` starts. */
  let chunkStart = 0;
  /** Inside a run of printable ASCII that has passed a `//`: a link. */
  let inLink = false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    const afterLink = inLink;
    inLink = c > 0x20 && c < 0x7f && (inLink || (c === 0x2f && text.charCodeAt(i - 1) === 0x2f));
    const what: NormalizationRepair | null =
      c === 0x0d
        ? 'crlf'
        : isZeroWidth(c)
          ? 'zero-width'
          : c === 0xfffc
            ? 'object-replacement'
            : // Full-width letters and digits are ASCII ones shifted by 0xfee0.
              isAsciiAlnum(c - 0xfee0)
              ? 'full-width'
              : null;
    if (what === null) {
      map[out++] = i;
      continue;
    }
    // A zero-width space right after a link ends it (`https://…/HspX6/\u200bThis post…`); elsewhere (inside
    // a token, before `//`) chat apps inserted it and it goes, as U+FFFC does. CR before LF goes, a lone CR
    // becomes LF.
    let replacement = c === 0x200b && afterLink ? ' ' : '';
    if (what === 'crlf' && text.charCodeAt(i + 1) !== 0x0a) replacement = '\n';
    if (what === 'full-width') replacement = String.fromCharCode(c - 0xfee0);
    norm += text.slice(chunkStart, i) + replacement;
    chunkStart = i + 1;
    if (replacement) map[out++] = i;
    changes.push({ at: i, what });
  }
  map[out] = n;
  return { norm: norm + text.slice(chunkStart), map: map.subarray(0, out + 1), changes };
}

/** Removes the characters `normalizeText` drops (for text cut from the original, such as titles). */
export function cleanSlice(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x0d || isZeroWidth(c) || c === 0xfffc) continue;
    out += s[i];
  }
  return out;
}
