// One unit of batch work, the same wherever it runs: inline, on a worker thread, or on a queue worker
// of another machine. A task is plain JSON (it crosses threads and Redis); its outcome too.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { errorRecord } from '@sharekit/canonical-url';
import type { MadePoster, MadeProduct, MakeError, ProductRow, Resolution } from '@sharekit/resolver';
import { bytesToInput, MAX_INPUT_BYTES } from '../input.js';

/** Resolve options that can cross a thread or machine boundary (`fetch` becomes "use the global fetch"). */
export interface WorkerResolveOptions {
  readonly fetch: boolean;
  readonly maxHops?: number;
  readonly timeoutMs?: number;
}

/**
 * A catalog row as read from CSV or JSONL: the resolver's `ProductRow`, but `image` is a path the
 * worker reads (a task is plain JSON).
 */
export type CatalogRow = Omit<ProductRow, 'image'> & {
  /** Path of the product photo; the worker reads it. */
  readonly image?: string;
};

/** How `make` tasks write their files. */
export interface MakeSettings {
  /** Output directory (every queue worker must see it at this path). */
  readonly outDir: string;
  readonly formats: readonly ('png' | 'svg')[];
  readonly fontFiles: readonly string[];
  readonly verify: boolean;
}

export type Task =
  | {
      readonly kind: 'resolve';
      readonly text?: string;
      readonly path?: string;
      readonly options: WorkerResolveOptions;
    }
  | {
      readonly kind: 'make';
      readonly row: CatalogRow;
      readonly name: string;
      readonly settings: MakeSettings;
    };

/**
 * What a row of `make` produced (the manifest line's fields after the row's position): the
 * resolver's made product, its posters as the files written.
 */
export type MadeRecord = Pick<
  Extract<MadeProduct, { ok: true }>,
  'link' | 'identity' | 'token' | 'text' | 'links' | 'cautions'
> & {
  readonly posters: readonly {
    readonly size: MadePoster['size'];
    readonly png?: string;
    readonly svg?: string;
    readonly missingGlyphs?: readonly string[];
  }[];
};

/** Why a task made nothing: the resolver's `MakeError` shape (code, message, the judge's reasons). */
export type TaskError = MakeError;

export type TaskOutcome =
  | { readonly ok: true; readonly resolution: Resolution }
  | { readonly ok: true; readonly made: MadeRecord }
  | { readonly ok: false; readonly error: TaskError };

async function resolveTask(task: Extract<Task, { kind: 'resolve' }>): Promise<TaskOutcome> {
  // Text needs only the main entry, which starts faster than the Node one (no image codecs).
  const { resolve } =
    task.path === undefined ? await import('@sharekit/resolver') : await import('@sharekit/resolver/node');
  let input: string | Uint8Array = task.text ?? '';
  if (task.path !== undefined) {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(task.path);
    } catch (error) {
      return {
        ok: false,
        error: { code: 'read_failed', message: `cannot read ${task.path}: ${(error as Error).message}` },
      };
    }
    if (bytes.length > MAX_INPUT_BYTES) {
      return {
        ok: false,
        error: { code: 'too_large', message: `${task.path} is larger than ${MAX_INPUT_BYTES} bytes` },
      };
    }
    input = bytesToInput(bytes);
  }
  try {
    const { fetch: useFetch, ...limits } = task.options;
    // Following short links goes only to public addresses (the Node entry's DNS-checking fetch).
    const fetch = useFetch ? (await import('@sharekit/resolver/node')).safeFetch : undefined;
    const resolution = await resolve(input, fetch ? { ...limits, fetch } : limits);
    return { ok: true, resolution };
  } catch (error) {
    return { ok: false, error: errorRecord(error, 'resolve_failed') };
  }
}

/** Largest product image read from disk (the poster's own limit is checked again on its header). */
export const MAX_IMAGE_BYTES = 20 * 1024 * 1024;

/**
 * Writes `bytes` to `path` whole: a temporary file beside it, then a rename, so a reader (or a killed
 * run) never sees half a poster, and running a task twice leaves the same file.
 * @example
 * writeWhole('out/sku-1-moments.png', png)
 */
export function writeWhole(path: string, bytes: Uint8Array | string): void {
  const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    writeFileSync(tmp, bytes);
    renameSync(tmp, path);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
}

async function makeTask(task: Extract<Task, { kind: 'make' }>): Promise<TaskOutcome> {
  const { makeProduct } = await import('@sharekit/resolver/node');
  const { row, settings } = task;
  let image: Uint8Array | undefined;
  if (row.image !== undefined) {
    try {
      image = readFileSync(row.image);
    } catch (error) {
      return {
        ok: false,
        error: {
          code: 'read_failed',
          message: `cannot read image ${row.image}: ${(error as Error).message}`,
        },
      };
    }
    if (image.length > MAX_IMAGE_BYTES) {
      return {
        ok: false,
        error: { code: 'too_large', message: `image ${row.image} is larger than ${MAX_IMAGE_BYTES} bytes` },
      };
    }
  }
  const { image: _path, ...rest } = row;
  const made = await makeProduct(
    { ...rest, ...(image === undefined ? {} : { image }) },
    {
      formats: settings.formats,
      verify: settings.verify,
      ...(settings.fontFiles.length > 0 ? { fontFiles: settings.fontFiles } : {}),
    },
  );
  if (!made.ok) return { ok: false, error: made.error };
  try {
    mkdirSync(settings.outDir, { recursive: true });
    const posters = made.posters.map((p) => {
      const base = join(settings.outDir, `${task.name}-${p.size}`);
      if (p.png) writeWhole(`${base}.png`, p.png);
      if (p.svg !== undefined) writeWhole(`${base}.svg`, p.svg);
      return {
        size: p.size,
        ...(p.png ? { png: `${base}.png` } : {}),
        ...(p.svg === undefined ? {} : { svg: `${base}.svg` }),
        ...(p.missingGlyphs.length > 0 ? { missingGlyphs: p.missingGlyphs } : {}),
      };
    });
    return {
      ok: true,
      made: {
        link: made.link,
        identity: made.identity,
        token: made.token,
        text: made.text,
        links: made.links,
        posters,
        cautions: made.cautions,
      },
    };
  } catch (error) {
    return { ok: false, error: { code: 'write_failed', message: (error as Error).message ?? String(error) } };
  }
}

/**
 * Runs one task. Never rejects: every failure is an outcome with an error code.
 * @example
 * await executeTask({ kind: 'resolve', text: 'https://item.jd.com/1.html', options: { fetch: false } })
 */
export async function executeTask(task: Task): Promise<TaskOutcome> {
  try {
    return task.kind === 'make' ? await makeTask(task) : await resolveTask(task);
  } catch (error) {
    return { ok: false, error: errorRecord(error, `${task.kind}_failed`) };
  }
}
