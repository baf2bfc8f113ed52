/**
 * Text normalisation shared by the share-text parser and the token finder. It never changes what a
 * reader sees, only what chat apps add on the way: CRLF, zero-width characters, U+FFFC (an image
 * that did not survive the copy) and full-width letters and digits. `map[i]` is the index in the
 * original text of normalised character `i` (`map[norm.length]` = original length), so spans found
 * in the normalised text point back at the original.
 */
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
  const parts: string[] = [];
  const map = new Int32Array(n + 1);
  const changes: { at: number; what: NormalizationRepair }[] = [];
  let out = 0;
  let chunkStart = 0;
  const flush = (end: number) => {
    if (end > chunkStart) parts.push(text.slice(chunkStart, end));
  };
  /** Inside a run of printable ASCII that has passed a `//`: a link. */
  let inLink = false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    const afterLink = inLink;
    inLink = c > 0x20 && c < 0x7f && (inLink || (c === 0x2f && text.charCodeAt(i - 1) === 0x2f));
    let replacement: string | null = null;
    let what: NormalizationRepair | null = null;
    if (c === 0x0d) {
      replacement = text.charCodeAt(i + 1) === 0x0a ? '' : '\n';
      what = 'crlf';
    } else if (isZeroWidth(c)) {
      // A zero-width space right after a link ends it (`https://…/HspX6/\u200bThis post…`); elsewhere
      // (inside a token, before `//`) chat apps inserted it and it goes.
      replacement = c === 0x200b && afterLink ? ' ' : '';
      what = 'zero-width';
    } else if (c === 0xfffc) {
      replacement = '';
      what = 'object-replacement';
    } else if ((c >= 0xff10 && c <= 0xff19) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a)) {
      replacement = String.fromCharCode(c - 0xfee0);
      what = 'full-width';
    }
    if (replacement === null) {
      map[out++] = i;
      continue;
    }
    flush(i);
    chunkStart = i + 1;
    if (replacement.length > 0) {
      parts.push(replacement);
      map[out++] = i;
    }
    changes.push({ at: i, what: what as NormalizationRepair });
  }
  flush(n);
  map[out] = n;
  return { norm: parts.join(''), map: map.subarray(0, out + 1), changes };
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
