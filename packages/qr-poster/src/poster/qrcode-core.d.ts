// Types for the parts of `qrcode`'s core this package imports directly (the package root would pull
// in its PNG/canvas renderers and segment optimiser; the core tables and primitives are all a poster needs).
// `create` is qrcode's own symbol builder, which the tests compare ours against.
declare module 'qrcode/lib/core/qrcode.js' {
  import type { QRCode, QRCodeOptions } from 'qrcode';
  export function create(text: string, options?: QRCodeOptions): QRCode;
}
declare module 'qrcode/lib/core/error-correction-code.js' {
  import type { ErrorCorrectionLevel } from 'qrcode';
  export function getBlocksCount(version: number, level: ErrorCorrectionLevel): number;
  export function getTotalCodewordsCount(version: number, level: ErrorCorrectionLevel): number;
}
declare module 'qrcode/lib/core/utils.js' {
  export function getSymbolTotalCodewords(version: number): number;
}
declare module 'qrcode/lib/core/error-correction-level.js' {
  import type { ErrorCorrectionLevel } from 'qrcode';
  export const L: ErrorCorrectionLevel;
  export const M: ErrorCorrectionLevel;
  export const Q: ErrorCorrectionLevel;
  export const H: ErrorCorrectionLevel;
}
declare module 'qrcode/lib/core/alignment-pattern.js' {
  /** Centres `[row, col]` of a version's alignment patterns (none where a finder pattern is). */
  export function getPositions(version: number): [number, number][];
}
declare module 'qrcode/lib/core/format-info.js' {
  import type { ErrorCorrectionLevel } from 'qrcode';
  /** The 15 format bits (level, mask, BCH, XOR mask). */
  export function getEncodedBits(level: ErrorCorrectionLevel, mask: number): number;
}
declare module 'qrcode/lib/core/bit-matrix.js' {
  export default class BitMatrix {
    constructor(size: number);
    readonly size: number;
    readonly data: Uint8Array;
    readonly reservedBit: Uint8Array;
    set(row: number, col: number, value: boolean, reserved: boolean): void;
    get(row: number, col: number): number;
    xor(row: number, col: number, value: boolean): void;
    isReserved(row: number, col: number): number;
  }
}
declare module 'qrcode/lib/core/mask-pattern.js' {
  import type BitMatrix from 'qrcode/lib/core/bit-matrix.js';
  /** The mask (0–7) of least penalty; calls `setupFormat(mask)` before scoring each. */
  export function getBestMask(matrix: BitMatrix, setupFormat: (mask: number) => void): number;
  /** XORs a mask over every module not reserved (applying it twice undoes it). */
  export function applyMask(mask: number, matrix: BitMatrix): void;
}
declare module 'qrcode/lib/core/reed-solomon-encoder.js' {
  export default class ReedSolomonEncoder {
    constructor(degree: number);
    /** The `degree` error-correction codewords of a data block. */
    encode(data: Uint8Array): Uint8Array;
  }
}
