import { describe, expect, it } from 'vitest';
import { jsqrEngine } from '../src/decode/engines/jsqr.js';
import { zxingEngine } from '../src/decode/engines/zxing.js';
import { toGray } from '../src/decode/image.js';
import { decodeQr as decodeRgba } from '../src/decode/index.js';
import { decodeQr, loadZxing } from '../src/decode/node.js';
import type { QrCode } from '../src/decode/types.js';
import { addNoise, canvas, draw, matrix, render, rotateRgba } from './decode-fixtures.js';

const URL_TEXT = 'https://item.taobao.com/item.htm?id=624536587234';

function centreOf(code: QrCode): { x: number; y: number } {
  const c = code.corners;
  return {
    x: (c.topLeft.x + c.topRight.x + c.bottomRight.x + c.bottomLeft.x) / 4,
    y: (c.topLeft.y + c.topRight.y + c.bottomRight.y + c.bottomLeft.y) / 4,
  };
}

describe('decodeQr on rendered codes', () => {
  it('reads a URL with its exact text, its bytes and corners around the code', async () => {
    const img = render(URL_TEXT, 4);
    const codes = await decodeQr(img);
    expect(codes.map((c) => c.text)).toEqual([URL_TEXT]);
    const [code] = codes as [QrCode];
    expect(new TextDecoder().decode(code.bytes)).toBe(URL_TEXT);
    const centre = centreOf(code);
    expect(Math.abs(centre.x - img.width / 2)).toBeLessThan(8);
    expect(Math.abs(centre.y - img.height / 2)).toBeLessThan(8);
    expect(['zxing', 'jsqr']).toContain(code.engine);
  });

  for (const engine of ['zxing', 'jsqr'] as const) {
    it(`reads a Kanji-mode code as Shift-JIS text with the ${engine} engine`, async () => {
      const codes = await decodeQr(render([{ data: '漢字テスト', mode: 'kanji' }], 4), { engines: [engine] });
      expect(codes.map((c) => [c.text, c.charset])).toEqual([['漢字テスト', 'shift_jis']]);
      expect(Array.from((codes[0] as QrCode).bytes.slice(0, 2))).toEqual([0x8a, 0xbf]); // 漢 in Shift-JIS
    });

    it(`reads UTF-8 Chinese text in byte mode with the ${engine} engine`, async () => {
      const text = '淘宝 好物推荐 https://m.tb.cn/h.5abc';
      const bytes = new TextEncoder().encode(text);
      const codes = await decodeQr(render([{ data: bytes, mode: 'byte' }], 4), { engines: [engine] });
      expect(codes.map((c) => [c.text, c.charset])).toEqual([[text, 'utf-8']]);
    });

    it(`reads mixed Kanji and ASCII segments of one code exactly with the ${engine} engine`, async () => {
      const text = '淘宝 好物推荐 https://m.tb.cn/h.5abc'; // qrcode puts the Han characters in Kanji mode
      const codes = await decodeQr(render(text, 4), { engines: [engine] });
      expect(codes.map((c) => c.text)).toEqual([text]);
    });

    it(`returns GBK bytes without ECI as Chinese text flagged as not declared, with the ${engine} engine`, async () => {
      const gbk = new Uint8Array([0xd6, 0xd0, 0xce, 0xc4]); // 中文 in GBK; also valid half-width katakana in Shift-JIS
      const img = render([{ data: gbk, mode: 'byte' }], 4);
      const [code] = await decodeQr(img, { engines: [engine] });
      expect(code).toMatchObject({ text: '中文', charset: 'gb18030', charsetSource: 'guess' });
      expect(Array.from(code?.bytes ?? [])).toEqual(Array.from(gbk));
      const forced = await decodeQr(img, { engines: [engine], charset: 'shift_jis' });
      expect(forced.map((c) => [c.text, c.charsetSource])).toEqual([['ﾖﾐﾎﾄ', 'declared']]);
    });

    it(`reads binary bytes that no multi-byte charset accepts as ISO-8859-1 with the ${engine} engine`, async () => {
      const bytes = new Uint8Array([0x41, 0xff, 0x00, 0xfe, 0x42, 0xe9]);
      const codes = await decodeQr(render([{ data: bytes, mode: 'byte' }], 4), { engines: [engine] });
      expect(codes).toHaveLength(1);
      const [code] = codes as [QrCode];
      expect(Array.from(code.bytes)).toEqual(Array.from(bytes));
      expect(code.charset).toBe('iso-8859-1');
      expect(code.text).toBe('A\u00ff\u0000\u00feB\u00e9');
    });
  }

  it('reads a light-on-dark (inverted) code', async () => {
    const codes = await decodeQr(render(URL_TEXT, 4, { invert: true }));
    expect(codes.map((c) => c.text)).toEqual([URL_TEXT]);
  });

  it('reads a light-on-dark code with jsQR alone', async () => {
    const codes = await decodeQr(render(URL_TEXT, 4, { invert: true }), { engines: ['jsqr'] });
    expect(codes.map((c) => c.text)).toEqual([URL_TEXT]);
  });

  for (const degrees of [90, 180, 270, 30]) {
    it(`reads a code rotated by ${degrees} degrees`, async () => {
      const codes = await decodeQr(rotateRgba(render(URL_TEXT, 5), degrees));
      expect(codes.map((c) => c.text)).toEqual([URL_TEXT]);
    });
  }

  it('reads both codes when two stand side by side in one image, each once', async () => {
    const a = matrix('https://item.jd.com/100012043978.html');
    const b = matrix('https://www.xiaohongshu.com/explore/64b7a8f2000000001e03a2c1');
    const img = canvas(700, 360);
    draw(img, a, 30, 40, 6);
    draw(img, b, 380, 60, 6);
    const codes = await decodeQr(img);
    expect(codes.map((c) => c.text).sort()).toEqual([
      'https://item.jd.com/100012043978.html',
      'https://www.xiaohongshu.com/explore/64b7a8f2000000001e03a2c1',
    ]);
    const left = codes.find((c) => c.text.includes('jd.com')) as QrCode;
    expect(centreOf(left).x).toBeLessThan(350);
  });

  it('reads a code with very big modules (a close-up)', async () => {
    const codes = await decodeQr(render('BIG', 60));
    expect(codes.map((c) => c.text)).toEqual(['BIG']);
  });

  it('reads a code drawn at under two pixels per module', async () => {
    const codes = await decodeQr(render('https://m.tb.cn/h.small', 1.8));
    expect(codes.map((c) => c.text)).toEqual(['https://m.tb.cn/h.small']);
  });

  it('reads a code under added noise', async () => {
    const codes = await decodeQr(addNoise(render(URL_TEXT, 4), 60));
    expect(codes.map((c) => c.text)).toEqual([URL_TEXT]);
  });

  it('reads a dim photo with a lamp in the frame through the tone pass alone', async () => {
    // Modules at 10 and 24 of 255, a bright lamp in one corner: under the cheap pass's contrast floor.
    const img = canvas(640, 480, 24);
    for (let y = 0; y < 480; y++) {
      for (let x = 0; x < 640; x++) {
        const d = Math.hypot(x - 560, y - 400);
        if (d >= 120) continue;
        const i = (y * 640 + x) * 4;
        const v = Math.min(255, 24 + 255 * (1 - d / 120));
        img.data[i] = v;
        img.data[i + 1] = v;
        img.data[i + 2] = v;
      }
    }
    draw(img, matrix('https://item.jd.com/100012043978.html'), 120, 60, 7, 10, 24);
    // The cheap pass alone reads nothing; a budget of 0.1 pays for the 640 px tone pass (the first step) only.
    expect(await decodeQr(img, { escalationBudget: 0 })).toEqual([]);
    const codes = await decodeQr(img, { escalationBudget: 0.1 });
    expect(codes.map((c) => c.text)).toEqual(['https://item.jd.com/100012043978.html']);
  });

  it('returns an empty list for an image without codes', async () => {
    expect(await decodeQr(canvas(120, 80))).toEqual([]);
  });

  it('takes a Uint8Array as RGBA data as well as a Uint8ClampedArray', async () => {
    const img = render('plain bytes', 4);
    const codes = await decodeQr({
      data: new Uint8Array(img.data.buffer),
      width: img.width,
      height: img.height,
    });
    expect(codes.map((c) => c.text)).toEqual(['plain bytes']);
  });

  it("uses only jsQR in the main entry when asked for it, and zxing once it's configured", async () => {
    await loadZxing();
    const viaJsqr = await decodeRgba(render(URL_TEXT, 4), { engines: ['jsqr'] });
    expect(viaJsqr.map((c) => c.engine)).toEqual(['jsqr']);
    const viaZxing = await decodeRgba(render(URL_TEXT, 4), { engines: ['zxing'] });
    expect(viaZxing.map((c) => c.engine)).toEqual(['zxing']);
  });

  it('reads the same code from one-channel gray as from RGBA, in both engines', async () => {
    await loadZxing();
    const rgba = render(URL_TEXT, 4);
    const gray = toGray(rgba);
    for (const engine of [zxingEngine, jsqrEngine]) {
      const fromRgba = await engine.read(rgba);
      const fromGray = await engine.read(gray);
      expect(fromGray.hits.map((h) => h.decoded.text)).toEqual([URL_TEXT]);
      expect(fromGray.hits.map((h) => h.corners)).toEqual(fromRgba.hits.map((h) => h.corners));
    }
  });
});
