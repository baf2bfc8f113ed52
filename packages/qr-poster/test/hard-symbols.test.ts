import { describe, expect, it } from 'vitest';
import { decodeQr } from '../src/decode/node.js';
import type { RgbaImage } from '../src/decode/types.js';
import { render } from './decode-fixtures.js';
import {
  artistic,
  atFrameEdge,
  creased,
  curved,
  mirror,
  mixedPolarity,
  motionBlur,
  several,
  tinyInLarge,
  transpose,
  wavy,
} from './hard-symbols.js';

const URL_A = 'https://item.taobao.com/item.htm?id=653421987';
const URL_B = 'https://item.jd.com/100012043978.html';
const texts = async (img: RgbaImage) => (await decodeQr(img)).map((c) => c.text).sort();
/** What zxing's one cheap pass reads (plain zxing-wasm, rotation, mirroring and inversion included). */
const cheap = async (img: RgbaImage) =>
  (await decodeQr(img, { effort: 'fast', engines: ['zxing'] })).map((c) => c.text).sort();

describe('hard symbols', () => {
  it('reads an artistic code with round dots instead of square modules', async () => {
    expect(await texts(artistic(URL_A, { dot: 0.8 }))).toEqual([URL_A]);
  });

  it('reads an artistic code with small dotted modules', async () => {
    expect(await texts(artistic(URL_A, { dot: 0.55 }))).toEqual([URL_A]);
  });

  it('reads an artistic code with a logo over its centre', async () => {
    expect(await texts(artistic(URL_A, { logo: 0.22 }))).toEqual([URL_A]);
  });

  it('reads a coloured code with a gradient on a tinted background', async () => {
    const code = artistic(URL_A, {
      dot: 0.9,
      dark: (u, v) => [Math.round(150 * u), 20, Math.round(90 + 60 * v)],
      light: [255, 246, 214],
    });
    expect(await texts(code)).toEqual([URL_A]);
  });

  it('reads a mirrored code', async () => {
    expect(await texts(mirror(render(URL_A, 4)))).toEqual([URL_A]);
  });

  it('reads an inverted code that is also mirrored', async () => {
    expect(await texts(mirror(render(URL_A, 4, { invert: true })))).toEqual([URL_A]);
  });

  it('reads the light-on-dark code of an image holding no dark-on-light one, as zxing does', async () => {
    const light = render(URL_A, 4, { invert: true });
    expect(await texts(light)).toEqual(await cheap(light));
    expect(await texts(light)).toEqual([URL_A]);
  });

  it("reads both codes of an image that mixes polarities with polarity 'both', as zxing's default call does", async () => {
    const img = mixedPolarity(URL_A, URL_B);
    expect(await cheap(img)).toEqual([URL_A, URL_B].sort());
    expect((await decodeQr(img, { polarity: 'both' })).map((c) => c.text).sort()).toEqual(
      [URL_A, URL_B].sort(),
    );
  });

  it("reads only the dark-on-light code of an image that mixes polarities with polarity 'auto' (the default)", async () => {
    // The trade-off of scripts/README.md's ninth round: the inverted half of zxing's call costs ~20 % of every
    // photo's cheap pass, and no image of the four corpora (506) mixes polarities.
    expect(await texts(mixedPolarity(URL_A, URL_B))).toEqual([URL_A]);
  });

  it('reads a code cut flush with the frame edge (no quiet zone on two sides)', async () => {
    expect(await texts(atFrameEdge(URL_A))).toEqual([URL_A]);
  });

  it('reads every one of several codes in one image, each once', async () => {
    const six = [
      'https://m.tb.cn/h.1',
      'https://m.tb.cn/h.2',
      'https://u.jd.com/3',
      'https://v.douyin.com/4/',
      '5',
      'six',
    ];
    expect(await texts(several(six))).toEqual([...six].sort());
  });

  it('reads a tiny code in a large photo', async () => {
    expect(await texts(tinyInLarge(URL_A, 3000, 2000, 2.5))).toEqual([URL_A]);
  });

  it('reads a code wrapped round a cylinder that the cheap pass cannot, by unwrapping it', async () => {
    for (const arc of [2.6, 2.9]) {
      const img = curved(render(URL_A, 6), arc);
      expect(await cheap(img)).toEqual([]);
      expect(await texts(img)).toEqual([URL_A]);
    }
  });

  it('reads a code wrapped round a lying cylinder (rows crowded) by unwrapping the other axis', async () => {
    const img = transpose(curved(transpose(render(URL_A, 6)), 2.6));
    expect(await cheap(img)).toEqual([]);
    expect(await texts(img)).toEqual([URL_A]);
  });

  it('reads a creased code with one half in deep shadow that the cheap pass cannot (escalation)', async () => {
    const img = creased(render(URL_A, 6), 3, 0.15);
    expect(await cheap(img)).toEqual([]);
    expect(await texts(img)).toEqual([URL_A]);
  });

  it('reads a mildly creased code', async () => {
    expect(await texts(creased(render(URL_A, 6), 3, 0.7))).toEqual([URL_A]);
  });

  it('reads a code on a wavy sheet that the cheap pass locates but cannot decode, by fitting its grid', async () => {
    for (const [scale, amplitude] of [
      [6, 4],
      [4, 6],
    ] as const) {
      const img = wavy(render(URL_A, scale), amplitude, 300);
      expect(await cheap(img)).toEqual([]);
      expect(await texts(img)).toEqual([URL_A]);
    }
  });

  it('reads a motion-blurred code that the cheap pass cannot, by sharpening', async () => {
    const img = motionBlur(render(URL_A, 6), 11);
    expect(await cheap(img)).toEqual([]);
    expect(await texts(img)).toEqual([URL_A]);
  });

  it('reads a lightly motion-blurred code', async () => {
    expect(await texts(motionBlur(render(URL_A, 6), 7))).toEqual([URL_A]);
  });
});
