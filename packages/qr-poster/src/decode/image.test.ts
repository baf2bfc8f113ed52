import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  boxBlur,
  type GrayImage,
  gamma,
  grayToRgba,
  resize,
  resizeTo,
  stretch,
  texturedRegions,
  toGrayScaled,
} from './image.js';

function gray(width: number, height: number, f: (x: number, y: number) => number): GrayImage {
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data[y * width + x] = f(x, y);
  return { data, width, height };
}

describe('stretch', () => {
  it('maps a dim range onto black to white and clips the brightest pixels', () => {
    // 95 % of the pixels between 10 and 40, 5 % lamp at 250.
    const img = gray(100, 100, (x, y) => (y >= 95 ? 250 : 10 + Math.floor((x * 30) / 99)));
    const out = stretch(img, 0.02, 0.9);
    expect(out.data[0]).toBeLessThan(16); // darkest of the dim range: near black
    expect(out.data[99 * 100]).toBe(255); // the lamp clips
    expect(out.data[50]).toBeGreaterThan(100); // the middle of the dim range is now mid-grey
    expect(out.data[50]).toBeLessThan(200);
  });

  it('keeps the order of grey values (a monotone map)', () => {
    const img = gray(256, 1, (x) => x);
    const out = stretch(img, 0.05, 0.95);
    for (let i = 1; i < 256; i++)
      expect(out.data[i] as number).toBeGreaterThanOrEqual(out.data[i - 1] as number);
  });
});

describe('gamma', () => {
  it('brightens shadows with k below 1 and keeps black and white', () => {
    const out = gamma(
      gray(3, 1, (x) => [0, 64, 255][x] as number),
      0.5,
    );
    expect([...out.data]).toEqual([0, 128, 255]);
  });
});

describe('texturedRegions', () => {
  it('returns a box around a checkerboard patch on a flat background and nothing else', () => {
    // A 200×200 patch of 10 px modules at (500, 300) in a 1200×900 grey frame.
    const img = gray(1200, 900, (x, y) => {
      if (x < 500 || y < 300 || x >= 700 || y >= 500) return 140;
      return ((Math.floor(x / 10) * 7 + Math.floor(y / 10) * 13) % 3 === 0) !== (x + y) % 20 < 10 ? 20 : 230;
    });
    const regions = texturedRegions(img, 400, 6);
    expect(regions).toHaveLength(1);
    const [r] = regions as [{ x: number; y: number; width: number; height: number }];
    expect(Math.abs(r.x - 500)).toBeLessThan(30);
    expect(Math.abs(r.y - 300)).toBeLessThan(30);
    expect(Math.abs(r.width - 200)).toBeLessThan(60);
    expect(Math.abs(r.height - 200)).toBeLessThan(60);
  });

  it('finds a patch in a dim corner as well as one in daylight', () => {
    // Left half dark (modules at 8 and 28), right half bright (modules at 40 and 230).
    const img = gray(1200, 600, (x, y) => {
      const inDim = x >= 150 && x < 350 && y >= 200 && y < 400;
      const inBright = x >= 800 && x < 1000 && y >= 200 && y < 400;
      const dark = (Math.floor(x / 10) * 7 + Math.floor(y / 10) * 13) % 3 === 0;
      if (inDim) return dark ? 8 : 28;
      if (inBright) return dark ? 40 : 230;
      return x < 600 ? 18 : 180;
    });
    const xs = texturedRegions(img, 400, 6)
      .map((r) => r.x + r.width / 2)
      .sort((a, b) => a - b);
    expect(xs).toHaveLength(2);
    expect(Math.abs((xs[0] as number) - 250)).toBeLessThan(30);
    expect(Math.abs((xs[1] as number) - 900)).toBeLessThan(30);
  });

  it('finds nothing in a flat or smoothly shaded image', () => {
    expect(
      texturedRegions(
        gray(300, 200, () => 128),
        400,
        6,
      ),
    ).toEqual([]);
    expect(
      texturedRegions(
        gray(300, 200, (x, y) => (x + y) % 256),
        400,
        6,
      ),
    ).toEqual([]);
  });
});

