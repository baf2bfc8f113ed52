// The QR facts a symbol is built from (ISO/IEC 18004): codeword capacity, error-correction blocks,
// alignment pattern centres, format bits, and Reed–Solomon codewords over GF(256). Written here instead
// of imported from `qrcode`'s CommonJS core modules, which bundlers carry whole (their level parsing,
// Kanji hooks and size checks included) into every poster bundle.

/** Error-correction level letters, in the order of the tables below. */
export type Level = 'L' | 'M' | 'Q' | 'H';

const LEVEL_INDEX = { L: 0, M: 1, Q: 2, H: 3 } as const;

/**
 * Error-correction blocks per version (1–40), four entries each (levels L, M, Q, H), ISO/IEC 18004
 * table 9.
 */
const BLOCKS = [
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 1, 2, 2, 4, 1, 2, 4, 4, 2, 4, 4, 4, 2, 4, 6, 5, 2, 4, 6, 6, 2, 5, 8, 8,
  4, 5, 8, 8, 4, 5, 8, 11, 4, 8, 10, 11, 4, 9, 12, 16, 4, 9, 16, 16, 6, 10, 12, 18, 6, 10, 17, 16, 6, 11, 16,
  19, 6, 13, 18, 21, 7, 14, 21, 25, 8, 16, 20, 25, 8, 17, 23, 25, 9, 17, 23, 34, 9, 18, 25, 30, 10, 20, 27,
  32, 12, 21, 29, 35, 12, 23, 34, 37, 12, 25, 34, 40, 13, 26, 35, 42, 14, 28, 38, 45, 15, 29, 40, 48, 16, 31,
  43, 51, 17, 33, 45, 54, 18, 35, 48, 57, 19, 37, 51, 60, 19, 38, 53, 63, 20, 40, 56, 66, 21, 43, 59, 70, 22,
  45, 62, 74, 24, 47, 65, 77, 25, 49, 68, 81,
];

/** Error-correction codewords per block, laid out as `BLOCKS`. */
const EC_PER_BLOCK = [
  7, 10, 13, 17, 10, 16, 22, 28, 15, 26, 18, 22, 20, 18, 26, 16, 26, 24, 18, 22, 18, 16, 24, 28, 20, 18, 18,
  26, 24, 22, 22, 26, 30, 22, 20, 24, 18, 26, 24, 28, 20, 30, 28, 24, 24, 22, 26, 28, 26, 22, 24, 22, 30, 24,
  20, 24, 22, 24, 30, 24, 24, 28, 24, 30, 28, 28, 28, 28, 30, 26, 28, 28, 28, 26, 26, 26, 28, 26, 30, 28, 28,
  26, 28, 30, 28, 28, 30, 24, 30, 28, 30, 30, 30, 28, 30, 30, 26, 28, 30, 30, 28, 28, 28, 30, 30, 28, 30, 30,
  30, 28, 30, 30, 30, 28, 30, 30, 30, 28, 30, 30, 30, 28, 30, 30, 30, 28, 30, 30, 30, 28, 30, 30, 30, 28, 30,
  30, 30, 28, 30, 30, 30, 28, 30, 30, 30, 28, 30, 30, 30, 28, 30, 30, 30, 28, 30, 30, 30, 28, 30, 30,
];

/**
 * Codewords in a symbol of `version`: its modules less the finder, separator, timing, alignment, format
 * and version patterns, in bytes (the remainder bits are dropped).
 * @example
 * totalCodewords(1); // 26
 */
export function totalCodewords(version: number): number {
  const size = version * 4 + 17;
  // Finders with separators and format areas (3 × 64 + 2 × 15 + 1 dark), timing rows (2 × (size − 16)).
  let modules = size * size - 3 * 64 - 31 - 2 * (size - 16);
  if (version > 1) {
    const n = Math.floor(version / 7) + 2;
    // n² − 3 alignment patterns of 25 modules, less the 2 × (n − 2) of them that sit on timing rows.
    modules -= 25 * (n * n - 3) - 10 * (n - 2);
  }
  if (version >= 7) modules -= 36;
  return modules >> 3;
}

