import { constants, deflateRawSync, inflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { type DeflateOptions, deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { fuzz } from '../../../test-utils/fuzz.js';
import { Q, tokenText } from '../src/alphabet.js';
import { decodeToken, encodeToken, findTokens, MAX_URL_BYTES } from '../src/index.js';
import { URL_DICTIONARY, URL_FORM, VERSION_1 } from '../src/token/format.js';
import { inflate } from '../src/token/inflate.js';
import { bytesToSymbols } from '../src/token/pack.js';

const SEED = 20261207;
const NO_DICTIONARY = new Uint8Array(0);
const UTF8 = new TextEncoder();

const URLS = [
  'https://e.tb.cn/h.8qP8G0N3s7kCmIo?tk=Zxq1Ti8oakt',
  'https://item.jd.com/100012043978.html',
  'https://www.xiaohongshu.com/explore/64f1a2b3000000001f03c4d5?xsec_token=ABxyz',
  'https://shop.example.org/spring/sale?ref=poster&utm_source=wechat#top',
  'https://例子.测试/路径?q=中文',
];

/** Texts that make every block type: short and repetitive, long and varied (several blocks). */
function sampleTexts(): Uint8Array[] {
  let x = 0x2545f491;
  let varied = '';
  while (varied.length < 40_000) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    varied += x % 7 === 0 ? 'https://m.tb.cn/h.' : String.fromCharCode(33 + (x >>> 25));
  }
  return [
    ...URLS.map((u) => UTF8.encode(u)),
    UTF8.encode('a'),
    UTF8.encode('abc'.repeat(5000)),
    UTF8.encode(varied),
    new Uint8Array(70_000).map((_, i) => (i * 2654435761) >>> 24),
  ];
}

/** Bytes as a string (one character per byte) for quick comparison; null stays null. */
function bytes(data: Uint8Array | null): string | null {
  return data === null ? null : Buffer.from(data).toString('latin1');
}

/** zlib's reading of a raw DEFLATE stream: the bytes, or null unless it ends exactly at the last byte. */
function zlibInflate(data: Uint8Array, dictionary: Uint8Array, limit: number): Uint8Array | null {
  try {
    const { buffer, engine } = inflateRawSync(data, {
      ...(dictionary.length ? { dictionary } : {}),
      info: true,
      maxOutputLength: limit,
    }) as unknown as { buffer: Buffer; engine: { bytesWritten: number } };
    return engine.bytesWritten === data.length ? new Uint8Array(buffer) : null;
  } catch {
    return null;
  }
}

/** Every packing fflate and zlib write for `text`, levels 0–9 and zlib's strategies. */
function packings(text: Uint8Array, dictionary: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  const dict = dictionary.length ? { dictionary } : {};
  for (let level = 0; level <= 9; level++) {
    out.push(deflateSync(text, { level: level as NonNullable<DeflateOptions['level']>, ...dict }));
    for (const strategy of [
      constants.Z_DEFAULT_STRATEGY,
      constants.Z_FILTERED,
      constants.Z_HUFFMAN_ONLY,
      constants.Z_RLE,
      constants.Z_FIXED,
    ]) {
      out.push(new Uint8Array(deflateRawSync(text, { level, strategy, ...dict })));
    }
  }
  return out;
}

/** Bits written least significant first, as DEFLATE stores them. */
function bitStream(fields: readonly Field[]): Uint8Array {
  const out: number[] = [];
  let n = 0;
  for (const [value, bits] of fields) {
    for (let i = 0; i < bits; i++, n++) {
      if (n % 8 === 0) out.push(0);
      out[out.length - 1]! |= ((value >> i) & 1) << (n % 8);
    }
  }
  return Uint8Array.from(out);
}

/** A fixed-Huffman code, written most significant bit first inside the LSB-first stream. */
function huffman(code: number, bits: number): [number, number] {
  let reversed = 0;
  for (let i = 0; i < bits; i++) reversed |= ((code >> i) & 1) << (bits - 1 - i);
  return [reversed, bits];
}

type Field = readonly [value: number, bits: number];
/** A code-length symbol and, for a repeat, its extra bits. */
type LengthSymbol = readonly [symbol: number, extra?: number];
const ABC: Field[] = [
  [0x61, 8],
  [0x62, 8],
  [0x63, 8],
];

function repeat<T>(item: T, times: number): T[] {
  return Array.from({ length: times }, () => item);
}

/** The code-length code of `dynamicBlock`: symbol → [code, length] (0, 8, 18: 00 01 10; 1, 16: 110 111). */
const CODE_LENGTH_CODE: Record<number, Field> = {
  0: [0b00, 2],
  8: [0b01, 2],
  18: [0b10, 2],
  1: [0b110, 3],
  16: [0b111, 3],
};
/** Order of the code-length code's lengths in a block header (RFC 1951 3.2.7). */
const ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1];

