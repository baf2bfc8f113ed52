import jsQR from 'jsqr';
import { decodeSegments, decodeUndeclared, type Segment, segmentBytes } from '../charset.js';
import { type GrayImage, grayToRgba } from '../image.js';
import type { QrCorners, RgbaImage } from '../types.js';
import { type EngineHit, type EngineResult, isGray, type QrEngine, type ReadHints } from './types.js';

type JsQrCode = NonNullable<ReturnType<typeof jsQR>>;

/** Turns jsQR's chunks into our segments; `null` when a chunk is malformed (e.g. a corrupt ECI). */
function toSegments(chunks: JsQrCode['chunks']): Segment[] | null {
  const segments: Segment[] = [];
  for (const chunk of chunks) {
    if ('assignmentNumber' in chunk) {
      if (chunk.assignmentNumber < 0) return null;
      segments.push({ mode: 'eci', assignment: chunk.assignmentNumber });
    } else if ('bytes' in chunk) {
      // jsQR's own text for these is UTF-8-or-empty and its Kanji table is partial: keep only the bytes.
      segments.push({ mode: chunk.type === 'kanji' ? 'kanji' : 'byte', bytes: Uint8Array.from(chunk.bytes) });
    } else if (chunk.type === 'numeric' || chunk.type === 'alphanumeric') {
      segments.push({ mode: chunk.type, text: chunk.text });
    } else {
      return null;
    }
  }
  return segments;
}

/** Runs jsQR once; the hit carries the code's segments decoded by our own charset rules. */
export function jsqrDecode(
  image: RgbaImage,
  inversion: 'dontInvert' | 'attemptBoth',
  charset: NonNullable<ReadHints['charset']> = 'auto',
): EngineHit | null {
  const data =
    image.data instanceof Uint8ClampedArray
      ? image.data
      : new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length);
  let code: JsQrCode | null;
  try {
    code = jsQR(data, image.width, image.height, { inversionAttempts: inversion });
  } catch {
    return null; // jsQR throws on some corrupt bitstreams; that is a miss, not an error of ours
  }
  if (code === null) return null;
  const segments = toSegments(code.chunks);
  const loc = code.location;
  const corners: QrCorners = {
    topLeft: loc.topLeftCorner,
    topRight: loc.topRightCorner,
    bottomRight: loc.bottomRightCorner,
    bottomLeft: loc.bottomLeftCorner,
  };
  if (segments === null) {
    // A chunk jsQR could not parse (a corrupt ECI): score the raw bytes, and say it is a guess.
    const bytes = Uint8Array.from(code.binaryData);
    const decoded = decodeUndeclared(bytes, charset);
    return {
      bytes,
      decoded: {
        ...decoded,
        charsetSource: decoded.charsetSource === 'unambiguous' ? 'unambiguous' : 'guess',
      },
      corners,
    };
  }
  return { bytes: segmentBytes(segments), decoded: decodeSegments(segments, charset), corners };
}

/**
 * The pure-JS engine: jsQR, one code per call, both polarities unless `invert: false`.
 *
 * @example
 * ```ts
 * const { hits } = await jsqrEngine.read({ data, width, height })
 * ```
 */
export const jsqrEngine: QrEngine = {
  name: 'jsqr',
  async read(image: RgbaImage | GrayImage, hints: ReadHints = {}): Promise<EngineResult> {
    const rgba = isGray(image) ? grayToRgba(image) : image;
    const hit = jsqrDecode(rgba, hints.invert === false ? 'dontInvert' : 'attemptBoth', hints.charset);
    return { hits: hit === null ? [] : [hit], misses: [] };
  },
};
