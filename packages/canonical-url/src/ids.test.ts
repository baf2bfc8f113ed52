import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzz } from '../../../test-utils/fuzz.js';
import { isCanonicalUrlError } from './errors.js';
import { avToBv, bvToAv, normalizeBilibiliVideo, weiboBidToMid, weiboMidToBid } from './ids.js';

describe('Bilibili av and BV', () => {
  it.each([
    [170001, 'BV17x411w7KC'],
    [455017605, 'BV1Q541167Qg'],
    [882584971, 'BV1mK4y1C7Bz'],
    [111298867365120n, 'BV1L9Uoa9EUx'],
  ])('converts av%s to %s and back', (aid, bv) => {
    expect(avToBv(aid)).toBe(bv);
    expect(bvToAv(bv)).toBe(String(aid));
  });

  it('accepts av numbers spelled with the prefix in any case', () => {
    expect(avToBv('AV170001')).toBe('BV17x411w7KC');
    expect(normalizeBilibiliVideo('av170001')).toBe('BV17x411w7KC');
    expect(normalizeBilibiliVideo('bv17x411w7KC')).toBe('BV17x411w7KC');
  });

  it('round-trips every av number below 2^51', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: (1n << 51n) - 1n }), (aid) => {
        expect(bvToAv(avToBv(aid))).toBe(aid.toString());
      }),
      fuzz(2000, 20261120),
    );
  });

  it('refuses out-of-range numbers and malformed BV ids with a typed error', () => {
    for (const bad of [
      () => avToBv(0),
      () => avToBv(2 ** 53),
      () => avToBv('12x'),
      () => bvToAv('BV0000000000'),
    ]) {
      try {
        bad();
        expect.unreachable();
      } catch (error) {
        expect(isCanonicalUrlError(error) && error.code).toBe('invalid_input');
      }
    }
  });
});

describe('Weibo mid and bid', () => {
  it.each([
    ['3491273850170657', 'yCirT0Iox'],
    ['4885639100630954', 'MzVRA2E8G'],
  ])('converts mid %s to bid %s and back', (mid, bid) => {
    expect(weiboMidToBid(mid)).toBe(bid);
    expect(weiboBidToMid(bid)).toBe(mid);
  });

  it('round-trips 16-digit mids', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[1-9]\d{15}$/), (mid) => {
        expect(weiboBidToMid(weiboMidToBid(mid) as string)).toBe(mid);
      }),
      fuzz(1000, 20261120),
    );
  });

  it('returns null for text that is not base62', () => {
    expect(weiboBidToMid('abc-def')).toBeNull();
    expect(weiboMidToBid('12a')).toBeNull();
  });
});
