// Where zxing's wasm is by default, in browsers and bundled apps (the `#zxing-default` import resolves here
// everywhere but Node): the package's own copy, `wasm/zxing_reader.wasm`, located relative to this module so
// bundlers (Vite, webpack, esbuild with a file loader) emit it with the app and serve it from the app's origin.
import type { ZxingWasmSource } from '../types.js';

/**
 * The package's own `zxing_reader.wasm` as a URL next to this module, or `null` where the runtime cannot
 * fetch it (no `fetch`, or a `file:` module URL).
 *
 * @example
 * ```ts
 * const source = await defaultZxingSource() // { wasmUrl: URL('…/wasm/zxing_reader.wasm') }
 * ```
 */
export async function defaultZxingSource(): Promise<ZxingWasmSource | null> {
  if (typeof fetch !== 'function' || typeof WebAssembly !== 'object') return null;
  const url = new URL('../../../wasm/zxing_reader.wasm', import.meta.url);
  if (url.protocol === 'file:') return null;
  return { wasmUrl: url };
}
