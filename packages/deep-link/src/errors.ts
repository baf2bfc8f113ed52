import { errorClass, isSharekitError } from '@sharekit/canonical-url/core';
/**
 * Every error code `@sharekit/deep-link` throws, with what it means.
 * @example
 * DEEP_LINK_ERROR_CODES.too_deep // 'wrappers are nested deeper than the depth limit'
 */
export const DEEP_LINK_ERROR_CODES = {
  invalid_input: 'the input is not a string or a LinkIdentity',
  too_long: 'the input is longer than the size limit',
  too_deep: 'wrappers are nested deeper than the depth limit',
  params_too_large: 'a JSON parameter (JD `params`) is larger than its size limit',
  invalid_option: 'an option has a value outside its range',
  unsafe_target: 'the target is not an http(s) link or an app link of the table (javascript:, data:, file:…)',
  unknown_target: 'the target is not a link this package can build app links for',
  invalid_plan: 'the plan handed to openApp is malformed or contains an unsafe URL',
} as const;

export type DeepLinkErrorCode = keyof typeof DEEP_LINK_ERROR_CODES;

/**
 * The one error class of this package. Check `code`, not the message. Made without its code table (every
 * throw site passes its own message, checked by test/errors.test.ts), so `./browser` does not ship the
 * table's prose: `DEEP_LINK_ERROR_CODES` documents the codes.
 * @example
 * try { parseAppLink(link) } catch (e) { if (e instanceof DeepLinkError && e.code === 'too_deep') … }
 */
export const DeepLinkError = errorClass<'DeepLinkError', DeepLinkErrorCode>('DeepLinkError', {});
export type DeepLinkError = InstanceType<typeof DeepLinkError>;

/**
 * True for a `DeepLinkError`, also one thrown by another copy of this package.
 * @example
 * try { toAppLinks('javascript:alert(1)') } catch (e) { isDeepLinkError(e) } // true
 */
export function isDeepLinkError(error: unknown): error is DeepLinkError {
  return isSharekitError(error, 'DeepLinkError');
}

export { preview } from '@sharekit/canonical-url/core';
