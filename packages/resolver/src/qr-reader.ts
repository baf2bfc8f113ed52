// The image half of the main entry: loaded with `import()` on first use, so a page that only resolves text
// never downloads the decoders or the poster renderer (bundlers that split code give it a chunk of its own),
// nor the image decoding and QR reading of `resolve`, which only images need. It imports nothing of the
// resolver's text half (types aside): what it needs comes in as arguments, so its chunk holds only its own
// code and the first load stays one chunk.
import { checkImageBytes, isQrPosterError, type QrCode, QrPosterError } from '@sharekit/qr-poster';
import type { QrReader } from './resolve.js';
import type { RgbaImage, UnknownReason } from './types.js';

export { checkImageBytes, configureZxing, decodeQr, renderPoster } from '@sharekit/qr-poster';

/** Decodes image bytes in a browser (createImageBitmap + canvas), or returns null where that is missing. */
export async function browserDecode(bytes: Uint8Array, maxPixels: number): Promise<RgbaImage | null> {
  const g = globalThis as unknown as {
    createImageBitmap?: (b: Blob) => Promise<{ width: number; height: number; close(): void }>;
    OffscreenCanvas?: new (
      w: number,
      h: number,
    ) => {
      getContext(t: '2d'): {
        drawImage(i: unknown, x: number, y: number): void;
        getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
      } | null;
    };
  };
  if (typeof g.createImageBitmap !== 'function' || typeof g.OffscreenCanvas !== 'function') return null;
  // What the browser's decoder would allocate (every frame header, PNG chunks) is checked from the bytes
  // first: a hostile file is refused before createImageBitmap sees it (issue 15, finding 5).
  checkImageBytes(bytes, { maxPixels });
  const bitmap = await g.createImageBitmap(new Blob([bytes as Uint8Array<ArrayBuffer>]));
  try {
    if (bitmap.width * bitmap.height > maxPixels) {
      throw new QrPosterError(
        'image_too_large',
        `the image is ${bitmap.width}×${bitmap.height} pixels, more than ${maxPixels}`,
      );
    }
    const canvas = new g.OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d');
    if (!ctx) return null;
    ctx.drawImage(bitmap, 0, 0);
    return {
      data: ctx.getImageData(0, 0, bitmap.width, bitmap.height).data,
      width: bitmap.width,
      height: bitmap.height,
    };
  } finally {
    bitmap.close();
  }
}

/** Why an image gave no codes, for the resolver's `unknown` answer. */
export interface NoCodes {
  readonly why: UnknownReason;
  readonly label: string;
  readonly labelZh: string;
}

/** How image bytes become pixels: not at all (the reader takes bytes), a caller's decoder, or the browser's. */
export type ImageDecoding = ((bytes: Uint8Array) => Promise<RgbaImage>) | 'browser' | null;

const tooLarge: NoCodes = {
  why: 'image-too-large',
  label: 'the image is larger than the pixel budget',
  labelZh: '图片超过像素上限',
};

/**
 * The QR codes of an image, or why there are none: `image-too-large` past the pixel budget,
 * `image-unreadable` for bytes that do not decode or an image the reader refuses,
 * `image-decoder-unavailable` for bytes with no decoder here, `no-qr-code`. Other errors (bugs) are
 * thrown.
 */
export async function readCodes(
  input: RgbaImage | Uint8Array,
  maxPixels: number,
  readQr: QrReader,
  decode: ImageDecoding,
): Promise<readonly QrCode[] | NoCodes> {
  let image = input;
  if (input instanceof Uint8Array && decode !== null) {
    let rgba: RgbaImage | null;
    try {
      rgba = decode === 'browser' ? await browserDecode(input, maxPixels) : await decode(input);
    } catch (error) {
      if ((error as { code?: unknown } | null)?.code === 'image_too_large') return tooLarge;
      return { why: 'image-unreadable', label: 'the image cannot be decoded', labelZh: '无法解码图片' };
    }
    if (!rgba) {
      return {
        why: 'image-decoder-unavailable',
        label: 'no image decoder here: pass RGBA, options.decodeImage, or use @sharekit/resolver/node',
        labelZh: '此环境无法解码图片',
      };
    }
    image = rgba;
  }
  let codes: readonly QrCode[];
  try {
    codes = await readQr(image, { maxPixels });
  } catch (error) {
    if (!isQrPosterError(error)) throw error;
    if (error.code === 'image_too_large') return tooLarge;
    return {
      why: 'image-unreadable',
      label: `the image cannot be read (${error.code})`,
      labelZh: `无法读取图片（${error.code}）`,
    };
  }
  if (codes.length === 0) {
    return { why: 'no-qr-code', label: 'no QR code found in the image', labelZh: '图片中未找到二维码' };
  }
  return codes;
}
