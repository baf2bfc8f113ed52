import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { fuzz } from '../../../test-utils/fuzz.js';
import { displayWidth, isWideCodePoint, isZeroWidthCodePoint } from './text.js';

describe('displayWidth', () => {
  it.each([
    ['ASCII counts one a character', 'iPhone 15', 9],
    ['CJK ideographs count two', '手机壳', 6],
    ['mixed text adds up', 'iPhone 15 手机壳', 16],
    ['full-width forms count two', 'ＡＢ１', 6],
    ['CJK punctuation counts two', '【】「」，。', 12],
    ['emoji count two', '🎵📲🔑', 6],
    ['combining marks and zero-width characters count none', 'e\u0301\u200b\ufe0f', 1],
    ['controls count none', 'a\u0000\u007fb', 2],
    ['the empty string is zero', '', 0],
  ])('%s', (_name, text, width) => {
    expect(displayWidth(text)).toBe(width);
  });

  it('classifies single code points', () => {
    expect(isWideCodePoint(0x6dd8)).toBe(true);
    expect(isWideCodePoint(0x41)).toBe(false);
    expect(isZeroWidthCodePoint(0x200d)).toBe(true);
    expect(isZeroWidthCodePoint(0x41)).toBe(false);
  });

  it('gives two columns to ⭐ ☕ ⌚ ❤️ and to a ZWJ family, as terminals and string-width do', () => {
    for (const emoji of ['⭐', '☕', '⌚', '❤️', '👨‍👩‍👧', '🇨🇳', '👍🏽', '1️⃣'])
      expect(displayWidth(emoji)).toBe(2);
    expect(displayWidth('❤')).toBe(1); // text presentation without U+FE0F
    expect(displayWidth('好评⭐⭐⭐⭐⭐')).toBe(14);
  });

  it('agrees with string-width on any mix of ASCII, CJK, kana, hangul, marks and emoji sequences (property)', () => {
    const pieces = [
      'a',
      'Z',
      '7',
      ' ',
      '淘',
      '宝',
      'の',
      '한',
      '，',
      '￥',
      'Ａ',
      'e\u0301',
      '⭐',
      '☕',
      '⌚',
      '❤️',
      '❤',
      '👨‍👩‍👧',
      '🇨🇳',
      '👍🏽',
      '1️⃣',
      '©️',
      '…',
      '·',
      '\u200b',
      '🎵',
      '\u3000',
      '〜',
      '🌡',
      '🌡️',
      'ｶ',
      '가',
      '™',
      '↔',
      '⚡',
      '☀',
      '☀️',
      '🀄',
      '🈶',
      'ㄅ',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        expect(displayWidth(text)).toBe(stringWidth(text));
      }),
    );
    // Long texts are segmented in pieces (issue 15, finding 9): the clusters, and the width, must not change.
    const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom(...pieces, 'क्ष', 'ि', 'क', '्', '\u200d', '\ufe0f', '🏽', '\r\n', 'ᄀ', 'ᅡ', 'ำ'),
          {
            minLength: 200,
            maxLength: 900,
          },
        ),
        (parts) => {
          const text = parts.join('');
          // The width of each cluster of the whole text, segmented at once, added up.
          let whole = 0;
          for (const { segment } of segmenter.segment(text)) whole += displayWidth(segment);
          expect(displayWidth(text)).toBe(whole);
        },
      ),
      fuzz(300, 20261206),
    );
  });

  it('counts long runs of CJK, flags and emoji exactly when segmenting in pieces (issue 15, finding 9)', () => {
    // Segmenting 1 MB at once took minutes (composeShareText on a long title); bench/linear.ts times it.
    expect(displayWidth('淘'.repeat(100_000))).toBe(200_000);
    expect(displayWidth('🇨🇳'.repeat(50_000))).toBe(100_000);
    expect(displayWidth('❤️'.repeat(50_000))).toBe(100_000);
  });
});
