/// <reference path="./qrcode-core.d.ts" />
import fc from 'fast-check';
import { getPositions } from 'qrcode/lib/core/alignment-pattern.js';
import { getBlocksCount, getTotalCodewordsCount } from 'qrcode/lib/core/error-correction-code.js';
import { H, L, M, Q } from 'qrcode/lib/core/error-correction-level.js';
import { getEncodedBits } from 'qrcode/lib/core/format-info.js';
import ReedSolomonEncoder from 'qrcode/lib/core/reed-solomon-encoder.js';
import { getSymbolTotalCodewords } from 'qrcode/lib/core/utils.js';
import { describe, expect, it } from 'vitest';
import { fuzz } from '../../../test-utils/fuzz.js';
import {
  alignmentCentres,
  ecBlocks,
  formatBits,
  type Level,
  reedSolomon,
  totalCodewords,
} from '../src/poster/qr-math.js';

/** qrcode's level objects, the reference these tables are checked against. */
const THEIRS = { L, M, Q, H } as const;
const LEVELS: readonly Level[] = ['L', 'M', 'Q', 'H'];
const VERSIONS = Array.from({ length: 40 }, (_, i) => i + 1);

describe('QR facts written out instead of imported from qrcode', () => {
  it('counts the codewords of every version as qrcode’s table does', () => {
    for (const v of VERSIONS) expect(totalCodewords(v)).toBe(getSymbolTotalCodewords(v));
  });

  it('gives every version and level the block count and correction codewords of qrcode’s tables', () => {
    for (const v of VERSIONS) {
      for (const level of LEVELS) {
        const { count, ecPerBlock } = ecBlocks(v, level);
        expect(count).toBe(getBlocksCount(v, THEIRS[level]));
        expect(count * ecPerBlock).toBe(getTotalCodewordsCount(v, THEIRS[level]));
      }
    }
  });

  it('places the alignment patterns of every version where qrcode places them', () => {
    for (const v of VERSIONS) expect(alignmentCentres(v)).toEqual(getPositions(v));
  });

  it('writes the format bits of every level and mask as qrcode does', () => {
    for (const level of LEVELS)
      for (let mask = 0; mask < 8; mask++)
        expect(formatBits(level, mask)).toBe(getEncodedBits(THEIRS[level], mask));
  });

  it('computes the Reed–Solomon codewords qrcode computes for any block', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(7, 10, 13, 15, 16, 17, 18, 20, 22, 24, 26, 28, 30),
        fc.uint8Array({ minLength: 1, maxLength: 153 }),
        (degree, data) => {
          expect(Array.from(reedSolomon(data, degree))).toEqual(
            Array.from(new ReedSolomonEncoder(degree).encode(data)),
          );
        },
      ),
      fuzz(300, 1616),
    );
  });
});
