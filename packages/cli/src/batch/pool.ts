// A fixed pool of worker threads running batch tasks (decoding images, rendering posters); one task
// per worker at a time, a crashed worker is replaced and its task reported as an error instead of
// hanging the batch.
import { Worker } from 'node:worker_threads';
import type { Task, TaskOutcome } from './tasks.js';

export type { WorkerResolveOptions } from './tasks.js';

export interface TaskMessage {
  readonly id: number;
  readonly task: Task;
}

export type TaskResult = TaskOutcome & { readonly id: number };

interface Slot {
  worker: Worker;
  task: { message: TaskMessage; done: (r: TaskResult) => void } | null;
}

/**
 * Starts the worker: the built `worker.js` next to this file, or, when running from TypeScript
 * sources (tests, bench), `worker.ts` through tsx's loader, which worker threads do not inherit.
 */
function spawn(): Worker {
  const fromSource = import.meta.url.endsWith('.ts');
  if (!fromSource) return new Worker(new URL('./worker.js', import.meta.url));
  const target = new URL('./worker.ts', import.meta.url).href;
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(target)}); });`;
  return new Worker(boot, { eval: true });
}

/**
 * `size` worker threads running batch tasks.
 * @example
 * const pool = new WorkerPool(4);
 * const r = await pool.run({ kind: 'resolve', path: 'a.png', options: { fetch: false } });
 * await pool.close();
 */
export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: { message: TaskMessage; done: (r: TaskResult) => void }[] = [];
  private nextId = 0;
  private closed = false;

  constructor(readonly size: number) {
    for (let i = 0; i < size; i++) this.slots.push(this.makeSlot());
  }

  private makeSlot(): Slot {
    const slot: Slot = { worker: spawn(), task: null };
    slot.worker.on('message', (result: TaskResult) => {
      const task = slot.task;
      slot.task = null;
      task?.done(result);
      this.pump();
    });
    const fail = (why: string): void => {
      const task = slot.task;
      slot.task = null;
      const index = this.slots.indexOf(slot);
      if (this.closed || index < 0) return;
      this.slots[index] = this.makeSlot();
      task?.done({ id: task.message.id, ok: false, error: { code: 'worker_crashed', message: why } });
      this.pump();
    };
    slot.worker.on('error', (error) => fail(`the worker thread crashed: ${error.message}`));
    slot.worker.on('exit', (code) => fail(`the worker thread exited with code ${code}`));
    slot.worker.unref();
    return slot;
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (slot.task !== null) continue;
      const next = this.queue.shift();
      if (next) {
        slot.task = next;
        slot.worker.ref();
        slot.worker.postMessage(next.message);
      } else {
        // An idle worker must not keep the process alive.
        slot.worker.unref();
      }
    }
  }

  /** Runs `task` on a free worker. Never rejects: failures come back as `ok: false`. */
  run(task: Task): Promise<TaskOutcome> {
    return new Promise((done) => {
      this.queue.push({ message: { id: this.nextId++, task }, done });
      this.pump();
    });
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
