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

/**
 * The character set a code's bytes were read with: the candidates for byte data without ECI (`utf-8`,
 * `shift_jis`, `gb18030`, `iso-8859-1`), `ascii`, and whatever an ECI header can declare.
 */
export type QrCharset =
  | 'ascii'
  | 'utf-8'
  | 'shift_jis'
  | 'gb18030'
  | 'iso-8859-1'
  | 'iso-8859-2'
  | 'iso-8859-3'
  | 'iso-8859-4'
  | 'iso-8859-5'
  | 'iso-8859-6'
  | 'iso-8859-7'
  | 'iso-8859-8'
  | 'iso-8859-9'
  | 'iso-8859-10'
  | 'iso-8859-11'
  | 'iso-8859-13'
  | 'iso-8859-14'
  | 'iso-8859-15'
  | 'iso-8859-16'
  | 'windows-1250'
  | 'windows-1251'
  | 'windows-1252'
  | 'windows-1256'
  | 'utf-16be'
  | 'big5'
  | 'euc-kr'
  | 'cp437';

/**
 * How the charset of a code was decided:
 * - `'unambiguous'`: every byte is ASCII (numeric, alphanumeric or ASCII byte data): every charset reads it alike;
 * - `'declared'`: an ECI header (or Kanji mode, or your `charset` option) names it, and the bytes are valid in it;
 * - `'inferred'`: byte data without ECI, and one candidate charset is clearly the most plausible (valid UTF-8
 *   with multi-byte characters, the only multi-byte charset that decodes the bytes, or a clear winner);
 * - `'guess'`: the candidates score close, or the declared charset is unknown or rejects the bytes.
 *   `bytes` carries the payload so a caller can decide otherwise.
 */
export type CharsetSource = 'unambiguous' | 'declared' | 'inferred' | 'guess';

/** One QR code found in an image. */
export interface QrCode {
  /** The decoded text (see `charsetSource` for how sure its charset is). */
  readonly text: string;
  /** The payload bytes as stored in the code (Kanji mode as Shift-JIS bytes, ECI headers removed). */
  readonly bytes: Uint8Array;
  /** The character set the bytes were decoded with (the one most bytes used, when segments differ). */
  readonly charset: QrCharset;
  /** Whether the charset was declared, inferred with confidence, or a guess. */
  readonly charsetSource: CharsetSource;
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
   * to the engines; jsQR pixels count 12×). Deterministic: the same image gives the same result on any machine.
   * With the default the median time per photo stays near plain zxing-wasm's (boofcv-dev, session 6: 1.06–1.55×
   * per run, 1.10× timed best of three); `Infinity` tries every step.
   * @default 0.75
   */
  readonly escalationBudget?: number;
  /**
   * Largest image accepted, in pixels (width × height). Larger images throw `image_too_large`.
   * @default 40_000_000
   */
  readonly maxPixels?: number;
  /**
   * Character set for byte-mode data without an ECI header. `'auto'` scores UTF-8, Shift-JIS, GB 18030 and
   * ISO-8859-1 by which decode the bytes cleanly and how plausible their characters are (an ECI always wins).
   * A named charset is used when the bytes are valid in it, else `'auto'` decides.
   * @default 'auto'
   */
  readonly charset?: 'auto' | 'utf-8' | 'shift_jis' | 'gb18030' | 'iso-8859-1';
  /**
   * Which polarities zxing's cheap pass reads. `'auto'`: dark-on-light first, light-on-dark only when that
   * reads no code (on photos of 4 MP and more both at once); a light-on-dark code beside a dark-on-light one is
   * then left unread. `'both'`: both on every image, as plain zxing-wasm does (~20 % more time per photo).
   * @default 'auto'
   */
  readonly polarity?: 'auto' | 'both';
}
