/// <reference path="./qrcode-core.d.ts" />
// The QR symbol of a payload, built from `qrcode`'s core tables and primitives (error-correction block
// tables, Reed–Solomon encoder, alignment positions, format bits, mask penalties) without its
// `create()`: that entry point brings qrcode's segment optimiser (a Dijkstra search over Kanji, numeric,
// alphanumeric and byte runs, with the dijkstrajs package and its regex tables), about a fifth of a
// poster bundle. A URL needs three modes, and a small exact dynamic programme finds the shortest
// segmentation for them.
import { getPositions as alignmentCentres } from 'qrcode/lib/core/alignment-pattern.js';
import BitMatrix from 'qrcode/lib/core/bit-matrix.js';
import { getBlocksCount, getTotalCodewordsCount } from 'qrcode/lib/core/error-correction-code.js';
import { H, L, M, Q } from 'qrcode/lib/core/error-correction-level.js';
import { getEncodedBits as formatBits } from 'qrcode/lib/core/format-info.js';
import { applyMask, getBestMask } from 'qrcode/lib/core/mask-pattern.js';
import ReedSolomonEncoder from 'qrcode/lib/core/reed-solomon-encoder.js';
import { getSymbolTotalCodewords } from 'qrcode/lib/core/utils.js';

/** Error-correction level letters, as in `qrcode`. */
export type Level = 'L' | 'M' | 'Q' | 'H';

/** qrcode's tables switch on the identity of its level objects. */
const LEVELS = { L, M, Q, H } as const;

/** A built symbol. */
export interface QrSymbol {
  readonly version: number;
  /** Modules per side: 4 × version + 17. */
  readonly size: number;
  /** Row-major, `size * size` entries, 1 = dark. */
  readonly modules: Uint8Array;
  /** Row-major, 1 = function pattern (finder, timing, alignment, format, version) that carries no data. */
  readonly reserved: Uint8Array;
}

// Modes: numeric, alphanumeric, byte (ISO/IEC 18004 §7.4). `indicator` is the 4-bit mode number;
// `countBits` the character-count field for versions 1–9, 10–26 and 27–40.
const NUMERIC = 0;
const ALNUM = 1;
const BYTE = 2;
const INDICATOR = [0b0001, 0b0010, 0b0100] as const;
const COUNT_BITS = [
  [10, 12, 14],
  [9, 11, 13],
  [8, 16, 16],
] as const;
const ALNUM_CHARS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';

/** The data capacity of a version at a level, in bits. */
function capacityBits(version: number, level: Level): number {
  return (getSymbolTotalCodewords(version) - getTotalCodewordsCount(version, LEVELS[level])) * 8;
}

/** Version class for the character-count field widths: 0 for 1–9, 1 for 10–26, 2 for 27–40. */
function classOf(version: number): 0 | 1 | 2 {
  return version <= 9 ? 0 : version <= 26 ? 1 : 2;
}

interface Segment {
  readonly mode: number;
  /** Code points of the payload, `from` inclusive, `to` exclusive. */
  readonly from: number;
  readonly to: number;
}

/**
 * The segmentation with the fewest bits for a version class. States are the mode of the open segment
 * and, for numeric and alphanumeric, its length modulo 3 or 2 — enough to price the next character
 * exactly (numeric: 4, +3, +3 bits per group of three; alphanumeric: 6, +5 per pair; byte: 8 per UTF-8
 * byte). Opening a segment costs its mode indicator and count field.
 */
function segmentsFor(
  points: readonly number[],
  bytes: readonly number[],
  cls: 0 | 1 | 2,
): {
  segments: Segment[];
  bits: number;
} {
  // State index: 0..2 numeric residue, 3..4 alphanumeric residue, 5 byte.
  const STATES = 6;
  const n = points.length;
  const cost = new Float64Array((n + 1) * STATES).fill(Number.POSITIVE_INFINITY);
  const from = new Int32Array((n + 1) * STATES).fill(-1);
  const open = (mode: number): number => 4 + COUNT_BITS[mode]![cls];
  const stateMode = (s: number): number => (s < 3 ? NUMERIC : s < 5 ? ALNUM : BYTE);
  for (let i = 0; i < n; i++) {
    const cp = points[i]!;
    const here = i * STATES;
    const next = (i + 1) * STATES;
    const take = (state: number, c: number, back: number): void => {
      if (c < cost[next + state]!) {
        cost[next + state] = c;
        from[next + state] = back;
      }
    };
    // Character i extends the open segment of state `prev` (there is none before the first).
    const extend = (prev: number, state: number, add: number): void => {
      if (i > 0) take(state, cost[here + prev]! + add, prev);
    };
    // Or it opens a new segment after the cheapest way to end character i - 1 (marked `STATES + that
    // state`, or `2 * STATES` at the start, so the walk back sees the cut).
    let best = i === 0 ? 0 : Number.POSITIVE_INFINITY;
    let bestState = STATES;
    for (let s = 0; i > 0 && s < STATES; s++) {
      if (cost[here + s]! < best) {
        best = cost[here + s]!;
        bestState = s;
      }
    }
    const start = (state: number, add: number): void => take(state, best + add, STATES + bestState);
    if (cp >= 0x30 && cp <= 0x39) {
      for (let r = 0; r < 3; r++) extend(r, (r + 1) % 3, r === 0 ? 4 : 3);
      start(1, open(NUMERIC) + 4);
    }
    if (cp < 0x80 && ALNUM_CHARS.includes(String.fromCharCode(cp))) {
      extend(3, 4, 6);
      extend(4, 3, 5);
      start(4, open(ALNUM) + 6);
    }
    extend(5, 5, 8 * bytes[i]!);
    start(5, open(BYTE) + 8 * bytes[i]!);
  }
  let end = 0;
  for (let s = 1; s < STATES; s++) if (cost[n * STATES + s]! < cost[n * STATES + end]!) end = s;
  const bits = cost[n * STATES + end]!;
  const segments: Segment[] = [];
  let to = n;
  let state = end;
  for (let i = n; i > 0; i--) {
    const prev = from[i * STATES + state]!;
    if (prev >= STATES) {
      segments.push({ mode: stateMode(state), from: i - 1, to });
      to = i - 1;
      state = prev - STATES;
    } else {
      state = prev;
    }
  }
  segments.reverse();
  return { segments, bits };
}

