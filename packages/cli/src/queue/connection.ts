// Redis connection settings from a redis:// URL, shared by the producer and the queue workers.
import { connect } from 'node:net';
import type { ConnectionOptions } from 'bullmq';
import { CliError } from '../errors.js';

/** The one queue every `sharekit worker` takes rows from. */
export const QUEUE_NAME = 'sharekit-batch';

/**
 * ioredis options from `redis://[user:password@]host[:port][/db]` (`rediss://` for TLS).
 * @example
 * connectionOf('redis://127.0.0.1:6379/2') // { host: '127.0.0.1', port: 6379, db: 2, … }
 */
export function connectionOf(url: string): ConnectionOptions {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new CliError('usage', `--queue: not a URL: ${url.slice(0, 100)}`, 'redis://127.0.0.1:6379');
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') {
    throw new CliError('usage', '--queue expects a redis:// or rediss:// URL', 'redis://127.0.0.1:6379');
  }
  const db = parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : 0;
  if (!Number.isInteger(db) || db < 0 || db > 1024) {
    throw new CliError(
      'usage',
      `--queue: ${parsed.pathname} is not a database number`,
      'redis://127.0.0.1:6379/0',
    );
  }
  return {
    host: parsed.hostname.replace(/^\[|\]$/g, ''),
    port: parsed.port === '' ? 6379 : Number(parsed.port),
    db,
    ...(parsed.username === '' ? {} : { username: decodeURIComponent(parsed.username) }),
    ...(parsed.password === '' ? {} : { password: decodeURIComponent(parsed.password) }),
    ...(parsed.protocol === 'rediss:' ? { tls: {} } : {}),
    // BullMQ workers block on Redis; a command must wait for a reconnect rather than fail.
    maxRetriesPerRequest: null,
  };
}

function unreachable(url: string, ms: number): CliError {
  return new CliError(
    'input',
    `cannot reach Redis at ${url.replace(/\/\/[^@/]*@/, '//…@')} within ${ms / 1000} s`,
    'start redis-server, or drop --queue to run on this machine',
  );
}

/**
 * Rejects with a CLI error unless a TCP connection to the URL's host opens within `ms`. Checked before
 * any Redis client exists: a client that never connects retries forever and keeps the process alive.
 * @example
 * await probe('redis://127.0.0.1:6379');
 */
export function probe(url: string, ms = 5000): Promise<void> {
  const options = connectionOf(url) as { host: string; port: number };
  return new Promise((done, fail) => {
    const socket = connect({ host: options.host, port: options.port });
    const finish = (error: CliError | null): void => {
      socket.destroy();
      if (error) fail(error);
      else done();
    };
    socket.setTimeout(ms, () => finish(unreachable(url, ms)));
    socket.once('error', () => finish(unreachable(url, ms)));
    socket.once('connect', () => finish(null));
  });
}

/** Rejects with a CLI error when `ready` does not settle within `ms`. */
export async function reachable(ready: Promise<unknown>, url: string, ms = 10_000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(unreachable(url, ms)), ms);
  });
  try {
    await Promise.race([ready, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Drops connections that never came up: stops ioredis from reconnecting (a close would wait for a
 * connection forever), so the process can exit.
 * @example
 * await giveUp([queue, events]);
 */
export async function giveUp(clients: readonly { disconnect(): Promise<void> }[]): Promise<void> {
  await Promise.race([
    Promise.allSettled(clients.map((c) => c.disconnect())),
    new Promise((done) => setTimeout(done, 1000).unref()),
  ]);
}
