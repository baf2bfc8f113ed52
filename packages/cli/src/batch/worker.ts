// Worker thread of a batch: reads a file and resolves it (images are decoded here, off the main thread).
import { readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { resolve, safeFetch } from '@sharekit/resolver/node';
import { bytesToInput, MAX_INPUT_BYTES } from '../input.js';
import type { TaskMessage, TaskResult } from './pool.js';

const port = parentPort;
if (port === null) throw new Error('batch/worker.ts runs only as a worker thread');

port.on('message', (task: TaskMessage) => {
  void run(task).then((result) => port.postMessage(result));
});

async function run(task: TaskMessage): Promise<TaskResult> {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(task.path);
  } catch (error) {
    return {
      id: task.id,
      ok: false,
      error: { code: 'read_failed', message: `cannot read ${task.path}: ${(error as Error).message}` },
    };
  }
  if (bytes.length > MAX_INPUT_BYTES) {
    return {
      id: task.id,
      ok: false,
      error: { code: 'too_large', message: `${task.path} is larger than ${MAX_INPUT_BYTES} bytes` },
    };
  }
  try {
    const { fetch: useFetch, ...limits } = task.options;
    const options: NonNullable<Parameters<typeof resolve>[1]> = useFetch
      ? { ...limits, fetch: safeFetch }
      : limits;
    const resolution = await resolve(bytesToInput(bytes), options);
    return { id: task.id, ok: true, resolution };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return {
      id: task.id,
      ok: false,
      error: {
        code: typeof code === 'string' ? code : 'resolve_failed',
        message: (error as Error).message ?? String(error),
      },
    };
  }
}