/**
 * A final dynamic block: `lengths` are code-length symbols (with a repeat's extra bits) for the
 * literal/length and distance codes, `content` the coded data.
 */
function dynamicBlock(
  literals: number,
  distances: number,
  lengths: readonly LengthSymbol[],
  content: readonly Field[],
): Uint8Array {
  const header: Field[] = [
    [1, 1],
    [2, 2],
    [literals - 257, 5],
    [distances - 1, 5],
    [ORDER.length - 4, 4],
  ];
  for (const symbol of ORDER) header.push([CODE_LENGTH_CODE[symbol]?.[1] ?? 0, 3]);
  const coded = lengths.flatMap(([symbol, extra]): Field[] => [
    huffman(...(CODE_LENGTH_CODE[symbol] as Field)),
    ...(symbol === 16 ? [[extra ?? 0, 2] as const] : symbol === 18 ? [[extra ?? 0, 7] as const] : []),
  ]);
  return bitStream([...header, ...coded, ...content]);
}

/** Literal/length code of `dynamicBlock` for symbols 0–254 and 256 (length 8), and one unused distance. */
const EIGHTS: LengthSymbol[] = [...repeat<LengthSymbol>([8], 255), [0], [8], [0]];
/** 'a' and the end of the block in that code. */
const A_END: Field[] = [huffman(0x61, 8), huffman(255, 8)];

/** 33,000 stored bytes of x, then a final fixed block copying 3 bytes from distance symbol `d` (extra bits 0). */
function distanceBlock(d: number): Uint8Array {
  const extra = d < 4 ? 0 : (d >> 1) - 1;
  return bitStream([
    [0, 1],
    [0, 2],
    [0, 5],
    [33_000, 16],
    [33_000 ^ 0xffff, 16],
    ...repeat([0x78, 8] as const, 33_000),
    [1, 1],
    [1, 2],
    huffman(1, 7),
    huffman(d, 5),
    [0, extra],
    huffman(0, 7),
  ]);
}

/** A checksummed URL-form token whose payload is `mode` and then `body`, written by hand. */
function urlToken(mode: number, body: Uint8Array): string {
  const symbols = bytesToSymbols(body);
  const len = symbols.length + 1;
  const data = [
    VERSION_1,
    URL_FORM,
    Math.floor(len / (Q * Q)),
    Math.floor(len / Q) % Q,
    len % Q,
    mode,
    ...symbols,
  ];
  return tokenText(data);
}

function payloadError(token: string): string | null {
  try {
    decodeToken(token);
    return null;
  } catch (e) {
    return (e as { code: string }).code;
  }
}

