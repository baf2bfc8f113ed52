import { errorClass, isSharekitError } from '@sharekit/canonical-url';
/** Exit statuses, as a shell user expects them (the grep convention). */
export const EXIT = {
  /** A link was found, or the command did what was asked. */
  ok: 0,
  /** Nothing was found, or the target is dangerous. */
  notFound: 1,
  /** Usage error, unreadable input, failed write. */
  usage: 2,
  /** Stopped by Ctrl-C (128 + SIGINT). */
  interrupted: 130,
} as const;

export const CLI_ERROR_CODES = {
  usage: 'usage',
  input: 'input',
  output: 'output',
  refused: 'refused',
} as const;

export type CliErrorCode = keyof typeof CLI_ERROR_CODES;

/**
 * An error the CLI reports as one line on stderr (plus a hint line), then exits with `exitCode`.
 * @example
 * throw new CliError('usage', 'missing <url>', 'sharekit links --help')
 */
export class CliError extends errorClass('CliError', CLI_ERROR_CODES) {
  /** What to try instead, e.g. `see: sharekit poster --help`. */
  readonly hint: string | undefined;
  readonly exitCode: number;

  constructor(code: CliErrorCode, message: string, hint?: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.hint = hint;
    this.exitCode = code === 'refused' ? EXIT.notFound : EXIT.usage;
  }
}

/**
 * True for a `CliError`, also across duplicated copies of this module.
 * @example
 * isCliError(new CliError('usage', 'x')) // true
 */
export function isCliError(e: unknown): e is CliError {
  return isSharekitError(e, 'CliError');
}

/**
 * The `code` of a sharekit library error (`ShareTokenError`, `DeepLinkError`, …), or `null`.
 * @example
 * libraryErrorCode(new TypeError('x')) // null
 */
export function libraryErrorCode(e: unknown): string | null {
  return isSharekitError(e) && !isCliError(e) ? e.code : null;
}

export { preview } from '@sharekit/canonical-url';
