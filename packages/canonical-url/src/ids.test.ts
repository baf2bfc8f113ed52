import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzz } from '../../../test-utils/fuzz.js';
import { isCanonicalUrlError } from './errors.js';
import { alternateId, fromAlternateId, identify, identityFor, loneIdentity } from './identify.js';
import { avToBv, bvToAv, normalizeBilibiliVideo, weiboBidToMid, weiboMidToBid } from './ids.js';
import type { PlatformId } from './types.js';

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

describe('id codecs as registry data', () => {
  it('gives a Bilibili BV id its av number as the second spelling, and reads it back', () => {
    expect(alternateId('bilibili', 'video', 'BV17x411w7KC')).toEqual({ codec: 'av-number', id: '170001' });
    expect(fromAlternateId('bilibili', 'video', '170001')).toEqual({
      codec: 'av-number',
      id: 'BV17x411w7KC',
    });
  });

  it('gives no second spelling to kinds the registry names no codec for, nor to ids outside the codec', () => {
    expect(alternateId('jd', 'item', '100012043978')).toBeNull();
    expect(alternateId('bilibili', 'video', 'ep1234')).toBeNull();
    expect(alternateId('bilibili', 'user', '12345')).toBeNull();
    expect(fromAlternateId('jd', 'item', '100012043978')).toBeNull();
    expect(fromAlternateId('bilibili', 'video', 'av170001')).toBeNull();
    expect(fromAlternateId('bilibili', 'video', '0')).toBeNull();
    expect(fromAlternateId('bilibili', 'video', '9999999999999999')).toBeNull();
  });

  it('round-trips every convertible av number through the registry codec', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: (1n << 51n) - 1n }), (n) => {
        const bv = fromAlternateId('bilibili', 'video', n.toString());
        expect(bv?.id).toBe(avToBv(n));
        expect(alternateId('bilibili', 'video', bv?.id ?? '')?.id).toBe(n.toString());
      }),
      fuzz(200, 1111),
    );
  });

  it('knows a BV id or an av number pasted alone as a Bilibili video, and nothing else alone', () => {
    expect(loneIdentity('BV17x411w7KC')?.url).toBe('https://www.bilibili.com/video/BV17x411w7KC');
    expect(loneIdentity('av170001')).toMatchObject({
      platform: 'bilibili',
      kind: 'video',
      id: 'BV17x411w7KC',
    });
    expect(loneIdentity('170001')).toBeNull();
    expect(loneIdentity('100012043978')).toBeNull();
    expect(loneIdentity('av0')).toBeNull();
  });
});

describe('identityFor', () => {
  it('gives the identity identify reads from the canonical URL of every sample id', () => {
    expect(identityFor('bilibili', 'video', 'av170001')).toEqual(
      identify('https://www.bilibili.com/video/BV17x411w7KC'),
    );
    expect(identityFor('jd', 'item', '100012043978')).toEqual(
      identify('https://item.jd.com/100012043978.html'),
    );
  });

  it('gives null, never an error, for an id that does not fit or a platform the registry does not have', () => {
    expect(identityFor('jd', 'item', 'abc')).toBeNull();
    expect(identityFor('jd', 'video', '123456')).toBeNull();
    expect(identityFor('wechat' as PlatformId, 'item', '1')).toBeNull();
    expect(identityFor('jd', 'item', 100012043978 as unknown as string)).toBeNull();
    expect(identityFor('jd', 'item', null as unknown as string)).toBeNull();
  });
});
