/** Every error code `@sharekit/canonical-url` throws, with what it means. */
export const CANONICAL_URL_ERROR_CODES = {
  invalid_input: 'the input is not a string',
  too_long: 'the input is longer than the size limit',
  invalid_url: 'the input cannot be parsed as a URL',
  unsupported_scheme: 'the URL scheme is not http or https',
  unknown_platform: 'the platform id is not in the registry',
  invalid_option: 'an option has a value outside its range',
  fetch_failed: 'the injected fetch threw or returned no usable response',
  too_many_hops: 'the short link redirected more times than maxHops allows',
  bad_redirect: 'a redirect pointed at an unparsable or non-http(s) target',
  bad_response: 'the fetch answered with something that is not a usable HTTP response',
  blocked_target:
    'a hop pointed at a private, loopback, link-local or internal address, or a port other than 80/443',
  timeout: 'resolving the short link took longer than the time limit',
} as const;

export type CanonicalUrlErrorCode = keyof typeof CANONICAL_URL_ERROR_CODES;

/** The one error class of this package. Check `code`, not the message. */
export class CanonicalUrlError extends Error {
  override readonly name = 'CanonicalUrlError';
  readonly code: CanonicalUrlErrorCode;

  constructor(code: CanonicalUrlErrorCode, message?: string, options?: { cause?: unknown }) {
    super(message ?? CANONICAL_URL_ERROR_CODES[code], options);
    this.code = code;
  }
}

/**
 * True for a `CanonicalUrlError`, also one thrown by another copy of this package.
 * @example
 * try { canonicalize(text) } catch (e) { if (isCanonicalUrlError(e) && e.code === 'too_long') … }
 */
export function isCanonicalUrlError(error: unknown): error is CanonicalUrlError {
  return (
    error instanceof CanonicalUrlError ||
    (typeof error === 'object' &&
      error !== null &&
      (error as { name?: unknown }).name === 'CanonicalUrlError' &&
      typeof (error as { code?: unknown }).code === 'string')
  );
}

/** Cuts user input for error messages so a huge input never ends up in a log line. */
export function preview(input: string, max = 80): string {
  return input.length <= max
    ? JSON.stringify(input)
    : `${JSON.stringify(input.slice(0, max))}… (${input.length} chars)`;
}
