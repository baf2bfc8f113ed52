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
 * `ResolverError`, `CliError`), each made by {@link errorClass} from its code table; tell them apart
 * with `isSharekitError(e, 'DeepLinkError')`. An error thrown without a message has its code as message.
 * @example
 * new SharekitError('bad', 'expected x, found y').message // 'expected x, found y'
 * new SharekitError('bad').message                        // 'bad'
 */
export class SharekitError<Code extends string = string> extends Error {
  readonly code: Code;

  constructor(code: Code, message: string = code, options?: { cause?: unknown }) {
    super(message, options);
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
  // A primitive has no brand (`'x'[BRAND]` is undefined), so only null and undefined need `?.`.
  const e = error as { [BRAND]?: unknown; code?: unknown; name?: unknown } | null | undefined;
  return e?.[BRAND] === true && typeof e.code === 'string' && (name === undefined || e.name === name);
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
 * `min`–`max`; otherwise throws the package's error class (`ErrorClass`) with code `invalid_option`.
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
  ErrorClass: new (code: 'invalid_option', message: string) => Error,
): number {
  if (value === undefined || value === null) return fallback;
  // Number.isSafeInteger is false for anything that is not a number.
  const n = value as number;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw new ErrorClass(
      'invalid_option',
      `expected ${name} to be an integer from ${min} to ${max}, found ${String(value)}`,
    );
  }
  return n;
}

/** A package's error class, as {@link errorClass} makes it: `new X(code, message?, { cause }?)`. */
export type SharekitErrorClass<Code extends string, Name extends string> = new (
  code: Code,
  message?: string,
  options?: { cause?: unknown },
) => SharekitError<Code> & { readonly name: Name };

/**
 * Makes a package's one error class from its name and its `as const` code table: a {@link SharekitError}
 * whose `code` is typed as the table's keys, whose `name` is `name` (also the class's own name) and whose
 * message, when none is given, is the code's entry (else the code). Each package's `errors.ts` is its code
 * table, this line and its guard (`isSharekitError(e, name)`). A table need not be shipped when its messages are
 * the codes themselves or every throw site passes its own message: name the codes as type arguments and pass `{}`
 * (qr-poster, canonical-url and share-token do, for their size budgets).
 * @example
 * const MY_ERROR_CODES = { bad: 'the input is bad' } as const;
 * const MyError = errorClass('MyError', MY_ERROR_CODES);
 * type MyError = InstanceType<typeof MyError>;
 * new MyError('bad').message // 'the input is bad'
 */
export function errorClass<const Name extends string, Code extends string>(
  name: Name,
  codes: Readonly<Partial<Record<Code, string>>>,
): SharekitErrorClass<Code, Name> {
  // The computed key names the class (`MyError.name === 'MyError'`), as a class declaration would.
  return {
    [name]: class extends SharekitError<Code> {
      override readonly name = name;
      constructor(code: Code, message?: string, options?: { cause?: unknown }) {
        // `hasOwn`: a code such as `toString` (only a property of every object) is no entry of the table.
        super(code, message ?? (Object.hasOwn(codes, code) ? codes[code] : code), options);
      }
    },
  }[name] as SharekitErrorClass<Code, Name>;
}

/**
 * The one error class of this package. Check `code`, not the message. Made without its code table
 * (every throw site passes its own message, checked by errors.test.ts), so no bundle ships the table's
 * prose: `CANONICAL_URL_ERROR_CODES` documents the codes.
 * @example
 * try { canonicalize(text) } catch (e) { if (e instanceof CanonicalUrlError) console.log(e.code) }
 */
export const CanonicalUrlError = errorClass<'CanonicalUrlError', CanonicalUrlErrorCode>(
  'CanonicalUrlError',
  {},
);
export type CanonicalUrlError = InstanceType<typeof CanonicalUrlError>;

/**
 * True for a `CanonicalUrlError`, also one thrown by another copy of this package.
 * @example
 * try { canonicalize(text) } catch (e) { if (isCanonicalUrlError(e) && e.code === 'too_long') … }
 */
export function isCanonicalUrlError(error: unknown): error is CanonicalUrlError {
  return isSharekitError(error, 'CanonicalUrlError');
}
