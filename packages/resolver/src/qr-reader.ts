// The QR half of the main entry: loaded with `import()` on first use, so a page that only resolves text
// never downloads the decoders or the poster renderer (bundlers that split code give it a chunk of its own),
// nor the browser's image decoding, which only images need.
import { checkImageBytes, QrPosterError } from '@sharekit/qr-poster';
import type { RgbaImage } from './types.js';

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
