/// <reference path="../src/poster/qrcode-core.d.ts" />
import fc from 'fast-check';
import jsQR from 'jsqr';
import type { QRCode } from 'qrcode';
import { create } from 'qrcode/lib/core/qrcode.js';
import { describe, expect, it } from 'vitest';
import { fuzz } from '../../../test-utils/fuzz.js';
import { encodeQr } from '../src/poster/qr.js';
import { buildSymbol, type Level } from '../src/poster/symbol.js';

const LEVELS: readonly Level[] = ['L', 'M', 'Q', 'H'];

/** qrcode's own symbol (its `create()`, with its segment optimiser), or null when it refuses. */
function reference(payload: string, level: Level): QRCode | null {
  try {
    return create(payload, { errorCorrectionLevel: level });
  } catch {
    return null;
  }
}

/** The symbol drawn 4 px per module with a 4-module quiet zone, read by jsQR. */
function readBack(modules: Uint8Array, size: number): string | null {
  const px = 4;
  const side = (size + 8) * px;
  const data = new Uint8ClampedArray(side * side * 4).fill(255);
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      if (!modules[r * size + c]) continue;
      for (let y = 0; y < px; y++) {
        for (let x = 0; x < px; x++) {
          const i = (((r + 4) * px + y) * side + (c + 4) * px + x) * 4;
          data[i] = data[i + 1] = data[i + 2] = 0;
        }
      }
    }
  }
  return jsQR(data, side, side)?.data ?? null;
}

const urlish = fc.oneof(
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc
    .tuple(fc.constantFrom('https://item.jd.com/', 'HTTPS://EXAMPLE.COM/', 'https://m.tb.cn/h.'), fc.string())
    .map(([a, b]) => a + b),
  fc.string({ unit: fc.constantFrom(...'0123456789ABCXYZ $%*+-./:abc?=&中😀'), maxLength: 400 }),
);

describe('QR symbols from qrcode core without its create()', () => {
  it('builds exactly qrcode’s symbol for typical poster URLs', () => {
    for (const url of [
      'https://item.jd.com/100012043978.html',
      'https://item.taobao.com/item.htm?id=678301234567',
      'https://www.bilibili.com/video/BV17x411w7KC',
      'https://mobile.yangkeduo.com/goods.html?goods_id=123456789012',
      'HTTPS://EXAMPLE.COM/ABC123',
      'https://example.com/p/1',
    ]) {
      for (const level of LEVELS) {
        const ours = buildSymbol(url, level);
        const theirs = reference(url, level);
        expect(ours?.version).toBe(theirs?.version);
        expect(Array.from(ours?.modules ?? [])).toEqual(Array.from(theirs?.modules.data ?? [], Number));
        expect(Array.from(ours?.reserved ?? [])).toEqual(
          Array.from(theirs?.modules.reservedBit ?? [], Number),
        );
      }
    }
  });

  it('never needs a larger version than qrcode’s optimiser, and reads back exactly', () => {
    fc.assert(
      fc.property(urlish, fc.constantFrom(...LEVELS), (payload, level) => {
        const ours = buildSymbol(payload, level);
        const theirs = reference(payload, level);
        if (theirs !== null) expect(ours?.version).toBeLessThanOrEqual(theirs.version);
        if (ours === null) return;
        expect(readBack(ours.modules, ours.size)).toBe(payload);
      }),
      fuzz(150, 1414),
    );
  });

  it('fills version 40 at level L with 2953 bytes, refuses one more, and says when level H cannot hold a payload', () => {
    expect(buildSymbol('a'.repeat(2953), 'L')?.version).toBe(40);
    expect(buildSymbol('a'.repeat(2954), 'L')).toBeNull();
    expect(() => encodeQr('a'.repeat(2000), 'H')).toThrow(/does not fit in a QR code at level H/);
  });

  it('builds the version it is asked for, or none when the payload does not fit it', () => {
    const url = 'https://item.jd.com/100012043978.html';
    const at9 = buildSymbol(url, 'M', 9);
    expect(at9?.version).toBe(9);
    expect(readBack(at9?.modules ?? new Uint8Array(), at9?.size ?? 0)).toBe(url);
    expect(buildSymbol(url, 'H', 1)).toBeNull();
  });

  it('carries numeric and alphanumeric runs in their own modes where that is shorter', () => {
    // 40 digits: 148 bits in numeric mode fit version 1-L (152); in byte mode (332) they need version 3.
    const digits = '1234567890'.repeat(4);
    expect(buildSymbol(digits, 'L')?.version).toBe(1);
    expect(buildSymbol('HTTPS://EXAMPLE.COM/ABCDEFGHIJKLMNOP', 'M')?.version).toBe(2);
  });
});
