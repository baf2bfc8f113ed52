import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzz } from '../../../../test-utils/fuzz.js';
import { toSJIS } from '../../test/decode-fixtures.js';
import {
  decodeSegments,
  decodeStrict,
  decodeUndeclared,
  eciCharset,
  rankCharsets,
  type Segment,
  segmentBytes,
} from './charset.js';

const bytes = (...b: number[]): Uint8Array => Uint8Array.from(b);

describe('decodeSegments', () => {
  it('joins numeric, alphanumeric and byte segments into one text', () => {
    const segs: Segment[] = [
      { mode: 'alphanumeric', text: 'HTTPS://' },
      { mode: 'byte', bytes: new TextEncoder().encode('m.tb.cn/') },
      { mode: 'numeric', text: '123' },
    ];
    expect(decodeSegments(segs)).toEqual({
      text: 'HTTPS://m.tb.cn/123',
      charset: 'ascii',
      charsetSource: 'unambiguous',
    });
    expect(Array.from(segmentBytes(segs))).toEqual(
      Array.from(new TextEncoder().encode('HTTPS://m.tb.cn/123')),
    );
  });

  it('decodes Kanji mode as Shift-JIS', () => {
    expect(decodeSegments([{ mode: 'kanji', bytes: bytes(0x8a, 0xbf, 0x8e, 0x9a) }])).toEqual({
      text: '漢字',
      charset: 'shift_jis',
      charsetSource: 'declared',
    });
  });

  it('reads undeclared byte data beside a Kanji segment as Shift-JIS', () => {
    // ｱ (half-width katakana 0xB1) in byte mode next to Kanji mode: the symbol is Shift-JIS.
    const segs: Segment[] = [
      { mode: 'kanji', bytes: bytes(0x8a, 0xbf) },
      { mode: 'byte', bytes: bytes(0xb1, 0xb2) },
    ];
    expect(decodeSegments(segs)).toMatchObject({ text: '漢ｱｲ', charset: 'shift_jis' });
  });

  it('follows an ECI that declares UTF-8, GB 18030 or Shift-JIS', () => {
    const gbk = bytes(0xd6, 0xd0, 0xce, 0xc4);
    expect(
      decodeSegments([
        { mode: 'eci', assignment: 29 },
        { mode: 'byte', bytes: gbk },
      ])?.text,
    ).toBe('中文');
    expect(
      decodeSegments([
        { mode: 'eci', assignment: 20 },
        { mode: 'byte', bytes: gbk },
      ])?.text,
    ).toBe('ﾖﾐﾎﾄ');
    expect(
      decodeSegments([
        { mode: 'eci', assignment: 26 },
        { mode: 'byte', bytes: new TextEncoder().encode('中文') },
      ])?.text,
    ).toBe('中文');
  });

  it('follows the ECIs of other single-byte charsets (Cyrillic, Greek, Windows code pages)', () => {
    expect(eciCharset(7)).toBe('iso-8859-5');
    expect(
      decodeSegments([
        { mode: 'eci', assignment: 22 },
        { mode: 'byte', bytes: bytes(0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2) },
      ]),
    ).toEqual({ text: 'Привет', charset: 'windows-1251', charsetSource: 'declared' });
  });

  it('scores the bytes and says it guessed when an ECI is unknown', () => {
    expect(
      decodeSegments([
        { mode: 'eci', assignment: 899 },
        { mode: 'byte', bytes: bytes(0x63, 0x61, 0x66, 0xe9) },
      ]),
    ).toEqual({ text: 'café', charset: 'iso-8859-1', charsetSource: 'guess' });
  });

  it('scores the bytes and says it guessed when they are invalid in the declared charset', () => {
    const out = decodeSegments([
      { mode: 'eci', assignment: 26 },
      { mode: 'byte', bytes: bytes(0xd6, 0xd0, 0xce, 0xc4) },
    ]);
    expect(out.charsetSource).toBe('guess');
    expect(out.text).toBe('中文');
  });

  it('reads GBK bytes without ECI as Chinese, a guess when short, and honours a charset option', () => {
    expect(decodeSegments([{ mode: 'byte', bytes: bytes(0xd6, 0xd0, 0xce, 0xc4) }])).toEqual({
      text: '中文',
      charset: 'gb18030',
      charsetSource: 'guess',
    });
    expect(
      decodeSegments([{ mode: 'byte', bytes: bytes(0xd6, 0xd0, 0xce, 0xc4) }], 'shift_jis'),
    ).toMatchObject({ text: 'ﾖﾐﾎﾄ', charsetSource: 'declared' });
  });
});

