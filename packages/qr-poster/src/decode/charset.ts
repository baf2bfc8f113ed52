import type { CharsetSource, DecodeOptions, QrCharset } from './types.js';

/** One data segment of a QR code, as the bitstream declares it. */
export type Segment =
  | { readonly mode: 'numeric' | 'alphanumeric'; readonly text: string }
  | { readonly mode: 'byte'; readonly bytes: Uint8Array }
  | { readonly mode: 'kanji'; readonly bytes: Uint8Array }
  | { readonly mode: 'eci'; readonly assignment: number };

/** The text of a code, the charset it was read with, and how that charset was decided. */
export interface DecodedText {
  readonly text: string;
  readonly charset: QrCharset;
  readonly charsetSource: CharsetSource;
}

type CharsetChoice = NonNullable<DecodeOptions['charset']>;

// ECI assignment numbers (AIM ECI, ISO/IEC 18004) and the WHATWG encoding each one names. An ECI that is
// not here (or that the runtime's TextDecoder lacks) is decoded by scoring, and the result says 'guess'.
const ECI_CHARSETS: ReadonlyMap<number, QrCharset> = new Map<number, QrCharset>([
  [0, 'cp437'],
  [1, 'iso-8859-1'],
  [2, 'cp437'],
  [3, 'iso-8859-1'],
  [4, 'iso-8859-2'],
  [5, 'iso-8859-3'],
  [6, 'iso-8859-4'],
  [7, 'iso-8859-5'],
  [8, 'iso-8859-6'],
  [9, 'iso-8859-7'],
  [10, 'iso-8859-8'],
  [11, 'iso-8859-9'],
  [12, 'iso-8859-10'],
  [13, 'iso-8859-11'],
  [15, 'iso-8859-13'],
  [16, 'iso-8859-14'],
  [17, 'iso-8859-15'],
  [18, 'iso-8859-16'],
  [20, 'shift_jis'],
  [21, 'windows-1250'],
  [22, 'windows-1251'],
  [23, 'windows-1252'],
  [24, 'windows-1256'],
  [25, 'utf-16be'],
  [26, 'utf-8'],
  [27, 'ascii'],
  [28, 'big5'],
  [29, 'gb18030'], // GB 2312 is a subset of GB 18030
  [30, 'euc-kr'],
  [31, 'gb18030'], // GBK, likewise
  [32, 'gb18030'],
  [170, 'ascii'],
]);

/** The charset an ECI assignment number declares, or `undefined` for one this package does not know. */
export function eciCharset(assignment: number): QrCharset | undefined {
  return ECI_CHARSETS.get(assignment);
}

const decoders = new Map<QrCharset, TextDecoder | null>();

function decoderFor(charset: QrCharset): TextDecoder | null {
  if (!decoders.has(charset)) {
    let decoder: TextDecoder | null = null;
    try {
      // `fatal` makes undecodable bytes an error instead of U+FFFD: a wrong charset must not pass silently.
      decoder = new TextDecoder(charset, { fatal: true });
    } catch {
      decoder = null; // a runtime without this encoding (small-ICU builds)
    }
    decoders.set(charset, decoder);
  }
  return decoders.get(charset) ?? null;
}

// Code page 437 above 0x7f (ECI 0 and 2): the DOS graphics set; WHATWG has no decoder for it.
const CP437_HIGH =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╪╫╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0';

/** Decodes `bytes` strictly as `charset`; `null` when they are not valid in it (or the runtime lacks it). */
export function decodeStrict(bytes: Uint8Array, charset: QrCharset): string | null {
  if (charset === 'ascii') {
    for (const b of bytes) if (b > 0x7f) return null;
    return latin1(bytes);
  }
  // WHATWG maps the label iso-8859-1 to windows-1252; the standard's default charset is the real Latin-1.
  if (charset === 'iso-8859-1') return latin1(bytes);
  if (charset === 'cp437') {
    let s = '';
    for (const b of bytes) s += b < 0x80 ? String.fromCharCode(b) : CP437_HIGH[b - 0x80];
    return s;
  }
  const decoder = decoderFor(charset);
  if (decoder === null) return null;
  try {
    return decoder.decode(bytes);
  } catch {
    return null;
  }
}

