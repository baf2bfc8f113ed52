import { identify } from '@sharekit/canonical-url';
import { decodeQr } from './decode.js';
import type { DecodeOptions, PosterCode, QrCode, RgbaImage } from './types.js';

/** Adds the platform identity of each code's text. */
export function withIdentity(codes: readonly QrCode[]): PosterCode[] {
  return codes.map((code) => {
    let identity: PosterCode['identity'] = null;
    try {
      identity = identify(code.text);
    } catch {
      identity = null; // identify throws only for inputs over its size limit: such a text is not a link
    }
    return { ...code, identity };
  });
}

/**
 * Reads a product poster: every QR code, each with the platform link it identifies (`identity`, `null`
 * when the text is not a known platform link).
 *
 * @returns The codes found, with `identity`.
 * @throws QrPosterError as {@link decodeQr}.
 *
 * @example
 * ```ts
 * const [code] = await decodePoster(imageData)
 * code?.identity // { platform: 'jd', kind: 'item', id: '100012043978', url: 'https://item.jd.com/100012043978.html' }
 * ```
 */
export async function decodePoster(image: RgbaImage, options?: DecodeOptions): Promise<PosterCode[]> {
  return withIdentity(await decodeQr(image, options));
}