/** The data codewords: segments, terminator, padding to the version's capacity. */
function dataCodewords(
  points: readonly number[],
  segments: readonly Segment[],
  version: number,
  level: Level,
): Uint8Array {
  const capacity = capacityBits(version, level);
  const bytes = new Uint8Array(capacity / 8);
  let length = 0;
  // Writes `bits` bits of `value`, most significant first.
  const put = (value: number, bits: number): void => {
    for (let i = bits - 1; i >= 0; i--, length++)
      if ((value >>> i) & 1) bytes[length >> 3]! |= 0x80 >> (length & 7);
  };
  const cls = classOf(version);
  const utf8 = new TextEncoder();
  for (const seg of segments) {
    const text = String.fromCodePoint(...points.slice(seg.from, seg.to));
    put(INDICATOR[seg.mode as 0 | 1 | 2], 4);
    if (seg.mode === BYTE) {
      const data = utf8.encode(text);
      put(data.length, COUNT_BITS[BYTE][cls]);
      for (const b of data) put(b, 8);
    } else if (seg.mode === NUMERIC) {
      put(text.length, COUNT_BITS[NUMERIC][cls]);
      for (let i = 0; i < text.length; i += 3) {
        const group = text.slice(i, i + 3);
        put(Number(group), group.length * 3 + 1);
      }
    } else {
      put(text.length, COUNT_BITS[ALNUM][cls]);
      for (let i = 0; i < text.length; i += 2) {
        const a = ALNUM_CHARS.indexOf(text[i]!);
        if (i + 1 < text.length) put(a * 45 + ALNUM_CHARS.indexOf(text[i + 1]!), 11);
        else put(a, 6);
      }
    }
  }
  // The terminator (four zero bits, fewer at the very end) and the rest of its byte are zeros already.
  let at = (Math.min(length + 4, capacity) + 7) >> 3;
  for (let pad = 0xec; at < bytes.length; at++, pad ^= 0xec ^ 0x11) bytes[at] = pad;
  return bytes;
}

/**
 * A symbol's error-correction blocks: their count, the codewords of each (short blocks first, long ones
 * one data codeword longer), and the Reed–Solomon codewords each carries.
 */
export function blocksOf(
  version: number,
  level: Level,
): { count: number; shortData: number; longBlocks: number; ec: number } {
  const total = getSymbolTotalCodewords(version);
  const data = capacityBits(version, level) / 8;
  const count = getBlocksCount(version, LEVELS[level]);
  const shortData = Math.floor(data / count);
  return { count, shortData, longBlocks: data % count, ec: Math.floor(total / count) - shortData };
}

/**
 * Visits the data modules in placement order — two-column strips from the right, alternating up and
 * down, skipping the vertical timing column — with the bit index each carries.
 */
export function eachDataModule(
  size: number,
  reserved: Uint8Array,
  visit: (at: number, bit: number) => void,
): void {
  let bit = 0;
  for (let col = size - 1, up = true; col > 0; col -= 2, up = !up) {
    if (col === 6) col--;
    for (let k = 0; k < size; k++) {
      const row = up ? size - 1 - k : k;
      for (let c = 0; c < 2; c++) if (!reserved[row * size + col - c]) visit(row * size + col - c, bit++);
    }
  }
}