describe('resizeTo', () => {
  it('scales the two axes independently and keeps a horizontal ramp monotone and in range', () => {
    const img = gray(40, 100, (x) => x * 6);
    const out = resizeTo(img, 100, 50);
    expect([out.width, out.height]).toEqual([100, 50]);
    for (let y = 0; y < 50; y++) {
      expect(out.data[y * 100] as number).toBeLessThanOrEqual(6);
      expect(out.data[y * 100 + 99] as number).toBeGreaterThanOrEqual(39 * 6 - 6);
      for (let x = 1; x < 100; x++) {
        expect(out.data[y * 100 + x] as number).toBeGreaterThanOrEqual(out.data[y * 100 + x - 1] as number);
      }
    }
  });

  it('keeps a vertical edge at the same relative position when only the other axis changes', () => {
    const img = gray(20, 20, (_x, y) => (y < 10 ? 0 : 255));
    const out = resizeTo(img, 60, 20);
    for (let x = 0; x < 60; x++) {
      expect(out.data[9 * 60 + x]).toBe(0);
      expect(out.data[10 * 60 + x]).toBe(255);
    }
  });
});

/** An RGBA image from a function of the pixel position (alpha 255). */
function rgbaOf(width: number, height: number, f: (x: number, y: number) => [number, number, number]) {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [r, g, b] = f(x, y);
      data.set([r, g, b, 255], (y * width + x) * 4);
    }
  }
  return { data, width, height };
}

describe('toGrayScaled', () => {
  it('gives each block the mean luma of its pixels, rounded down', () => {
    // Random colours, 3×3 blocks (a 90×60 image shrunk to side 30); luma = (306 r + 601 g + 117 b) / 1024.
    let seed = 7;
    const next = (): number => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return seed >>> 24;
    };
    const img = rgbaOf(90, 60, () => [next(), next(), next()]);
    const { image, scale } = toGrayScaled(img, 30);
    expect(scale).toBeCloseTo(1 / 3);
    expect([image.width, image.height]).toEqual([30, 20]);
    const d = img.data;
    for (let by = 0; by < 20; by++) {
      for (let bx = 0; bx < 30; bx++) {
        let sum = 0;
        for (let y = 0; y < 3; y++) {
          for (let x = 0; x < 3; x++) {
            const i = ((by * 3 + y) * 90 + bx * 3 + x) * 4;
            sum += ((d[i] as number) * 306 + (d[i + 1] as number) * 601 + (d[i + 2] as number) * 117) / 1024;
          }
        }
        const got = image.data[by * 30 + bx] as number;
        expect(got).toBeLessThanOrEqual(sum / 9);
        expect(got).toBeGreaterThan(sum / 9 - 1);
      }
    }
  });

  it('gives every block size the luma of the block sums, whatever the image size (the written-out 2×2 and 3×3 blocks too)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 0, max: 7 }),
        fc.integer({ min: 0, max: 7 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (factor, extraW, extraH, seed0) => {
          let seed = seed0;
          const next = (): number => {
            seed = (seed * 1103515245 + 12345) >>> 0;
            return seed >>> 24;
          };
          const w = factor * 5 + extraW;
          const h = factor * 4 + extraH;
          const img = rgbaOf(w, h, () => [next(), next(), next()]);
          const side = Math.ceil(Math.max(w, h) / factor);
          const { image } = toGrayScaled(img, side);
          const f = Math.max(1, Math.ceil(Math.max(w, h) / side));
          const d = img.data;
          for (let by = 0; by < image.height; by++) {
            for (let bx = 0; bx < image.width; bx++) {
              let r = 0;
              let g = 0;
              let b = 0;
              for (let y = 0; y < f; y++) {
                for (let x = 0; x < f; x++) {
                  const i = ((by * f + y) * w + bx * f + x) * 4;
                  r += d[i] as number;
                  g += d[i + 1] as number;
                  b += d[i + 2] as number;
                }
              }
              const want =
                f === 1
                  ? (r * 306 + g * 601 + b * 117 + 512) >> 10
                  : Math.floor((r * 306 + g * 601 + b * 117) / (1024 * f * f));
              if (image.data[by * image.width + bx] !== want) return false;
            }
          }
          return image.width === Math.floor(w / f) && image.height === Math.floor(h / f);
        },
      ),
    );
  });

  it('keeps pure white white and pure black black at block sizes up to 16 and beyond', () => {
    for (const factor of [2, 16, 17]) {
      const img = rgbaOf(factor * 4, factor * 2, (x) => (x < factor * 2 ? [0, 0, 0] : [255, 255, 255]));
      const { image } = toGrayScaled(img, 4);
      expect(Array.from(image.data)).toEqual([0, 0, 255, 255, 0, 0, 255, 255]);
    }
  });
});

