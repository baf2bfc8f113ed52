/*
 * Display width of text, as terminals, chat apps and Chinese layout grids count it. Share texts cut
 * titles by it, posters wrap by it, the CLI aligns columns by it: one definition serves them all.
 */

/**
 * True for code points set on a full em (two columns): CJK ideographs, kana, hangul, full-width
 * forms, CJK punctuation, and emoji.
 * @example
 * isWideCodePoint('淘'.codePointAt(0)!) // true
 */
export function isWideCodePoint(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x1f680 && cp <= 0x1f6ff) ||
    (cp >= 0x1f900 && cp <= 0x1faff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

/**
 * True for code points that take no column of their own: controls, combining marks, zero-width
 * spaces and joiners, variation selectors.
 * @example
 * isZeroWidthCodePoint(0x200b) // true
 */
export function isZeroWidthCodePoint(cp: number): boolean {
  return (
    cp < 0x20 ||
    (cp >= 0x7f && cp < 0xa0) ||
    (cp >= 0x0300 && cp <= 0x036f) ||
    (cp >= 0x200b && cp <= 0x200f) ||
    cp === 0x2060 ||
    cp === 0xfeff ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    (cp >= 0xe0100 && cp <= 0xe01ef)
  );
}

/**
 * Display width in columns: wide characters (CJK, full-width, emoji) count two, zero-width ones
 * none, everything else one.
 * @example
 * displayWidth('iPhone 15 手机壳') // 16
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    width += isZeroWidthCodePoint(cp) ? 0 : isWideCodePoint(cp) ? 2 : 1;
  }
  return width;
}
