#!/usr/bin/env node
// sharekit — the command line. Each command parses its own options; errors become one line on
// stderr plus a hint, and an exit status a shell script can test.
import { readFileSync } from 'node:fs';
import { didYouMean } from './args.js';
import { EXIT, isCliError } from './errors.js';
import { HELP, type HelpTopic, SHORT_USAGE } from './help.js';
import { type Io, processIo } from './io.js';
import { escapeControls } from './text.js';

type Command = (argv: readonly string[], io: Io) => Promise<number>;

// Loaded on demand: `--help` and `--version` answer without loading the codecs.
const COMMANDS: Record<string, () => Promise<Command>> = {
  resolve: async () => (await import('./commands/resolve.js')).resolveCommand,
  token: async () => (await import('./commands/make.js')).tokenCommand,
  share: async () => (await import('./commands/make.js')).shareCommand,
  poster: async () => (await import('./commands/make.js')).posterCommand,
  links: async () => (await import('./commands/make.js')).linksCommand,
  make: async () => (await import('./commands/batch.js')).makeCommand,
  worker: async () => (await import('./commands/batch.js')).workerCommand,
};

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

/**
 * Runs the CLI on `argv` (without `node` and the script) and returns the exit status.
 * @example
 * process.exitCode = await main(['resolve', 'https://item.taobao.com/item.htm?id=1'], processIo())
 */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.err(SHORT_USAGE);
    return EXIT.usage;
  }
  if (first === '-h' || first === '--help') {
    io.out(HELP.main);
    return EXIT.ok;
  }
  if (first === '-V' || first === '--version') {
    io.out(`${version()}\n`);
    return EXIT.ok;
  }
  if (first === 'help') {
    const topic = rest[0];
    if (topic === undefined) io.out(HELP.main);
    else if (topic in HELP && topic !== 'main') io.out(HELP[topic as HelpTopic]);
    else return usage(io, `unknown command ${JSON.stringify(topic)}`, 'sharekit --help');
    return EXIT.ok;
  }
  const load = Object.hasOwn(COMMANDS, first) ? COMMANDS[first] : undefined;
  if (!load) {
    const looksLikeInput =
      !first.startsWith('-') && (first.includes('://') || first.includes('.') || /[^\x20-\x7e]/.test(first));
    const guess = didYouMean(first, Object.keys(COMMANDS));
    return usage(
      io,
      `unknown command ${JSON.stringify(first)}`,
      looksLikeInput
        ? `did you mean: sharekit resolve '${first}'`
        : guess !== undefined
          ? `did you mean: sharekit ${guess}? (sharekit --help)`
          : `commands: ${Object.keys(COMMANDS).join(', ')} (sharekit --help)`,
    );
  }
  try {
    const command = await load();
    return await command(rest, io);
  } catch (error) {
    if (isCliError(error)) return usage(io, error.message, error.hint, error.exitCode);
    io.err(
      `sharekit ${first}: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return EXIT.usage;
  }
}

function usage(io: Io, message: string, hint: string | undefined, status: number = EXIT.usage): number {
  io.err(`sharekit: ${escapeControls(message)}\n`);
  if (hint) io.err(`${escapeControls(hint)}\n`);
  return status;
}

// `sharekit … | head`: the reader went away, which is not an error of ours.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(EXIT.ok);
  throw error;
});

main(process.argv.slice(2), processIo()).then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    process.stderr.write(`sharekit: ${String(error)}\n`);
    process.exitCode = EXIT.usage;
  },
);
