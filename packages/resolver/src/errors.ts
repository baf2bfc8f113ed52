import { errorClass, isSharekitError } from '@sharekit/canonical-url/core';
/** Every error code `@sharekit/resolver` throws. Bad input is not an error: it resolves to `kind: 'unknown'`. */
export const RESOLVER_ERROR_CODES = {
  invalid_input: 'the input is not a string, byte array or RGBA image',
  invalid_option: 'an option has a value outside its range',
} as const;

export type ResolverErrorCode = keyof typeof RESOLVER_ERROR_CODES;

/**
 * The one error class of this package, thrown only on misuse.
 * @example
 * try { await resolve(input, { maxHops: -1 }) } catch (e) { if (e instanceof ResolverError) console.error(e.code) }
 */
export const ResolverError = errorClass('ResolverError', RESOLVER_ERROR_CODES);
export type ResolverError = InstanceType<typeof ResolverError>;

/**
 * True for a `ResolverError`, also one thrown by another copy of this package.
 * @example
 * try { await resolve(input, { maxHops: -1 }) } catch (e) { if (isResolverError(e)) console.error(e.code) }
 */
export function isResolverError(error: unknown): error is ResolverError {
  return isSharekitError(error, 'ResolverError');
}
