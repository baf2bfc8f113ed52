import { prepareZXingModule, type ReadResult, readBarcodes } from 'zxing-wasm/reader';
import { defaultZxingSource } from '#zxing-default';
import { QrPosterError } from '../../errors.js';
import { decodeSegments, decodeUndeclared, isAscii, latin1, type Segment, sameBytes } from '../charset.js';
import type { GrayImage } from '../image.js';
import type { QrCorners, RgbaImage, ZxingWasmSource } from '../types.js';
import { jsqrDecode } from './jsqr.js';
import {
  type EngineHit,
  type EngineResult,
  isGray,
  type LocatedCode,
  type QrEngine,
  type ReadHints,
} from './types.js';

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

let defaultLoad: Promise<void> | null = null;

/**
 * Makes zxing ready with the wasm the runtime can find by itself, unless {@link configureZxing} said where it
 * is: in Node the installed zxing-wasm package's file, in browsers and bundled apps the package's own
 * `wasm/zxing_reader.wasm` next to its modules. Instantiates the module, so a missing or broken file is
 * known here, not on the first read.
 * @throws QrPosterError `decode_failed` when no wasm can be found or instantiated (the message says how to
 *   configure it, or how to read with jsQR alone).
 */
export function ensureZxing(): Promise<void> {
  if (configured !== null) return ensureModule().then(() => undefined);
  defaultLoad ??= (async () => {
    let source: ZxingWasmSource | null;
    try {
      source = await defaultZxingSource();
    } catch (cause) {
      throw unavailable(cause);
    }
    if (source === null) throw unavailable(undefined);
    configureZxing(source);
    await ensureModule().catch((cause: unknown) => {
      configured = null;
      ready = null;
      throw unavailable(cause);
    });
  })().catch((error: unknown) => {
    defaultLoad = null;
    throw error;
  });
  return defaultLoad;
}

function unavailable(cause: unknown): QrPosterError {
  return new QrPosterError(
    'decode_failed',
    "zxing's wasm could not be loaded in this runtime: serve zxing_reader.wasm and call configureZxing({ wasmUrl }), or pass engines: ['jsqr'] to read with jsQR alone",
    { cause },
  );
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

/** A checksum failure's corners, with its side in modules when it is a QR code of a known version. */
function located(r: ReadResult): LocatedCode {
  const version = r.format === 'QRCode' ? Number(r.version) : Number.NaN;
  const corners = toCorners(r);
  return Number.isInteger(version) && version >= 1 && version <= 40
    ? { ...corners, modules: 17 + 4 * version }
    : corners;
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
 * Splits zxing's `bytesECI` (symbology identifier `]Q2` or later, then the payload with `\\nnnnnn` ECI switches
 * and doubled backslashes) into segments; `null` when the symbol declares no ECI.
 */
export function eciSegments(bytesEci: Uint8Array): Segment[] | null {
  // `]Q1` is a plain QR code; `]Q2`… carry the ECI protocol.
  if (bytesEci.length < 3 || bytesEci[0] !== 0x5d || bytesEci[1] !== 0x51 || bytesEci[2] === 0x31)
    return null;
  const segments: Segment[] = [];
  let run: number[] = [];
  const flush = (): void => {
    if (run.length > 0) segments.push({ mode: 'byte', bytes: Uint8Array.from(run) });
    run = [];
  };
  let i = 3;
  while (i < bytesEci.length) {
    const b = bytesEci[i] as number;
    if (b === 0x5c && bytesEci[i + 1] === 0x5c) {
      run.push(0x5c);
      i += 2;
    } else if (b === 0x5c && i + 7 <= bytesEci.length) {
      const digits = String.fromCharCode(...bytesEci.subarray(i + 1, i + 7));
      if (!/^\d{6}$/.test(digits)) return null;
      flush();
      segments.push({ mode: 'eci', assignment: Number(digits) });
      i += 7;
    } else {
      run.push(b);
      i++;
    }
  }
  flush();
  return segments;
}

/**
 * Turns one valid zxing result into a hit. zxing-cpp guesses the charset of byte data without ECI its own
 * way (GBK comes back as half-width katakana) and hands Kanji mode out as UTF-8, so for non-ASCII payloads we
 * re-read its sampled module matrix with jsQR to get the segments (Kanji mode, ECI) and decode them
 * ourselves; when that re-read fails, the segments come from zxing's `bytesECI`, else from its raw bytes.
 */
function toHit(r: ReadResult, charset: NonNullable<ReadHints['charset']>): EngineHit {
  const corners = toCorners(r);
  const bytes = r.bytes;
  if (isAscii(bytes) && !r.hasECI) {
    return {
      bytes,
      decoded: { text: latin1(bytes), charset: 'ascii', charsetSource: 'unambiguous' },
      corners,
    };
  }
  for (const scale of [2, 4]) {
    const raster = renderSymbol(r.symbol, scale);
    const reread = raster === null ? null : jsqrDecode(raster, 'dontInvert', charset);
    // The re-read must be of the same payload: zxing validated these bytes with error correction.
    if (reread !== null && sameBytes(reread.bytes, bytes)) return { ...reread, corners };
  }
  const segments = r.hasECI ? eciSegments(r.bytesECI) : null;
  const decoded = segments !== null ? decodeSegments(segments, charset) : decodeUndeclared(bytes, charset);
  return { bytes, decoded, corners };
}

/**
 * A gray image as binary PGM bytes, which zxing-wasm decodes (stb_image) straight into the one-channel buffer
 * zxing reads: given RGBA, zxing-wasm would convert it to gray in JavaScript first (and we would have expanded
 * our gray to RGBA for it).
 */
function pgm(image: GrayImage): Uint8Array {
  const head = `P5\n${image.width} ${image.height}\n255\n`;
  const out = new Uint8Array(head.length + image.data.length);
  for (let i = 0; i < head.length; i++) out[i] = head.charCodeAt(i);
  out.set(image.data, head.length);
  return out;
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
  async read(image: RgbaImage | GrayImage, hints: ReadHints = {}): Promise<EngineResult> {
    await ensureModule();
    let results: ReadResult[];
    try {
      results = await readBarcodes(isGray(image) ? pgm(image) : (image as ImageData), {
        formats: ['QRCode'],
        binarizer: hints.binarizer === 'global' ? 'GlobalHistogram' : 'LocalAverage',
        tryDownscale: hints.downscale ?? true,
        tryDenoise: hints.denoise ?? false,
        tryInvert: hints.invert ?? true,
        returnErrors: true,
        maxNumberOfSymbols: 255,
      });
    } catch (cause) {
      throw new QrPosterError('decode_failed', 'zxing-wasm failed while reading the image', { cause });
    }
    const hits: EngineHit[] = [];
    const misses: LocatedCode[] = [];
    for (const r of results) {
      if (r.isValid) hits.push(toHit(r, hints.charset ?? 'auto'));
      // Only checksum failures point at a real symbol; format failures and rMQR candidates are mostly
      // false finder-pattern matches (measured on boofcv-dev), and each miss costs crop retries.
      else if (r.format !== 'RMQRCode' && r.error.startsWith('ChecksumError')) misses.push(located(r));
    }
    return { hits, misses };
  },
};
