import { describe, expect, it } from 'vitest';
import { isQrPosterError, renderPoster } from '../src/index.js';

async function refusal(target: string): Promise<string | null> {
  try {
    await renderPoster({ target, title: '测试海报' });
    return null;
  } catch (error) {
    return isQrPosterError(error) ? error.code : `foreign ${String(error)}`;
  }
}

describe('issue 15 findings 3 and 4: renderPoster never puts a homograph or an IP literal in a QR code', () => {
  it.each([
    'https://tàobáo.com/item.htm?id=1',
    'https://tạobạo.com/',
    'https://bílíbílí.com/video/BV17x411w7KC',
    'https://тікток.com/@a/video/1',
    'https://таоbао.co/',
    'https://2130706433../',
    'https://0x7f000001../',
    'https://0251.0376.0251.0376../',
    'https://item.taobao.com@evil.example/item.htm?id=634567890123',
  ])('refuses %s with unsafe_target', async (target) => {
    expect(await refusal(target)).toBe('unsafe_target');
  });
});
