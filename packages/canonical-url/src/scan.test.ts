import { describe, expect, it } from 'vitest';
import { scanLinks } from './scan.js';

describe('scanLinks', () => {
  it.each([
    [
      'a link ended by CJK punctuation',
      '看看 https://item.jd.com/1.html。',
      [{ at: 3, raw: 'https://item.jd.com/1.html' }],
    ],
    [
      'a link in 「」',
      '「https://v.douyin.com/RH7Gvmr/」',
      [{ at: 1, raw: 'https://v.douyin.com/RH7Gvmr/' }],
    ],
    [
      'sentence punctuation after a link',
      'see https://a.example/x, ok',
      [{ at: 4, raw: 'https://a.example/x' }],
    ],
    [
      'a parenthesis that belongs to the link',
      '(https://a.example/x_(y))',
      [{ at: 1, raw: 'https://a.example/x_(y)' }],
    ],
    [
      'an app scheme link',
      'open taobao://item.taobao.com/item.htm?id=1 now',
      [{ at: 5, raw: 'taobao://item.taobao.com/item.htm?id=1' }],
    ],
    ['an unsafe scheme without //', 'x javascript:alert(1) y', [{ at: 2, raw: 'javascript:alert(1)' }]],
    ['a scheme glued to text', '点击https://m.tb.cn/h.a', [{ at: 2, raw: 'https://m.tb.cn/h.a' }]],
    ['no link', 'mailto:a@b.example and plain text', []],
  ])('finds %s', (_name, text, expected) => {
    expect(scanLinks(text)).toEqual(expected);
  });
});
