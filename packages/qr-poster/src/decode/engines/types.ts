import type { DecodedText } from '../charset.js';
import type { GrayImage } from '../image.js';
import type { QrCorners, QrEngineName, RgbaImage } from '../types.js';

/** How an engine should binarise and search; engines ignore hints they have no knob for. */
export interface ReadHints {
  /** Local (adaptive) or one global threshold. @default 'local' */
  readonly binarizer?: 'local' | 'global';
  /** Let the engine try its own downscaled copies. @default true */
  readonly downscale?: boolean;
  /** Also try the image's negative when nothing reads (zxing's tryInvert, jsQR's attemptBoth). @default true */
  readonly invert?: boolean;
  /** Morphological closing before detection (zxing). @default false */
  readonly denoise?: boolean;
  /** Charset for byte data without ECI. @default 'auto' */
  readonly charset?: 'auto' | 'utf-8' | 'shift_jis' | 'gb18030' | 'iso-8859-1';
}

/** A code an engine decoded: its payload bytes and their text (with how sure its charset is). */
export interface EngineHit {
  readonly bytes: Uint8Array;
  readonly decoded: DecodedText;
  /** In the coordinates of the image the engine was given. */
  readonly corners: QrCorners;
}

/** A code an engine located but could not decode: its corners, and its side in modules when known. */
export type LocatedCode = QrCorners & { readonly modules?: number };

/** What one engine call found: decoded codes, and codes it located but could not decode. */
export interface EngineResult {
  readonly hits: readonly EngineHit[];
  readonly misses: readonly LocatedCode[];
}

/**
 * The one small interface every QR engine sits behind. It reads RGBA, or one-channel gray (what every escalation
 * pass makes: no expansion to RGBA and back).
 *
 * @example
 * ```ts
 * const result = await engine.read(rgba, { binarizer: 'global' })
 * ```
 */
export interface QrEngine {
  readonly name: QrEngineName;
  read(image: RgbaImage | GrayImage, hints?: ReadHints): Promise<EngineResult>;
}

/**
 * True for a one-channel image (`data` holds one byte a pixel; RGBA holds four).
 *
 * @example
 * ```ts
 * isGray({ data: new Uint8Array(4), width: 2, height: 2 }) // true
 * ```
 */
export function isGray(image: RgbaImage | GrayImage): image is GrayImage {
  return image.data.length === image.width * image.height;
}
