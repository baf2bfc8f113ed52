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

/** Marks every sharekit error, across copies of the packages and realms (`Symbol.for` is shared). */
const BRAND = Symbol.for('@sharekit/error');

/**
 * The one base of every sharekit error: a `code` from the package's `as const` code table, a
 * message that says what was expected and what was found, and the ES2022 `cause`. Each package
 * extends it once (`CanonicalUrlError`, `ShareTokenError`, `DeepLinkError`, `QrPosterError`,
 * `ResolverError`, `CliError`); tell them apart with `isSharekitError(e, 'DeepLinkError')`. A
 * subclass's static `codes` (its code table) gives the message of an error thrown without one.
 * @example
 * class MyError extends SharekitError<'bad'> {
 *   static override readonly codes = { bad: 'the input is bad' };
 *   override readonly name = 'MyError';
 * }
 * new MyError('bad', 'expected x, found y').message // 'expected x, found y'
 * new MyError('bad').message                        // 'the input is bad'
 */
export class SharekitError<Code extends string = string> extends Error {
  /** What each code means (the subclass's code table); the message when none is given. */
  static readonly codes: Readonly<Record<string, string>> = {};
  readonly code: Code;

  constructor(code: Code, message?: string, options?: { cause?: unknown }) {
    const table = new.target.codes;
    super(message ?? (Object.hasOwn(table, code) ? table[code] : code), options);
    this.code = code;
  }
}
Object.defineProperty(SharekitError.prototype, BRAND, { value: true });

/**
 * True for an error of any sharekit package — or, with `name`, of that package's class — also one
 * thrown by another copy of the package or in another realm (checked by a `Symbol.for` brand,
 * not `instanceof`).
 * @example
 * try { canonicalize(text) } catch (e) { if (isSharekitError(e)) console.log(e.code) }
 * isSharekitError(new TypeError('x')) // false
 */
export function isSharekitError(error: unknown, name?: string): error is SharekitError {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { [BRAND]?: unknown; code?: unknown; name?: unknown };
  return e[BRAND] === true && typeof e.code === 'string' && (name === undefined || e.name === name);
}

/**
 * The `{ code, message }` of anything thrown, for results that carry an error as data (a catalog
 * row that made nothing, a batch task): the error's own string `code` (a sharekit code, or Node's),
 * else `fallback`.
 * @example
 * errorRecord(new TypeError('bad'), 'make_failed') // { code: 'make_failed', message: 'bad' }
 * errorRecord('oops', 'resolve_failed')            // { code: 'resolve_failed', message: 'oops' }
 */
export function errorRecord(error: unknown, fallback: string): { code: string; message: string } {
  const code = (error as { code?: unknown } | null)?.code;
  return {
    code: typeof code === 'string' ? code : fallback,
    message: error instanceof Error ? error.message : String(error),
  };
}

/**
 * Cuts user input for error messages so a huge input never ends up in a log line.
 * @example
 * preview('x'.repeat(100), 4) // '"xxxx"… (100 chars)'
 */
export function preview(input: string, max = 80): string {
  return input.length <= max
    ? JSON.stringify(input)
    : `${JSON.stringify(input.slice(0, max))}… (${input.length} chars)`;
}

/**
 * Reads an integer option: `fallback` when absent (`undefined` or `null`), else an integer in
 * `min`–`max`; otherwise throws the package's error class (`errorClass`) with code `invalid_option`.
 * The one integer option checker of the packages.
 * @example
 * integerOption('maxHops', options.maxHops, 5, 0, 20, ResolverError) // 5 when maxHops is absent
 */
export function integerOption(
  name: string,
  value: unknown,
  fallback: number,
  min: number,
  max: number,
  errorClass: new (code: 'invalid_option', message: string) => Error,
): number {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new errorClass(
      'invalid_option',
      `expected ${name} to be an integer from ${min} to ${max}, found ${String(value)}`,
    );
  }
  return value;
}

/** The one error class of this package. Check `code`, not the message. */
export class CanonicalUrlError extends SharekitError<CanonicalUrlErrorCode> {
  static override readonly codes = CANONICAL_URL_ERROR_CODES;
  override readonly name = 'CanonicalUrlError';
}

/**
 * True for a `CanonicalUrlError`, also one thrown by another copy of this package.
 * @example
 * try { canonicalize(text) } catch (e) { if (isCanonicalUrlError(e) && e.code === 'too_long') … }
 */
export function isCanonicalUrlError(error: unknown): error is CanonicalUrlError {
  return isSharekitError(error, 'CanonicalUrlError');
}