describe('decodeUndeclared', () => {
  const sjis = (text: string): Uint8Array => {
    const out: number[] = [];
    for (const ch of text) {
      const cp = ch.codePointAt(0) as number;
      const code = cp >= 0xff61 && cp <= 0xff9f ? 0xa1 + cp - 0xff61 : toSJIS(ch);
      if (code === undefined) out.push(...new TextEncoder().encode(ch));
      else if (code > 0xff) out.push(code >> 8, code & 0xff);
      else out.push(code);
    }
    return Uint8Array.from(out);
  };
  const gbk = (text: string): Uint8Array => {
    // Every GB 2312 character of the samples below, by code point (GB 2312 row/cell + 0xA0).
    const table: Record<string, [number, number]> = {
      中: [0xd6, 0xd0],
      文: [0xce, 0xc4],
      商: [0xc9, 0xcc],
      品: [0xc6, 0xb7],
      价: [0xbc, 0xdb],
      格: [0xb8, 0xf1],
      淘: [0xcc, 0xd4],
      宝: [0xb1, 0xa6],
      链: [0xc1, 0xb4],
      接: [0xbd, 0xd3],
      '：': [0xa3, 0xba],
    };
    const out: number[] = [];
    for (const ch of text) out.push(...(table[ch] ?? [ch.charCodeAt(0)]));
    return Uint8Array.from(out);
  };

  it('prefers UTF-8 when the bytes are valid UTF-8', () => {
    expect(decodeUndeclared(new TextEncoder().encode('好物 €'), 'auto')).toEqual({
      text: '好物 €',
      charset: 'utf-8',
      charsetSource: 'inferred',
    });
  });

  it('reads ASCII as unambiguous', () => {
    expect(decodeUndeclared(bytes(0x41, 0x42), 'auto')).toEqual({
      text: 'AB',
      charset: 'ascii',
      charsetSource: 'unambiguous',
    });
  });

  it('reads Japanese Shift-JIS text (kana and kanji) as Shift-JIS', () => {
    for (const text of ['こんにちは世界', '日本語のテキスト', 'ﾃﾞｻﾞｲﾝ ﾃｽﾄ', '東京都千代田区']) {
      expect(decodeUndeclared(sjis(text), 'auto')).toMatchObject({ text, charset: 'shift_jis' });
    }
  });

  it('reads Chinese GBK text as GB 18030', () => {
    for (const text of ['中文', '商品价格', '淘宝链接：', '中文商品']) {
      expect(decodeUndeclared(gbk(text), 'auto')).toMatchObject({ text, charset: 'gb18030' });
    }
  });

  it('takes Shift-JIS when only Shift-JIS accepts the bytes', () => {
    // A lone 0xB1 is half-width ｱ in Shift-JIS and a truncated lead byte in GB 18030.
    expect(decodeUndeclared(bytes(0x41, 0xb1), 'auto')).toMatchObject({ text: 'Aｱ', charset: 'shift_jis' });
  });

  it('falls back to ISO-8859-1 when no multi-byte charset reads the bytes plausibly', () => {
    expect(decodeUndeclared(bytes(0x63, 0x61, 0x66, 0xe9), 'auto')).toEqual({
      text: 'café',
      charset: 'iso-8859-1',
      charsetSource: 'inferred',
    });
  });

  it('ranks every charset that decodes the bytes, best first', () => {
    const ranked = rankCharsets(gbk('中文商品'));
    expect(ranked.map((r) => r.charset).sort()).toEqual(['gb18030', 'iso-8859-1', 'shift_jis']);
    expect(ranked[0]).toMatchObject({ charset: 'gb18030', text: '中文商品' });
    expect(decodeUndeclared(gbk('淘宝链接：中文商品'), 'auto').charsetSource).toBe('inferred');
  });

  it('never labels a non-ASCII text without ECI as declared or unambiguous', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 40 }), (b) => {
        fc.pre(b.some((x) => x > 0x7f));
        expect(['inferred', 'guess']).toContain(decodeUndeclared(b, 'auto').charsetSource);
      }),
      fuzz(300, 11),
    );
  });

  it('never returns a text that re-encodes to other bytes under the charset it names', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (b) => {
        const out = decodeUndeclared(b, 'auto');
        if (out.charset === 'utf-8' || out.charset === 'ascii') {
          expect(Array.from(new TextEncoder().encode(out.text))).toEqual(Array.from(b));
        } else if (out.charset === 'iso-8859-1') {
          expect(Array.from(out.text, (c) => c.charCodeAt(0))).toEqual(Array.from(b));
        } else {
          expect(decodeStrict(b, out.charset)).toBe(out.text);
        }
      }),
      fuzz(300, 7),
    );
  });
});
