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