describe('grayToRgba', () => {
  it('writes each grey value into red, green and blue with an opaque alpha', () => {
    const rgba = grayToRgba({ data: Uint8Array.from([0, 7, 128, 255]), width: 2, height: 2 });
    expect(Array.from(rgba.data)).toEqual([
      0, 0, 0, 255, 7, 7, 7, 255, 128, 128, 128, 255, 255, 255, 255, 255,
    ]);
  });
});

/** Mean of the source block each output pixel of a box shrink covers, summed pixel by pixel. */
function blockMeans(g: GrayImage, width: number, height: number): number[] {
  const fx = g.width / width;
  const fy = g.height / height;
  const out: number[] = [];
  for (let y = 0; y < height; y++) {
    const y0 = Math.floor(y * fy);
    const y1 = Math.max(y0 + 1, Math.min(g.height, Math.floor((y + 1) * fy)));
    for (let x = 0; x < width; x++) {
      const x0 = Math.floor(x * fx);
      const x1 = Math.max(x0 + 1, Math.min(g.width, Math.floor((x + 1) * fx)));
      let sum = 0;
      for (let yy = y0; yy < y1; yy++)
        for (let xx = x0; xx < x1; xx++) sum += g.data[yy * g.width + xx] as number;
      out.push(Math.floor(sum / ((y1 - y0) * (x1 - x0))));
    }
  }
  return out;
}

/** Mean of each pixel's (2r+1)² window clipped to the image, summed pixel by pixel. */
function windowMeans(g: GrayImage, r: number): number[] {
  const out: number[] = [];
  for (let y = 0; y < g.height; y++) {
    for (let x = 0; x < g.width; x++) {
      let sum = 0;
      let n = 0;
      for (let yy = Math.max(0, y - r); yy < Math.min(g.height, y + r + 1); yy++) {
        for (let xx = Math.max(0, x - r); xx < Math.min(g.width, x + r + 1); xx++) {
          sum += g.data[yy * g.width + xx] as number;
          n++;
        }
      }
      out.push(Math.floor(sum / n));
    }
  }
  return out;
}

const smallGray = fc
  .record({ width: fc.integer({ min: 1, max: 40 }), height: fc.integer({ min: 1, max: 40 }) })
  .chain(({ width, height }) =>
    fc
      .uint8Array({ minLength: width * height, maxLength: width * height })
      .map((data): GrayImage => ({ data, width, height })),
  );

describe('resize', () => {
  it('gives each pixel of a shrunk image the mean of its source block, rounded down', () => {
    fc.assert(
      fc.property(smallGray, fc.double({ min: 0.02, max: 0.999, noNaN: true }), (g, scale) => {
        const out = resize(g, scale);
        expect(Array.from(out.data)).toEqual(blockMeans(g, out.width, out.height));
      }),
    );
  });
});

describe('boxBlur', () => {
  it('gives each pixel the mean of its window clipped to the image, whatever the size of the blur before it', () => {
    fc.assert(
      fc.property(smallGray, fc.integer({ min: 0, max: 45 }), smallGray, (g, r, before) => {
        // A blur of another size first: the buffer it leaves behind must not leak into this one.
        boxBlur(before, 3);
        expect(Array.from(boxBlur(g, r).data)).toEqual(windowMeans(g, r));
      }),
    );
  });
});
