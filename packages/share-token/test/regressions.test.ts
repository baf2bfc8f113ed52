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
