import { prepareZXingModule, type ReadResult, readBarcodes } from 'zxing-wasm/reader';
import { QrPosterError } from '../../errors.js';
import { decodeUndeclared } from '../charset.js';
import type { QrCorners, RgbaImage, ZxingWasmSource } from '../types.js';
import { jsqrDecode } from './jsqr.js';
import type { EngineHit, EngineResult, QrEngine, ReadHints } from './types.js';

let configured: ZxingWasmSource | null = null;
let ready: Promise<unknown> | null = null;

/**
 * Tells the zxing engine where its wasm is. Must run before the first zxing read: without it zxing-wasm
 * would fetch its binary from a CDN, which this package never allows.
 *
 * @example
 * ```ts
 * configureZxing({ wasmUrl: '/assets/zxing_reader.wasm' }) // a file you serve yourself
 * ```
 */
export function configureZxing(source: ZxingWasmSource): void {
  if (configured !== null && sameSource(configured, source)) return;
  configured = source;
  ready = null;
}

/** True once {@link configureZxing} was called (the `/node` entry does it on first use). */
export function isZxingConfigured(): boolean {
  return configured !== null;
}

function sameSource(a: ZxingWasmSource, b: ZxingWasmSource): boolean {
  if ('wasmBinary' in a && 'wasmBinary' in b) return a.wasmBinary === b.wasmBinary;
  if ('wasmUrl' in a && 'wasmUrl' in b) return String(a.wasmUrl) === String(b.wasmUrl);
  return false;
}

/** Instantiates the configured zxing module now (instead of on the first read). */
export function ensureModule(): Promise<unknown> {
  if (configured === null) {
    return Promise.reject(
      new QrPosterError(
        'decode_failed',
        'zxing engine used before configureZxing(): its wasm location is unknown',
      ),
    );
  }
  if (ready === null) {
    const source = configured;
    const overrides =
      'wasmBinary' in source
        ? {
            wasmBinary:
              source.wasmBinary instanceof Uint8Array
                ? source.wasmBinary.buffer.slice(
                    source.wasmBinary.byteOffset,
                    source.wasmBinary.byteOffset + source.wasmBinary.byteLength,
                  )
                : source.wasmBinary,
          }
        : { locateFile: () => String(source.wasmUrl) };
    ready = prepareZXingModule({ overrides: overrides as never, fireImmediately: true }).catch(
      (cause: unknown) => {
        ready = null;
        throw new QrPosterError('decode_failed', 'could not instantiate the zxing-wasm module', { cause });
      },
    );
  }
  return ready;
}

function toCorners(r: ReadResult): QrCorners {
  const p = r.position;
  return { topLeft: p.topLeft, topRight: p.topRight, bottomRight: p.bottomRight, bottomLeft: p.bottomLeft };
}

function isAscii(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b > 0x7f) return false;
  return true;
}

/** Draws zxing's module matrix as a clean RGBA raster (`scale` px per module, 4-module quiet zone). */
function renderSymbol(symbol: ReadResult['symbol'], scale: number): RgbaImage | null {
  const { width: n, height: m, data } = symbol;
  if (n <= 0 || m !== n || data.length !== n * n) return null;
  const quiet = 4;
  const size = (n + 2 * quiet) * scale;
  const out = new Uint8ClampedArray(size * size * 4).fill(255);
  // The top-left module is always dark (finder pattern): it tells the matrix's polarity.
  const darkValue = data[0] as number;
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      if (data[y * n + x] !== darkValue) continue;
      for (let dy = 0; dy < scale; dy++) {
        const row = ((y + quiet) * scale + dy) * size;
        for (let dx = 0; dx < scale; dx++) {
          const i = (row + (x + quiet) * scale + dx) * 4;
          out[i] = 0;
          out[i + 1] = 0;
          out[i + 2] = 0;
        }
      }
    }
  }
  return { data: out, width: size, height: size };
}

/**
 * Turns one valid zxing result into a hit whose text we can stand behind. zxing-cpp guesses the charset of
 * byte data without ECI (GBK comes back as half-width katakana) and hands Kanji mode out as UTF-8, so for
 * non-ASCII payloads without ECI we re-read its sampled module matrix with jsQR to get the segments and
 * decode them ourselves.
 */
function toHit(r: ReadResult, charset: NonNullable<ReadHints['charset']>): EngineHit {
  const corners = toCorners(r);
  const bytes = r.bytes;
  if (isAscii(bytes) && !r.hasECI) {
    return { bytes, decoded: { text: String.fromCharCode(...bytes), charset: 'ascii' }, corners };
  }
  let reread: EngineHit | null = null;
  for (const scale of [2, 4]) {
    const raster = renderSymbol(r.symbol, scale);
    reread = raster === null ? null : jsqrDecode(raster, 'dontInvert', charset);
    if (reread !== null) break;
  }
  if (reread !== null) {
    // Differential check: both decoders must agree on the text when zxing's is trustworthy (ECI declared).
    if (reread.decoded !== null && r.hasECI && reread.decoded.text !== r.text) {
      return { bytes: reread.bytes, decoded: null, corners };
    }
    return { bytes: reread.bytes, decoded: reread.decoded, corners };
  }
  if (r.hasECI) return { bytes, decoded: null, corners }; // cannot check zxing's reading: no guess
  return { bytes, decoded: decodeUndeclared(bytes, charset), corners };
}

/**
 * The WebAssembly engine: zxing-cpp through `zxing-wasm`, every QR code in one call.
 *
 * @example
 * ```ts
 * configureZxing({ wasmBinary: bytes })
 * const { hits, misses } = await zxingEngine.read(rgba)
 * ```
 */
export const zxingEngine: QrEngine = {
  name: 'zxing',
  async read(image: RgbaImage, hints: ReadHints = {}): Promise<EngineResult> {
    await ensureModule();
    let results: ReadResult[];
    try {
      results = await readBarcodes(image as ImageData, {
        formats: ['QRCode'],
        binarizer: hints.binarizer === 'global' ? 'GlobalHistogram' : 'LocalAverage',
        tryDownscale: hints.downscale ?? true,
        tryDenoise: hints.denoise ?? false,
        returnErrors: true,
        maxNumberOfSymbols: 255,
      });
    } catch (cause) {
      throw new QrPosterError('decode_failed', 'zxing-wasm failed while reading the image', { cause });
    }
    const hits: EngineHit[] = [];
    const misses: QrCorners[] = [];
    for (const r of results) {
      if (r.isValid) hits.push(toHit(r, hints.charset ?? 'auto'));
      // Only checksum failures point at a real symbol; format failures and rMQR candidates are mostly
      // false finder-pattern matches (measured on boofcv-dev), and each miss costs crop retries.
      else if (r.format !== 'RMQRCode' && r.error.startsWith('ChecksumError')) misses.push(toCorners(r));
    }
    return { hits, misses };
  },
};