/** Bytes as ISO-8859-1 (each byte one code point). */
export function latin1(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return s;
}

/** True when every byte is below 0x80. */
export function isAscii(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b > 0x7f) return false;
  return true;
}

/** Plausibility of an ASCII byte inside text: printable and line breaks are normal, other controls are not. */
function asciiScore(b: number): number {
  return (b >= 0x20 && b < 0x7f) || b === 0x0a || b === 0x0d || b === 0x09 ? 1 : -4;
}

/** Half-width katakana that take a voicing mark (ｶ–ﾄ, ﾊ–ﾎ, ｳ): Shift-JIS bytes 0xB6–0xC4, 0xCA–0xCE, 0xB3. */
function voiceable(b: number): boolean {
  return (b >= 0xb6 && b <= 0xc4) || (b >= 0xca && b <= 0xce) || b === 0xb3;
}

/**
 * Plausibility of bytes read as Shift-JIS, by the JIS X 0208 row each character sits in: hiragana and
 * katakana rows and level-1 kanji are what Japanese text is made of; level-2 kanji, vendor extensions and
 * user-defined rows are rare. Half-width katakana score low on their own (GBK bytes misread look like them),
 * higher with a voicing mark ﾞ/ﾟ right after a kana that takes one, or a prolonged-sound mark ｰ after a kana.
 */
function sjisScore(b: Uint8Array): number {
  let score = 0;
  let i = 0;
  while (i < b.length) {
    const c = b[i] as number;
    if (c < 0x80) {
      score += asciiScore(c);
      i++;
    } else if (c >= 0xa1 && c <= 0xdf) {
      const prev = b[i - 1] ?? 0;
      if ((c === 0xde || c === 0xdf) && voiceable(prev)) score += 2.5;
      else if (c === 0xb0 && prev >= 0xa6 && prev <= 0xdd) score += 1.5;
      else score += 0.5;
      i++;
    } else {
      const lead = c;
      if (lead === 0x82)
        score += 3; // full-width digits, Latin, hiragana
      else if (lead === 0x83)
        score += 2.5; // katakana, Greek
      else if (lead === 0x81)
        score += 1.5; // punctuation and symbols
      else if (lead >= 0x88 && lead <= 0x98)
        score += 2; // level-1 kanji
      else if ((lead >= 0x99 && lead <= 0x9f) || (lead >= 0xe0 && lead <= 0xea))
        score -= 0.5; // level-2 kanji
      else score -= 3; // NEC / IBM extensions, user-defined area
      i += 2;
    }
  }
  return score;
}

/**
 * Plausibility of bytes read as GB 18030 / GBK, by the GB 2312 region each character sits in: level-1 hanzi
 * and CJK punctuation are what Chinese text is made of; level-2 hanzi are rarer, GBK extensions rarer still,
 * and four-byte sequences (outside the BMP's CJK core) are almost never meant. Real GBK text spreads its
 * trail bytes over 0xA1–0xFE; when none of them is above 0xDF the bytes may as well be half-width katakana
 * (each such character costs a little: a third of Chinese characters have a trail byte above 0xDF).
 */
function gbScore(b: Uint8Array): number {
  let score = 0;
  let i = 0;
  let pairs = 0;
  let highTrail = false;
  while (i < b.length) {
    const c = b[i] as number;
    if (c < 0x80) {
      score += asciiScore(c);
      i++;
      continue;
    }
    const t = b[i + 1] ?? 0;
    if (t >= 0x30 && t <= 0x39) {
      score -= 4; // four-byte sequence
      i += 4;
      continue;
    }
    pairs++;
    if (t > 0xdf) highTrail = true;
    if (t >= 0xa1) {
      if (c >= 0xb0 && c <= 0xd7)
        score += 2.5; // level-1 hanzi
      else if (c >= 0xd8 && c <= 0xf7)
        score += 0; // level-2 hanzi
      else if (c === 0xa1 || c === 0xa3)
        score += 1.5; // CJK punctuation, full-width ASCII
      else if (c === 0xa4 || c === 0xa5)
        score += 0.5; // kana
      else score -= 1; // other symbol rows
    } else {
      score -= 1; // GBK extension: traditional and rare hanzi
    }
    i += 2;
  }
  return highTrail ? score : score - 0.4 * pairs;
}

