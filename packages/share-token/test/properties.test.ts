import { canonicalUrlFor, type LinkIdentity } from '@sharekit/canonical-url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzz } from '../../../test-utils/fuzz.js';
import {
  composeShareText,
  decodeToken,
  displayWidth,
  encodeToken,
  parseShareText as parseOnly,
  sharekitTokens,
} from '../src/index.js';

/** Every reader at once: platform shares and sharekit tokens. */
const parseShareText = (text: string) => parseOnly(text, { sharekitTokens });

const SEED = 424242;

const identities: LinkIdentity[] = (
  [
    ['taobao', 'item', '675330231400'],
    ['jd', 'item', '100012043978'],
    ['douyin', 'video', '7301234567890123456'],
    ['xiaohongshu', 'note', '64f1a2b3000000001f03c4d5'],
    ['bilibili', 'video', 'BV1GJ411x7h7'],
    ['pinduoduo', 'item', '123456789'],
  ] as const
).flatMap(([p, k, id]) => {
  const url = canonicalUrlFor(p, k, id);
  return url ? [{ platform: p, kind: k, id, url }] : [];
});

const targetArb = fc.oneof(
  fc.constantFrom(...identities),
  fc.webUrl({ withQueryParameters: true }),
  fc.constantFrom('https://m.tb.cn/h.3m5PFm3?tk=Ab3Cd4Ef5Gh', 'https://v.douyin.com/iAb2Cd3/'),
);

/** Titles of CJK text, short Latin words and spaces (no 「」, line breaks or token-shaped runs). */
const titleArb = fc
  .array(
    fc.oneof(
      fc.string({
        unit: fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c)),
        minLength: 1,
        maxLength: 8,
      }),
      fc.string({ unit: fc.constantFrom(...'abcdefghxyz'), minLength: 1, maxLength: 6 }),
      fc.constantFrom(' ', '，', '！', '（新款）'),
    ),
    { minLength: 1, maxLength: 12 },
  )
  .map((parts) => parts.join('').trim())
  .filter((t) => t.length > 0);

const DELIMITERS = ['￥', '€', '¢', '🔑', '📲', '(', '《', '/', '@', '淘', ''];

