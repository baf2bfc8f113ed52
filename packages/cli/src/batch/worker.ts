// Worker thread of a batch: runs one task at a time (decoding images, rendering posters) off the main thread.
import { parentPort } from 'node:worker_threads';
import type { TaskMessage, TaskResult } from './pool.js';
import { executeTask } from './tasks.js';

const port = parentPort;
if (port === null) throw new Error('batch/worker.ts runs only as a worker thread');

port.on('message', (message: TaskMessage) => {
  void executeTask(message.task).then((outcome) =>
    port.postMessage({ ...outcome, id: message.id } as TaskResult),
  );
});