/**
 * The error-correction blocks of a version and level: how many, and the codewords of each.
 * @example
 * ecBlocks(5, 'Q'); // { count: 4, ecPerBlock: 18 }
 */
export function ecBlocks(version: number, level: Level): { count: number; ecPerBlock: number } {
  const at = (version - 1) * 4 + LEVEL_INDEX[level];
  return { count: BLOCKS[at]!, ecPerBlock: EC_PER_BLOCK[at]! };
}

/**
 * Row and column centres of the alignment patterns of a version (none for version 1): 6, then evenly
 * spaced (an even step) up to size − 7; version 32's step of 26 is the one exception to that spacing.
 */
function alignmentCoords(version: number): number[] {
  if (version === 1) return [];
  const size = version * 4 + 17;
  const n = Math.floor(version / 7) + 2;
  const step = version === 32 ? 26 : Math.ceil((size - 13) / (2 * n - 2)) * 2;
  return [6, ...Array.from({ length: n - 1 }, (_, i) => size - 7 - (n - 2 - i) * step)];
}

/**
 * Centres `[row, col]` of a version's alignment patterns: every pair of coordinates except the three
 * that fall on finder patterns.
 * @example
 * alignmentCentres(2); // [[18, 18]]
 */
export function alignmentCentres(version: number): [number, number][] {
  const coords = alignmentCoords(version);
  const last = coords.length - 1;
  const centres: [number, number][] = [];
  coords.forEach((row, i) => {
    coords.forEach((col, j) => {
      if (!((i === 0 && (j === 0 || j === last)) || (i === last && j === 0))) centres.push([row, col]);
    });
  });
  return centres;
}

/**
 * The 15 format bits of a level and mask: level bits (L 01, M 00, Q 11, H 10) and mask, their BCH(15,5)
 * remainder (generator 0x537), XORed with 0x5412.
 * @example
 * formatBits('M', 0); // 0x5412
 */
export function formatBits(level: Level, mask: number): number {
  const data = ([1, 0, 3, 2][LEVEL_INDEX[level]]! << 3) | mask;
  let rem = data << 10;
  for (let bit = 14; bit >= 10; bit--) if ((rem >>> bit) & 1) rem ^= 0x537 << (bit - 10);
  return ((data << 10) | rem) ^ 0x5412;
}

/** GF(256) with the QR polynomial x⁸ + x⁴ + x³ + x² + 1: powers of α = 2, and their logarithms. */
const EXP = new Uint8Array(510);
const LOG = new Uint8Array(256);
for (let i = 0, x = 1; i < 255; i++, x = x & 0x80 ? (x << 1) ^ 0x11d : x << 1) {
  EXP[i] = EXP[i + 255] = x;
  LOG[x] = i;
}

const times = (a: number, b: number): number => (a && b ? EXP[LOG[a]! + LOG[b]!]! : 0);

/**
 * The `degree` Reed–Solomon codewords of a data block: the remainder of data · x^degree divided by
 * the generator (x − α⁰)(x − α¹)…(x − α^(degree−1)).
 * @example
 * reedSolomon(Uint8Array.of(32, 91, 11), 7).length; // 7
 */
export function reedSolomon(data: Uint8Array, degree: number): Uint8Array {
  // Generator coefficients, highest power first (the leading 1 included).
  let gen = [1];
  for (let i = 0; i < degree; i++) {
    const next = [...gen, 0];
    for (let j = 0; j < gen.length; j++) next[j + 1]! ^= times(gen[j]!, EXP[i]!);
    gen = next;
  }
  const rem = new Uint8Array(degree);
  for (const byte of data) {
    const factor = byte ^ rem[0]!;
    rem.copyWithin(0, 1);
    rem[degree - 1] = 0;
    for (let j = 0; j < degree; j++) rem[j]! ^= times(gen[j + 1]!, factor);
  }
  return rem;
}
