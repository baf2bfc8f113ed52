import { parseArgs } from 'node:util';
import { closest, distance } from 'fastest-levenshtein';
import { CliError } from './errors.js';

/** One option of a command, as `node:util` `parseArgs` takes it. */
export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  readonly multiple?: boolean;
}

export type OptionValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

/** What a command's argument list parsed into. */
export interface ParsedArgs {
  readonly values: OptionValues;
  readonly positionals: string[];
  /** How many of the leading `positionals` came before a `--` (all of them when there was none). */
  readonly beforeTerminator: number;
}

/** Options every command takes. */
export const COMMON_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  lang: { type: 'string' },
} as const satisfies Record<string, OptionSpec>;

/**
 * Parses `argv` strictly (unknown options are usage errors with a hint to the command's help).
 * @example
 * parseCommandArgs('links', ['https://a.example', '--json'], { json: { type: 'boolean' } })
 */
export function parseCommandArgs(
  command: string,
  argv: readonly string[],
  options: Readonly<Record<string, OptionSpec>>,
): ParsedArgs {
  try {
    const { values, positionals, tokens } = parseArgs({
      args: [...argv],
      options: { ...COMMON_OPTIONS, ...options },
      strict: true,
      allowPositionals: true,
      tokens: true,
    });
    let beforeTerminator = 0;
    for (const token of tokens) {
      if (token.kind === 'option-terminator') break;
      if (token.kind === 'positional') beforeTerminator++;
    }
    return { values: values as OptionValues, positionals, beforeTerminator };
  } catch (error) {
    const known = Object.entries({ ...COMMON_OPTIONS, ...options }).flatMap(([name, spec]) =>
      'short' in spec && spec.short ? [`--${name}`, `-${spec.short}`] : [`--${name}`],
    );
    const message = describeParseError(error);
    const unknown = /^unknown option (\S+)$/.exec(message)?.[1];
    const guess = unknown === undefined ? undefined : didYouMean(unknown, known);
    throw new CliError(
      'usage',
      message,
      guess === undefined
        ? `see: sharekit ${command} --help`
        : `did you mean ${guess}? (sharekit ${command} --help)`,
      { cause: error },
    );
  }
}

function describeParseError(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  // regex-safe: a quoted run of non-quote characters, no nesting
  const quoted = /'([^']{1,100})'/.exec(message)?.[1] ?? '';
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${quoted}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return message.includes('argument missing') || message.includes("<value>' argument")
        ? `option ${quoted.split(' ')[0] ?? quoted} needs a value`
        : `invalid value for ${quoted.split(' ')[0] ?? quoted}`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument ${quoted}`;
    default:
      return message.split('\n')[0] ?? message;
  }
}

/**
 * A string option's value (the last one when given several times).
 * @example
 * stringOption({ title: 'x' }, 'title') // 'x'
 */
export function stringOption(values: OptionValues, name: string): string | undefined {
  const v = values[name];
  if (Array.isArray(v)) {
    const last = v[v.length - 1];
    return typeof last === 'string' ? last : undefined;
  }
  return typeof v === 'string' ? v : undefined;
}

/**
 * A boolean option's value.
 * @example
 * flag({ json: true }, 'json') // true
 */
export function flag(values: OptionValues, name: string): boolean {
  return values[name] === true;
}

/**
 * A whole number option within `[min, max]`, or a usage error naming the option.
 * @example
 * intOption({ workers: '4' }, 'workers', 'resolve', 1, 256) // 4
 */
export function intOption(
  values: OptionValues,
  name: string,
  command: string,
  min: number,
  max: number,
): number | undefined {
  const raw = stringOption(values, name);
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!/^\d{1,12}$/.test(raw.trim()) || !Number.isSafeInteger(n) || n < min || n > max) {
    throw new CliError(
      'usage',
      `--${name} expects a whole number from ${min} to ${max}, found ${JSON.stringify(raw)}`,
      `see: sharekit ${command} --help`,
    );
  }
  return n;
}

/**
 * One of a fixed set of values, or a usage error listing them.
 * @example
 * choiceOption({ locale: 'en' }, 'locale', 'share', ['zh', 'en']) // 'en'
 */
export function choiceOption<T extends string>(
  values: OptionValues,
  name: string,
  command: string,
  choices: readonly T[],
): T | undefined {
  const raw = stringOption(values, name);
  if (raw === undefined) return undefined;
  if (!(choices as readonly string[]).includes(raw)) {
    throw new CliError(
      'usage',
      `--${name} must be one of ${choices.join(', ')}, found ${JSON.stringify(raw)}`,
      `see: sharekit ${command} --help`,
    );
  }
  return raw as T;
}

/**
 * The candidate closest to a mistyped `word` (edit distance at most 2, and less than half its
 * length), or `undefined` when none is close enough to be a likely typo.
 * @example
 * didYouMean('--jsno', ['--json', '--link']) // '--json'
 * didYouMean('resovle', ['resolve', 'token']) // 'resolve'
 */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0 || word.length > 64) return undefined;
  const best = closest(word, [...candidates]);
  const d = distance(word, best);
  return d <= 2 && d * 2 < Math.max(word.length, 2) ? best : undefined;
}
