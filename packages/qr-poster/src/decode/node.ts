// Node-only entry of the decoding half. `src/node.ts` re-exports from here.
import { QrPosterError } from '../errors.js';
import { resolveOptions } from './decode.js';
import { checkRgba } from './image.js';
import { decodeImage } from './node-image.js';
import { withIdentity } from './poster.js';
import { runStrategy } from './strategy.js';
import type { DecodeOptions, PosterCode, QrCode, RgbaImage } from './types.js';

export { configureZxing } from './engines/zxing.js';
export {
  type DecodeImageOptions,
  decodeImage,
  type ImageFormat,
  type ImageHeader,
  loadZxing,
  readImageHeader,
} from './node-image.js';

function isRgba(input: unknown): input is RgbaImage {
  return (
    typeof input === 'object' && input !== null && 'data' in input && 'width' in input && 'height' in input
  );
}

/**
 * Node version of `decodeQr`: also takes PNG, JPEG or WebP bytes, and loads zxing's wasm from `node_modules`.
 *
 * @param input - RGBA `{ data, width, height }`, or encoded image bytes.
 * @throws QrPosterError as `decodeQr`, plus `unsupported_format` and `corrupt_image` for bytes.
 *
 * @example
 * ```ts
 * import { decodeQr } from '@sharekit/qr-poster/node'
 * const codes = await decodeQr(await readFile('poster.jpg'))
 * ```
 */
export async function decodeQr(
  input: RgbaImage | Uint8Array | ArrayBuffer,
  options?: DecodeOptions,
): Promise<QrCode[]> {
  const settings = await resolveOptions(options);
  const rgba =
    input instanceof Uint8Array || input instanceof ArrayBuffer
      ? await decodeImage(input, { maxPixels: settings.maxPixels })
      : isRgba(input)
        ? checkRgba(input, settings.maxPixels)
        : (() => {
            throw new QrPosterError(
              'invalid_image',
              'expected RGBA { data, width, height } or PNG/JPEG/WebP bytes',
            );
          })();
  return runStrategy(rgba, settings);
}

/**
 * Node version of `decodePoster`: every code with its platform `identity`; takes bytes or RGBA.
 *
 * @example
 * ```ts
 * const [code] = await decodePoster(await readFile('poster.png'))
 * code?.identity?.platform // 'taobao'
 * ```
 */
export async function decodePoster(
  input: RgbaImage | Uint8Array | ArrayBuffer,
  options?: DecodeOptions,
): Promise<PosterCode[]> {
  return withIdentity(await decodeQr(input, options));
}
