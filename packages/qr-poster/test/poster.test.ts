import { CONTENT_KINDS, identify, KIND_NAMES, PLATFORM_DISPLAY, PLATFORM_IDS } from '@sharekit/canonical-url';
import { describe, expect, it } from 'vitest';
import { decodeQr } from '../src/decode/index.js';
import { type PosterSpec, type QrPosterErrorCode, renderPoster } from '../src/index.js';
import { assertScannable, contrastRatio, parseColor } from '../src/poster/color.js';
import { readImage } from '../src/poster/image.js';
import { encodeQr, logoCoverage, maxLogoSide } from '../src/poster/qr.js';
import { displayWidth, measureEm, wrapText } from '../src/poster/text.js';
import { expectPayload, readWith, worstCaseRaster } from '../src/poster/verify.js';
import { codeOf, pngHeader, tinyPng } from './helpers.js';

const TARGET = 'https://item.taobao.com/item.htm?id=678301234567&spm=a21n57.1.0.0';

describe('display width and wrapping', () => {
  it('counts a CJK character as two columns and ASCII as one', () => {
    expect(displayWidth('iPhone 15 手机壳')).toBe(16);
    expect(displayWidth('，。！')).toBe(6);
  });

  it('wraps a CJK title into lines no wider than the limit and ends the last kept line with an ellipsis', () => {
    const { lines, truncated } = wrapText('北欧风陶瓷马克杯大容量带盖勺办公室情侣水杯男女早餐杯', {
      maxEm: 8,
      maxLines: 2,
    });
    expect(truncated).toBe(true);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe('北欧风陶瓷马克杯');
    expect(lines[1]?.endsWith('…')).toBe(true);
    for (const line of lines) expect(measureEm(line)).toBeLessThanOrEqual(8);
  });

  it('keeps a Latin word whole when it fits on the next line', () => {
    const { lines } = wrapText('超长续航 Bluetooth 耳机', { maxEm: 7, maxLines: 3 });
    expect(lines.some((l) => l.includes('Bluetooth'))).toBe(true);
  });

  it('never starts a line with closing punctuation', () => {
    const { lines } = wrapText('一二三四五六七八，九十', { maxEm: 8, maxLines: 3 });
    for (const line of lines.slice(1)) expect(line.startsWith('，')).toBe(false);
  });

  it('does not cut a title that fits', () => {
    expect(wrapText('降噪耳机', { maxEm: 8, maxLines: 1 })).toEqual({
      lines: ['降噪耳机'],
      truncated: false,
    });
  });
});

describe('QR contrast', () => {
  it('accepts black on white and refuses mid grey on white as low contrast', () => {
    expect(contrastRatio(parseColor('#000', 'a'), parseColor('#fff', 'b'))).toBeCloseTo(21, 5);
    expect(() =>
      assertScannable(parseColor('#111111', 'qrDark'), parseColor('#ffffff', 'qrLight')),
    ).not.toThrow();
    expect(() => assertScannable(parseColor('#999999', 'qrDark'), parseColor('#ffffff', 'qrLight'))).toThrow(
      /contrast/,
    );
  });

  it('refuses light modules on a dark background even with high contrast', async () => {
    expect(
      await codeOf(() =>
        renderPoster({ target: TARGET, title: 't', theme: { qrDark: '#ffffff', qrLight: '#000000' } }),
      ),
    ).toBe('low_contrast');
  });

  it('refuses a pastel palette whose luminance ratio is under 4.5', async () => {
    expect(
      await codeOf(() =>
        renderPoster({ target: TARGET, title: 't', theme: { qrDark: '#e8382f', qrLight: '#ffd6d6' } }),
      ),
    ).toBe('low_contrast');
  });

  it('refuses colours with transparency or unknown syntax', async () => {
    expect(
      await codeOf(() => renderPoster({ target: TARGET, title: 't', theme: { qrDark: 'rgba(0,0,0,0.5)' } })),
    ).toBe('invalid_spec');
  });
});

