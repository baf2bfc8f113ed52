import { isSpace } from './text.js';
// regex-safe: anchored, bounded classes
export const SCORE = /^[0-9]{1,2}(?:\.[0-9]{1,2})?(?:-|:\/)?$/;
// regex-safe: anchored, fixed-length classes
export const CODE_COLON = /^[A-Za-z]{2,3}(?::\/|\/:)$/;
// regex-safe: anchored, bounded classes
export const GLUED_SCORE = /^\d[\w.:/-]{0,4}(?=[^\0-$&-\x7f])/;
/** A code glued to the next word (`GIi:/电动车…`), or a Markdown mail link GitHub made of one (`[H@V.Ym](mailto:…`). */
// regex-safe: anchored, bounded classes
export const GLUED_CODE = /^\[?([A-Za-z]{2,3}:\/(?=[^\u0000-\u007f])|[^\]]{1,12}(?=\]\(mailto:))/;
// regex-safe: anchored, fixed-length classes
export const CODE_AT = /^[A-Za-z0-9]@[A-Za-z0-9]\.[A-Za-z]{2,3}$/;
/** A share's date (`06/28`) or time (`:9pm`). */
// regex-safe: anchored, bounded classes
const DATE_TIME = /^(?:[0-9]{2}\/[0-9]{2}|:[0-9]{1,2}[ap]m)$/;

/** A Douyin noise word: share score (only as the line's first word), code, date or time. */
export function isNoiseWord(w: string, first = true): boolean {
  return (first && SCORE.test(w)) || CODE_COLON.test(w) || CODE_AT.test(w) || DATE_TIME.test(w);
}

/**
 * Calls `visit(word, start)` for each word of `text` (split at spaces; a longer one only for a code glued to its
 * start) until `visit` returns true. Nothing is kept: a text with no share is read word by word without an array
 * of them (which made a megabyte of short words cost more per character than half of it).
 */
export function eachWord(text: string, visit: (w: string, i: number) => unknown): void {
  let i = 0;
  while (i < text.length) {
    if (isSpace(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < text.length && !isSpace(text.charCodeAt(i))) i++;
    // A code glued to the caption (`GIi:/电动车…`) is a word of its own, and so is one that GitHub turned into a
    // Markdown mail link (`[H@V.Ym](mailto:H@V.Ym)`).
    const m = i - start > 12 ? GLUED_CODE.exec(text.slice(start, start + 24)) : ['', text.slice(start, i)];
    if (m && visit(m[1] as string, start)) return;
  }
}
