import fc from 'fast-check';
import type { QRCodeSegment } from 'qrcode';
import { describe, expect, it } from 'vitest';
import { fuzz } from '../../../test-utils/fuzz.js';
import { decodeQr } from '../src/decode/node.js';
import { addNoise, render, rotateRgba, toSJIS } from './decode-fixtures.js';

/**
 * qrcode's own segmentation (Kanji mode for JIS characters) when every character has a Shift-JIS code;
 * otherwise one UTF-8 byte segment (qrcode cannot put simplified-only Han characters in Kanji mode).
 */
function content(text: string): string | QRCodeSegment[] {
  const jisOnly = Array.from(text).every((ch) => ch.charCodeAt(0) < 0x80 || toSJIS(ch) !== undefined);
  return jisOnly ? text : [{ data: new TextEncoder().encode(text), mode: 'byte' }];
}

// Payloads a product poster carries: URLs, CJK titles, share texts, arbitrary bytes.
const urlArb = fc.webUrl({ withQueryParameters: true }).filter((u) => u.length < 300);
const cjkArb = fc
  .array(fc.constantFrom(...'淘宝京东拼多多好物推荐抢购限时优惠券包邮正品旗舰店漢字テスト'), {
    minLength: 1,
    maxLength: 40,
  })
  .map((cs) => cs.join(''));
const textArb = fc.oneof(urlArb, cjkArb, fc.string({ unit: 'grapheme', minLength: 1, maxLength: 120 }));

describe('decodeQr properties', () => {
  it('reads back any text exactly after rendering, also rotated by 90 or 180 degrees or with noise', async () => {
    await fc.assert(
      fc.asyncProperty(
        textArb,
        fc.constantFrom('plain', 'rot90', 'rot180', 'noise'),
        async (text, variant) => {
          let img = render(content(text), 3);
          if (variant === 'rot90') img = rotateRgba(img, 90);
          if (variant === 'rot180') img = rotateRgba(img, 180);
          const input = variant === 'noise' ? addNoise(img, 50, text.length) : img;
          const codes = await decodeQr(input);
          expect(codes.map((c) => c.text)).toEqual([text]);
        },
      ),
      fuzz(40, 20261120),
    );
  });

  it('returns random binary payloads byte for byte, and a text only when its charset decodes them', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 120 }), async (bytes) => {
        const codes = await decodeQr(render([{ data: bytes, mode: 'byte' }], 3));
        // Either left out (undecidable charset) or the exact bytes with a text that re-encodes to them.
        expect(codes.length).toBeLessThanOrEqual(1);
        for (const code of codes) {
          expect(Array.from(code.bytes)).toEqual(Array.from(bytes));
          if (code.charset === 'utf-8' || code.charset === 'ascii') {
            expect(Array.from(new TextEncoder().encode(code.text))).toEqual(Array.from(bytes));
          } else if (code.charset === 'iso-8859-1') {
            expect(Array.from(code.text, (c) => c.charCodeAt(0))).toEqual(Array.from(bytes));
          } else {
            expect(new TextDecoder(code.charset, { fatal: true }).decode(bytes)).toBe(code.text);
          }
        }
      }),
      fuzz(40, 7),
    );
  });
});
