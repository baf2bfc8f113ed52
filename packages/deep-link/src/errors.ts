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
 * The one error class of this package. Check `code`, not the message.
 * @example
 * try { parseAppLink(link) } catch (e) { if (isDeepLinkError(e) && e.code === 'too_deep') … }
 */
export class DeepLinkError extends Error {
  override readonly name = 'DeepLinkError';
  readonly code: DeepLinkErrorCode;

  constructor(code: DeepLinkErrorCode, message?: string, options?: { cause?: unknown }) {
    super(message ?? DEEP_LINK_ERROR_CODES[code], options);
    this.code = code;
  }
}

/**
 * True for a `DeepLinkError`, also one thrown by another copy of this package.
 * @example
 * try { toAppLinks('javascript:alert(1)') } catch (e) { isDeepLinkError(e) } // true
 */
export function isDeepLinkError(error: unknown): error is DeepLinkError {
  return (
    error instanceof DeepLinkError ||
    (typeof error === 'object' &&
      error !== null &&
      (error as { name?: unknown }).name === 'DeepLinkError' &&
      typeof (error as { code?: unknown }).code === 'string')
  );
}

/** Cuts user input for error messages so a huge input never ends up in a log line. */
export function preview(input: string, max = 80): string {
  return input.length <= max
    ? JSON.stringify(input)
    : `${JSON.stringify(input.slice(0, max))}… (${input.length} chars)`;
}
