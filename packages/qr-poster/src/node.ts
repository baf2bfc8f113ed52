// @sharekit/qr-poster/node — everything in the main entry, plus PNG rendering with the bundled CJK
// font and decoding from encoded image bytes (the byte-accepting `decodeQr`/`decodePoster` replace
// the RGBA-only ones of the main entry).
export * from './decode/node.js';
export { decodePoster, decodeQr } from './decode/node.js';
export * from './index.js';
export {
  BUNDLED_FONT_FILES,
  type PngOptions,
  type PosterPngReport,
  renderPosterPng,
  renderPosterPngReport,
} from './poster/png.js';
