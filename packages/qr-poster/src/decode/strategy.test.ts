import { describe, expect, it } from 'vitest';
import { squareCorners } from '../../test/decode-fixtures.js';
import { type EngineResult, isGray, type QrEngine, type ReadHints } from './engines/types.js';
import { runStrategy, type StrategySettings } from './strategy.js';
import type { QrCorners, QrEngineName, RgbaImage } from './types.js';

const image: RgbaImage = { data: new Uint8ClampedArray(200 * 100 * 4).fill(255), width: 200, height: 100 };

const square = squareCorners;

/**
 * An engine that answers its calls from a script, one result per call (then nothing). The cheap pass's
 * dark-on-light half (a first call without inversion) gets the first result without using it up: the scripted
 * images hold no light-on-dark code, so both polarities read the same.
 */
function scripted(name: QrEngineName, results: EngineResult[]): QrEngine & { calls: number } {
  let used = 0;
  const engine = {
    name,
    calls: 0,
    async read(_image: RgbaImage, hints?: ReadHints): Promise<EngineResult> {
      engine.calls++;
      const peek = engine.calls === 1 && hints?.invert === false;
      const r = results[used] ?? { hits: [], misses: [] };
      if (!peek) used++;
      return r;
    },
  };
  return engine;
}

/** A zxing engine that answers every call with `answer(hints)` and records the `invert` hint of each call. */
function recording(answer: (hints: ReadHints | undefined) => EngineResult): {
  zxing: QrEngine;
  inverts: Array<boolean | undefined>;
} {
  const inverts: Array<boolean | undefined> = [];
  const zxing: QrEngine = {
    name: 'zxing',
    async read(_img, hints) {
      inverts.push(hints?.invert);
      return answer(hints);
    },
  };
  return { zxing, inverts };
}

const hit = (text: string, corners: QrCorners) => ({
  bytes: new TextEncoder().encode(text),
  decoded: { text, charset: 'ascii' as const, charsetSource: 'unambiguous' as const },
  corners,
});

const settings = (engines: QrEngine[], over: Partial<StrategySettings> = {}): StrategySettings => ({
  engines,
  effort: 'thorough',
  charset: 'auto',
  escalationBudget: Number.POSITIVE_INFINITY,
  polarity: 'auto',
  ...over,
});

/** A grey photo with one patch of 10 px pseudo-random modules: texture that looks like a code to the locator. */
function texturedPhoto(
  width: number,
  height: number,
  patch: { x: number; y: number; width: number; height: number },
): RgbaImage {
  const data = new Uint8ClampedArray(width * height * 4).fill(150);
  for (let y = patch.y; y < patch.y + patch.height; y++) {
    for (let x = patch.x; x < patch.x + patch.width; x++) {
      const dark = (Math.floor(x / 10) * 7 + Math.floor(y / 10) * 13) % 3 === 0;
      const i = (y * width + x) * 4;
      data[i] = data[i + 1] = data[i + 2] = dark ? 20 : 230;
    }
  }
  return { data, width, height };
}

