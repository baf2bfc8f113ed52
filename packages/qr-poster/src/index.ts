// @sharekit/qr-poster — browser-safe entry: poster rendering to SVG and QR decoding from RGBA pixels.
export {
  type CharsetSource,
  checkImageBytes,
  configureZxing,
  DEFAULT_MAX_PIXELS,
  type DecodeOptions,
  decodePoster,
  decodeQr,
  type ImageFormat,
  type ImageHeader,
  type Point,
  type PosterCode,
  type QrCharset,
  type QrCode,
  type QrCorners,
  type QrEngineName,
  type RgbaImage,
  type ZxingWasmSource,
} from './decode/index.js';
export {
  isQrPosterError,
  QR_POSTER_ERROR_CODES,
  QrPosterError,
  type QrPosterErrorCode,
} from './errors.js';
export { contrastRatio, MIN_QR_CONTRAST, relativeLuminance } from './poster/color.js';
export type { ImageInput, ImageLimits } from './poster/image.js';
export type { EcLevel } from './poster/qr.js';
export { renderPoster } from './poster/render.js';
export { PLATFORM_LABELS, type PosterTarget } from './poster/target.js';
export { displayWidth, type WrapOptions, wrapText } from './poster/text.js';
export {
  type PosterQrOptions,
  type PosterSpec,
  type PosterTheme,
  type RenderedPoster,
  SIZE_PRESETS,
  type SizePreset,
} from './poster/types.js';
export type { PosterVerifier } from './poster/verify.js';
