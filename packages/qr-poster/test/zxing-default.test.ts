import { describe, expect, it } from 'vitest';
import { defaultZxingSource as browserSource } from '../src/decode/engines/zxing-default.js';
import { decodeQr } from '../src/index.js';
import { render } from './decode-fixtures.js';

describe('zxing by default in the main entry', () => {
  it('reads with zxing with no configuration at all (Node finds the installed wasm)', async () => {
    const codes = await decodeQr(render('https://m.tb.cn/h.default', 4));
    expect(codes.map((c) => [c.text, c.engine])).toEqual([['https://m.tb.cn/h.default', 'zxing']]);
  });

  it("locates the package's own wasm next to its modules in browsers, and declines file: module URLs", async () => {
    // Under Node this module's URL is file:, which `fetch` cannot read: the browser default declines it.
    expect(await browserSource()).toBeNull();
  });
});
