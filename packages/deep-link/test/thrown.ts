import { isDeepLinkError } from '../src/errors.js';

/**
 * The `code` of the `DeepLinkError` that `fn` throws, or `undefined` when it returns. Any other error is
 * thrown on, so a test fails with it rather than with a mismatched code.
 * @example
 * expect(thrownCode(() => parseAppLink('x'.repeat(10_000)))).toBe('too_long');
 */
export function thrownCode(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (isDeepLinkError(e)) return e.code;
    throw e;
  }
  return undefined;
}
