// The one free-text link scanner.
import { UNSAFE_SCHEMES } from './scheme.js';

/**
 * True for a character that ends a link in free text: white space, CJK punctuation and brackets, quotes.
 * @example
 * isLinkStop('。'.charCodeAt(0)) // true
 */
export function isLinkStop(code: number): boolean {
  return (
    code <= 0x20 ||
    code === 0x22 ||
    code === 0x27 ||
    code === 0x3c ||
    code === 0x3e ||
    code === 0x60 ||
    code === 0x7b ||
    code === 0x7c ||
    code === 0x7d ||
    (code >= 0x3000 && code <= 0x303f) ||
    (code >= 0xff01 && code <= 0xff0f) ||
    (code >= 0xff1a && code <= 0xff20) ||
    code === 0x2026 ||
    code === 0x2014 ||
    (code >= 0x2018 && code <= 0x201d) ||
    code === 0xfffc ||
    code === 0x200b
  );
}

const TRAILING_PUNCT = new Set([...'.,;:!?)]>\'"']);
const SCHEME_CHAR = /[A-Za-z0-9+.-]/;

/** A link found in free text: where it starts (UTF-16 index) and the link as written. */
export interface ScannedLink {
  readonly at: number;
  readonly raw: string;
}

/**
 * Links in free text, with their positions: any scheme followed by `://`, and the unsafe schemes without
 * it (`javascript:`, `data:` …, so they can be judged and refused). A link ends at white space, CJK
 * punctuation and brackets or quotes; trailing sentence punctuation is dropped, except a `)` that closes
 * a `(` of the link. Linear in the text. The resolver's free-text link scanner (share-token's
 * `findUrls`, with its share-text repairs, is not merged into it yet); what each link is, is
 * `judgeTarget`'s business.
 * @example
 * scanLinks('看看 https://item.jd.com/100012043978.html。') // [{ at: 3, raw: 'https://item.jd.com/100012043978.html' }]
 */
export function scanLinks(text: string): ScannedLink[] {
  const found: ScannedLink[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && isLinkStop(text.charCodeAt(i))) i += 1;
    const start = i;
    while (i < text.length && !isLinkStop(text.charCodeAt(i))) i += 1;
    let run = text.slice(start, i);
    let offset = start;
    const sep = run.indexOf('://');
    if (sep > 0) {
      let s = sep;
      while (s > 0 && SCHEME_CHAR.test(run[s - 1] as string)) s -= 1;
      if (s === sep) continue;
      offset += s;
      run = run.slice(s);
    } else {
      const colon = run.indexOf(':');
      if (colon <= 0 || !UNSAFE_SCHEMES.has(run.slice(0, colon).toLowerCase())) continue;
    }
    let end = run.length;
    // Trailing punctuation ends the sentence, not the link — except a `)` that closes a `(` of the link.
    let open = 0;
    for (const ch of run) open += ch === '(' ? 1 : ch === ')' ? -1 : 0;
    while (end > 0 && TRAILING_PUNCT.has(run[end - 1] as string)) {
      if (run[end - 1] === ')' && open >= 0) break;
      if (run[end - 1] === ')') open += 1;
      end -= 1;
    }
    if (end > 0) found.push({ at: offset, raw: run.slice(0, end) });
  }
  return found;
}
