import { availableParallelism } from 'node:os';
import { type Resolution, type ResolveOptions, resolve } from '@sharekit/resolver';
import { flag, intOption, parseCommandArgs, stringOption } from '../args.js';
import { runBatch, safeFetch } from '../batch/run.js';
import { CliError, EXIT } from '../errors.js';
import { formatResolution, linkLines } from '../format.js';
import { HELP } from '../help.js';
import { pickLang } from '../i18n.js';
import { bytesToInput, readFileBytes, readStdin } from '../input.js';
import type { Io } from '../io.js';
import { makeStyle } from '../text.js';
import { queueOption } from './batch.js';

const OPTIONS = {
  file: { type: 'string', short: 'f' },
  json: { type: 'boolean' },
  link: { type: 'boolean' },
  fetch: { type: 'boolean' },
  'max-hops': { type: 'string' },
  timeout: { type: 'string' },
  batch: { type: 'string' },
  output: { type: 'string', short: 'o' },
  resume: { type: 'boolean' },
  force: { type: 'boolean' },
  workers: { type: 'string' },
  'no-progress': { type: 'boolean' },
  queue: { type: 'string' },
} as const;

// A lone text with one of these endings that resolves to nothing was probably meant as a file.
const FILE_ENDINGS = ['.png', '.jpg', '.jpeg', '.webp', '.gif', '.bmp', '.txt', '.jsonl'];

/**
 * Exit status of a resolution: 0 when the first target has a link that is not dangerous, else 1.
 * @example
 * exitStatusOf(await resolve('javascript:alert(1)')) // 1
 */
export function exitStatusOf(resolution: Resolution): number {
  return resolution.link !== null && resolution.safety.level !== 'danger' ? EXIT.ok : EXIT.notFound;
}

/**
 * What to resolve. Arguments are text, always: a file is read only when named with `--file`, and
 * stdin only for a lone `-` before any `--` (so a pasted text can never make the CLI read a file).
 */
async function readInput(
  file: string | undefined,
  positionals: readonly string[],
  beforeTerminator: number,
): Promise<string | Uint8Array> {
  if (file !== undefined) {
    if (positionals.length > 0) {
      throw new CliError(
        'usage',
        `--file reads one file; found also ${JSON.stringify(positionals[0])}`,
        'sharekit resolve --file poster.png',
      );
    }
    return file === '-' ? bytesToInput(await readStdin()) : bytesToInput(readFileBytes(file));
  }
  if (positionals.length === 1 && beforeTerminator === 1 && positionals[0] === '-') {
    return bytesToInput(await readStdin());
  }
  return positionals.join(' ');
}

/** `sharekit resolve`. */
export async function resolveCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals, beforeTerminator } = parseCommandArgs('resolve', argv, OPTIONS);
  if (flag(values, 'help')) {
    io.out(HELP.resolve);
    return EXIT.ok;
  }
  const lang = pickLang(values, 'resolve', io.env);
  const maxHops = intOption(values, 'max-hops', 'resolve', 0, 20);
  const timeoutMs = intOption(values, 'timeout', 'resolve', 1, 600_000);
  const useFetch = flag(values, 'fetch');
  const limits = {
    ...(maxHops === undefined ? {} : { maxHops }),
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
  };

  const batch = stringOption(values, 'batch');
  if (batch !== undefined) {
    if (stringOption(values, 'file') !== undefined) {
      throw new CliError('usage', '--file and --batch do not go together', 'see: sharekit resolve --help');
    }
    if (positionals.length > 0) {
      throw new CliError(
        'usage',
        `--batch takes its input as the option value, found also ${JSON.stringify(positionals[0])}`,
        'see: sharekit resolve --help',
      );
    }
    if (flag(values, 'json') || flag(values, 'link')) {
      throw new CliError(
        'usage',
        '--batch always writes JSON lines; --json and --link are for one input',
        'see: sharekit resolve --help',
      );
    }
    const workers = intOption(values, 'workers', 'resolve', 1, 256) ?? availableParallelism();
    const queue = queueOption(values, 'resolve');
    return runBatch({
      ...(queue === undefined ? {} : { queue }),
      input: batch,
      output: stringOption(values, 'output') ?? null,
      resume: flag(values, 'resume'),
      force: flag(values, 'force'),
      workers,
      progress: !flag(values, 'no-progress'),
      resolveOptions: { fetch: useFetch, ...limits },
    });
  }
  for (const batchOnly of ['output', 'resume', 'force', 'workers', 'queue'] as const) {
    if (values[batchOnly] !== undefined) {
      throw new CliError(
        'usage',
        `--${batchOnly} is an option of --batch`,
        'sharekit resolve --batch <input> -o out.jsonl',
      );
    }
  }
  const file = stringOption(values, 'file');
  if (positionals.length === 0 && file === undefined) {
    throw new CliError(
      'usage',
      'missing input: give text, --file <path>, or - for stdin',
      'sharekit resolve <text> | --file <path> | -',
    );
  }

  const input = await readInput(file, positionals, beforeTerminator);
  const options: ResolveOptions = useFetch ? { ...limits, fetch: await safeFetch() } : limits;
  // Image bytes need the Node entry (native and wasm decoders); text does not, and starts faster without it.
  const resolution =
    typeof input === 'string'
      ? await resolve(input, options)
      : await (await import('@sharekit/resolver/node')).resolve(input, options);
  if (flag(values, 'json')) io.out(`${JSON.stringify(resolution, null, 2)}\n`);
  else if (flag(values, 'link')) {
    const links = linkLines(resolution);
    if (links.length > 0) io.out(`${links.join('\n')}\n`);
  } else io.out(formatResolution(resolution, lang, makeStyle(io.stdoutIsTty, io.env)));
  const lower = typeof input === 'string' ? input.toLowerCase() : '';
  if (
    resolution.kind === 'unknown' &&
    !/\s/.test(lower) &&
    !lower.includes('://') &&
    FILE_ENDINGS.some((e) => lower.endsWith(e))
  ) {
    io.err(
      `sharekit: ${JSON.stringify(input)} was read as text; to read the file: sharekit resolve --file <path>\n`,
    );
  }
  return exitStatusOf(resolution);
}
