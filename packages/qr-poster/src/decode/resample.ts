import { boxBlur, type GrayImage } from './image.js';
import type { Point, QrCorners } from './types.js';

/**
 * Re-sampling of located codes the engines could not decode: on bent, creased or unevenly printed codes
 * (cloth, bottles, paper that is not flat) one perspective transform puts many sampling points on module
 * edges, and error correction gives up. Here the grid is a perspective transform plus a smooth bilinear
 * displacement field over a coarse mesh of control points, fitted to the image: the known modules (finder,
 * separator, timing and alignment patterns) must come out in their colours, and every other module's centre
 * should sit where the image is clearly dark or light, not on an edge. The fitted grid's modules are drawn as
 * a clean symbol for an engine to decode, with its own error correction.
 */

/** Side of a version-`v` symbol in modules. */
const sideOf = (version: number): number => 17 + 4 * version;

/**
 * Centres of a version's alignment patterns along one axis (ISO/IEC 18004 table E.1, as a formula).
 *
 * @example
 * ```ts
 * alignmentCentres(7) // [6, 22, 38]
 * ```
 */
export function alignmentCentres(version: number): number[] {
  if (version < 2) return [];
  const n = sideOf(version);
  const count = Math.floor(version / 7) + 2;
  const last = n - 7;
  const step = version === 32 ? 26 : Math.ceil((last - 6) / (count - 1) / 2) * 2;
  const out = [6];
  for (let i = count - 2; i >= 0; i--) out.push(last - i * step);
  return out;
}

/**
 * Known module colours of a version's function patterns: 1 dark, 0 light, -1 data (or format/version).
 *
 * @example
 * ```ts
 * functionPattern(1)[0] // 1: the top-left finder's corner module is dark
 * ```
 */
export function functionPattern(version: number): Int8Array {
  const n = sideOf(version);
  const m = new Int8Array(n * n).fill(-1);
  const set = (x: number, y: number, dark: boolean): void => {
    if (x >= 0 && y >= 0 && x < n && y < n) m[y * n + x] = dark ? 1 : 0;
  };
  for (const [cx, cy] of [
    [3, 3],
    [n - 4, 3],
    [3, n - 4],
  ] as const) {
    // Finder (7×7 rings) and its light separator.
    for (let dy = -4; dy <= 4; dy++) {
      for (let dx = -4; dx <= 4; dx++) {
        const r = Math.max(Math.abs(dx), Math.abs(dy));
        set(cx + dx, cy + dy, r !== 2 && r !== 4);
      }
    }
  }
  for (let i = 8; i < n - 8; i++) {
    set(i, 6, i % 2 === 0);
    set(6, i, i % 2 === 0);
  }
  const centres = alignmentCentres(version);
  for (const ay of centres) {
    for (const ax of centres) {
      // Not where a finder sits.
      if ((ax < 9 && ay < 9) || (ax > n - 9 && ay < 9) || (ax < 9 && ay > n - 9)) continue;
      for (let dy = -2; dy <= 2; dy++) {
        for (let dx = -2; dx <= 2; dx++) set(ax + dx, ay + dy, Math.max(Math.abs(dx), Math.abs(dy)) !== 1);
      }
    }
  }
  return m;
}

/** The projective map of the unit square onto `q` (corners in the order tl, tr, br, bl). */
function squareToQuad(q: QrCorners): (u: number, v: number) => Point {
  const { x: x0, y: y0 } = q.topLeft;
  const { x: x1, y: y1 } = q.topRight;
  const { x: x2, y: y2 } = q.bottomRight;
  const { x: x3, y: y3 } = q.bottomLeft;
  const sx = x0 - x1 + x2 - x3;
  const sy = y0 - y1 + y2 - y3;
  let a: number;
  let b: number;
  let c: number;
  let d: number;
  let e: number;
  let f: number;
  let g = 0;
  let h = 0;
  if (Math.abs(sx) < 1e-9 && Math.abs(sy) < 1e-9) {
    a = x1 - x0;
    b = x3 - x0;
    d = y1 - y0;
    e = y3 - y0;
  } else {
    const dx1 = x1 - x2;
    const dx2 = x3 - x2;
    const dy1 = y1 - y2;
    const dy2 = y3 - y2;
    const den = dx1 * dy2 - dx2 * dy1;
    g = (sx * dy2 - dx2 * sy) / den;
    h = (dx1 * sy - sx * dy1) / den;
    a = x1 - x0 + g * x1;
    b = x3 - x0 + h * x3;
    d = y1 - y0 + g * y1;
    e = y3 - y0 + h * y3;
  }
  c = x0;
  f = y0;
  return (u, v) => {
    const w = g * u + h * v + 1;
    return { x: (a * u + b * v + c) / w, y: (d * u + e * v + f) / w };
  };
}

