/// <reference path="./qrcode-core.d.ts" />
import { getSymbolTotalCodewords } from 'qrcode/lib/core/utils.js';
import { QrPosterError } from '../errors.js';
import { blocksOf, buildSymbol, eachDataModule, type QrSymbol } from './symbol.js';

/**
 * QR error-correction levels, from least (L, ~7%) to most (H, ~30%) recoverable.
 * @example
 * const level: EcLevel = 'H';
 */
export type EcLevel = 'L' | 'M' | 'Q' | 'H';

/** A QR symbol ready to draw: a square of modules, `true` = dark. */
export interface QrMatrix extends QrSymbol {
  readonly level: EcLevel;
}

/** Longest payload accepted, in UTF-16 code units (a version-40 code holds at most 2953 bytes). */
export const MAX_PAYLOAD_LENGTH = 2953;

/**
 * Encodes `payload` (UTF-8 byte mode, or numeric/alphanumeric segments where shorter) at `level`.
 *
 * @example
 * encodeQr('https://item.jd.com/100012043978.html', 'M').size; // 33 (version 4)
 */
export function encodeQr(payload: string, level: EcLevel, version?: number): QrMatrix {
  if (payload.length === 0) throw new QrPosterError('invalid_target', 'the QR payload is empty');
  if (payload.length > MAX_PAYLOAD_LENGTH) {
    throw new QrPosterError(
      'payload_too_long',
      `the QR payload is ${payload.length} characters, more than any QR code holds (${MAX_PAYLOAD_LENGTH} bytes)`,
    );
  }
  const symbol = buildSymbol(payload, level, version);
  if (symbol === null) {
    throw new QrPosterError(
      'payload_too_long',
      `the QR payload (${payload.length} characters) does not fit in a QR code at level ${level}${version === undefined ? '' : ` and version ${version}`}`,
    );
  }
  return { ...symbol, level };
}

/** Which codeword (0-based, in the interleaved order of the symbol) each data module belongs to; -1 for none. */
function codewordMap(matrix: QrMatrix): Int32Array {
  const map = new Int32Array(matrix.size * matrix.size).fill(-1);
  const bits = getSymbolTotalCodewords(matrix.version) * 8;
  // The encoder's placement order; the remainder bits after the last codeword carry none.
  eachDataModule(matrix.size, matrix.reserved, (at, bit) => {
    if (bit < bits) map[at] = bit >> 3;
  });
  return map;
}

/**
 * Codewords that version 1–3 symbols spend on misdecode protection instead of correction
 * (ISO/IEC 18004 table 9, "p").
 */
function misdecodeProtection(version: number, level: EcLevel): number {
  if (version === 1) return level === 'L' ? 3 : level === 'M' ? 2 : 1;
  if (version === 2 && level === 'L') return 2;
  if (version === 3 && level === 'L') return 1;
  return 0;
}

/** For each interleaved codeword index: its block; and the errors each block corrects (the same for all). */
function blockLayout(version: number, level: EcLevel): { blockOf: Int32Array; correctable: number } {
  const { count, shortData, longBlocks, ec } = blocksOf(version, level);
  const blockOf = new Int32Array(getSymbolTotalCodewords(version));
  let index = 0;
  for (let i = 0; i <= shortData; i++) {
    for (let b = 0; b < count; b++) if (i < shortData || b >= count - longBlocks) blockOf[index++] = b;
  }
  for (let i = 0; i < ec; i++) for (let b = 0; b < count; b++) blockOf[index++] = b;
  return { blockOf, correctable: Math.floor((ec - misdecodeProtection(version, level)) / 2) };
}

/** How much of the error-correction budget a centred square of `side` modules uses up. */
export interface LogoCoverage {
  /** Side of the covered square, in modules. */
  readonly side: number;
  /** Covered data modules / all data modules. */
  readonly moduleFraction: number;
  /** The highest share, over all blocks, of the block's correctable errors used by covered codewords. */
  readonly worstBlockShare: number;
}

/**
 * Measures a centred square of `side` modules against the symbol's error correction, block by block:
 * every codeword with a module under the square counts as an error (decoders do not know where the
 * logo is, so they cannot treat it as erasures).
 *
 * @example
 * logoCoverage(encodeQr('https://example.com/p/1', 'H'), 7).worstBlockShare; // ≤ 1 means still decodable
 */
export function logoCoverage(matrix: QrMatrix, side: number): LogoCoverage {
  const { size, version } = matrix;
  const map = codewordMap(matrix);
  const { blockOf, correctable } = blockLayout(version, matrix.level);
  const start = Math.floor((size - side) / 2);
  const touched = new Set<number>();
  let covered = 0;
  for (let r = start; r < start + side; r++) {
    for (let c = start; c < start + side; c++) {
      const cw = map[r * size + c] ?? -1;
      if (cw < 0) continue;
      covered++;
      touched.add(cw);
    }
  }
  // Codewords touched per block; every block corrects as many, so the fullest block is the worst.
  const perBlock = new Int32Array(blockOf.length);
  let most = 0;
  for (const cw of touched) {
    const b = blockOf[cw] ?? 0;
    most = Math.max(most, ++perBlock[b]!);
  }
  return {
    side,
    // Every codeword bit sits in one data module; the remainder bits after them carry none.
    moduleFraction: covered / (getSymbolTotalCodewords(version) * 8),
    worstBlockShare: correctable === 0 ? (most > 0 ? Number.POSITIVE_INFINITY : 0) : most / correctable,
  };
}

/**
 * Largest centred square (odd side, so it sits exactly on the centre module) whose covered codewords
 * use at most `maxShare` of every block's correctable errors; 0 when even one module is too much.
 *
 * @example
 * maxLogoSide(encodeQr('https://item.taobao.com/item.htm?id=1', 'H'), 0.5); // e.g. 9
 */
export function maxLogoSide(matrix: QrMatrix, maxShare: number): number {
  let best = 0;
  for (let side = 1; side < matrix.size - 16; side += 2) {
    if (logoCoverage(matrix, side).worstBlockShare > maxShare) break;
    best = side;
  }
  return best;
}
