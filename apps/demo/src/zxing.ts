// Wires zxing-wasm for QR reading in the browser, from the page's own origin (never a CDN).
//
// The resolver reads QR codes through @sharekit/qr-poster's decodeQr, which uses zxing only once its wasm
// location is configured and jsQR otherwise. The resolver re-exports decodeQr, whose `zxingWasm` option
// configures the engine for every later read; one warm-up read of a blank image does that and loads the
// module. The bytes are fetched here first, so a missing file leaves zxing unconfigured (jsQR only)
// instead of configured and failing.
import { decodeQr } from '@sharekit/resolver';
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';

/** Which QR engines the page reads with. */
export type EngineState = 'zxing-wasm + jsQR' | 'jsQR';

let setup: Promise<EngineState> | null = null;

/**
 * Loads zxing's wasm from the page's origin and hands it to the QR reader; resolves to the engines in use.
 *
 * @example
 * await setupQrEngines() // 'zxing-wasm + jsQR'
 */
export function setupQrEngines(): Promise<EngineState> {
  setup ??= load();
  return setup;
}

async function load(): Promise<EngineState> {
  if (typeof WebAssembly !== 'object') return 'jsQR';
  try {
    const url = new URL(wasmUrl, document.baseURI);
    if (url.origin !== location.origin) return 'jsQR';
    const response = await fetch(url, { credentials: 'same-origin' });
    if (!response.ok) return 'jsQR';
    const wasmBinary = new Uint8Array(await response.arrayBuffer());
    await WebAssembly.compile(wasmBinary);
    const blank = { data: new Uint8ClampedArray(32 * 32 * 4).fill(255), width: 32, height: 32 };
    await decodeQr(blank, { engines: ['zxing'], zxingWasm: { wasmBinary }, effort: 'fast' });
    return 'zxing-wasm + jsQR';
  } catch {
    return 'jsQR';
  }
}