/**
 * A fitted sampling grid: module centre positions and their intensities against the local threshold.
 *
 * @example
 * ```ts
 * const grid = fitGrid(gray, corners, 3)
 * grid.darkness[0] > 0 // the top-left module reads dark
 * ```
 */
export interface FittedGrid {
  /** Modules a side. */
  readonly n: number;
  /** Per module, (threshold − intensity) / contrast: positive is dark. */
  readonly darkness: Float32Array;
  /** Maps symbol coordinates (modules, 0…n) to image pixels. */
  readonly toImage: (u: number, v: number) => Point;
}

/**
 * How a grid is fitted: the mesh search's step sizes (modules), and the mesh's cell size (modules).
 *
 * @example
 * ```ts
 * fitGrid(gray, corners, 3, { steps: [0.5, 0.25], cell: 7 })
 * ```
 */
export interface FitOptions {
  readonly steps: readonly number[];
  readonly cell: number;
}

/**
 * The fit tried first: a fine mesh (bends every few modules), half-module steps while they help, then finer
 * (read the most located-but-undecoded boofcv-dev codes of the settings tried).
 *
 * @example
 * ```ts
 * fitGrid(gray, corners, 3, FINE_FIT) // the default
 * ```
 */
export const FINE_FIT: FitOptions = { steps: [0.5, 0.5, 0.5, 0.25, 0.25, 0.125], cell: 7 };

/**
 * The fit tried second: a coarse, stiffer mesh that starts with whole-module steps (damaged codes, where a
 * fine mesh chases the damage, and codes the detector placed a module off).
 *
 * @example
 * ```ts
 * fitGrid(gray, corners, 3, COARSE_FIT)
 * ```
 */
export const COARSE_FIT: FitOptions = { steps: [1, 0.5, 0.5, 0.25, 0.125], cell: 10 };

/**
 * No mesh search: the perspective transform of the detector's corners alone (blurred codes, where moving nodes
 * towards strong contrast chases the blur).
 *
 * @example
 * ```ts
 * equalise(fitGrid(gray, corners, 3, RIGID_FIT), 3)
 * ```
 */
export const RIGID_FIT: FitOptions = { steps: [], cell: 7 };

/** Box blurs of images already fitted, by radius: several fits of one crop share one threshold map. */
const thresholdMaps = new WeakMap<GrayImage, Map<number, GrayImage>>();

function blurred(img: GrayImage, radius: number): GrayImage {
  let byRadius = thresholdMaps.get(img);
  if (byRadius === undefined) {
    byRadius = new Map();
    thresholdMaps.set(img, byRadius);
  }
  let map = byRadius.get(radius);
  if (map === undefined) {
    map = boxBlur(img, radius);
    byRadius.set(radius, map);
  }
  return map;
}

/** Weight of a known (function-pattern) module against a data module's contrast. */
const KNOWN_WEIGHT = 2;

/**
 * `p` moved by the displacements `d` of the four mesh nodes of a cell (`a`, `a + 1` above, `b`, `b + 1` below),
 * weighted by `weights[w…w + 3]`.
 */
function displaced(
  p: number,
  d: Float64Array,
  a: number,
  b: number,
  weights: Float64Array,
  w: number,
): number {
  return (
    p +
    (weights[w] as number) * (d[a] as number) +
    (weights[w + 1] as number) * (d[a + 1] as number) +
    (weights[w + 2] as number) * (d[b] as number) +
    (weights[w + 3] as number) * (d[b + 1] as number)
  );
}

