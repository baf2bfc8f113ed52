// The QR half of the main entry: loaded with `import()` on first use, so a page that only resolves text
// never downloads the decoders or the poster renderer (bundlers that split code give it a chunk of its own).
export { checkImageBytes, configureZxing, decodeQr, renderPoster } from '@sharekit/qr-poster';