describe('error correction, quiet zone and logo budget', () => {
  it('uses level M without a logo and level H with one', async () => {
    const plain = await renderPoster({ target: TARGET, title: '马克杯' });
    expect(plain.qr.level).toBe('M');
    expect(plain.qr.logoModules).toBe(0);
    const withLogo = await renderPoster({
      target: TARGET,
      title: '马克杯',
      brand: { name: '木子', logo: tinyPng() },
    });
    expect(withLogo.qr.level).toBe('H');
    expect(withLogo.qr.logoModules).toBeGreaterThan(0);
  });

  it('keeps the automatic logo within half of every block’s correctable errors', async () => {
    const poster = await renderPoster({ target: TARGET, title: '马克杯', brand: { logo: tinyPng() } });
    expect(poster.qr.logoErrorShare).toBeGreaterThan(0);
    expect(poster.qr.logoErrorShare).toBeLessThanOrEqual(0.5);
  });

  it('refuses an explicitly requested logo larger than the error correction tolerates', async () => {
    expect(
      await codeOf(() =>
        renderPoster({ target: TARGET, title: 't', brand: { logo: tinyPng() }, qr: { logoScale: 0.45 } }),
      ),
    ).toBe('logo_too_large');
  });

  it('grows the code of a short payload until the logo fits within the budget', async () => {
    const plain = await renderPoster({ target: 'https://jd.com/', title: 't', qr: { errorCorrection: 'H' } });
    const poster = await renderPoster({ target: 'https://jd.com/', title: 't', brand: { logo: tinyPng() } });
    expect(poster.qr.version).toBeGreaterThan(plain.qr.version);
    expect(poster.qr.logoModules).toBeGreaterThanOrEqual(5);
    expect(poster.qr.logoErrorShare).toBeLessThanOrEqual(0.5);
  });

  it('counts a centred square against each block: more modules never use less of the budget', () => {
    const matrix = encodeQr('https://item.jd.com/100012043978.html', 'H');
    let last = 0;
    for (let side = 1; side <= 15; side += 2) {
      const share = logoCoverage(matrix, side).worstBlockShare;
      expect(share).toBeGreaterThanOrEqual(last);
      last = share;
    }
    const max = maxLogoSide(matrix, 0.5);
    expect(logoCoverage(matrix, max).worstBlockShare).toBeLessThanOrEqual(0.5);
    expect(logoCoverage(matrix, max + 2).worstBlockShare).toBeGreaterThan(0.5);
  });

  it('refuses a quiet zone under 4 modules', async () => {
    expect(await codeOf(() => renderPoster({ target: TARGET, title: 't', qr: { margin: 2 } }))).toBe(
      'invalid_spec',
    );
  });

  it('draws a quiet zone of 4 modules of the light colour around the code', async () => {
    const poster = await renderPoster({ target: TARGET, title: 't' });
    const { x, y, size, modulePx } = poster.qr;
    // The plate is the first rect of that size; the first dark run starts 4 modules in.
    expect(poster.svg).toContain(`<rect x="${x}" y="${y}" width="${size}" height="${size}"`);
    const firstRun = /<path d="M(\d+) (\d+)h/.exec(poster.svg);
    expect(Number(firstRun?.[1])).toBe(x + 4 * modulePx);
    expect(Number(firstRun?.[2])).toBe(y + 4 * modulePx);
  });
});

describe('targets', () => {
  it('encodes the canonical URL of a platform link, without tracking parameters', async () => {
    const poster = await renderPoster({ target: TARGET, title: 't' });
    expect(poster.payload).toBe('https://item.taobao.com/item.htm?id=678301234567');
    expect(poster.identity?.platform).toBe('taobao');
  });

  it('accepts a LinkIdentity and encodes its url', async () => {
    const identity = identify('https://item.jd.com/100012043978.html');
    if (!identity) throw new Error('fixture');
    const poster = await renderPoster({ target: identity, title: 't' });
    expect(poster.payload).toBe(identity.url);
  });

  it.each([
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a javascript: URL with a tab inside the scheme', 'java\tscript:alert(1)'],
    ['a data: URL', 'data:text/html;base64,PHNjcmlwdD4='],
    ['a file: URL', 'file:///etc/passwd'],
    ['a lookalike host', 'https://taobaoo.com/item.htm?id=1'],
    ['a platform name glued to another domain', 'https://jd.com-login.xyz/item'],
  ])('refuses %s as unsafe_target', async (_name, target) => {
    expect(await codeOf(() => renderPoster({ target, title: 't' }))).toBe('unsafe_target');
  });

  it('refuses a LinkIdentity whose url is on another platform’s host', async () => {
    const forged = {
      platform: 'taobao',
      kind: 'item',
      id: '1',
      url: 'https://item.jd.com/100012043978.html',
    } as const;
    expect(await codeOf(() => renderPoster({ target: forged, title: 't' }))).toBe('unsafe_target');
  });

  it.each([
    ['a platform the registry does not have', { platform: 'myspace', kind: 'item', id: '1' }],
    ['a kind the registry does not have', { platform: 'jd', kind: 'podcast', id: '1' }],
    ['an id that is a number', { platform: 'jd', kind: 'item', id: 100012043978 }],
    ['an inherited platform name', { platform: 'toString', kind: 'item', id: '1' }],
  ])('refuses a LinkIdentity-like object with %s as invalid_target', async (_name, fields) => {
    const target = { ...fields, url: 'https://item.jd.com/100012043978.html' };
    expect(await codeOf(() => renderPoster({ target: target as never, title: 't' }))).toBe('invalid_target');
  });

  it('checks LinkIdentity shapes against name tables keyed by exactly canonical-url’s platform ids and kinds', () => {
    expect(Object.keys(PLATFORM_DISPLAY).sort()).toEqual([...PLATFORM_IDS].sort());
    expect(Object.keys(KIND_NAMES).sort()).toEqual([...CONTENT_KINDS].sort());
  });

  it('refuses text that is not a URL as invalid_target', async () => {
    expect(await codeOf(() => renderPoster({ target: 'http://', title: 't' }))).toBe('invalid_target');
  });
});

