import { describe, expect, it } from 'vitest';
import { parseShareText } from '../src/index.js';

/**
 * Security regressions found by fuzzing from outside the repo (issue 15). Each input once made
 * `parseShareText` loop forever; each must now finish and still find the token.
 */
describe('parseShareText hang regressions (issue 15, finding 1)', () => {
  const HANGS: readonly (readonly [string, string])[] = [
    ['a price line right after a leading newline', '\n原价K8cG1ozqs5N'],
    ['a price line right after a leading CRLF', '\r\n原价K8cG1ozqs5N'],
    ['a coupon-price line right after a leading newline', '\n券后价K8cG1ozqs5N'],
    ['the rebate-bot layout starting with a newline', '\n原价9.80\n复制 ￥K8cG1ozqs5N￥ 打开手机淘宝'],
  ];
  for (const [name, text] of HANGS) {
    it(`finishes and reads the token of ${name}`, () => {
      const matches = parseShareText(text);
      expect(matches.map((m) => m.token)).toEqual(['K8cG1ozqs5N']);
    });
  }
});

/**
 * Issue 15, finding 9: `"\nm.tb.cn/h.a"` repeated took 21–25 s at 1 MB (every line checked against
 * every share). Time is measured in the bench (`pnpm bench`, adversarial table); here the answer must
 * stay right on the same shape.
 */
describe('many one-line short links (issue 15, finding 9)', () => {
  it('reads one Taobao share per line of "\\nm.tb.cn/h.a" repeated', () => {
    const text = '\nm.tb.cn/h.a'.repeat(2000);
    const matches = parseShareText(text);
    expect(matches).toHaveLength(2000);
    expect(matches.every((m) => m.platform === 'taobao' && m.url === 'https://m.tb.cn/h.a')).toBe(true);
  });

  it('still reads a line-prefix layout on a line no share touches, among many shares', () => {
    const text = `${'\nm.tb.cn/h.a'.repeat(300)}\n1:/京东红包 快来领`;
    const platforms = parseShareText(text).map((m) => m.platform);
    expect(platforms.filter((p) => p === 'taobao')).toHaveLength(300);
    expect(platforms.at(-1)).toBe('jd');
  });
});
