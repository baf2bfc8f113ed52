import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { type Resolution, type ResolveOptions, resolve } from '@sharekit/resolver';
import { flag, intOption, parseCommandArgs, stringOption } from '../args.js';
import { runBatch } from '../batch/run.js';
import { CliError, EXIT } from '../errors.js';
import { formatResolution, linkLines } from '../format.js';
import { HELP } from '../help.js';
import { pickLang } from '../i18n.js';
import { bytesToInput, readFileBytes, readStdin } from '../input.js';
import type { Io } from '../io.js';
import { makeStyle } from '../text.js';

const OPTIONS = {
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
} as const;

// A lone argument with one of these endings is meant as a file: a typo gets "no such file", not
// "nothing found in the text 'poster.pgn'".
const FILE_ENDINGS = ['.png', '.jpg', '.jpeg', '.webp', '.gif', '.bmp', '.txt', '.jsonl'];

/**
 * Exit status of a resolution: 0 when the first target has a link that is not dangerous, else 1.
 * @example
 * exitStatusOf(await resolve('javascript:alert(1)')) // 1
 */
export function exitStatusOf(resolution: Resolution): number {
  return resolution.link !== null && resolution.safety.level !== 'danger' ? EXIT.ok : EXIT.notFound;
}

async function readInput(positionals: readonly string[]): Promise<string | Uint8Array> {
  if (positionals.length === 1) {
    const only = positionals[0] as string;
    if (only === '-') return bytesToInput(await readStdin());
    let isFile = false;
    try {
      isFile = existsSync(only) && (statSync(only).isFile() || statSync(only).isDirectory());
    } catch {
      isFile = false;
    }
    if (isFile) return bytesToInput(readFileBytes(only));
    const lower = only.toLowerCase();
    if (!only.includes('://') && !/\s/.test(only) && FILE_ENDINGS.some((e) => lower.endsWith(e))) {
      throw new CliError(
        'input',
        `cannot read ${only}: no such file`,
        'to resolve it as text anyway: sharekit resolve -- "text"',
      );
    }
  }
  return positionals.join(' ');
}

/** `sharekit resolve`. */
export async function resolveCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs('resolve', argv, OPTIONS);
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
    return runBatch({
      input: batch,
      output: stringOption(values, 'output') ?? null,
      resume: flag(values, 'resume'),
      force: flag(values, 'force'),
      workers,
      progress: !flag(values, 'no-progress'),
      resolveOptions: { fetch: useFetch, ...limits },
    });
  }
  for (const batchOnly of ['output', 'resume', 'force', 'workers'] as const) {
    if (values[batchOnly] !== undefined) {
      throw new CliError(
        'usage',
        `--${batchOnly} is an option of --batch`,
        'sharekit resolve --batch <input> -o out.jsonl',
      );
    }
  }
  if (positionals.length === 0) {
    throw new CliError(
      'usage',
      'missing input: give text, a file, or - for stdin',
      'sharekit resolve <text | file | ->',
    );
  }

  const input = await readInput(positionals);
  const options: ResolveOptions = useFetch ? { ...limits, fetch: globalThis.fetch } : limits;
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
  return exitStatusOf(resolution);
}