/** Splits data codewords into blocks, adds each block's Reed–Solomon codewords, and interleaves. */
function interleave(data: Uint8Array, version: number, level: Level): Uint8Array {
  const { count, shortData, longBlocks, ec } = blocksOf(version, level);
  const rs = new ReedSolomonEncoder(ec);
  const dataBlocks: Uint8Array[] = [];
  const ecBlocks: Uint8Array[] = [];
  for (let b = 0, offset = 0; b < count; b++) {
    const size = shortData + (b >= count - longBlocks ? 1 : 0);
    const block = data.slice(offset, offset + size);
    dataBlocks.push(block);
    ecBlocks.push(rs.encode(block));
    offset += size;
  }
  const out = new Uint8Array(getSymbolTotalCodewords(version));
  let k = 0;
  for (let i = 0; i <= shortData; i++)
    for (const block of dataBlocks) if (i < block.length) out[k++] = block[i]!;
  for (let i = 0; i < ec; i++) for (const block of ecBlocks) out[k++] = block[i]!;
  return out;
}

/** Version information bits (versions 7+): the version and its BCH(18,6) remainder, generator 0x1f25. */
function versionBits(version: number): number {
  let rem = version << 12;
  for (let bit = 17; bit >= 12; bit--) if ((rem >>> bit) & 1) rem ^= 0x1f25 << (bit - 12);
  return (version << 12) | rem;
}

/** Places function patterns, data and the chosen mask. */
function place(codewords: Uint8Array, version: number, level: Level): QrSymbol {
  const size = version * 4 + 17;
  const m = new BitMatrix(size);
  // Finder patterns with their light separators.
  for (const [row, col] of [
    [0, 0],
    [0, size - 7],
    [size - 7, 0],
  ] as const) {
    for (let r = -1; r <= 7; r++) {
      for (let c = -1; c <= 7; c++) {
        if (row + r < 0 || row + r >= size || col + c < 0 || col + c >= size) continue;
        const ring = Math.max(Math.abs(r - 3), Math.abs(c - 3));
        m.set(row + r, col + c, ring !== 2 && ring !== 4, true);
      }
    }
  }
  for (let i = 8; i < size - 8; i++) {
    m.set(i, 6, i % 2 === 0, true);
    m.set(6, i, i % 2 === 0, true);
  }
  for (const [row, col] of alignmentCentres(version)) {
    for (let r = -2; r <= 2; r++) {
      for (let c = -2; c <= 2; c++) m.set(row + r, col + c, Math.max(Math.abs(r), Math.abs(c)) !== 1, true);
    }
  }
  const format = (mask: number): void => {
    const bits = formatBits(LEVELS[level], mask);
    for (let i = 0; i < 15; i++) {
      const dark = ((bits >> i) & 1) === 1;
      m.set(i < 6 ? i : i < 8 ? i + 1 : size - 15 + i, 8, dark, true);
      m.set(8, i < 8 ? size - i - 1 : i === 8 ? 7 : 14 - i, dark, true);
    }
    m.set(size - 8, 8, true, true); // the dark module
  };
  format(0);
  if (version >= 7) {
    const bits = versionBits(version);
    for (let i = 0; i < 18; i++) {
      const dark = ((bits >> i) & 1) === 1;
      m.set(Math.floor(i / 3), (i % 3) + size - 11, dark, true);
      m.set((i % 3) + size - 11, Math.floor(i / 3), dark, true);
    }
  }
  eachDataModule(size, m.reservedBit, (at, bit) => {
    m.data[at] = ((codewords[bit >> 3] ?? 0) >> (7 - (bit & 7))) & 1;
  });
  const mask = getBestMask(m, format);
  applyMask(mask, m);
  format(mask);
  // BitMatrix keeps both as 0/1 bytes already (typed arrays store `true` as 1).
  return { version, size, modules: m.data, reserved: m.reservedBit };
}

/**
 * The smallest symbol holding `payload` at `level` (or at exactly `version`), or `null` when it does
 * not fit. Byte mode carries UTF-8; digits and upper-case runs go in numeric or alphanumeric segments
 * where that is shorter.
 * @example
 * buildSymbol('https://item.jd.com/100012043978.html', 'M')?.version; // 3
 */
export function buildSymbol(payload: string, level: Level, version?: number): QrSymbol | null {
  const points = Array.from(payload, (ch) => ch.codePointAt(0)!);
  const bytes = points.map((cp) => (cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4));
  const range: readonly (readonly [number, number])[] =
    version === undefined
      ? [
          [1, 9],
          [10, 26],
          [27, 40],
        ]
      : [[version, version]];
  for (const [lo, hi] of range) {
    const cls = classOf(lo);
    const { segments, bits } = segmentsFor(points, bytes, cls);
    const limit = (mode: number): number => 2 ** COUNT_BITS[mode]![cls];
    const counts = segments.every(
      (s) =>
        (s.mode === BYTE ? bytes.slice(s.from, s.to).reduce((a, b) => a + b, 0) : s.to - s.from) <
        limit(s.mode),
    );
    if (!counts) continue;
    for (let v = lo; v <= hi; v++) {
      if (bits > capacityBits(v, level)) continue;
      return place(interleave(dataCodewords(points, segments, v, level), v, level), v, level);
    }
  }
  return null;
}