describe('bad specs', () => {
  it.each<[string, unknown, QrPosterErrorCode]>([
    ['no spec at all', undefined, 'invalid_spec'],
    ['a missing target', { title: 't' }, 'invalid_spec'],
    ['a title that is not a string', { target: TARGET, title: 42 }, 'invalid_spec'],
    ['a title of 10 000 characters', { target: TARGET, title: '长'.repeat(10_000) }, 'invalid_spec'],
    ['a negative price', { target: TARGET, title: 't', price: -1 }, 'invalid_spec'],
    ['a price that is not a number', { target: TARGET, title: 't', price: 'free!' }, 'invalid_spec'],
    ['an unknown size preset', { target: TARGET, title: 't', size: 'poster' }, 'invalid_spec'],
    ['a 10×10 px size', { target: TARGET, title: 't', size: { width: 10, height: 10 } }, 'invalid_spec'],
    [
      'a logo made of text bytes',
      { target: TARGET, title: 't', brand: { logo: new TextEncoder().encode('hello') } },
      'unsupported_format',
    ],
    [
      'a logo that is a remote URL',
      { target: TARGET, title: 't', brand: { logo: 'https://cdn.example/logo.png' } },
      'invalid_image',
    ],
    [
      'an image whose header claims 50000×50000',
      { target: TARGET, title: 't', image: pngHeader(50_000, 50_000) },
      'image_too_large',
    ],
    [
      'an image whose header claims 0×10',
      { target: TARGET, title: 't', image: pngHeader(0, 10) },
      'invalid_image',
    ],
    [
      'a PNG cut inside its header',
      { target: TARGET, title: 't', image: pngHeader(10, 10).subarray(0, 14) },
      'corrupt_image',
    ],
    [
      'a data URL that is not base64',
      { target: TARGET, title: 't', image: 'data:image/png;base64,@@@@' },
      'invalid_image',
    ],
    ['a token too long to print', { target: TARGET, title: 't', token: '口'.repeat(290) }, 'invalid_spec'],
    [
      'a payload too long for any QR code',
      { target: `https://example.com/${'a'.repeat(2100)}`, title: 't' },
      'invalid_target',
    ],
  ])('refuses %s with a typed error', async (_name, spec, code) => {
    expect(await codeOf(() => renderPoster(spec as PosterSpec))).toBe(code);
  });

  it('decodes a data URL as browsers do: spaces and line breaks are skipped, the URL-safe alphabet is refused', () => {
    // The trailing bytes spell '++//' in base64.
    const base64 = btoa(String.fromCharCode(...pngHeader(640, 480), 0xfb, 0xef, 0xff));
    const wrapped = `data:image/png;base64,${base64.slice(0, 20)}\n ${base64.slice(20)}`;
    expect(readImage(wrapped, 'image')).toMatchObject({ format: 'png', width: 640, height: 480 });
    const urlSafe = `data:image/png;base64,${base64.replaceAll('+', '-').replaceAll('/', '_')}`;
    expect(urlSafe).not.toBe(`data:image/png;base64,${base64}`);
    expect(() => readImage(urlSafe, 'image')).toThrow(expect.objectContaining({ code: 'invalid_image' }));
  });

  it('reads image size from the header without decoding pixels', () => {
    expect(readImage(pngHeader(640, 480), 'image')).toMatchObject({ format: 'png', width: 640, height: 480 });
  });
});

