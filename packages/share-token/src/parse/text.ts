export function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0b || c === 0x0c || c === 0x3000 || c === 0xa0;
}

/** Where the line of `s` holding `from` ends: its line break, or the end of `s`. */
export function lineEnd(s: string, from: number): number {
  const k = s.indexOf('\n', from);
  return k < 0 ? s.length : k;
}

export function isAsciiAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** CJK ideographs, kana and hangul: letters of running text, not delimiters. */
export function isCjkLetter(c: number): boolean {
  return (
    (c >= 0x3400 && c <= 0x9fff) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0x3040 && c <= 0x30ff) ||
    (c >= 0xac00 && c <= 0xd7af)
  );
}

/**
 * How many leading items of `list` are `below` (the list is sorted so that they come first): the one
 * binary search of the parser (lines, links, codes and repairs by position).
 */
export function bisect<T>(list: ArrayLike<T>, below: (item: T) => boolean): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (below(list[mid] as T)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether the sticky pattern `re` matches `s` at `at` (a line prefix at a line's start). */
export function stickyAt(re: RegExp, s: string, at: number): boolean {
  re.lastIndex = at;
  return re.test(s);
}
