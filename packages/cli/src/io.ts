/** What a command writes to and reads its environment from; the real process in `cli.ts`. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Raw bytes to stdout (a PNG with `-o -`). */
  outBytes(bytes: Uint8Array): void;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdoutIsTty: boolean;
  readonly stderrIsTty: boolean;
}

/**
 * The process's own stdout, stderr and environment.
 * @example
 * const io = processIo(); io.out('hello\n');
 */
export function processIo(): Io {
  return {
    out: (text) => {
      process.stdout.write(text);
    },
    err: (text) => {
      process.stderr.write(text);
    },
    outBytes: (bytes) => {
      process.stdout.write(bytes);
    },
    env: process.env,
    stdoutIsTty: process.stdout.isTTY === true,
    stderrIsTty: process.stderr.isTTY === true,
  };
}