/**
 * Fits a version-`version` grid to the code whose corners (in `img`) are roughly `corners`: the perspective
 * transform of those corners, then each mesh node moved by the option's steps while that improves the fit.
 * `img` should hold the code at 3–8 px a module.
 *
 * @example
 * ```ts
 * const grid = fitGrid(gray, zxingCorners, 3)
 * const { image } = drawGrid(grid, 0, 3) // a clean 111×111 px symbol for an engine
 * ```
 */
export function fitGrid(
  img: GrayImage,
  corners: QrCorners,
  version: number,
  options: FitOptions = FINE_FIT,
): FittedGrid {
  const { steps, cell: cellSize } = options;
  const n = sideOf(version);
  const known = functionPattern(version);
  const base = squareToQuad(corners);
  const side =
    (Math.hypot(corners.topRight.x - corners.topLeft.x, corners.topRight.y - corners.topLeft.y) +
      Math.hypot(corners.bottomLeft.x - corners.topLeft.x, corners.bottomLeft.y - corners.topLeft.y)) /
    2;
  const modulePx = side / n;
  const thresholdMap = blurred(img, Math.max(2, Math.round(modulePx * 3)));
  const { width: iw, height: ih, data: iData } = img;
  const tData = thresholdMap.data;
  // Control mesh: K×K cells, nodes every ~7 modules; each node carries a displacement in pixels.
  const k = Math.max(2, Math.round(n / cellSize));
  const dx = new Float64Array((k + 1) * (k + 1));
  const dy = new Float64Array((k + 1) * (k + 1));
  const at = (u: number, v: number): Point => {
    const p = base(u / n, v / n);
    const gu = Math.min(k - 1e-9, (u / n) * k);
    const gv = Math.min(k - 1e-9, (v / n) * k);
    const i = Math.max(0, Math.floor(gu));
    const j = Math.max(0, Math.floor(gv));
    const fu = gu - i;
    const fv = gv - j;
    const a = j * (k + 1) + i;
    const b = a + k + 1;
    const w00 = (1 - fu) * (1 - fv);
    const w10 = fu * (1 - fv);
    const w01 = (1 - fu) * fv;
    const w11 = fu * fv;
    return {
      x:
        p.x +
        w00 * (dx[a] as number) +
        w10 * (dx[a + 1] as number) +
        w01 * (dx[b] as number) +
        w11 * (dx[b + 1] as number),
      y:
        p.y +
        w00 * (dy[a] as number) +
        w10 * (dy[a + 1] as number) +
        w01 * (dy[b] as number) +
        w11 * (dy[b + 1] as number),
    };
  };
  const darkness = new Float32Array(n * n);
  const raw = new Float32Array(n * n);
  // Per module centre: its place under the perspective transform alone, and the mesh cell and weights of
  // its displacement (fixed; only the nodes' displacements move).
  const bx = new Float64Array(n * n);
  const by = new Float64Array(n * n);
  const cell = new Int32Array(n * n);
  const weights = new Float64Array(4 * n * n);
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      const i = y * n + x;
      const p = base((x + 0.5) / n, (y + 0.5) / n);
      bx[i] = p.x;
      by[i] = p.y;
      const gu = ((x + 0.5) / n) * k;
      const gv = ((y + 0.5) / n) * k;
      const ci = Math.min(k - 1, Math.floor(gu));
      const cj = Math.min(k - 1, Math.floor(gv));
      const fu = gu - ci;
      const fv = gv - cj;
      cell[i] = cj * (k + 1) + ci;
      weights[4 * i] = (1 - fu) * (1 - fv);
      weights[4 * i + 1] = fu * (1 - fv);
      weights[4 * i + 2] = (1 - fu) * fv;
      weights[4 * i + 3] = fu * fv;
    }
  }
  // Measures modules `from`…`to` − 1 of row y where the mesh now puts them (one call per row: this loop is most
  // of a fit's time, and a call per module cost a sixth of it).
  const measureRow = (y: number, from: number, to: number): void => {
    for (let i = y * n + from, end = y * n + to; i < end; i++) {
      const a = cell[i] as number;
      const px = displaced(bx[i] as number, dx, a, a + k + 1, weights, 4 * i);
      const py = displaced(by[i] as number, dy, a, a + k + 1, weights, 4 * i);
      // Bilinear samples of the threshold map and the image at one point (same size: one set of weights).
      const fx = Math.min(iw - 1.001, Math.max(0, px - 0.5));
      const fy = Math.min(ih - 1.001, Math.max(0, py - 0.5));
      const x0 = Math.floor(fx);
      const y0 = Math.floor(fy);
      const wx = fx - x0;
      const wy = fy - y0;
      const j = y0 * iw + x0;
      const t =
        ((tData[j] as number) * (1 - wx) + (tData[j + 1] as number) * wx) * (1 - wy) +
        ((tData[j + iw] as number) * (1 - wx) + (tData[j + iw + 1] as number) * wx) * wy;
      const v =
        ((iData[j] as number) * (1 - wx) + (iData[j + 1] as number) * wx) * (1 - wy) +
        ((iData[j + iw] as number) * (1 - wx) + (iData[j + iw + 1] as number) * wx) * wy;
      raw[i] = t - v;
    }
  };
  for (let y = 0; y < n; y++) measureRow(y, 0, n);
  // Contrast: the spread of the initial samples (robust to glare: a high percentile of |T − I|).
  const spread = Array.from(raw, Math.abs).sort((a, b) => a - b);
  const contrast = Math.max(8, spread[Math.floor(spread.length * 0.8)] as number);
  // Per module, the weight of its signed darkness: known dark +2, known light −2; 0 for data modules, which
  // score their contrast either way.
  const sign = new Float64Array(n * n);
  for (let i = 0; i < n * n; i++)
    sign[i] = known[i] === 1 ? KNOWN_WEIGHT : known[i] === 0 ? -KNOWN_WEIGHT : 0;
  // Modules a node's displacement reaches: the cells around it.
  const cellModules = (ci: number, cj: number): [number, number, number, number] => [
    Math.max(0, Math.floor(((ci - 1) * n) / k)),
    Math.min(n, Math.ceil(((ci + 1) * n) / k)),
    Math.max(0, Math.floor(((cj - 1) * n) / k)),
    Math.min(n, Math.ceil(((cj + 1) * n) / k)),
  ];
  const regionScore = (x0: number, x1: number, y0: number, y1: number, remeasure: boolean): number => {
    let s = 0;
    for (let y = y0; y < y1; y++) {
      if (remeasure) measureRow(y, x0, x1);
      for (let i = y * n + x0, end = y * n + x1; i < end; i++) {
        const d = Math.max(-1, Math.min(1, (raw[i] as number) / contrast));
        const m = sign[i] as number;
        s += m === 0 ? Math.abs(d) : m * d;
      }
    }
    return s;
  };
  // A rejected move puts the node back and the region's samples with it (no second measurement).
  const saved = new Float32Array(n * n);
  const copy = (
    from: Float32Array,
    to: Float32Array,
    x0: number,
    x1: number,
    y0: number,
    y1: number,
  ): void => {
    for (let y = y0; y < y1; y++) {
      for (let i = y * n + x0, end = y * n + x1; i < end; i++) to[i] = from[i] as number;
    }
  };
  let previous = Number.NaN;
  let moved = true;
  for (const stepModules of steps) {
    // A pass with the step of a pass that moved no node would move none either.
    if (stepModules === previous && !moved) continue;
    previous = stepModules;
    moved = false;
    const step = stepModules * modulePx;
    for (let j = 0; j <= k; j++) {
      for (let i = 0; i <= k; i++) {
        const node = j * (k + 1) + i;
        const [x0, x1, y0, y1] = cellModules(i, j);
        let best = regionScore(x0, x1, y0, y1, false);
        copy(raw, saved, x0, x1, y0, y1);
        for (const [sx, sy] of [
          [step, 0],
          [-step, 0],
          [0, step],
          [0, -step],
        ] as const) {
          const ox = dx[node] as number;
          const oy = dy[node] as number;
          dx[node] = ox + sx;
          dy[node] = oy + sy;
          const s = regionScore(x0, x1, y0, y1, true);
          if (s > best + 1e-6) {
            best = s;
            moved = true;
            copy(raw, saved, x0, x1, y0, y1);
          } else {
            dx[node] = ox;
            dy[node] = oy;
            copy(saved, raw, x0, x1, y0, y1);
          }
        }
      }
    }
  }
  for (let i = 0; i < n * n; i++) darkness[i] = (raw[i] as number) / contrast;
  return { n, darkness, toImage: at };
}