describe('inflate (the URL form reader of raw DEFLATE)', () => {
  const texts = sampleTexts();

  it('reads every packing fflate and zlib write, at every level and strategy, with and without the dictionary', () => {
    const types = new Set<number>();
    for (const text of texts) {
      for (const dictionary of [URL_DICTIONARY, NO_DICTIONARY]) {
        for (const packed of packings(text, dictionary)) {
          types.add((packed[0]! >> 1) & 3);
          expect(bytes(inflate(packed, dictionary, text.length))).toBe(bytes(text));
        }
      }
    }
    // stored, fixed and dynamic blocks all met as first blocks
    expect([...types].sort()).toEqual([0, 1, 2]);
  });

  it('refuses output past its limit, also by one byte, and returns output of exactly the limit', () => {
    const text = UTF8.encode(URLS[0] as string);
    const packed = deflateRawSync(text, { dictionary: URL_DICTIONARY });
    expect(inflate(packed, URL_DICTIONARY, text.length)).toEqual(text);
    expect(inflate(packed, URL_DICTIONARY, text.length - 1)).toBeNull();
    // an inflate bomb: a megabyte from about a kilobyte
    const bomb = deflateRawSync(new Uint8Array(1 << 20), { level: 9 });
    expect(bomb.length).toBeLessThan(1100);
    expect(inflate(bomb, NO_DICTIONARY, MAX_URL_BYTES)).toBeNull();
    const stored = deflateRawSync(text, { level: 0 });
    expect(inflate(stored, NO_DICTIONARY, text.length - 1)).toBeNull();
  });

  it('refuses every truncation of a valid stream and any byte after its end', () => {
    for (const text of texts.slice(0, 6)) {
      for (const packed of packings(text, URL_DICTIONARY)) {
        for (let n = 0; n < packed.length; n++) {
          expect(inflate(packed.subarray(0, n), URL_DICTIONARY, text.length)).toBeNull();
        }
        expect(inflate(Uint8Array.of(...packed, 0), URL_DICTIONARY, text.length)).toBeNull();
      }
    }
  });

  it('refuses each malformed block zlib refuses', () => {
    const fixedEnd = huffman(0, 7); // symbol 256 in the fixed code
    const cases: [string, Uint8Array][] = [
      [
        'block type 3',
        bitStream([
          [1, 1],
          [3, 2],
        ]),
      ],
      ['stored length without its complement', bitStream([[1, 1], [0, 2], [0, 5], [3, 16], [3, 16], ...ABC])],
      [
        'stored length longer than the data',
        bitStream([[1, 1], [0, 2], [0, 5], [9, 16], [9 ^ 0xffff, 16], ...ABC]),
      ],
      ['fixed literal/length symbol 286', bitStream([[1, 1], [1, 2], huffman(0xc6, 8), fixedEnd])],
      [
        'a distance before the start of the window',
        bitStream([[1, 1], [1, 2], huffman(1, 7), huffman(0, 5), fixedEnd]),
      ],
      ['a fixed block without its end', bitStream([[1, 1], [1, 2], huffman(0x61 + 0x30, 8)])],
      ['a last block missing after a non-final one', bitStream([[0, 1], [1, 2], fixedEnd])],
      // code-length code of symbols 16, 17, 18, all of length 1
      [
        'an over-subscribed code-length code',
        bitStream([
          [1, 1],
          [2, 2],
          [0, 5],
          [0, 5],
          [0, 4],
          [1, 3],
          [1, 3],
          [1, 3],
          [0, 3],
        ]),
      ],
      ['more than 286 literal/length codes', dynamicBlock(287, 1, [...EIGHTS, [18, 19]], A_END)],
      ['more than 30 distance codes', dynamicBlock(257, 31, [...EIGHTS.slice(0, -1), [18, 20]], A_END)],
      [
        'an over-subscribed literal/length code',
        dynamicBlock(258, 1, [...EIGHTS.slice(0, -1), [8], [0]], A_END),
      ],
      [
        'an incomplete literal/length code',
        dynamicBlock(257, 1, [...repeat<LengthSymbol>([8], 254), [0], [0], [8], [0]], [huffman(254, 8)]),
      ],
      [
        'a repeat with no length before it',
        dynamicBlock(259, 1, [[16, 0], ...repeat<LengthSymbol>([8], 256), [0]], [huffman(253, 8)]),
      ],
      ['a repeat past the last length', dynamicBlock(257, 1, [...EIGHTS.slice(0, -1), [18, 0]], A_END)],
      ['a distance symbol of 30', distanceBlock(30)],
    ];
    for (const [what, data] of cases) {
      expect([what, inflate(data, NO_DICTIONARY, 40_000)]).toEqual([what, null]);
      expect([what, zlibInflate(data, NO_DICTIONARY, 40_000)]).toEqual([what, null]);
    }
  });

  it('reads hand-made blocks as zlib reads them: the malformed ones above made valid', () => {
    const fixedEnd = huffman(0, 7);
    const cases: [string, Uint8Array, string, Uint8Array?][] = [
      ['stored', bitStream([[1, 1], [0, 2], [0, 5], [3, 16], [3 ^ 0xffff, 16], ...ABC]), 'abc'],
      [
        'fixed copy',
        bitStream([[1, 1], [1, 2], huffman(0x61 + 0x30, 8), huffman(1, 7), huffman(0, 5), fixedEnd]),
        'aaaa',
      ],
      [
        'a copy from the dictionary',
        bitStream([[1, 1], [1, 2], huffman(1, 7), huffman(0, 5), fixedEnd]),
        'yyy',
        UTF8.encode('xy'),
      ],
      ['dynamic', dynamicBlock(257, 1, EIGHTS, A_END), 'a'],
      // literal/length code {0–253, 256, 257}, one distance code of length 1 (incomplete, allowed)
      [
        'one distance code',
        dynamicBlock(
          258,
          1,
          [...repeat<LengthSymbol>([8], 254), [0], [0], [8], [8], [1]],
          [huffman(0x61, 8), huffman(255, 8), [0, 1], huffman(254, 8)],
        ),
        'aaaa',
      ],
      ['a distance symbol of 29', distanceBlock(29), `${'x'.repeat(33_000)}xxx`],
    ];
    for (const [what, data, text, dictionary = NO_DICTIONARY] of cases) {
      expect([what, bytes(inflate(data, dictionary, 40_000))]).toEqual([what, text]);
      expect([what, bytes(zlibInflate(data, dictionary, 40_000))]).toEqual([what, text]);
    }
  });

  it('agrees with zlib on random bytes: the same output or both refuse, never a throw', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.boolean(), (data, withDictionary) => {
        const dictionary = withDictionary ? URL_DICTIONARY : NO_DICTIONARY;
        expect(bytes(inflate(data, dictionary, 4096))).toBe(bytes(zlibInflate(data, dictionary, 4096)));
      }),
      fuzz(3000, SEED),
    );
  });

  it('agrees with zlib on damaged packings: flipped bits, cut, inserted and removed bytes', () => {
    const streams = texts
      .slice(0, 7)
      .flatMap((t) => packings(t, URL_DICTIONARY).filter((p) => p.length < 4000));
    fc.assert(
      fc.property(
        fc.constantFrom(...streams),
        fc.array(fc.tuple(fc.nat(), fc.nat(255), fc.constantFrom('flip', 'set', 'insert', 'remove', 'cut')), {
          minLength: 1,
          maxLength: 4,
        }),
        (packed, edits) => {
          let data = Uint8Array.from(packed);
          for (const [at, value, edit] of edits) {
            const i = at % (data.length + 1);
            if (edit === 'flip' && i < data.length) data[i]! ^= 1 << (value & 7);
            else if (edit === 'set' && i < data.length) data[i] = value;
            else if (edit === 'insert')
              data = Uint8Array.of(...data.subarray(0, i), value, ...data.subarray(i));
            else if (edit === 'remove') data = Uint8Array.of(...data.subarray(0, i), ...data.subarray(i + 1));
            else data = data.subarray(0, i);
          }
          expect(bytes(inflate(data, URL_DICTIONARY, 1 << 17))).toBe(
            bytes(zlibInflate(data, URL_DICTIONARY, 1 << 17)),
          );
        },
      ),
      fuzz(3000, SEED),
    );
  });
});