describe('properties', () => {
  it('parseShareText(composeShareText(x)) finds x with its title, whatever the template, locale and delimiter', () => {
    fc.assert(
      fc.property(
        targetArb,
        titleArb,
        fc.constantFrom('modern', 'classic', 'token-only'),
        fc.constantFrom('zh', 'en'),
        fc.constantFrom(...DELIMITERS),
        fc.constantFrom(...DELIMITERS),
        (target, title, template, locale, open, close) => {
          const text = composeShareText({ target, title, template, locale, delimiter: [open, close] });
          const want = decodeToken(encodeToken(target));
          const found = parseShareText(text).find((m) => m.kind === 'sharekit-token');
          expect(found, text).toBeDefined();
          expect(found?.url).toBe(want.url);
          expect(found?.identity).toEqual(want.identity);
          expect(found?.token).toBe(want.token);
          if (displayWidth(title) <= 40) expect(found?.title).toBe(title);
          else {
            expect(found?.title?.endsWith('…')).toBe(true);
            expect(displayWidth(found?.title ?? '')).toBeLessThanOrEqual(40);
          }
        },
      ),
      fuzz(300, SEED),
    );
  });

  it('reads sharekit tokens only when asked, and everything else the same either way', () => {
    fc.assert(
      fc.property(
        targetArb,
        titleArb,
        fc.constantFrom('modern', 'classic', 'token-only'),
        fc.constantFrom(...DELIMITERS),
        (target, title, template, delimiter) => {
          const text = composeShareText({ target, title, template, delimiter });
          const without = parseOnly(text);
          expect(without.some((m) => m.kind === 'sharekit-token')).toBe(false);
          // With the token's letters gone, the two readings agree (the token merges with its link otherwise).
          const plain = text.replace(/[VvＶ]/g, '·');
          expect(parseOnly(plain)).toEqual(parseShareText(plain));
        },
      ),
      fuzz(300, SEED),
    );
  });

  it('rotates through a delimiter list', () => {
    const target = identities[0] as LinkIdentity;
    const texts = [0, 1, 2].map((rotate) =>
      composeShareText({ target, delimiter: ['￥', ['(', ')'], '🔑'], rotate }),
    );
    expect(texts[0]).toContain('￥V');
    expect(texts[1]).toContain('(V');
    expect(texts[2]).toContain('🔑V');
  });

  it('cuts titles by display width, counting a CJK character as two', () => {
    const text = composeShareText({
      target: identities[0] as LinkIdentity,
      title: '超'.repeat(30),
      maxTitleWidth: 10,
    });
    expect(text).toContain('「超超超超…」');
    expect(displayWidth('超超超超…')).toBe(9);
  });

  it('parseShareText never throws on any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
        expect(Array.isArray(parseShareText(s))).toBe(true);
      }),
      fuzz(1000, SEED),
    );
  });

  it('parseShareText never throws on text stitched from share-text fragments', () => {
    const fragment = fc.constantFrom(
      '【淘宝】',
      '【京东】',
      '【闲鱼】',
      '【抖音商城】',
      '#吱口令#',
      '😆',
      '「',
      '」',
      '【',
      '】',
      '-哔哩哔哩】',
      '| 小红书',
      'https://',
      'http',
      '//',
      'm.tb.cn/h.',
      '3.cn/',
      'xhslink.com/',
      '?tk=',
      '?jkl=@',
      '@',
      '](',
      ')',
      '[',
      '\n',
      '\r\n',
      '\u200b',
      '\uFFFC',
      '￥',
      'Ab3Cd4Ef5Gh',
      'CZ1234',
      'xYz:/',
      'Q@w.Er',
      '12/31',
      '8.88',
      ' ',
      '"',
      'Ｖ',
      'V2',
      'VZ',
      '5:/鶁',
      '看看【',
      '的作品】',
      '在售价',
    );
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 60 }), (parts) => {
        const matches = parseShareText(parts.join(''));
        for (const m of matches) {
          expect(m.span[0]).toBeLessThanOrEqual(m.span[1]);
          if (m.url !== null) expect(m.url).toMatch(/^https?:\/\//);
        }
      }),
      fuzz(1500, SEED),
    );
  });

  it('never returns a javascript:, data: or file: link', () => {
    const text =
      'javascript://m.tb.cn/h.x data:text/html,m.tb.cn/h.y file:///m.tb.cn/h.z 【淘宝】javascript:alert(1)';
    for (const m of parseShareText(text)) expect(m.url ?? 'https://').toMatch(/^https?:\/\//);
  });

  it('reads no share in prose of separate words without a platform phrase, a link or a code', () => {
    // Words of chat prose: CJK, numbers, times, short Latin words, punctuation, each apart (two Latin words glued
    // into an 11-character letters-and-digits run would read as a bare 淘口令, which is the Taobao layout's).
    const word = fc.constantFrom(
      '今天',
      '天气',
      '不错',
      '我们',
      '明天',
      '见面吧',
      '会议',
      '时间',
      '地址',
      '联系人',
      '出去玩',
      '听我说',
      '10',
      '12',
      '3.5',
      '2021年',
      '12:30',
      '4.56',
      'hello',
      'world',
      'OK',
      'ABCDEFGHIJ',
      '，',
      '。',
      '！',
      '~',
    );
    const gap = fc.constantFrom(' ', '  ', '\n');
    fc.assert(
      fc.property(fc.array(fc.tuple(word, gap), { maxLength: 30 }), (parts) => {
        const text = parts.map(([w, g]) => w + g).join('');
        expect(parseShareText(text)).toEqual([]);
      }),
      fuzz(1000, SEED),
    );
  });
});