/** Solves the symmetric system `a`·x = `b` in place (Gaussian elimination, partial pivoting); `null` if singular. */
function solve(a: Float64Array, b: Float64Array, m: number): Float64Array | null {
  for (let c = 0; c < m; c++) {
    let p = c;
    for (let r = c + 1; r < m; r++)
      if (Math.abs(a[r * m + c] as number) > Math.abs(a[p * m + c] as number)) p = r;
    if (Math.abs(a[p * m + c] as number) < 1e-9) return null;
    if (p !== c) {
      for (let k = 0; k < m; k++) {
        const t = a[c * m + k] as number;
        a[c * m + k] = a[p * m + k] as number;
        a[p * m + k] = t;
      }
      const t = b[c] as number;
      b[c] = b[p] as number;
      b[p] = t;
    }
    for (let r = 0; r < m; r++) {
      if (r === c) continue;
      const f = (a[r * m + c] as number) / (a[c * m + c] as number);
      if (f === 0) continue;
      for (let k = c; k < m; k++) a[r * m + k] = (a[r * m + k] as number) - f * (a[c * m + k] as number);
      b[r] = (b[r] as number) - f * (b[c] as number);
    }
  }
  const x = new Float64Array(m);
  for (let i = 0; i < m; i++) x[i] = (b[i] as number) / (a[i * m + i] as number);
  return x;
}

