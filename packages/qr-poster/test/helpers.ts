import { isQrPosterError, type QrPosterErrorCode } from '../src/index.js';
import { rasterizeSvg } from './resvg.js';

let cached: Uint8Array | undefined;

/** A small real PNG (a red rounded square with a white bar), made with the same rasteriser. */
export function tinyPng(): Uint8Array {
  cached ??= rasterizeSvg(
    '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><rect width="64" height="64" rx="14" fill="#c8102e"/><rect x="16" y="28" width="32" height="8" fill="#fff"/></svg>',
    [],
  ).png;
  return cached;
}

/** The `code` of the `QrPosterError` that `run` rejects with, `'no error'` when it resolves, else `'other error'`. */
export async function codeOf(
  run: () => Promise<unknown>,
): Promise<QrPosterErrorCode | 'no error' | 'other error'> {
  try {
    await run();
    return 'no error';
  } catch (error) {
    return isQrPosterError(error) ? error.code : 'other error';
  }
}

/**
 * Bytes that start like a PNG whose IHDR claims `width`×`height`, `length` bytes long (at least 24):
 * enough for the header checks, nothing a decoder could read. The bytes after the size are a fixed
 * pattern, so their base64 is the same on every run.
 */
export function pngHeader(width: number, height: number, length = 33): Uint8Array {
  const b = new Uint8Array(length);
  b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  const v = new DataView(b.buffer);
  v.setUint32(16, width);
  v.setUint32(20, height);
  for (let i = 24; i < length; i++) b[i] = (i * 37) & 0xff;
  return b;
}

/** Bytes that start like a JPEG: SOI, a 4-byte APP0 segment, then a baseline frame header claiming `width`×`height`. */
export function jpegHeader(width: number, height: number): Uint8Array {
  const hex = 'ffd8ffe000044a46ffc00011080000000003012200021101031101';
  const b = Uint8Array.from({ length: hex.length / 2 }, (_, i) =>
    Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16),
  );
  const v = new DataView(b.buffer);
  v.setUint16(13, height);
  v.setUint16(15, width);
  return b;
}
