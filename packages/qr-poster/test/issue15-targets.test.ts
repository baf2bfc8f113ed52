import { describe, expect, it } from 'vitest';
import { HOMOGRAPH_AND_IP_LITERAL_TARGETS } from '../../../test-utils/issue15.js';
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
    ...HOMOGRAPH_AND_IP_LITERAL_TARGETS,
    'https://item.taobao.com@evil.example/item.htm?id=634567890123',
  ])('refuses %s with unsafe_target', async (target) => {
    expect(await refusal(target)).toBe('unsafe_target');
  });
});