describe('runStrategy', () => {
  it('stops after the cheap pass when it decoded codes and located nothing else', async () => {
    const zxing = scripted('zxing', [{ hits: [hit('a', square(10, 10, 50))], misses: [] }]);
    const jsqr = scripted('jsqr', []);
    const codes = await runStrategy(image, settings([zxing, jsqr]));
    expect(codes.map((c) => c.text)).toEqual(['a']);
    expect(zxing.calls + jsqr.calls).toBe(1);
  });

  it('reads the dark-on-light polarity first and stops there once it reads a code', async () => {
    const { zxing, inverts } = recording(() => ({ hits: [hit('a', square(10, 10, 50))], misses: [] }));
    const codes = await runStrategy(image, settings([zxing]));
    expect(codes.map((c) => c.text)).toEqual(['a']);
    expect(inverts).toEqual([false]);
  });

  it("follows a cheap pass that read nothing with zxing's default call, whose readings replace the first's", async () => {
    // A light-on-dark code: the dark-on-light half reads nothing and locates a bogus symbol; the default call
    // (inversion on) reads the code and locates nothing else, so nothing is left open and escalation is skipped.
    const { zxing, inverts } = recording((h) =>
      h?.invert === false
        ? { hits: [], misses: [square(120, 10, 50)] }
        : { hits: [hit('light', square(10, 10, 50))], misses: [] },
    );
    const codes = await runStrategy(image, settings([zxing]));
    expect(codes.map((c) => c.text)).toEqual(['light']);
    expect(inverts).toEqual([false, undefined]);
  });

  it("reads both polarities at once on photos of 4 MP and more, in fast mode and with polarity 'both'", async () => {
    const { zxing, inverts } = recording(() => ({ hits: [hit('a', square(10, 10, 50))], misses: [] }));
    const large: RgbaImage = {
      data: new Uint8ClampedArray(2000 * 2000 * 4).fill(255),
      width: 2000,
      height: 2000,
    };
    await runStrategy(large, settings([zxing]));
    await runStrategy(image, settings([zxing], { effort: 'fast' }));
    await runStrategy(image, settings([zxing], { polarity: 'both' }));
    expect(inverts).toEqual([undefined, undefined, undefined]);
  });

  it('returns a code found by several passes once', async () => {
    // The cheap pass decodes nothing but locates two codes; later whole-image passes read them, one twice.
    const zxing = scripted('zxing', [
      { hits: [], misses: [square(10, 10, 50), square(120, 10, 50)] },
      { hits: [hit('a', square(12, 11, 50))], misses: [] },
      { hits: [hit('b', square(121, 12, 48)), hit('a', square(11, 10, 50))], misses: [] },
    ]);
    const codes = await runStrategy(image, settings([zxing]));
    expect(codes.map((c) => c.text).sort()).toEqual(['a', 'b']);
  });

  it('keeps the reading most passes agree on when passes read one region with different texts', async () => {
    // zxing locates two codes and decodes neither; jsQR's whole-image passes read the same square as 'first',
    // 'second', then 'second' again: every reading passed error correction, so the region yields one code.
    const zxing = scripted('zxing', [{ hits: [], misses: [square(10, 10, 50), square(120, 10, 50)] }]);
    const jsqr = scripted('jsqr', [
      { hits: [hit('first', square(10, 10, 50))], misses: [] },
      { hits: [], misses: [] },
      { hits: [hit('second', square(12, 12, 48))], misses: [] },
      { hits: [hit('second', square(11, 11, 49))], misses: [] },
    ]);
    const codes = await runStrategy(image, settings([zxing, jsqr]));
    expect(jsqr.calls).toBeGreaterThanOrEqual(4);
    expect(codes.map((c) => c.text)).toEqual(['second']);
  });

  it('returns a code whose charset is a guess, with its bytes and the guess said', async () => {
    const gbk = Uint8Array.from([0xd6, 0xd0, 0xce, 0xc4]);
    const guessed = {
      bytes: gbk,
      decoded: { text: '中文', charset: 'gb18030' as const, charsetSource: 'guess' as const },
      corners: square(10, 10, 50),
    };
    const zxing = scripted('zxing', [{ hits: [guessed], misses: [] }]);
    const [code] = await runStrategy(image, settings([zxing]));
    expect(code).toMatchObject({ text: '中文', charset: 'gb18030', charsetSource: 'guess', bytes: gbk });
  });

  it('does no escalation work with a zero budget beyond the cheap pass', async () => {
    const zxing = scripted('zxing', [{ hits: [], misses: [square(10, 10, 50)] }]);
    const jsqr = scripted('jsqr', []);
    await runStrategy(image, settings([zxing, jsqr], { escalationBudget: 0 }));
    // The cheap pass read nothing dark-on-light, so zxing's default call (both polarities) followed; no more.
    expect([zxing.calls, jsqr.calls]).toEqual([2, 0]);
  });

  it('tries the other engine in fast mode only when the first found nothing', async () => {
    const zxing = scripted('zxing', [{ hits: [], misses: [] }]);
    const jsqr = scripted('jsqr', [{ hits: [hit('j', square(10, 10, 50))], misses: [] }]);
    const codes = await runStrategy(image, settings([zxing, jsqr], { effort: 'fast' }));
    expect(codes.map((c) => [c.text, c.engine])).toEqual([['j', 'jsqr']]);
  });

  it('retries a crop around a textured patch nobody located and maps its reading back into the image', async () => {
    // A 1000×700 grey photo with a 200×200 patch of 10 px modules at (600, 300). The scripted zxing finds
    // nothing in the whole image (cheap pass, tone pass) and reads the first crop it is given.
    const photo = texturedPhoto(1000, 700, { x: 600, y: 300, width: 200, height: 200 });
    const sizes: Array<[number, number]> = [];
    const zxing: QrEngine = {
      name: 'zxing',
      async read(img) {
        sizes.push([img.width, img.height]);
        // A crop is at most 400 px a side: answer with a code in its middle, in the crop's own pixels.
        if (Math.max(img.width, img.height) > 400) return { hits: [], misses: [] };
        const s = img.width / 2;
        return { hits: [hit('found', square(s - 50, img.height / 2 - 50, 100))], misses: [] };
      },
    };
    const codes = await runStrategy(photo, settings([zxing]));
    expect(codes.map((c) => c.text)).toEqual(['found']);
    expect(sizes.length).toBe(4); // the cheap pass (one polarity, then both), tone pass, one crop
    const c = codes[0]?.corners as QrCorners;
    const cx = (c.topLeft.x + c.bottomRight.x) / 2;
    const cy = (c.topLeft.y + c.bottomRight.y) / 2;
    expect(Math.abs(cx - 700)).toBeLessThan(30);
    expect(Math.abs(cy - 400)).toBeLessThan(30);
  });

  it('fits the grid of a code a crop located but could not decode before trying the next crop', async () => {
    // Two textured patches. The scripted zxing locates a version-1 code (21 modules) in the first crop it is
    // given and decodes only a drawn symbol: (21 + 8) × 3 = 87 px a side, what the grid fit draws.
    const photo = texturedPhoto(1000, 700, { x: 100, y: 100, width: 200, height: 200 });
    const patch = { x: 600, y: 300, width: 200, height: 200 };
    for (let y = patch.y; y < patch.y + patch.height; y++) {
      for (let x = patch.x; x < patch.x + patch.width; x++) {
        const i = (y * 1000 + x) * 4;
        photo.data[i] =
          photo.data[i + 1] =
          photo.data[i + 2] =
            (Math.floor(x / 10) + Math.floor(y / 10)) % 2 ? 30 : 220;
      }
    }
    const sizes: number[] = [];
    let located = false;
    const zxing: QrEngine = {
      name: 'zxing',
      async read(img) {
        sizes.push(img.width);
        if (img.width === 87 && img.height === 87)
          return { hits: [hit('fitted', square(12, 12, 63))], misses: [] };
        if (img.width > 400 || located) return { hits: [], misses: [] };
        located = true;
        return {
          hits: [],
          misses: [{ ...square(img.width / 2 - 60, img.height / 2 - 60, 120), modules: 21 }],
        };
      },
    };
    const codes = await runStrategy(photo, settings([zxing]));
    expect(codes.map((c) => c.text)).toEqual(['fitted']);
    // The cheap pass (one polarity, then both), tone pass, the first patch's crop, the drawn symbol; then the
    // second patch's crop.
    expect(sizes).toEqual([1000, 1000, 640, 400, 87, 400]);
  });

  it('opens up the shadows of a large photo in which nothing reads before cropping its textured patches', async () => {
    // 2400×1800 (4.3 MP), nothing read or located by the cheap pass: after the tone pass (640 px) comes the
    // whole working copy (1200 px) with its shadows opened up, and it reads the code; nothing else was located,
    // so no crop follows.
    const photo = texturedPhoto(2400, 1800, { x: 1600, y: 700, width: 400, height: 400 });
    const sides: number[] = [];
    const zxing: QrEngine = {
      name: 'zxing',
      async read(img) {
        sides.push(Math.max(img.width, img.height));
        if (sides.length === 3) return { hits: [hit('dim', square(1070, 470, 130))], misses: [] };
        return { hits: [], misses: [] };
      },
    };
    const codes = await runStrategy(photo, settings([zxing]));
    expect(codes.map((c) => c.text)).toEqual(['dim']);
    expect(sides).toEqual([2400, 640, 1200]);
  });

  it('stops after the cheap pass on a large photo when it decoded every code it located', async () => {
    // 2400×1800 (4.3 MP): the cheap pass reads the code on the left and locates nothing else; the textured
    // patch on the right would read in a crop, but searching every large photo for codes nobody located costs
    // more than it finds (boofcv-dev: 4.6 s for one code over 26 photos).
    const w = 2400;
    const h = 1800;
    const data = new Uint8ClampedArray(w * h * 4).fill(150);
    for (const [x0, y0] of [
      [300, 600],
      [1600, 700],
    ] as const) {
      for (let y = y0; y < y0 + 400; y++) {
        for (let x = x0; x < x0 + 400; x++) {
          const dark = (Math.floor(x / 20) * 7 + Math.floor(y / 20) * 13) % 3 === 0;
          const i = (y * w + x) * 4;
          data[i] = data[i + 1] = data[i + 2] = dark ? 20 : 230;
        }
      }
    }
    const photo: RgbaImage = { data, width: w, height: h };
    let calls = 0;
    const zxing: QrEngine = {
      name: 'zxing',
      async read(img) {
        calls++;
        if (calls === 1) return { hits: [hit('left', square(300, 600, 400))], misses: [] };
        if (Math.max(img.width, img.height) > 400) return { hits: [], misses: [] };
        return { hits: [hit('right', square(img.width / 2 - 60, img.height / 2 - 60, 120))], misses: [] };
      },
    };
    const codes = await runStrategy(photo, settings([zxing]));
    expect(codes.map((c) => c.text)).toEqual(['left']);
    expect(calls).toBe(1);
  });

  it('stretches a tall textured patch part of the way back to a square and maps its reading back', async () => {
    // A 1000×700 grey photo with a 120×300 patch of 10 px modules at (500, 200): a code seen at a steep
    // angle. The scripted zxing reads only a crop whose width is at least 70 % of its height.
    const photo = texturedPhoto(1000, 700, { x: 500, y: 200, width: 120, height: 300 });
    const read: Array<[number, number]> = [];
    const zxing: QrEngine = {
      name: 'zxing',
      async read(img) {
        if (Math.max(img.width, img.height) > 400 || img.width < 0.7 * img.height)
          return { hits: [], misses: [] };
        read.push([img.width, img.height]);
        return { hits: [hit('steep', square(img.width / 2 - 40, img.height / 2 - 40, 80))], misses: [] };
      },
    };
    const codes = await runStrategy(photo, settings([zxing]));
    expect(codes.map((c) => c.text)).toEqual(['steep']);
    expect(read.length).toBe(1);
    const [rw, rh] = read[0] as [number, number];
    expect(rh).toBe(400);
    expect(rw / rh).toBeLessThan(0.9); // stretched only part of the way
    const c = codes[0]?.corners as QrCorners;
    expect(Math.abs((c.topLeft.x + c.bottomRight.x) / 2 - 560)).toBeLessThan(20);
    expect(Math.abs((c.topLeft.y + c.bottomRight.y) / 2 - 350)).toBeLessThan(20);
    // The reading's width in the photo is its crop width divided by the larger horizontal scale.
    expect(c.bottomRight.x - c.topLeft.x).toBeLessThan(c.bottomRight.y - c.topLeft.y);
  });

  it('flat-fields a small photo with uneven light before cropping its textured patches', async () => {
    // A 400×300 photo lit from the right (background 40 → 240) with a textured patch. The scripted zxing reads
    // only a whole image whose background is even again, which is what flat-field correction gives.
    const w = 400;
    const h = 300;
    const data = new Uint8ClampedArray(w * h * 4);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const bg = 40 + (200 * x) / (w - 1);
        const inPatch = x >= 150 && x < 250 && y >= 100 && y < 200;
        const dark = inPatch && (Math.floor(x / 10) * 7 + Math.floor(y / 10) * 13) % 3 === 0;
        const i = (y * w + x) * 4;
        data[i] = data[i + 1] = data[i + 2] = dark ? bg * 0.2 : bg;
        data[i + 3] = 255;
      }
    }
    const photo: RgbaImage = { data, width: w, height: h };
    const sizes: Array<[number, number]> = [];
    const zxing: QrEngine = {
      name: 'zxing',
      async read(img) {
        sizes.push([img.width, img.height]);
        // Escalation passes hand engines gray, the cheap pass RGBA.
        const at = (x: number, y: number): number =>
          img.data[isGray(img) ? y * img.width + x : (y * img.width + x) * 4] as number;
        const left = at(10, 150);
        const right = at(img.width - 10, 150);
        if (img.width !== w || Math.abs(left - right) > 30) return { hits: [], misses: [] };
        return { hits: [hit('even', square(150, 100, 100))], misses: [] };
      },
    };
    const codes = await runStrategy(photo, settings([zxing]));
    expect(codes.map((c) => c.text)).toEqual(['even']);
    // The cheap pass (one polarity, then both), the tone pass, then flat-field: no crop was needed.
    expect(sizes).toEqual(Array(4).fill([w, h]));
  });

  it('on a small photo with a located but unread code, tries flat-field with a global threshold', async () => {
    // 400×300: the cheap pass reads the left code and locates the right one without decoding it; the scripted
    // zxing reads the right one only from a whole image given the global binariser.
    const photo: RgbaImage = {
      data: new Uint8ClampedArray(400 * 300 * 4).fill(200),
      width: 400,
      height: 300,
    };
    const binarizers: Array<string | undefined> = [];
    let calls = 0;
    const zxing: QrEngine = {
      name: 'zxing',
      async read(img, hints) {
        calls++;
        binarizers.push(hints?.binarizer);
        if (calls === 1)
          return { hits: [hit('left', square(40, 100, 100))], misses: [square(250, 100, 100)] };
        if (img.width !== 400 || hints?.binarizer !== 'global') return { hits: [], misses: [] };
        return { hits: [hit('right', square(250, 100, 100))], misses: [] };
      },
    };
    const codes = await runStrategy(photo, settings([zxing]));
    expect(codes.map((c) => c.text).sort()).toEqual(['left', 'right']);
    expect(binarizers).toEqual([undefined, undefined, 'global']); // cheap pass, flat-field, flat-field + global
  });

  it('spends the whole budget on a large photo only once some pass reads a code there', async () => {
    // 2100×2000 (4.2 MP), two codes located and unread by the cheap pass, and textured patches the texture
    // step would crop. One zxing never reads anything; the other reads the first code in the tone pass (its
    // 2nd call), so the second code stays open.
    const large: RgbaImage = {
      data: new Uint8ClampedArray(2100 * 2000 * 4).fill(200),
      width: 2100,
      height: 2000,
    };
    for (let i = 3; i < large.data.length; i += 4) large.data[i] = 255;
    let seed = 7;
    for (const [x0, y0] of [
      [1500, 200],
      [300, 1500],
      [1600, 1600],
    ] as const) {
      // Random 20 px cells, like modules.
      for (let cy = y0; cy < y0 + 200; cy += 20) {
        for (let cx = x0; cx < x0 + 200; cx += 20) {
          seed = (seed * 1103515245 + 12345) >>> 0;
          const v = seed >>> 24 < 128 ? 20 : 230;
          for (let y = cy; y < cy + 20; y++) {
            for (let x = cx; x < cx + 20; x++) large.data.fill(v, (y * 2100 + x) * 4, (y * 2100 + x) * 4 + 3);
          }
        }
      }
    }
    const misses = [square(100, 100, 300), square(1200, 1200, 300)];
    const never = scripted('zxing', [{ hits: [], misses }]);
    await runStrategy(large, settings([never], { escalationBudget: 1 }));
    const reads = scripted('zxing', [
      { hits: [], misses },
      { hits: [hit('first', square(110, 110, 290))], misses: [] },
    ]);
    await runStrategy(large, settings([reads], { escalationBudget: 1 }));
    expect(reads.calls).toBeGreaterThan(never.calls);
  });
});
