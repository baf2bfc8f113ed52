// `sharekit worker`: takes batch rows from the queue and runs them on worker threads. A row that ends
// in an error outcome (a bad row, an unsafe target) completes normally with that outcome; a job
// throws, and so is retried, only when its thread crashed or its files could not be written.
import { Worker } from 'bullmq';
import { WorkerPool } from '../batch/pool.js';
import type { TaskOutcome } from '../batch/tasks.js';
import { EXIT } from '../errors.js';
import { connectionOf, giveUp, probe, QUEUE_NAME, reachable } from './connection.js';
import type { JobData } from './producer.js';

/** Outcome codes worth another attempt, perhaps on another machine. */
const RETRIED = new Set(['worker_crashed', 'write_failed']);

/** Options of {@link runQueueWorker}. */
export interface QueueWorkerOptions {
  readonly url: string;
  /** Rows in hand at once (one worker thread each). */
  readonly concurrency: number;
  readonly log: (line: string) => void;
  /** How long a job's lock lasts without renewal: a killed worker's rows run again after about this long. @default 5000 */
  readonly lockMs?: number;
}

/**
 * Runs queue rows until SIGINT or SIGTERM, then finishes the rows in hand and returns.
 * @example
 * await runQueueWorker({ url: 'redis://127.0.0.1:6379', concurrency: 2, log: console.error })
 */
export async function runQueueWorker(options: QueueWorkerOptions): Promise<number> {
  await probe(options.url);
  const pool = new WorkerPool(options.concurrency);
  const lock = options.lockMs ?? 5000;
  const worker = new Worker<JobData, TaskOutcome>(
    QUEUE_NAME,
    async (job) => {
      const outcome = await pool.run(job.data.task);
      if (!outcome.ok && RETRIED.has(outcome.error.code)) throw new Error(JSON.stringify(outcome.error));
      return outcome;
    },
    {
      connection: connectionOf(options.url),
      concurrency: options.concurrency,
      lockDuration: lock,
      stalledInterval: lock,
      // A row whose worker died is run again; one that kills every worker it meets fails.
      maxStalledCount: 2,
      autorun: false,
    },
  );
  worker.on('error', (error) => options.log(`sharekit worker: ${error.message}`));
  try {
    await reachable(worker.waitUntilReady(), options.url);
  } catch (error) {
    await Promise.allSettled([giveUp([worker]), pool.close()]);
    throw error;
  }
  options.log(`sharekit worker: taking rows from ${QUEUE_NAME} (${options.concurrency} at once)`);
  const stopped = new Promise<void>((done) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      done();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  const running = worker.run();
  await stopped;
  await worker.close();
  await running;
  await pool.close();
  return EXIT.ok;
}
