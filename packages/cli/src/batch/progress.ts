// A one-line progress bar on stderr, drawn only when stderr is a terminal.

/** Draws `done/total`, rate and time left, at most ten times a second. */
export interface Progress {
  tick(done: number): void;
  /** Erases the bar (the summary line is printed by the caller). */
  end(): void;
}

const SILENT: Progress = { tick() {}, end() {} };

function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/**
 * A time left as `42s`, `3m05s` or `2h07m`: rounded up to whole seconds first, so 119.5 s is `2m00s`,
 * never `1m60s`.
 * @example
 * formatDuration(119.5) // '2m00s'
 */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '?';
  const total = Math.ceil(seconds);
  if (total < 60) return `${total}s`;
  const m = Math.floor(total / 60);
  if (m < 60) return `${m}m${String(total % 60).padStart(2, '0')}s`;
  const minutes = Math.ceil(total / 60);
  return `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}m`;
}

/**
 * A bar on `stream` when it is a terminal and `enabled`; a no-op otherwise (pipes, files, CI logs).
 * @example
 * const bar = progressBar(process.stderr, 10_000, 0, true); bar.tick(1); bar.end();
 */
export function progressBar(
  stream: NodeJS.WriteStream,
  total: number,
  alreadyDone: number,
  enabled: boolean,
): Progress {
  if (!enabled || stream.isTTY !== true || total === 0) return SILENT;
  const started = Date.now();
  let last = 0;
  let drawn = false;
  const draw = (done: number): void => {
    const columns = stream.columns || 80;
    const fraction = total === 0 ? 1 : done / total;
    const elapsed = (Date.now() - started) / 1000;
    const rate = elapsed > 0 ? (done - alreadyDone) / elapsed : 0;
    const eta = rate > 0 ? (total - done) / rate : Number.POSITIVE_INFINITY;
    const tail = ` ${formatCount(done)}/${formatCount(total)} ${String(Math.floor(fraction * 100)).padStart(3)}%  ${formatCount(Math.round(rate))}/s  ETA ${formatDuration(eta)}`;
    const width = Math.max(10, Math.min(40, columns - tail.length - 3));
    const filled = Math.round(fraction * width);
    stream.write(`\r▕${'█'.repeat(filled)}${'░'.repeat(width - filled)}▏${tail}\u001b[K`);
    drawn = true;
  };
  return {
    tick(done) {
      const now = Date.now();
      if (now - last < 100 && done < total) return;
      last = now;
      draw(done);
    },
    end() {
      if (drawn) stream.write('\r\u001b[K');
    },
  };
}
