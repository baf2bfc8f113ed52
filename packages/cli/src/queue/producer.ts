// The producer side of `--queue`: every row becomes a BullMQ job; results come back through Redis and
// the ordered runner writes them in input order. Job ids are derived from the run and the task, so a
// producer restarted with --resume finds the jobs it (or its killed predecessor) already added, and
// collects results workers finished meanwhile instead of running them again.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { Queue, QueueEvents } from 'bullmq';
import type { BatchItem } from '../batch/inputs.js';
import { type Task, type TaskError, type TaskOutcome, writeWhole } from '../batch/tasks.js';
import { connectionOf, giveUp, probe, QUEUE_NAME, reachable } from './connection.js';

/** Attempts of a job before its row is reported as failed (a crash, a lost worker). */
export const JOB_ATTEMPTS = 3;

/** Job data on the queue. */
export interface JobData {
  readonly task: Task;
}

/** The error of a job that failed after its attempts, from its `failedReason`. */
export function failedOutcome(reason: string | undefined): TaskOutcome {
  let error: TaskError = { code: 'job_failed', message: reason ?? 'the job failed' };
  try {
    const parsed = JSON.parse(reason ?? '') as Partial<TaskError>;
    if (typeof parsed.code === 'string' && typeof parsed.message === 'string') {
      error = { code: parsed.code, message: parsed.message };
    }
  } catch {
    // a plain message (a crash): keep job_failed
  }
  return { ok: false, error: { ...error, message: `${error.message} (after ${JOB_ATTEMPTS} attempts)` } };
}

/** A run id kept beside the output: the same after a restart with --resume, new otherwise. */
function runIdFor(output: string | null, resume: boolean): string {
  const file = output === null ? null : `${output}.queue-run`;
  if (file !== null && resume && existsSync(file)) {
    const id = readFileSync(file, 'utf8').trim();
    // regex-safe: one bounded class, anchored
    if (/^[a-f0-9]{16}$/.test(id)) return id;
  }
  const id = randomBytes(8).toString('hex');
  if (file !== null) writeWhole(file, `${id}\n`);
  return id;
}

/** Runs items on queue workers. */
export interface QueueExecutor {
  readonly window: number;
  run(item: BatchItem, task: Task): Promise<TaskOutcome>;
  close(): Promise<void>;
}

/**
 * Connects to Redis and returns an executor that puts tasks on the queue and resolves with their
 * outcomes. Throws a CLI error when Redis cannot be reached.
 * @example
 * const q = await queueExecutor('redis://127.0.0.1:6379', 'make', 'out/manifest.jsonl', false);
 */
export async function queueExecutor(
  url: string,
  kind: Task['kind'],
  output: string | null,
  resume: boolean,
): Promise<QueueExecutor> {
  await probe(url);
  const connection = connectionOf(url);
  const queue = new Queue<JobData>(QUEUE_NAME, { connection });
  const events = new QueueEvents(QUEUE_NAME, { connection });
  queue.on('error', () => {});
  events.on('error', () => {});
  try {
    await reachable(Promise.all([queue.waitUntilReady(), events.waitUntilReady()]), url);
  } catch (error) {
    await giveUp([queue, events]);
    throw error;
  }
  const run = runIdFor(output, resume);
  const waiting = new Map<string, (outcome: TaskOutcome) => void>();
  events.on('completed', ({ jobId, returnvalue }) => {
    waiting.get(jobId)?.(returnvalue as unknown as TaskOutcome);
  });
  events.on('failed', ({ jobId, failedReason }) => {
    waiting.get(jobId)?.(failedOutcome(failedReason));
  });
  return {
    window: 1024,
    async run(item, task) {
      const digest = createHash('sha256').update(JSON.stringify(task)).digest('hex').slice(0, 16);
      const jobId = `${kind}-${run}-${item.index}-${digest}`;
      const result = new Promise<TaskOutcome>((done) => {
        waiting.set(jobId, (outcome) => {
          waiting.delete(jobId);
          done(outcome);
        });
      });
      const job = await queue.add(
        kind,
        { task },
        {
          jobId,
          attempts: JOB_ATTEMPTS,
          backoff: { type: 'fixed', delay: 200 },
          removeOnComplete: { age: 7 * 24 * 3600 },
          removeOnFail: { age: 7 * 24 * 3600 },
        },
      );
      // Added by an earlier producer of this run and already finished: its result is in Redis (the job
      // `add` returns for an existing id carries only what was passed to it, so read the stored one).
      const state = await job.getState();
      if (state === 'completed' || state === 'failed') {
        const stored = await queue.getJob(jobId);
        const outcome = stored?.returnvalue as TaskOutcome | null | undefined;
        if (state === 'completed' && outcome) waiting.get(jobId)?.(outcome);
        else if (state === 'failed') waiting.get(jobId)?.(failedOutcome(stored?.failedReason));
      }
      return result;
    },
    async close() {
      await Promise.allSettled([events.close(), queue.close()]);
    },
  };
}