/** Plausibility of bytes read as UTF-8 (only called when they are valid UTF-8, itself strong evidence). */
function utf8Score(text: string): number {
  let score = 0;
  for (const ch of text) {
    const u = ch.codePointAt(0) as number;
    if (u < 0x80) score += asciiScore(u);
    else if (u < 0xa0 || (u >= 0xe000 && u <= 0xf8ff) || u >= 0xf0000)
      score -= 4; // C1 controls, private use
    else score += 3; // a valid multi-byte sequence: random legacy bytes rarely form one
  }
  return score;
}

/** Plausibility of bytes read as ISO-8859-1: accented letters are fine, C1 controls are not text. */
function latin1Score(b: Uint8Array): number {
  let score = 0;
  for (const c of b) {
    if (c < 0x80) score += asciiScore(c);
    else if (c < 0xa0) score -= 4;
    else if (c >= 0xc0 && c !== 0xd7 && c !== 0xf7)
      score += 0.75; // letters
    else score += 0; // symbols, NBSP
  }
  return score;
}

interface Reading {
  readonly charset: QrCharset;
  readonly text: string;
  readonly score: number;
}

/** Every candidate charset that decodes `bytes` cleanly, best first, with its plausibility score. */
export function rankCharsets(bytes: Uint8Array): Reading[] {
  const out: Reading[] = [];
  const utf8 = decodeStrict(bytes, 'utf-8');
  if (utf8 !== null) out.push({ charset: 'utf-8', text: utf8, score: utf8Score(utf8) });
  const sjis = decodeStrict(bytes, 'shift_jis');
  if (sjis !== null) out.push({ charset: 'shift_jis', text: sjis, score: sjisScore(bytes) });
  const gb = decodeStrict(bytes, 'gb18030');
  if (gb !== null) out.push({ charset: 'gb18030', text: gb, score: gbScore(bytes) });
  out.push({ charset: 'iso-8859-1', text: latin1(bytes), score: latin1Score(bytes) });
  // Stable sort: on a tie the order above (UTF-8, Shift-JIS, GB 18030, Latin-1) decides.
  return out.sort((a, b) => b.score - a.score);
}

/**
 * Decodes byte-mode data that carries no ECI by scoring every candidate charset (UTF-8, Shift-JIS, GB 18030,
 * ISO-8859-1) that decodes the bytes cleanly, by how plausible its characters are. ASCII is `'unambiguous'`.
 * The best reading is `'inferred'` when it is valid UTF-8, when it is the only multi-byte reading, or when it
 * wins clearly (by at least a third of the non-ASCII bytes' worth of score, and by 2); otherwise `'guess'`.
 * `hint` (a Kanji segment in the same symbol) settles a close call for Shift-JIS.
 * A `choice` other than `'auto'` is used when the bytes are valid in it (`'declared'`: the caller declared it).
 */
export function decodeUndeclared(bytes: Uint8Array, choice: CharsetChoice, hint?: QrCharset): DecodedText {
  if (isAscii(bytes)) return { text: latin1(bytes), charset: 'ascii', charsetSource: 'unambiguous' };
  if (choice !== 'auto') {
    const text = decodeStrict(bytes, choice);
    if (text !== null) return { text, charset: choice, charsetSource: 'declared' };
  }
  const ranked = rankCharsets(bytes);
  let best = ranked[0] as Reading;
  const second = ranked[1];
  if (hint !== undefined && best.charset !== hint) {
    const hinted = ranked.find((r) => r.charset === hint);
    if (hinted !== undefined && hinted.score >= best.score - 4) best = hinted;
  }
  let high = 0;
  for (const b of bytes) if (b > 0x7f) high++;
  const multibyte = ranked.filter((r) => r.charset !== 'iso-8859-1');
  const clear =
    best.charset === 'utf-8' ||
    (multibyte.length === 1 && best === multibyte[0]) ||
    (best.charset === 'iso-8859-1' && multibyte.length === 0) ||
    second === undefined ||
    best.score - (ranked.find((r) => r !== best) as Reading).score >= Math.max(2, high / 3);
  return {
    text: best.text,
    charset: best.charset,
    charsetSource: clear && best.score > 0 ? 'inferred' : 'guess',
  };
}

