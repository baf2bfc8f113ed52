// resvg, the reference SVG rasteriser, for tests and the bench only: a differential check of our SVG
// and the peer our own rasteriser is measured against. Not a dependency of the package.
import { Resvg } from '@resvg/resvg-js';
import { BUNDLED_FONT_FILES } from '../src/poster/png.js';
import type { Raster } from '../src/poster/verify.js';

/** Rasterises an SVG with resvg and the given font files only (never system fonts). */
export function rasterizeSvg(
  svg: string,
  files: readonly string[] = BUNDLED_FONT_FILES,
): { png: Uint8Array; raster: Raster } {
  const resvg = new Resvg(svg, {
    font: {
      loadSystemFonts: false,
      fontFiles: [...files],
      defaultFontFamily: 'Noto Sans SC',
      sansSerifFamily: 'Noto Sans SC',
    },
    shapeRendering: 2,
    textRendering: 1,
    logLevel: 'off',
  });
  const image = resvg.render();
  const raster = {
    data: new Uint8ClampedArray(image.pixels.buffer, image.pixels.byteOffset, image.pixels.length),
    width: image.width,
    height: image.height,
  };
  const buf = image.asPng();
  return { png: new Uint8Array(buf.buffer, buf.byteOffset, buf.length), raster };
}