describe('URL-form tokens: any valid packing reads, the writer keeps the shortest', () => {
  it('reads a URL stored raw (mode 0) where encodeToken deflates it', () => {
    for (const url of URLS) {
      const token = urlToken(0, UTF8.encode(url));
      expect(token.length).toBeGreaterThan(encodeToken(url).length);
      expect(decodeToken(token).url).toBe(url);
      expect(findTokens(`看看 ${token} 吧`).map((m) => m.url)).toEqual([url]);
    }
  });

  it('reads a longer valid DEFLATE packing of the same URL than the one encodeToken writes', () => {
    const url = URLS[2] as string;
    const huffmanOnly = deflateRawSync(url, {
      strategy: constants.Z_HUFFMAN_ONLY,
      dictionary: URL_DICTIONARY,
    });
    expect(huffmanOnly.length).toBeLessThan(UTF8.encode(url).length);
    const token = urlToken(1, huffmanOnly);
    expect(token.length).toBeGreaterThan(encodeToken(url).length);
    expect(decodeToken(token).url).toBe(url);
  });

  it('still writes one token per URL: the shorter of raw and fflate level 9', () => {
    for (const url of URLS) {
      const raw = UTF8.encode(url);
      const packed = deflateSync(raw, { level: 9, dictionary: URL_DICTIONARY });
      const expected = packed.length < raw.length ? urlToken(1, packed) : urlToken(0, raw);
      expect(encodeToken(url)).toBe(expected);
      expect(encodeToken(url)).toBe(encodeToken(url));
    }
  });

  it('refuses a DEFLATE body that is not shorter than the URL it unpacks to', () => {
    for (const url of URLS) {
      const stored = deflateRawSync(url, { level: 0 });
      expect(stored.length).toBeGreaterThanOrEqual(UTF8.encode(url).length);
      expect(payloadError(urlToken(1, stored))).toBe('invalid_payload');
      expect(findTokens(urlToken(1, stored))).toEqual([]);
    }
  });

  it('refuses garbage, inflate bombs, over-long URLs, unsafe targets and unknown modes as invalid_payload', () => {
    const bomb = deflateRawSync(`https://example.com/${'a'.repeat(100_000)}`, { dictionary: URL_DICTIONARY });
    const cases = [
      urlToken(1, Uint8Array.of(0xff, 0xfe, 0xfd, 0x10)),
      urlToken(1, bomb),
      urlToken(1, deflateRawSync(`https://example.com/${'a'.repeat(MAX_URL_BYTES - 19)}`)),
      urlToken(0, UTF8.encode(`https://example.com/${'a'.repeat(MAX_URL_BYTES - 19)}`)),
      urlToken(0, UTF8.encode('javascript:alert(1)//https://example.com/')),
      urlToken(1, deflateRawSync('data:text/html,https://example.com/'.repeat(3))),
      urlToken(0, Uint8Array.of(0x68, 0x74, 0x74, 0x70, 0xc0, 0x80)),
      urlToken(2, UTF8.encode(URLS[0] as string)),
    ];
    for (const token of cases) expect(payloadError(token)).toBe('invalid_payload');
    // one byte under the limit reads
    const longest = `https://example.com/${'a'.repeat(MAX_URL_BYTES - 20)}`;
    expect(decodeToken(urlToken(1, deflateRawSync(longest))).url).toBe(longest);
    expect(decodeToken(urlToken(0, UTF8.encode(longest))).url).toBe(longest);
  });

  it('reads every packing zlib writes for any http(s) URL when shorter than the URL, and the raw bytes always', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.nat(9), (url, level) => {
        const raw = UTF8.encode(url);
        expect(decodeToken(urlToken(0, raw)).url).toBe(url);
        for (const strategy of [constants.Z_DEFAULT_STRATEGY, constants.Z_HUFFMAN_ONLY, constants.Z_FIXED]) {
          const packed = deflateRawSync(raw, { level, strategy, dictionary: URL_DICTIONARY });
          if (packed.length < raw.length) expect(decodeToken(urlToken(1, packed)).url).toBe(url);
          else expect(payloadError(urlToken(1, packed))).toBe('invalid_payload');
        }
      }),
      fuzz(300, SEED),
    );
  });
});
