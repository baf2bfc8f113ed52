import type { RunTokenRule } from '../shares.js';
import { isAsciiAlnum, isCjkLetter, isSpace } from './text.js';
/** A run that reads as words: `Information`, `HELLOWORLD`, all lower case, or capitalised words run together (`OpenHarness`). */
// regex-safe: anchored; each repeated word starts with the one capital, so a run splits one way only
export const WORDISH = /^(?:[a-z]+|(?:[A-Z][a-z]+)+|[A-Z]+|[0-9]+)$/;

export function runMatches(
  rule: RunTokenRule,
  norm: string,
  start: number,
  end: number,
  value: string,
  has: (marker: string) => boolean,
): boolean {
  const len = end - start;
  if (len < rule.min || len > rule.max) return false;
  if (!/[A-Za-z]/.test(value)) return false;
  if (rule.digit && !/[0-9]/.test(value)) return false;
  if (rule.shapeOnly && (WORDISH.test(value) || inDottedName(norm, start, end))) return false;
  if (rule.requires && !rule.requires.some(has)) return false;
  if (rule.after && !rule.after.includes(prevNonSpace(norm, start, 1))) return false;
  if (rule.between) {
    const w = rule.between.length;
    if (prevNonSpace(norm, start, w) !== rule.between || nextNonSpace(norm, end, w) !== rule.between)
      return false;
  }
  return true;
}

/** A run that is one label of a host name or an e-mail address (`abc.example12.com`, `name@qq.com`). */
export function inDottedName(norm: string, start: number, end: number): boolean {
  const before = norm.charCodeAt(start - 1);
  const after = norm.charCodeAt(end);
  const joins = (c: number) => c === 0x2e || c === 0x40;
  return (
    (joins(after) && isAsciiAlnum(norm.charCodeAt(end + 1))) ||
    (joins(before) && isAsciiAlnum(norm.charCodeAt(start - 2)))
  );
}

export function prevNonSpace(norm: string, at: number, width: number): string {
  let k = at;
  while (isSpace(norm.charCodeAt(k - 1)) && at - k < 3) k--;
  return norm.slice(Math.max(0, k - width), k);
}

export function nextNonSpace(norm: string, at: number, width: number): string {
  let k = at;
  while (isSpace(norm.charCodeAt(k)) && k - at < 3) k++;
  return norm.slice(k, k + width);
}

/**
 * A shape-only token is "delimited" when a symbol touches it (￥ € ( 🎵 / …) or the same character
 * sits on both sides (the 2021 CJK-character delimiters); spaces, CJK text and string edges are not
 * delimiters.
 */
export function isDelimited(norm: string, start: number, end: number): boolean {
  // Past either end of the text charCodeAt gives NaN, which is no symbol and equals nothing.
  const before = norm.charCodeAt(start - 1);
  const after = norm.charCodeAt(end);
  const symbol = (c: number) => c >= 0 && !isSpace(c) && !isCjkLetter(c);
  return symbol(before) || symbol(after) || (before === after && !isSpace(before));
}