const SOURCE_RANK: Readonly<Record<CharsetSource, number>> = {
  unambiguous: 0,
  declared: 1,
  inferred: 2,
  guess: 3,
};

/**
 * Builds the text of a code from its segments: numeric and alphanumeric as they are, Kanji mode as
 * Shift-JIS, byte mode in the charset an ECI declared, else by {@link decodeUndeclared}. Always returns a
 * text; `charsetSource` says how sure it is (the weakest part decides), `charset` is the one most bytes
 * were read with.
 */
export function decodeSegments(segments: readonly Segment[], choice: CharsetChoice = 'auto'): DecodedText {
  const hasKanji = segments.some((s) => s.mode === 'kanji');
  let declared: QrCharset | null = null;
  let unknownEci = false;
  let text = '';
  let source: CharsetSource = 'unambiguous';
  const weight = new Map<QrCharset, number>();
  const note = (charset: QrCharset, n: number, s: CharsetSource): void => {
    if (charset !== 'ascii') weight.set(charset, (weight.get(charset) ?? 0) + n);
    if (SOURCE_RANK[s] > SOURCE_RANK[source]) source = s;
  };
  for (const seg of segments) {
    switch (seg.mode) {
      case 'eci': {
        const cs = eciCharset(seg.assignment);
        declared = cs ?? null;
        unknownEci = cs === undefined;
        break;
      }
      case 'numeric':
      case 'alphanumeric':
        text += seg.text;
        break;
      case 'kanji': {
        const part = decodeStrict(seg.bytes, 'shift_jis');
        if (part !== null) {
          text += part;
          note('shift_jis', seg.bytes.length, 'declared');
        } else {
          const other = decodeUndeclared(seg.bytes, choice, 'shift_jis');
          text += other.text;
          note(other.charset, seg.bytes.length, 'guess');
        }
        break;
      }
      case 'byte': {
        const part = declared === null ? null : decodeStrict(seg.bytes, declared);
        if (declared !== null && part !== null) {
          text += part;
          note(declared, seg.bytes.length, isAscii(seg.bytes) ? 'unambiguous' : 'declared');
        } else {
          // No ECI, an ECI we do not know, or bytes invalid in the declared charset: score the candidates.
          const undeclared = decodeUndeclared(seg.bytes, choice, hasKanji ? 'shift_jis' : undefined);
          text += undeclared.text;
          const s = declared !== null || unknownEci ? 'guess' : undeclared.charsetSource;
          note(undeclared.charset, seg.bytes.length, isAscii(seg.bytes) ? 'unambiguous' : s);
        }
        break;
      }
    }
  }
  let charset: QrCharset = 'ascii';
  let most = 0;
  for (const [cs, n] of weight) {
    if (n > most) {
      most = n;
      charset = cs;
    }
  }
  return { text, charset, charsetSource: source };
}

/** True when `a` and `b` hold the same bytes. */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The payload bytes of a segment list (Kanji as Shift-JIS, numeric/alphanumeric as ASCII, no ECI). */
export function segmentBytes(segments: readonly Segment[]): Uint8Array {
  const parts: number[] = [];
  for (const seg of segments) {
    if (seg.mode === 'eci') continue;
    if (seg.mode === 'numeric' || seg.mode === 'alphanumeric') {
      for (let i = 0; i < seg.text.length; i++) parts.push(seg.text.charCodeAt(i));
    } else if (seg.mode === 'byte' || seg.mode === 'kanji') {
      for (const b of seg.bytes) parts.push(b);
    }
  }
  return Uint8Array.from(parts);
}
