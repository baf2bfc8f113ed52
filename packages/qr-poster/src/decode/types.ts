import type { LinkIdentity } from '@sharekit/canonical-url';

/** An RGBA raster, as in `ImageData`: `data.length === width * height * 4`. */
export interface RgbaImage {
  readonly data: Uint8ClampedArray | Uint8Array;
  readonly width: number;
  readonly height: number;
}

/** A point in image pixel coordinates (origin top-left). */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** The four corners of a code in the input image, in the code's own orientation. */
export interface QrCorners {
  readonly topLeft: Point;
  readonly topRight: Point;
  readonly bottomRight: Point;
  readonly bottomLeft: Point;
}

/** The engines `decodeQr` can use. */
export type QrEngineName = 'zxing' | 'jsqr';

/** How the text of a code was obtained from its bytes. */
export type QrCharset = 'utf-8' | 'shift_jis' | 'gb18030' | 'iso-8859-1' | 'ascii';

/** One QR code found in an image. */
export interface QrCode {
  /** The decoded text. Never a guess: codes whose bytes do not decode unambiguously are left out. */
  readonly text: string;
  /** The payload bytes as stored in the code (Kanji mode as Shift-JIS bytes, ECI headers removed). */
  readonly bytes: Uint8Array;
  /** The character set the bytes were decoded with. */
  readonly charset: QrCharset;
  /** Where the code is, in input-image pixels. */
  readonly corners: QrCorners;
  /** The engine that read it first. */
  readonly engine: QrEngineName;
}

/** A code found by `decodePoster`, with the platform link it points at. */
export interface PosterCode extends QrCode {
  /** The platform link the text identifies (`identify` of `@sharekit/canonical-url`); `null` when it is not one. */
  readonly identity: LinkIdentity | null;
}

/** Where to get zxing-wasm's `zxing_reader.wasm` from. Never a CDN: bytes you ship, or a URL you serve. */
export type ZxingWasmSource =
  | { readonly wasmBinary: ArrayBuffer | Uint8Array }
  | { readonly wasmUrl: string | URL };

/** Options of `decodeQr` / `decodePoster`. */
export interface DecodeOptions {
  /**
   * Engines to use, in order of preference. `'zxing'` needs its wasm: the `/node` entry loads it from the
   * local `zxing-wasm` package; in the browser pass `zxingWasm` or call `configureZxing` first.
   * @default ['zxing', 'jsqr'] (just ['jsqr'] in the main entry when zxing's wasm was not configured)
   */
  readonly engines?: readonly QrEngineName[];
  /**
   * Where zxing's wasm comes from (main entry). The `/node` entry fills it in from `node_modules`.
   * @default undefined (use what `configureZxing` set, else no zxing)
   */
  readonly zxingWasm?: ZxingWasmSource;
  /**
   * How hard to try. `'fast'`: one pass of each engine. `'thorough'`: escalate (scales, thresholds,
   * crops, rotations, inversion) when the cheap pass finds fewer codes than look present.
   * @default 'thorough'
   */
  readonly effort?: 'fast' | 'thorough';
  /**
   * How much work escalation may do after the cheap pass, as a multiple of the image's pixel count (pixels fed
   * to the engines; jsQR pixels count 5×). Deterministic: the same image gives the same result on any machine.
   * The default keeps the median time per photo under 1.5× plain zxing-wasm's (boofcv-dev: 1.2–1.4×);
   * `Infinity` tries every step.
   * @default 0.75
   */
  readonly escalationBudget?: number;
  /**
   * Largest image accepted, in pixels (width × height). Larger images throw `image_too_large`.
   * @default 40_000_000
   */
  readonly maxPixels?: number;
  /**
   * Character set for byte-mode data without an ECI header. `'auto'` accepts UTF-8, and Shift-JIS or
   * GB18030 only when exactly one of them decodes the bytes; otherwise the code is left out.
   * @default 'auto'
   */
  readonly charset?: 'auto' | 'utf-8' | 'shift_jis' | 'gb18030' | 'iso-8859-1';
}
