// A fixed pool of worker threads resolving files; one task per worker at a time, a crashed worker is
// replaced and its task reported as an error instead of hanging the batch.
import { Worker } from 'node:worker_threads';
import type { Resolution } from '@sharekit/resolver';

/** Resolve options that can cross a thread boundary (`fetch` becomes "use the global fetch"). */
export interface WorkerResolveOptions {
  readonly fetch: boolean;
  readonly maxHops?: number;
  readonly timeoutMs?: number;
}

export interface TaskMessage {
  readonly id: number;
  readonly path: string;
  readonly options: WorkerResolveOptions;
}

export type TaskResult =
  | { readonly id: number; readonly ok: true; readonly resolution: Resolution }
  | {
      readonly id: number;
      readonly ok: false;
      readonly error: { readonly code: string; readonly message: string };
    };

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
 * `size` worker threads resolving files by path.
 * @example
 * const pool = new WorkerPool(4); const r = await pool.run('a.png', { fetch: false }); await pool.close();
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
    slot.worker.on('error', (error) => fail(`the decoding thread crashed: ${error.message}`));
    slot.worker.on('exit', (code) => fail(`the decoding thread exited with code ${code}`));
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

  /** Resolves the file at `path` on a free worker. Never rejects: failures come back as `ok: false`. */
  run(path: string, options: WorkerResolveOptions): Promise<TaskResult> {
    return new Promise((done) => {
      this.queue.push({ message: { id: this.nextId++, path, options }, done });
      this.pump();
    });
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
