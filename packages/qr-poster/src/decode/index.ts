// Public API of the decoding half. `src/index.ts` re-exports from here.
export { decodeQr } from './decode.js';
export { configureZxing } from './engines/zxing.js';
export { DEFAULT_MAX_PIXELS } from './image.js';
export { checkImageBytes, type ImageFormat, type ImageHeader } from './image-header.js';
export { decodePoster } from './poster.js';
export type {
  CharsetSource,
  DecodeOptions,
  Point,
  PosterCode,
  QrCharset,
  QrCode,
  QrCorners,
  QrEngineName,
  RgbaImage,
  ZxingWasmSource,
} from './types.js';