/** Sweeps of the equaliser's decision feedback (it settles in two or three on real codes). */
const EQUALISE_SWEEPS = 6;

/** Module colours of a grid (+1 dark, -1 light), read off the samples, known modules as the standard says. */
interface Colours {
  readonly n: number;
  readonly known: Int8Array;
  readonly colour: Int8Array;
}

/** A module's colour; outside the symbol the quiet zone is light. */
function colourAt(c: Colours, x: number, y: number): number {
  return x < 0 || y < 0 || x >= c.n || y >= c.n ? -1 : (c.colour[y * c.n + x] as number);
}

/** True when a module's colour is known without reading it (function patterns and the quiet zone). */
function knownAt(c: Colours, x: number, y: number): boolean {
  return x < 0 || y < 0 || x >= c.n || y >= c.n || c.known[y * c.n + x] !== -1;
}

/**
 * Least-squares fit of a sample as offset + Σ weight × colour over the 3×3 neighbourhood (10 parameters, centre
 * weight at index 5), on the modules whose whole neighbourhood is known; `null` when too few are.
 */
function smearWeights(c: Colours, darkness: Float32Array): Float64Array | null {
  const { n, known } = c;
  const m = 10;
  const ata = new Float64Array(m * m);
  const atb = new Float64Array(m);
  const f = new Float64Array(m);
  let rows = 0;
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      if (known[y * n + x] === -1) continue;
      let all = true;
      for (let q = 0; q < 9 && all; q++) all = knownAt(c, x + (q % 3) - 1, y + Math.floor(q / 3) - 1);
      if (!all) continue;
      f[0] = 1;
      for (let q = 0; q < 9; q++) f[q + 1] = colourAt(c, x + (q % 3) - 1, y + Math.floor(q / 3) - 1);
      const o = darkness[y * n + x] as number;
      for (let a = 0; a < m; a++) {
        atb[a] = (atb[a] as number) + (f[a] as number) * o;
        for (let b = 0; b < m; b++)
          ata[a * m + b] = (ata[a * m + b] as number) + (f[a] as number) * (f[b] as number);
      }
      rows++;
    }
  }
  if (rows < 4 * m) return null;
  // A little ridge keeps weights of neighbour layouts the known patterns rarely show from running away.
  for (let a = 1; a < m; a++) ata[a * m + a] = (ata[a * m + a] as number) + 1e-3 * rows;
  return solve(ata, atb, m);
}

