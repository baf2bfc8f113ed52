import { describe, expect, it } from 'vitest';
import { matrix, render } from '../../test/decode-fixtures.js';
import { motionBlur, wavy } from '../../test/hard-symbols.js';
import { toGray } from './image.js';
import {
  alignmentCentres,
  equalise,
  FINE_FIT,
  type FittedGrid,
  fitGrid,
  functionPattern,
  RIGID_FIT,
  versionOf,
} from './resample.js';
import type { QrCorners } from './types.js';

const URL_A = 'https://item.taobao.com/item.htm?id=653421987';

/** The corners of a rendered code (4-module quiet zone) `off` px off, as a detector might report them. */
function cornersOf(modules: number, scale: number, off: number): QrCorners {
  const a = 4 * scale;
  const b = (4 + modules) * scale;
  return {
    topLeft: { x: a + off, y: a - off },
    topRight: { x: b - off, y: a + off },
    bottomRight: { x: b + off, y: b - off },
    bottomLeft: { x: a - off, y: b + off },
  };
}

describe('resample', () => {
  it('places alignment patterns where the standard table does', () => {
    expect(alignmentCentres(1)).toEqual([]);
    expect(alignmentCentres(2)).toEqual([6, 18]);
    expect(alignmentCentres(7)).toEqual([6, 22, 38]);
    expect(alignmentCentres(15)).toEqual([6, 26, 48, 70]);
    expect(alignmentCentres(32)).toEqual([6, 34, 60, 86, 112, 138]);
    expect(alignmentCentres(36)).toEqual([6, 24, 50, 76, 102, 128, 154]);
    expect(alignmentCentres(40)).toEqual([6, 30, 58, 86, 114, 142, 170]);
  });

  it('knows the colour of every function-pattern module of a real symbol', () => {
    for (const text of [URL_A, 'x'.repeat(300)]) {
      const m = matrix(text);
      const version = versionOf(m.size) as number;
      const known = functionPattern(version);
      let checked = 0;
      for (let y = 0; y < m.size; y++) {
        for (let x = 0; x < m.size; x++) {
          const k = known[y * m.size + x];
          if (k === -1) continue;
          checked++;
          expect(m.dark(x, y), `module ${x},${y} of version ${version}`).toBe(k === 1);
        }
      }
      expect(checked).toBeGreaterThan(3 * 64);
    }
  });

  it('reads side lengths of real versions only', () => {
    expect(versionOf(21)).toBe(1);
    expect(versionOf(177)).toBe(40);
    expect(versionOf(23)).toBeNull();
    expect(versionOf(181)).toBeNull();
  });

  it('fits a grid to a code on a wavy sheet that one perspective transform samples wrongly', () => {
    const m = matrix(URL_A);
    const scale = 6;
    const img = toGray(wavy(render(URL_A, scale), 4, 300));
    const corners = cornersOf(m.size, scale, 2);
    const version = versionOf(m.size) as number;
    const wrong = (steps?: number[]): number => {
      const grid = fitGrid(img, corners, version, { ...FINE_FIT, steps: steps ?? FINE_FIT.steps });
      let n = 0;
      for (let y = 0; y < m.size; y++)
        for (let x = 0; x < m.size; x++)
          if ((grid.darkness[y * m.size + x] as number) > 0 !== m.dark(x, y)) n++;
      return n;
    };
    const plain = wrong([]);
    const fitted = wrong();
    expect(plain).toBeGreaterThan(40);
    expect(fitted).toBeLessThan(plain / 4);
  });

  it('equalises a motion-blurred code: modules smeared into their neighbours come out in their own colours', () => {
    const m = matrix(URL_A);
    const scale = 6;
    // A horizontal smear of about two modules: a module's centre sample mixes in both neighbours.
    const img = toGray(motionBlur(render(URL_A, scale), 11));
    const version = versionOf(m.size) as number;
    const grid = fitGrid(img, cornersOf(m.size, scale, 0), version, RIGID_FIT);
    const wrong = (g: FittedGrid): number => {
      let n = 0;
      for (let y = 0; y < m.size; y++)
        for (let x = 0; x < m.size; x++) if ((g.darkness[y * m.size + x] as number) > 0 !== m.dark(x, y)) n++;
      return n;
    };
    const sharp = equalise(grid, version);
    expect(sharp).not.toBeNull();
    expect(wrong(grid)).toBeGreaterThan(30);
    expect(wrong(sharp as FittedGrid)).toBeLessThan(wrong(grid) / 4);
  });

  it('leaves a sharp code as it was, and refuses a grid of another version', () => {
    const m = matrix(URL_A);
    const img = toGray(render(URL_A, 6));
    const version = versionOf(m.size) as number;
    const grid = fitGrid(img, cornersOf(m.size, 6, 0), version);
    const sharp = equalise(grid, version) as FittedGrid;
    for (let i = 0; i < m.size * m.size; i++) {
      expect((sharp.darkness[i] as number) > 0).toBe((grid.darkness[i] as number) > 0);
    }
    expect(equalise(grid, version + 1)).toBeNull();
  });
});
