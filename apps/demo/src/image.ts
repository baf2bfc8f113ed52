// Image files, pasted images and canvases → RGBA pixels for the QR reader, within size limits.
import { fitImage } from './view.js';

/** Longest image side read; larger photos are scaled down first (QR codes survive that). */
const MAX_IMAGE_SIDE = 4096;
/** Largest image file read (a phone photo is 2–12 MB). */
const MAX_IMAGE_BYTES = 50 * 1024 * 1024;
/** Largest image read, in pixels, checked on its header before decoding (a 200-megapixel phone is 16384×12288). */
const MAX_IMAGE_PIXELS = 200_000_000;

/** Thrown by {@link toImageData} when an image is past the file-size or pixel limit. */
export class ImageTooLarge extends Error {}

/** Reads an image's size from its header (the browser decodes the pixels only when they are drawn). */
async function imageSize(blob: Blob): Promise<{ width: number; height: number }> {
  const url = URL.createObjectURL(blob);
  try {
    const img = new Image();
    const loaded = new Promise<void>((ok, fail) => {
      img.onload = () => ok();
      img.onerror = () => fail(new Error('unreadable image'));
    });
    img.src = url;
    await loaded;
    return { width: img.naturalWidth, height: img.naturalHeight };
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** An image file scaled to fit the limits, checked on its size and header before any pixel is decoded. */
async function fromBlob(source: Blob): Promise<{ drawable: ImageBitmap; fit: ReturnType<typeof fitImage> }> {
  if (source.size > MAX_IMAGE_BYTES) throw new ImageTooLarge();
  const size = await imageSize(source);
  if (size.width === 0 || size.height === 0) throw new Error('empty image');
  if (size.width * size.height > MAX_IMAGE_PIXELS) throw new ImageTooLarge();
  const fit = fitImage(size.width, size.height, MAX_IMAGE_SIDE);
  const drawable = await createImageBitmap(source, {
    resizeWidth: fit.width,
    resizeHeight: fit.height,
    resizeQuality: 'high',
  });
  return { drawable, fit };
}

/**
 * The RGBA pixels of an image file or canvas on white, its longest side at most 4096.
 * Throws {@link ImageTooLarge} past the limits, an Error when the image does not decode.
 *
 * @example
 * const rgba = await toImageData(file);
 * await resolve({ data: rgba.data, width: rgba.width, height: rgba.height });
 */
export async function toImageData(source: Blob | HTMLCanvasElement): Promise<ImageData> {
  const { drawable, fit } =
    source instanceof HTMLCanvasElement
      ? { drawable: source, fit: fitImage(source.width, source.height, MAX_IMAGE_SIDE) }
      : await fromBlob(source);
  const canvas = document.createElement('canvas');
  canvas.width = fit.width;
  canvas.height = fit.height;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (ctx === null) throw new Error('no 2d canvas');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, fit.width, fit.height);
  ctx.drawImage(drawable, 0, 0, fit.width, fit.height);
  if (drawable instanceof ImageBitmap) drawable.close();
  return ctx.getImageData(0, 0, fit.width, fit.height);
}

/**
 * The first image among dropped, pasted or chosen files.
 *
 * @example
 * firstImage(event.dataTransfer?.files) // a File, or null
 */
export function firstImage(files: FileList | null | undefined): File | null {
  if (!files) return null;
  for (const f of Array.from(files)) if (f.type.startsWith('image/')) return f;
  return null;
}