/**
 * Undoes module-to-module smear (motion blur, soft focus, ink bleed) in a fitted grid. Each module's sample is
 * modelled as an offset plus a weighted sum of the colours (±1) of its 3×3 neighbourhood; the ten weights are
 * fitted by least squares on the modules whose whole neighbourhood is known (finder, separator, timing and
 * alignment patterns, and the light quiet zone around the symbol). Data modules are then decided one by one
 * with their neighbours' smear subtracted, sweeping until nothing changes. `null` when the fit says the centre
 * module barely shows (nothing to recover).
 *
 * @example
 * ```ts
 * const sharp = equalise(fitGrid(gray, corners, 3), 3)
 * if (sharp !== null) drawGrid(sharp, 0, 3) // every module ±1
 * ```
 */
export function equalise(grid: FittedGrid, version: number): FittedGrid | null {
  const { n, darkness } = grid;
  if (sideOf(version) !== n) return null;
  const known = functionPattern(version);
  const colour = new Int8Array(n * n);
  for (let i = 0; i < n * n; i++) {
    const k = known[i] as number;
    colour[i] = k === 1 ? 1 : k === 0 ? -1 : (darkness[i] as number) > 0 ? 1 : -1;
  }
  const c: Colours = { n, known, colour };
  const w = smearWeights(c, darkness);
  if (w === null || (w[5] as number) <= 0.05) return null;
  for (let sweep = 0; sweep < EQUALISE_SWEEPS; sweep++) {
    let changed = false;
    for (let y = 0; y < n; y++) {
      for (let x = 0; x < n; x++) {
        const i = y * n + x;
        if (known[i] !== -1) continue;
        let r = (darkness[i] as number) - (w[0] as number);
        for (let q = 0; q < 9; q++) {
          if (q !== 4) r -= (w[q + 1] as number) * colourAt(c, x + (q % 3) - 1, y + Math.floor(q / 3) - 1);
        }
        const next = r > 0 ? 1 : -1;
        if (next !== colour[i]) {
          colour[i] = next;
          changed = true;
        }
      }
    }
    if (!changed) break;
  }
  return { n, darkness: Float32Array.from(colour), toImage: grid.toImage };
}

/** Quiet zone, in modules, around a drawn symbol. */
const QUIET = 4;

/**
 * Draws the grid's modules as a clean symbol (`scale` px a module, dark where darkness > `bias`), and the map
 * from the drawing's pixels back to the image the grid was fitted on.
 *
 * @example
 * ```ts
 * const { image, back } = drawGrid(fitGrid(gray, corners, 3), 0, 3) // 111×111 px, quiet zone included
 * ```
 */
export function drawGrid(
  grid: FittedGrid,
  bias: number,
  scale: number,
): { image: GrayImage; back: (p: Point) => Point } {
  const { n, darkness } = grid;
  const size = (n + 2 * QUIET) * scale;
  const data = new Uint8Array(size * size).fill(255);
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      if ((darkness[y * n + x] as number) <= bias) continue;
      for (let dy = 0; dy < scale; dy++) {
        const i = ((y + QUIET) * scale + dy) * size + (x + QUIET) * scale;
        data.fill(0, i, i + scale);
      }
    }
  }
  return {
    image: { data, width: size, height: size },
    back: (p) => grid.toImage(p.x / scale - QUIET, p.y / scale - QUIET),
  };
}

/**
 * The version of a QR symbol `modules` a side (`null` when no version has that side).
 *
 * @example
 * ```ts
 * versionOf(29) // 3
 * ```
 */
export function versionOf(modules: number): number | null {
  const v = (modules - 17) / 4;
  return Number.isInteger(v) && v >= 1 && v <= 40 ? v : null;
}
