import type { DecodeOptions, QrCharset } from './types.js';

/** One data segment of a QR code, as the bitstream declares it. */
export type Segment =
  | { readonly mode: 'numeric' | 'alphanumeric'; readonly text: string }
  | { readonly mode: 'byte'; readonly bytes: Uint8Array }
  | { readonly mode: 'kanji'; readonly bytes: Uint8Array }
  | { readonly mode: 'eci'; readonly assignment: number };

/** The text of a code and the charset it was read with, or `null` when it cannot be decided. */
export interface DecodedText {
  readonly text: string;
  readonly charset: QrCharset;
}

type CharsetChoice = NonNullable<DecodeOptions['charset']>;

// ECI assignment numbers (ISO/IEC 18004 / AIM ECI) of the charsets we decode; others make the code undecidable.
const ECI_CHARSETS: ReadonlyMap<number, QrCharset> = new Map<number, QrCharset>([
  [1, 'iso-8859-1'],
  [3, 'iso-8859-1'],
  [20, 'shift_jis'],
  [26, 'utf-8'],
  [27, 'ascii'],
  [29, 'gb18030'], // GB 2312 is a subset of GB 18030
  [32, 'gb18030'],
]);

const decoders = new Map<QrCharset, TextDecoder | null>();

function decoderFor(charset: QrCharset): TextDecoder | null {
  if (!decoders.has(charset)) {
    let decoder: TextDecoder | null = null;
    try {
      // `fatal` makes undecodable bytes an error instead of U+FFFD: a wrong charset must not pass silently.
      decoder = new TextDecoder(charset === 'ascii' ? 'utf-8' : charset, { fatal: true });
    } catch {
      decoder = null; // a runtime without this encoding (small-ICU builds)
    }
    decoders.set(charset, decoder);
  }
  return decoders.get(charset) ?? null;
}

/** Decodes `bytes` strictly as `charset`; `null` when they are not valid in it. */
export function decodeStrict(bytes: Uint8Array, charset: QrCharset): string | null {
  if (charset === 'ascii') {
    for (const b of bytes) if (b > 0x7f) return null;
    return String.fromCharCode(...bytes);
  }
  if (charset === 'iso-8859-1') {
    let s = '';
    for (const b of bytes) s += String.fromCharCode(b);
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

function isAscii(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b > 0x7f) return false;
  return true;
}

/**
 * Decodes byte-mode data that carries no ECI. UTF-8 when valid (what every modern encoder writes);
 * otherwise Shift-JIS or GB 18030 only when exactly one of them accepts the bytes (or both read the same);
 * otherwise ISO-8859-1 (the standard's default) only when neither multi-byte charset accepts them.
 * `null` means the reading would be a guess.
 */
export function decodeUndeclared(
  bytes: Uint8Array,
  choice: CharsetChoice,
  hint?: QrCharset,
): DecodedText | null {
  if (isAscii(bytes)) return { text: String.fromCharCode(...bytes), charset: 'ascii' };
  if (choice !== 'auto') {
    const text = decodeStrict(bytes, choice);
    return text === null ? null : { text, charset: choice };
  }
  const utf8 = decodeStrict(bytes, 'utf-8');
  if (utf8 !== null) return { text: utf8, charset: 'utf-8' };
  const sjis = decodeStrict(bytes, 'shift_jis');
  const gb = decodeStrict(bytes, 'gb18030');
  if (sjis !== null && gb !== null) {
    if (sjis === gb) return { text: sjis, charset: 'shift_jis' };
    // A Kanji-mode segment in the same code declares Shift-JIS for the symbol.
    if (hint === 'shift_jis') return { text: sjis, charset: 'shift_jis' };
    return null;
  }
  if (sjis !== null) return { text: sjis, charset: 'shift_jis' };
  if (gb !== null) return { text: gb, charset: 'gb18030' };
  return { text: decodeStrict(bytes, 'iso-8859-1') ?? '', charset: 'iso-8859-1' };
}

/**
 * Builds the text of a code from its segments: numeric and alphanumeric as they are, Kanji mode as
 * Shift-JIS, byte mode in the charset an ECI declared, else by {@link decodeUndeclared}.
 * Returns `null` when any part cannot be decoded without guessing.
 */
export function decodeSegments(
  segments: readonly Segment[],
  choice: CharsetChoice = 'auto',
): DecodedText | null {
  const hasKanji = segments.some((s) => s.mode === 'kanji');
  let declared: QrCharset | null = null;
  let text = '';
  const used = new Set<QrCharset>();
  for (const seg of segments) {
    switch (seg.mode) {
      case 'eci': {
        const cs = ECI_CHARSETS.get(seg.assignment);
        if (cs === undefined) return null;
        declared = cs;
        break;
      }
      case 'numeric':
      case 'alphanumeric':
        text += seg.text;
        break;
      case 'kanji': {
        const part = decodeStrict(seg.bytes, 'shift_jis');
        if (part === null) return null;
        text += part;
        used.add('shift_jis');
        break;
      }
      case 'byte': {
        if (declared !== null) {
          const part = decodeStrict(seg.bytes, declared);
          if (part === null) return null;
          text += part;
          used.add(declared);
        } else {
          const part = decodeUndeclared(seg.bytes, choice, hasKanji ? 'shift_jis' : undefined);
          if (part === null) return null;
          text += part.text;
          used.add(part.charset);
        }
        break;
      }
    }
  }
  used.delete('ascii');
  if (used.size > 1) return null; // mixed charsets in one symbol: no single honest label
  const [charset] = used;
  return { text, charset: charset ?? 'ascii' };
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
