import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeSegments, decodeStrict, decodeUndeclared, type Segment, segmentBytes } from './charset.js';

const bytes = (...b: number[]): Uint8Array => Uint8Array.from(b);

describe('decodeSegments', () => {
  it('joins numeric, alphanumeric and byte segments into one text', () => {
    const segs: Segment[] = [
      { mode: 'alphanumeric', text: 'HTTPS://' },
      { mode: 'byte', bytes: new TextEncoder().encode('m.tb.cn/') },
      { mode: 'numeric', text: '123' },
    ];
    expect(decodeSegments(segs)).toEqual({ text: 'HTTPS://m.tb.cn/123', charset: 'ascii' });
    expect(Array.from(segmentBytes(segs))).toEqual(
      Array.from(new TextEncoder().encode('HTTPS://m.tb.cn/123')),
    );
  });

  it('decodes Kanji mode as Shift-JIS', () => {
    expect(decodeSegments([{ mode: 'kanji', bytes: bytes(0x8a, 0xbf, 0x8e, 0x9a) }])).toEqual({
      text: '漢字',
      charset: 'shift_jis',
    });
  });

  it('reads undeclared byte data beside a Kanji segment as Shift-JIS', () => {
    // ｱ (half-width katakana 0xB1) in byte mode next to Kanji mode: the symbol is Shift-JIS.
    const segs: Segment[] = [
      { mode: 'kanji', bytes: bytes(0x8a, 0xbf) },
      { mode: 'byte', bytes: bytes(0xb1, 0xb2) },
    ];
    expect(decodeSegments(segs)).toEqual({ text: '漢ｱｲ', charset: 'shift_jis' });
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

  it('gives up instead of guessing for an ECI it does not know', () => {
    expect(
      decodeSegments([
        { mode: 'eci', assignment: 899 },
        { mode: 'byte', bytes: bytes(0xe9) },
      ]),
    ).toBeNull();
  });

  it('gives up when the bytes are invalid in the declared charset', () => {
    expect(
      decodeSegments([
        { mode: 'eci', assignment: 26 },
        { mode: 'byte', bytes: bytes(0xff, 0xfe) },
      ]),
    ).toBeNull();
  });

  it('gives up on GBK bytes without ECI, which Shift-JIS also accepts with a different text', () => {
    expect(decodeSegments([{ mode: 'byte', bytes: bytes(0xd6, 0xd0, 0xce, 0xc4) }])).toBeNull();
    expect(decodeSegments([{ mode: 'byte', bytes: bytes(0xd6, 0xd0, 0xce, 0xc4) }], 'gb18030')?.text).toBe(
      '中文',
    );
  });
});

describe('decodeUndeclared', () => {
  it('prefers UTF-8 when the bytes are valid UTF-8', () => {
    expect(decodeUndeclared(new TextEncoder().encode('好物 €'), 'auto')).toEqual({
      text: '好物 €',
      charset: 'utf-8',
    });
  });

  it('takes Shift-JIS when only Shift-JIS accepts the bytes', () => {
    // A lone 0xB1 is half-width ｱ in Shift-JIS and a truncated lead byte in GB 18030.
    expect(decodeUndeclared(bytes(0x41, 0xb1), 'auto')).toEqual({ text: 'Aｱ', charset: 'shift_jis' });
  });

  it('takes GB 18030 when only GB 18030 accepts the bytes', () => {
    // A four-byte GB 18030 sequence (U+0080); 0x30 is no Shift-JIS trail byte.
    expect(decodeUndeclared(bytes(0x81, 0x30, 0x81, 0x30), 'auto')).toEqual({
      text: '\u0080',
      charset: 'gb18030',
    });
  });

  it('falls back to ISO-8859-1 only when no multi-byte charset accepts the bytes', () => {
    expect(decodeUndeclared(bytes(0x63, 0x61, 0x66, 0xe9), 'auto')).toEqual({
      text: 'café',
      charset: 'iso-8859-1',
    });
  });

  it('never returns a text that re-encodes to other bytes under the charset it names', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (b) => {
        const out = decodeUndeclared(b, 'auto');
        if (out === null) return;
        if (out.charset === 'utf-8' || out.charset === 'ascii') {
          expect(Array.from(new TextEncoder().encode(out.text))).toEqual(Array.from(b));
        } else if (out.charset === 'iso-8859-1') {
          expect(Array.from(out.text, (c) => c.charCodeAt(0))).toEqual(Array.from(b));
        } else {
          expect(decodeStrict(b, out.charset)).toBe(out.text);
        }
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
