// Where zxing's wasm is by default in Node (the `#zxing-default` import resolves here under the `node`
// condition): the installed zxing-wasm package's own file, read from disk, never fetched.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { ZxingWasmSource } from '../types.js';

/**
 * Reads `zxing_reader.wasm` from the installed `zxing-wasm` package.
 *
 * @example
 * ```ts
 * const source = await defaultZxingSource() // { wasmBinary: Uint8Array(953527) }
 * ```
 */
export async function defaultZxingSource(): Promise<ZxingWasmSource | null> {
  const require = createRequire(import.meta.url);
  const path = require.resolve('zxing-wasm/reader/zxing_reader.wasm');
  return { wasmBinary: new Uint8Array(await readFile(path)) };
}