describe('SVG output', () => {
  it('escapes markup in the title, brand and token', async () => {
    const { svg } = await renderPoster({
      target: TARGET,
      title: '<script>alert(1)</script>',
      brand: { name: 'A&B "shop"' },
      token: "it's <b>",
    });
    expect(svg).not.toContain('<script>');
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('&lt;script&gt;');
    expect(svg).toContain('A&amp;B &quot;shop&quot;');
  });

  it.each(['moments', 'square', 'print'] as const)(
    'keeps every left-aligned text of the %s preset clear of the QR code, even with a nine-digit price and a long title',
    async (size) => {
      const poster = await renderPoster({
        target: TARGET,
        title: 'Ultra Wide Premium Edition 超长标题测试一二三四五六七八九十 WWWWWWWWWW MMMMMMMM',
        brand: { name: '这是一个非常非常非常非常长的品牌旗舰店名称测试' },
        price: 99999999.99,
        originalPrice: '199999999.99',
        size,
        image: tinyPng(),
      });
      const { x: qx, y: qy, size: qs } = poster.qr;
      for (const chunk of poster.svg.split('<text ').slice(1)) {
        const head = chunk.slice(0, chunk.indexOf('>'));
        const content = chunk.slice(head.length + 1, chunk.indexOf('</text>'));
        const attr = (name: string): string => head.split(`${name}="`)[1]?.split('"')[0] ?? '';
        const [xs, ys, fs, attrs] = [attr('x'), attr('y'), attr('font-size'), head];
        if (attrs?.includes('text-anchor')) continue;
        const x = Number(xs);
        const y = Number(ys);
        const right = x + measureEm(content ?? '') * Number(fs);
        const overlapsRows = y > qy && y - Number(fs) < qy + qs;
        if (overlapsRows && x < qx) expect(right, content).toBeLessThanOrEqual(qx);
        expect(right, content).toBeLessThanOrEqual(poster.width);
      }
    },
  );

  it.each(['moments', 'square', 'print'] as const)('renders the %s preset at its size', async (size) => {
    const poster = await renderPoster({
      target: TARGET,
      title: '马克杯',
      price: 39.9,
      size,
      image: tinyPng(),
    });
    expect(poster.svg.startsWith('<svg')).toBe(true);
    expect(poster.qr.x + poster.qr.size).toBeLessThanOrEqual(poster.width);
    expect(poster.qr.y + poster.qr.size).toBeLessThanOrEqual(poster.height);
  });

  it('verifies the code in the browser entry with the decoder passed, every module under the logo inverted', async () => {
    const poster = await renderPoster({
      target: TARGET,
      title: '马克杯',
      brand: { logo: tinyPng() },
      verify: decodeQr,
    });
    expect(poster.qr.logoModules).toBeGreaterThan(0);
  });

  it('verifies the symbol it drew, also when a logo grew a short link’s code past its smallest version', async () => {
    let side = 0;
    const poster = await renderPoster({
      target: 'https://jd.com/',
      title: 't',
      brand: { logo: tinyPng() },
      verify: async (image) => {
        side = image.width;
        return [{ text: 'https://jd.com/' }];
      },
    });
    const plain = await renderPoster({ target: 'https://jd.com/', title: 't', qr: { errorCorrection: 'H' } });
    expect(poster.qr.version).toBeGreaterThan(plain.qr.version);
    // The worst-case raster is 4 px per module with a 4-module quiet zone on each side.
    expect(side).toBe((4 * poster.qr.version + 17 + 8) * 4);
  });

  it('asks for a decoder when the browser entry is told verify: true, and fails verify when the decoder reads nothing', async () => {
    expect(await codeOf(() => renderPoster({ target: TARGET, title: 't', verify: true }))).toBe(
      'invalid_spec',
    );
    expect(await codeOf(() => renderPoster({ target: TARGET, title: 't', verify: async () => [] }))).toBe(
      'verify_failed',
    );
    const throwing = async (): Promise<never> => {
      throw new TypeError('boom');
    };
    expect(await codeOf(() => renderPoster({ target: TARGET, title: 't', verify: throwing }))).toBe(
      'decode_failed',
    );
  });

  it('reads a code back when the logo uses its whole budget, and fails once it uses 1.5 times the budget', async () => {
    // The budget is exact, not a rule of thumb: at share ≤ 1 every block still corrects the inverted
    // codewords, well beyond it decoding breaks.
    const matrix = encodeQr('https://item.jd.com/100012043978.html', 'H');
    const atBudget = maxLogoSide(matrix, 1);
    const dark = parseColor('#000', 'qrDark');
    const light = parseColor('#fff', 'qrLight');
    const read = async (side: number) => readWith(decodeQr, worstCaseRaster(matrix, side, 4, 4, dark, light));
    expect(await read(atBudget)).toEqual(['https://item.jd.com/100012043978.html']);
    let over = atBudget;
    while (logoCoverage(matrix, over).worstBlockShare < 1.5) over += 2;
    expect(await read(over)).not.toContain('https://item.jd.com/100012043978.html');
  });

  it('throws verify_failed when the decoded texts do not include the payload exactly', () => {
    expect(() =>
      expectPayload(['https://item.jd.com/1.html '], 'https://item.jd.com/1.html', 'test'),
    ).toThrow(expect.objectContaining({ code: 'verify_failed' }));
  });
});
