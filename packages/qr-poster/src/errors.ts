import { errorClass, isSharekitError } from '@sharekit/canonical-url';
/**
 * Every error code `@sharekit/qr-poster` throws, with what it means.
 * @example
 * Object.keys(QR_POSTER_ERROR_CODES).includes(error.code);
 */
export const QR_POSTER_ERROR_CODES = {
  /** The argument is not an image: wrong type, zero size, or RGBA data whose length is not width×height×4. */
  invalid_image: 'invalid_image',
  /** The image (or the size its header claims) exceeds the pixel budget. */
  image_too_large: 'image_too_large',
  /** The bytes are not PNG, JPEG, WebP or GIF. */
  unsupported_format: 'unsupported_format',
  /** The bytes look like a supported format but are truncated, corrupt or hostile (a second PNG IHDR, image data that inflates past its header's size, thousands of JPEG scans). */
  corrupt_image: 'corrupt_image',
  /** A QR engine could not be loaded or crashed while decoding. */
  decode_failed: 'decode_failed',
  /** An option has a value outside its allowed range. */
  invalid_option: 'invalid_option',
  /** A poster spec is malformed: missing target, a title that is not a string, unknown size preset… */
  invalid_spec: 'invalid_spec',
  /** The poster target is neither an http(s) URL nor a `LinkIdentity`. */
  invalid_target: 'invalid_target',
  /** The target is a `javascript:`, `data:`, `file:` or other non-web URL, or its host imitates a platform. */
  unsafe_target: 'unsafe_target',
  /** The payload does not fit in a QR code at the chosen error-correction level. */
  payload_too_long: 'payload_too_long',
  /** The QR colours are too close (luminance ratio) or inverted (light modules on dark), so scanners may fail. */
  low_contrast: 'low_contrast',
  /** The requested logo covers more of the QR code than its error correction can repair. */
  logo_too_large: 'logo_too_large',
  /** A character of the poster text has no glyph in the bundled or supplied fonts (it would render as a box). */
  missing_glyph: 'missing_glyph',
  /** The SVG renderer failed to rasterise the poster. */
  render_failed: 'render_failed',
  /**
   * A Node-only feature needs an optional peer dependency that is not installed (`sharp`, for JPEG/WebP/GIF
   * bytes and PNG posters); the message names the package to install.
   */
  missing_dependency: 'missing_dependency',
  /** `verify: true` decoded the poster's own raster and did not get back exactly the encoded payload. */
  verify_failed: 'verify_failed',
} as const;

export type QrPosterErrorCode = keyof typeof QR_POSTER_ERROR_CODES;

/**
 * The one error class of `@sharekit/qr-poster`; `code` says what went wrong.
 *
 * @example
 * ```ts
 * try { await decodeQr({ data: new Uint8ClampedArray(3), width: 1, height: 1 }) }
 * catch (e) { if (isQrPosterError(e)) console.log(e.code) } // 'invalid_image'
 * ```
 */
// The table's messages are its codes, which is also the message of a code without one: the class needs no
// copy of it at run time, so renderPoster's bundle does not carry it.
export const QrPosterError = errorClass<'QrPosterError', QrPosterErrorCode>('QrPosterError', {});
export type QrPosterError = InstanceType<typeof QrPosterError>;

/**
 * True when `e` is a {@link QrPosterError}, also across duplicated copies of the package (checks `name`).
 *
 * @example
 * ```ts
 * isQrPosterError(new QrPosterError('invalid_image', 'empty')) // true
 * ```
 */
export function isQrPosterError(error: unknown): error is QrPosterError {
  return isSharekitError(error, 'QrPosterError');
}
