import { errorClass, isSharekitError } from '@sharekit/canonical-url/core';
/**
 * Every error code `@sharekit/share-token` throws, with what it means.
 * @example
 * SHARE_TOKEN_ERROR_CODES.checksum_mismatch // 'the check symbols do not match and …'
 */
export const SHARE_TOKEN_ERROR_CODES = {
  invalid_input: 'the input is not a string (or not the expected object)',
  too_long: 'the input is longer than the size limit',
  invalid_target: 'the target is neither a usable LinkIdentity nor an http(s) URL',
  unsafe_target: "canonical-url's judge calls the target dangerous (lookalike host, private network…)",
  invalid_option: 'an option has a value outside its range',
  invalid_token: 'the text is not a sharekit token (wrong shape, length or characters)',
  unsupported_version: 'the token was written by a newer, unknown version of the format',
  checksum_mismatch: 'the check symbols do not match and the error is not a single correctable substitution',
  invalid_payload: 'the check symbols match but the payload does not decode to a valid target',
} as const;

export type ShareTokenErrorCode = keyof typeof SHARE_TOKEN_ERROR_CODES;

/**
 * The one error class of this package. Check `code`, not the message. Made without its code table (every
 * throw site passes its own message, checked by test/errors.test.ts), so no bundle ships the table's
 * prose: `SHARE_TOKEN_ERROR_CODES` documents the codes.
 * @example
 * throw new ShareTokenError('invalid_token', 'decodeToken: expected …, found …');
 */
export const ShareTokenError = errorClass<'ShareTokenError', ShareTokenErrorCode>('ShareTokenError', {});
export type ShareTokenError = InstanceType<typeof ShareTokenError>;

/**
 * True for a `ShareTokenError`, also one thrown by another copy of this package.
 * @example
 * try { decodeToken(text) } catch (e) { if (isShareTokenError(e) && e.code === 'checksum_mismatch') … }
 */
export function isShareTokenError(error: unknown): error is ShareTokenError {
  return isSharekitError(error, 'ShareTokenError');
}

export { preview } from '@sharekit/canonical-url/core';

/**
 * The largest text `parseShareText` and `findTokens` accept: 1 MiB of UTF-16 code units.
 * @example
 * if (text.length > MAX_TEXT_LENGTH) text = text.slice(0, MAX_TEXT_LENGTH);
 */
export const MAX_TEXT_LENGTH = 1 << 20;

/** Throws `invalid_input` / `too_long` unless `text` is a string within `max` code units. */
export function checkText(text: unknown, max: number, what: string): asserts text is string {
  if (typeof text !== 'string') {
    throw new ShareTokenError(
      'invalid_input',
      `${what}: expected a string, found ${text === null ? 'null' : typeof text}`,
    );
  }
  if (text.length > max) {
    throw new ShareTokenError(
      'too_long',
      `${what}: expected at most ${max} characters, found ${text.length}`,
    );
  }
}
