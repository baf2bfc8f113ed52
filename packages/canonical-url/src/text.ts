/*
 * Display width of text, as terminals, chat apps and Chinese layout grids count it. Share texts cut
 * titles by it, posters wrap by it, the CLI aligns columns by it: one definition serves them all.
 */

/** Emoji shown as emoji by default (⭐ ☕ ⌚ 🎵): East Asian Wide since Unicode 9, two columns everywhere. */
const EMOJI_PRESENTATION = /^\p{Emoji_Presentation}$/u;

/**
 * True for code points set on a full em (two columns): the East Asian Wide and Fullwidth blocks (CJK
 * ideographs, kana, hangul, full-width forms, CJK punctuation) and emoji with emoji presentation
 * (`⭐ ☕ ⌚`, taken from the JavaScript engine's Unicode tables). A property test checks the result
 * against `string-width`.
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
    (cp >= 0xa960 && cp <= 0xa97f) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe10 && cp <= 0xfe19) ||
    (cp >= 0xfe30 && cp <= 0xfe6f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f200 && cp <= 0x1f2ff) ||
    (cp >= 0x20000 && cp <= 0x3fffd) ||
    (cp >= 0x231a && EMOJI_PRESENTATION.test(String.fromCodePoint(cp)))
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

type Segmenter = { segment(text: string): Iterable<{ segment: string }> };

function graphemeSegmenter(): Segmenter | null {
  return typeof Intl !== 'undefined' && typeof Intl.Segmenter === 'function'
    ? new Intl.Segmenter(undefined, { granularity: 'grapheme' })
    : null;
}

// Made by a call marked pure, so a bundle that takes only isWideCodePoint/isZeroWidthCodePoint from this
// file (a poster's text widths) drops the segmenter: bundlers keep a top-level `new` they cannot prove harmless.
const graphemes = /* @__PURE__ */ graphemeSegmenter();

/** What makes a cluster of several code points an emoji of two columns: a pictograph, a flag's regional indicators, a keycap. */
const PICTOGRAPHIC = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20e3/u;

/** Columns of one code point on its own. */
function codePointWidth(cp: number): number {
  return isZeroWidthCodePoint(cp) ? 0 : isWideCodePoint(cp) ? 2 : 1;
}

/**
 * Columns of one grapheme cluster: its base character's width, except that an emoji sequence (an
 * emoji with U+FE0F, a skin tone, a ZWJ family, a flag) is two columns whatever its base is.
 */
function clusterWidth(cluster: string): number {
  const base = cluster.codePointAt(0) ?? 0;
  if (cluster.length === 1 || (cluster.length === 2 && base > 0xffff)) return codePointWidth(base);
  if (PICTOGRAPHIC.test(cluster)) return 2;
  for (const ch of cluster) {
    const w = codePointWidth(ch.codePointAt(0) ?? 0);
    if (w > 0) return w;
  }
  return 0;
}

/**
 * Display width in columns, as terminals and `string-width` count it: text is split into grapheme
 * clusters (what a reader sees as one character); wide characters (CJK, full-width forms, emoji —
 * including `❤️` and family sequences such as `👨‍👩‍👧`) count two, controls, joiners and combining
 * marks none, everything else one.
 * @example
 * displayWidth('iPhone 15 手机壳') // 16
 * displayWidth('⭐👨‍👩‍👧') // 4
 */
export function displayWidth(text: string): number {
  let width = 0;
  // Printable ASCII is one column a character: the common case needs no segmentation.
  let ascii = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c > 0x7e) {
      ascii = false;
      break;
    }
  }
  if (ascii) return text.length;
  if (graphemes === null) {
    for (const ch of text) width += codePointWidth(ch.codePointAt(0) ?? 0);
    return width;
  }
  // Segmenting a long string in one go takes time growing with its square (V8): cut it into pieces
  // at positions where UAX #29 always breaks, so the clusters, and the width, are the same.
  for (let start = 0; start < text.length; ) {
    const end = pieceEnd(text, start);
    for (const { segment } of graphemes.segment(text.slice(start, end))) width += clusterWidth(segment);
    start = end;
  }
  return width;
}

const PIECE = 256;

/** Prepend characters of the BMP (GB9b: no break after them). */
function isPrepend(c: number): boolean {
  return (
    (c >= 0x0600 && c <= 0x0605) ||
    c === 0x06dd ||
    c === 0x070f ||
    c === 0x0890 ||
    c === 0x0891 ||
    c === 0x08e2 ||
    c === 0x0d4e
  );
}

/** Letters, digits, punctuation, symbols and spaces: grapheme bases (never Extend) when no mark precedes. */
const BASE = /^[\p{L}\p{N}\p{P}\p{S}\p{Zs}]$/u;
const MARK = /^\p{M}$/u;
const LETTER = /^\p{L}$/u;

function isHangulJamo(c: number): boolean {
  return (c >= 0x1100 && c <= 0x11ff) || (c >= 0xa960 && c <= 0xa97f) || (c >= 0xd7b0 && c <= 0xd7ff);
}

/** True when UAX #29 always breaks between text[i - 1] and text[i] (a conservative subset of its rules). */
function alwaysBreaks(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  const p = text.charCodeAt(i - 1);
  if (p === 0x200d || p === 0x0d || isPrepend(p) || isHangulJamo(p)) return false;
  if (p >= 0xdc00 && p <= 0xdfff) {
    // After an astral character: only pictographs (no astral Prepend among them) are known bases.
    if ((text.codePointAt(i - 2) ?? 0) < 0x1f000) return false;
  } else if (p >= 0xd800 && p <= 0xdbff) return false;
  else if (MARK.test(text[i - 1] as string) && LETTER.test(text[i] as string)) return false; // GB9c: a conjunct may go on
  if (c >= 0xd83c && c <= 0xd83e) {
    const cp = text.codePointAt(i) ?? 0;
    return cp >= 0x1f300 && cp <= 0x1faff && !(cp >= 0x1f3fb && cp <= 0x1f3ff);
  }
  if (c >= 0xd800 && c <= 0xdfff) return false;
  if (isHangulJamo(c) || c === 0x0e33 || c === 0x0eb3) return false; // Hangul sequences, Thai/Lao AM
  return BASE.test(text[i] as string);
}

function isRegionalIndicator(text: string, i: number): boolean {
  const cp = text.codePointAt(i) ?? 0;
  return cp >= 0x1f1e6 && cp <= 0x1f1ff;
}

/**
 * Where the piece starting at `start` (a boundary) ends: the first sure grapheme boundary PIECE units
 * on, or the end. Flags pair regional indicators from the start of a run (GB12, GB13): a piece may
 * end before one when an even number of them precede it in the run.
 */
function pieceEnd(text: string, start: number): number {
  let run = 0;
  for (let i = start; i < text.length; i++) {
    if (isRegionalIndicator(text, i)) {
      if (i >= start + PIECE && run % 2 === 0 && run > 0) return i;
      run += 1;
      i += 1; // the low surrogate
      continue;
    }
    run = 0;
    if (i >= start + PIECE && alwaysBreaks(text, i)) return i;
  }
  return text.length;
}
