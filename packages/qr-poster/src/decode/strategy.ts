import { bounds, type Candidate, Collector, type MapPoint, mapCorners } from './collector.js';
import type { EngineResult, LocatedCode, QrEngine, ReadHints } from './engines/types.js';
import {
  boxBlur,
  cropGray,
  cropToGray,
  cylinderToSource,
  flatten,
  type GrayImage,
  gamma,
  grayScaledSize,
  grayToRgba,
  otsuThreshold,
  type Rect,
  resize,
  resizeTo,
  sharpen,
  stretch,
  texturedRegions,
  threshold,
  toGray,
  toGrayScaled,
  unwrapCylinder,
} from './image.js';
import {
  COARSE_FIT,
  drawGrid,
  equalise,
  FINE_FIT,
  type FitOptions,
  type FittedGrid,
  fitGrid,
  RIGID_FIT,
  versionOf,
} from './resample.js';
import type { QrCode, QrEngineName, RgbaImage } from './types.js';

/** Settings the strategy runs with (resolved from `DecodeOptions`). */
export interface StrategySettings {
  readonly engines: readonly QrEngine[];
  readonly effort: 'fast' | 'thorough';
  /** Escalation work allowed, as a multiple of the input's pixel count (`Infinity`: no limit). */
  readonly escalationBudget: number;
  readonly charset: NonNullable<ReadHints['charset']>;
  /** `'both'`: zxing's cheap pass reads both polarities on every image (see {@link cheapPass}). */
  readonly polarity: 'auto' | 'both';
}

/** One engine call on a derived image, with the map from its pixels back to the input's. */
async function runPass(
  engine: QrEngine,
  image: RgbaImage | GrayImage,
  map: MapPoint,
  hints: ReadHints,
  collector: Collector,
): Promise<EngineResult> {
  const result = await engine.read(image, hints);
  for (const hit of result.hits) {
    const candidate: Candidate = {
      engine: engine.name,
      bytes: hit.bytes,
      decoded: hit.decoded,
      corners: mapCorners(hit.corners, map),
    };
    collector.add(candidate);
  }
  for (const miss of result.misses) {
    const corners = mapCorners(miss, map);
    collector.addMiss(miss.modules === undefined ? corners : { ...corners, modules: miss.modules });
  }
  return result;
}

const identity: MapPoint = (p) => p;

/** Longest side the whole-image escalation passes work at; bigger photos are box-downscaled first. */
const WORK_SIDE = 1600;
/** At most this many located-but-undecoded regions get crop retries (false detections are common). */
const MAX_CROPS = 6;

/** A textured patch this many times longer than wide gets a squared-up crop first (steep perspective). */
const ELONGATED = 1.5;

/** Longest side of the copy the texture locator searches. */
const LOCATOR_SIDE = 400;

/** Pixels `flattenAlpha` samples, at most, to tell whether an image is opaque. */
const SAMPLED_PIXELS = 4096;

/** Makes transparent pixels paper-white, as printed; engines read RGB only. */
function flattenAlpha(image: RgbaImage): RgbaImage {
  const { data } = image;
  // A sample suffices: transparency that matters (a code drawn on a transparent canvas) covers many pixels.
  // At most ~4096 pixels, every 61st or sparser (an odd stride): on a 12 MP photo every 61st pixel touched
  // 200,000 cache lines, about 1 ms, 1.5 % of zxing's whole read.
  const stride = Math.max(61, Math.floor(data.length / 4 / SAMPLED_PIXELS) | 1);
  let opaque = true;
  for (let i = 3; i < data.length; i += 4 * stride) {
    if (data[i] !== 255) {
      opaque = false;
      break;
    }
  }
  if (opaque) return image;
  return grayToRgba(toGray(image));
}

function scaled(g: GrayImage, side: number): { img: GrayImage; s: number } {
  const s = side / Math.max(g.width, g.height);
  return s < 1 ? { img: resize(g, s), s } : { img: g, s: 1 };
}

/** Extra pixel allowance added to every image's escalation budget (lets small photos afford two steps). */
const TINY_ALLOWANCE = 400_000;

/**
 * The allowance of tiny images (up to TINY_IMAGE pixels): every whole-image step costs next to nothing there, so
 * the small-image steps after jsQR (sharpen, smooth, unwrap) fit too.
 */
const TINY_IMAGE_ALLOWANCE = 1_000_000;

/**
 * Images from this many pixels on get crop retries when some codes were decoded and others not, and only a
 * share of the budget until a pass reads a code.
 */
const LARGE_IMAGE = 4_000_000;

/** Images up to this many pixels (about 316×316) get a whole-image jsQR pass early in escalation. */
const TINY_IMAGE = 100_000;

/** Images up to this many pixels (about 550×550) get small-window flat-field before the texture crops. */
const SMALL_IMAGE = 300_000;

/** The arc (radians) cylinder unwrapping assumes; reads codes spanning 1.6 to 3.1 rad of a generated cylinder. */
const CYLINDER_ARC = 2.4;

/** Share of the budget a large photo with nothing read gets until a pass reads a code. */
const SEARCH_SHARE = 0.5;

/** The smallest image side a QR code fits in (version 1: 21 modules, one pixel each). */
const MIN_SIDE = 21;

/**
 * Relative cost of jsQR per pixel against zxing's. Measured on gray copies of boofcv-dev photos at 250, 400 and
 * 800 px (CPU time, best of five): 5–19× with one polarity, 7–39× with both; about 12× in the middle (session 5;
 * the 5 used before under-counted the texture crops' jsQR reads, which kept large photos searching).
 */
const JSQR_COST = 12;

/** A whole-image preprocessing of the gray working copy. */
type Pre = 'as-is' | 'flat24' | 'flat16' | 'flat12' | 'otsu' | 'tone' | 'shadows' | 'sharpen' | 'smooth';

const PRE: Readonly<Record<Pre, (g: GrayImage) => GrayImage>> = {
  'as-is': (g) => g,
  flat24: (g) => flatten(g, Math.max(4, Math.round(Math.max(g.width, g.height) / 24))),
  flat16: (g) => flatten(g, Math.max(4, Math.round(Math.max(g.width, g.height) / 16))),
  flat12: (g) => flatten(g, Math.max(4, Math.round(Math.max(g.width, g.height) / 12))),
  otsu: (g) => threshold(g, otsuThreshold(g)),
  // Dim photos and bright spots: clip the brightest 10 %, stretch the rest.
  tone: (g) => stretch(g, 0.02, 0.9),
  // Underexposed photos: open up the shadows.
  shadows: (g) => gamma(g, 0.5),
  // Motion blur and soft focus: a small unsharp mask restores module edges a blur of up to two modules
  // flattened (generated codes: a 6 px-module code under an 11 px horizontal blur reads only after it).
  sharpen: (g) => sharpen(g, 2, 1),
  // Artistic codes whose modules carry texture or pictures (zxing-cpp's sample set): a small box blur, then
  // one global threshold, turns each module back into one tone.
  smooth: (g) => boxBlur(g, Math.max(1, Math.round(Math.max(g.width, g.height) / 300))),
};

/** What the cheap pass left when it did not decode every code it located: some decoded, or none. */
type Outcome = 'partial' | 'none';

/** When a step applies, by the size of the working copy (longest side ≤ 1600 px). */
type SizeRule = 'any' | 'tiny' | 'small' | 'medium' | 'upscalable' | 'large' | 'not-large';

/** What a step does. */
type Action =
  | { readonly kind: 'whole'; readonly side: number; readonly pre: Pre; readonly hints: ReadHints }
  /** `jsqr`: also try jsQR on each patch (several times zxing's cost per pixel). */
  | { readonly kind: 'texture'; readonly jsqr: boolean }
  | { readonly kind: 'located' }
  /** Located codes re-sampled on a grid fitted to their bends (resample.ts), one of the {@link FITS}. */
  | { readonly kind: 'resample'; readonly fit: Fit }
  | { readonly kind: 'upscale' }
  | { readonly kind: 'unwrap'; readonly side: number };

/** One row of the escalation schedule. */
interface Step {
  readonly after: Outcome;
  readonly engine: QrEngineName;
  readonly size: SizeRule;
  readonly action: Action;
}

const NO_DOWNSCALE: ReadHints = { downscale: false };
/** A drawn, clean symbol: one threshold, no downscaled copies. */
const DRAWN: ReadHints = { downscale: false, binarizer: 'global' };

/** Pixels a module is scaled down to before a grid is fitted to it (7 read more boofcv-dev codes than 4 or 5). */
const RESAMPLE_MODULE_PX = 7;

/** How a located code is re-sampled: the mesh fit, pixels per module, and a box blur (radius) before it. */
interface FitSetting {
  readonly fit: FitOptions;
  readonly modulePx: number;
  readonly blur: number;
}

/**
 * The re-sampling settings, in the order the schedule tries them. `fine`: the fit that reads most (bent
 * codes); `coarse`: a stiffer mesh (damaged codes); `smooth`: larger modules, box-blurred by a pixel first
 * (cracked, speckled or ghosted modules whose centre sample hits a flaw; boofcv-dev: blurred 037, curved 017).
 */
const FITS = {
  fine: { fit: FINE_FIT, modulePx: RESAMPLE_MODULE_PX, blur: 0 },
  coarse: { fit: COARSE_FIT, modulePx: RESAMPLE_MODULE_PX, blur: 0 },
  smooth: { fit: FINE_FIT, modulePx: 10, blur: 1 },
} as const satisfies Record<string, FitSetting>;

type Fit = keyof typeof FITS;
/** Work of one grid fit per module, in the budget's pixel units. */
const RESAMPLE_FIT_COST = 64;

function area(r: Rect): number {
  return r.width * r.height;
}
const whole = (side: number, pre: Pre, hints: ReadHints = {}): Action => ({
  kind: 'whole',
  side,
  pre,
  hints,
});

/**
 * The escalation schedule, in order; steps run while the budget lasts and codes remain to be found.
 * Most productive per pixel first, measured on boofcv-dev with the scripts in `scripts/` (see their README).
 */
export const SCHEDULE: readonly Step[] = [
  // Something decoded, something located but not: the located codes' grids fitted (fine, coarse, smoothed),
  // flat-field (uneven light); on small photos a smaller window then one global threshold (blurred modules).
  // (Crops of the located codes on photos of 4 MP and more read nothing on boofcv-dev once the fits undo
  // smear; dropped.)
  { after: 'partial', engine: 'zxing', size: 'any', action: { kind: 'resample', fit: 'fine' } },
  { after: 'partial', engine: 'zxing', size: 'any', action: { kind: 'resample', fit: 'coarse' } },
  { after: 'partial', engine: 'zxing', size: 'any', action: { kind: 'resample', fit: 'smooth' } },
  { after: 'partial', engine: 'zxing', size: 'any', action: whole(WORK_SIDE, 'flat24') },
  {
    after: 'partial',
    engine: 'zxing',
    size: 'small',
    action: whole(640, 'flat12', { downscale: false, binarizer: 'global' }),
  },
  // Nothing decoded. On photos of 4 MP and more the tone pass first: at 640 px it costs a few per cent of their
  // budget, and the codes it reads explain located codes that would otherwise be fitted one by one.
  { after: 'none', engine: 'zxing', size: 'large', action: whole(640, 'tone', NO_DOWNSCALE) },
  // Located codes (on bent, creased, damaged or blurred surfaces): a grid fitted to each, fine, coarse, then
  // smoothed.
  { after: 'none', engine: 'zxing', size: 'any', action: { kind: 'resample', fit: 'fine' } },
  { after: 'none', engine: 'zxing', size: 'any', action: { kind: 'resample', fit: 'coarse' } },
  { after: 'none', engine: 'zxing', size: 'any', action: { kind: 'resample', fit: 'smooth' } },
  // Then, on smaller photos, the tone pass: of the whole-image passes it reads the most codes per pixel.
  { after: 'none', engine: 'zxing', size: 'not-large', action: whole(640, 'tone', NO_DOWNSCALE) },
  // On tiny images one global threshold costs next to nothing and reads blurred or low-contrast codes.
  {
    after: 'none',
    engine: 'zxing',
    size: 'tiny',
    action: whole(WORK_SIDE, 'as-is', { binarizer: 'global' }),
  },
  // On small photos the whole image costs less than a crop: flat-field with a small window first (glare).
  { after: 'none', engine: 'zxing', size: 'small', action: whole(1000, 'flat16', NO_DOWNSCALE) },
  // Small images, after the passes measured on boofcv-dev: a whole-image pass costs little, so motion blur
  // (sharpen), artistic codes with textured modules (smooth, global threshold) and curved surfaces (unwrap).
  { after: 'none', engine: 'zxing', size: 'small', action: whole(800, 'sharpen', NO_DOWNSCALE) },
  {
    after: 'none',
    engine: 'zxing',
    size: 'small',
    action: whole(800, 'smooth', { downscale: false, binarizer: 'global' }),
  },
  { after: 'none', engine: 'zxing', size: 'small', action: { kind: 'unwrap', side: 800 } },
  // jsQR reads some tiny images zxing cannot, and on them costs less than the crops below.
  { after: 'none', engine: 'jsqr', size: 'tiny', action: whole(WORK_SIDE, 'as-is') },
  // Photos of 4 MP and more: opening up the shadows reads more codes per millisecond there than the texture
  // crops below (boofcv-dev, session 3: +2 codes in 6 runs at ~1/10 of a texture step's time each), and a
  // code read early lets the rest of the budget go to the crops.
  { after: 'none', engine: 'zxing', size: 'large', action: whole(WORK_SIDE, 'shadows') },
  // Codes nobody located (glare, perspective, creases): crops around textured patches. On photos of 4 MP and
  // more without jsQR: there its crops read none of boofcv-dev's codes, even with an unlimited budget, and one
  // cost 5–90 ms (a textured patch gives jsQR's finder search many candidates), up to a whole cheap pass.
  { after: 'none', engine: 'zxing', size: 'not-large', action: { kind: 'texture', jsqr: true } },
  { after: 'none', engine: 'zxing', size: 'large', action: { kind: 'texture', jsqr: false } },
  // Codes those crops located.
  { after: 'none', engine: 'zxing', size: 'any', action: { kind: 'resample', fit: 'fine' } },
  { after: 'none', engine: 'zxing', size: 'any', action: { kind: 'resample', fit: 'coarse' } },
  { after: 'none', engine: 'zxing', size: 'any', action: { kind: 'resample', fit: 'smooth' } },
  // The passes below read no code of a photo of 4 MP or more on boofcv-dev, even with an unlimited budget (they
  // predate the tone, shadow, texture and grid-fitting steps above, which now read those codes first); on such
  // photos the budget they would spend goes unspent.
  {
    after: 'none',
    engine: 'zxing',
    size: 'not-large',
    action: whole(WORK_SIDE, 'as-is', { binarizer: 'global' }),
  },
  { after: 'none', engine: 'zxing', size: 'not-large', action: whole(WORK_SIDE, 'shadows') },
  { after: 'none', engine: 'zxing', size: 'not-large', action: whole(WORK_SIDE, 'flat24') },
  { after: 'none', engine: 'zxing', size: 'medium', action: whole(1000, 'flat16', NO_DOWNSCALE) },
  { after: 'none', engine: 'zxing', size: 'not-large', action: { kind: 'located' } },
  {
    after: 'none',
    engine: 'zxing',
    size: 'not-large',
    action: whole(640, 'as-is', { downscale: false, binarizer: 'global' }),
  },
  { after: 'none', engine: 'zxing', size: 'not-large', action: whole(640, 'flat12', NO_DOWNSCALE) },
  {
    after: 'none',
    engine: 'zxing',
    size: 'not-large',
    action: whole(WORK_SIDE, 'otsu', { binarizer: 'global' }),
  },
  { after: 'none', engine: 'zxing', size: 'upscalable', action: { kind: 'upscale' } },
  // Curved surfaces (bottles, cups): the image, and each unread textured patch, unwrapped off a cylinder
  // standing upright and one lying down (small images had their turn above).
  { after: 'none', engine: 'zxing', size: 'medium', action: { kind: 'unwrap', side: 800 } },
  { after: 'none', engine: 'jsqr', size: 'not-large', action: { kind: 'located' } },
  { after: 'none', engine: 'jsqr', size: 'not-large', action: whole(1000, 'as-is') },
  { after: 'none', engine: 'jsqr', size: 'not-large', action: whole(600, 'as-is') },
];

/** `square`: stretch the crop's short axis by the square root of its aspect ratio (foreshortened codes). */
interface CropVariant {
  readonly engine: QrEngine;
  readonly side: number;
  readonly flat: boolean;
  readonly hints: ReadHints;
  readonly square?: boolean;
}

/** A located code's crop for the grid fits: `g`, cut at `rect` of an image `scale` × the input's, then × `f`. */
interface FitImage {
  readonly g: GrayImage;
  readonly scale: number;
  readonly rect: Rect;
  readonly toInput: MapPoint;
  readonly f: number;
}

/** One escalation run: the input, its gray working copy, the readings so far and the work spent. */
class Escalation {
  spent = 0;
  /** Textured patches (input coordinates) the last texture step left unread. */
  unreadBoxes: Rect[] = [];
  /** The working copy's scale against the input, and its size (known before the copy is made). */
  readonly workScale: number;
  readonly workWidth: number;
  readonly workHeight: number;
  private workCopy: GrayImage | null;

  /** The budget in force: `full` once a pass has read a code, a share of it until then (see runStrategy). */
  budget: number;

  constructor(
    readonly image: RgbaImage,
    readonly collector: Collector,
    readonly base: ReadHints,
    readonly full: number,
    start: number,
    gray: GrayImage | null,
  ) {
    this.budget = start;
    // Converting and downscaling the input once is part of the bill, made or not (see `work`).
    this.spent += (image.width * image.height) / 5;
    this.workCopy = gray;
    const size = grayScaledSize(image.width, image.height, WORK_SIDE);
    this.workScale = gray !== null ? 1 : 1 / size.factor;
    this.workWidth = gray !== null ? gray.width : size.width;
    this.workHeight = gray !== null ? gray.height : size.height;
  }

  /**
   * The gray working copy: the input's own gray when the cheap pass made one, else the input shrunk to
   * WORK_SIDE, made when a step first needs it (a photo whose grid fits, cut from the input, read every
   * located code never does: ~10 ms of a 12 MP photo).
   */
  get work(): GrayImage {
    this.workCopy ??= toGrayScaled(this.image, WORK_SIDE).image;
    return this.workCopy;
  }

  /**
   * A gray crop of `r` (input coordinates) about to be shrunk to `side` px or less: cut from the working copy
   * when that is the input's full-size gray (images up to WORK_SIDE) or the crop is at least `side` big there
   * (no luma conversion of full-size pixels), else from the input. `toInput` maps the crop's pixels back into
   * the input.
   */
  crop(r: Rect, side: number): { image: GrayImage; scale: number; rect: Rect; toInput: MapPoint } {
    const k = this.workScale;
    if (k === 1 || Math.max(r.width, r.height) * k >= side) {
      const { image, rect } = cropGray(this.work, {
        x: r.x * k,
        y: r.y * k,
        width: r.width * k,
        height: r.height * k,
      });
      return { image, scale: k, rect, toInput: (p) => ({ x: (p.x + rect.x) / k, y: (p.y + rect.y) / k }) };
    }
    const { image, rect } = cropToGray(this.image, r);
    return { image, scale: 1, rect, toInput: (p) => ({ x: p.x + rect.x, y: p.y + rect.y }) };
  }

  get exhausted(): boolean {
    return this.spent >= this.budget;
  }

  async onGray(engine: QrEngine, g: GrayImage, map: MapPoint, hints: ReadHints): Promise<EngineResult> {
    this.spent += g.width * g.height * (engine.name === 'jsqr' ? JSQR_COST : 1);
    const before = this.collector.regionCount;
    const result = await runPass(engine, g, map, { ...this.base, ...hints }, this.collector);
    // A code read where the cheap pass read none: this photo is worth the whole budget.
    if (this.collector.regionCount > before) this.budget = this.full;
    return result;
  }

  fromWork(f: number): MapPoint {
    const k = this.workScale * f;
    return (p) => ({ x: p.x / k, y: p.y / k });
  }

  /** The working copy shrunk to each longest side asked for so far (several steps share a side). */
  private readonly shrunk = new Map<number, { img: GrayImage; s: number }>();

  scaled(side: number): { img: GrayImage; s: number } {
    let hit = this.shrunk.get(side);
    if (hit === undefined) {
      hit = scaled(this.work, side);
      this.shrunk.set(side, hit);
    }
    return hit;
  }

  async whole(engine: QrEngine, side: number, pre: Pre, hints: ReadHints): Promise<void> {
    const { img, s } = this.scaled(side);
    await this.onGray(engine, PRE[pre](img), this.fromWork(s), hints);
  }

  /**
   * Unwraps the whole working image, then each unread textured patch (padded by half its size: a curved
   * code's patch misses its crowded edges), off a vertical and a horizontal cylinder.
   */
  async unwrap(engine: QrEngine, side: number): Promise<void> {
    const arc = CYLINDER_ARC;
    const { img, s } = this.scaled(side);
    const targets: Array<{ g: GrayImage; map: (axis: 'x' | 'y') => MapPoint }> = [
      {
        g: img,
        map: (axis) => {
          const back = this.fromWork(s);
          return (p) =>
            back(
              axis === 'x'
                ? { x: cylinderToSource(p.x, img.width, arc), y: p.y }
                : { x: p.x, y: cylinderToSource(p.y, img.height, arc) },
            );
        },
      },
    ];
    for (const b of this.unreadBoxes) {
      const pad = Math.max(b.width, b.height) * 0.5;
      const padded = { x: b.x - pad, y: b.y - pad, width: b.width + 2 * pad, height: b.height + 2 * pad };
      const { image: cut, toInput } = this.crop(padded, 600);
      const f = Math.min(1, 600 / Math.max(cut.width, cut.height));
      const g = f < 1 ? resize(cut, f) : cut;
      targets.push({
        g,
        map: (axis) => (p) =>
          toInput(
            axis === 'x'
              ? { x: cylinderToSource(p.x, g.width, arc) / f, y: p.y / f }
              : { x: p.x / f, y: cylinderToSource(p.y, g.height, arc) / f },
          ),
      });
    }
    for (const t of targets) {
      for (const axis of ['x', 'y'] as const) {
        if (this.exhausted) return;
        const before = this.collector.regionCount;
        await this.onGray(engine, unwrapCylinder(t.g, arc, axis), t.map(axis), NO_DOWNSCALE);
        if (this.collector.regionCount > before) break;
      }
    }
  }

  async upscale(engine: QrEngine): Promise<void> {
    await this.onGray(engine, resize(this.work, 2), this.fromWork(2), NO_DOWNSCALE);
  }

  /** Crops `b` (input coordinates) with a margin and tries `variants` on it until one reads something. */
  async retryCrop(
    b: Rect,
    padding: number,
    variants: readonly CropVariant[],
    fitFirst = false,
  ): Promise<void> {
    const pad = Math.max(b.width, b.height) * padding;
    const padded = { x: b.x - pad, y: b.y - pad, width: b.width + 2 * pad, height: b.height + 2 * pad };
    const { image: cut, toInput } = this.crop(padded, Math.max(...variants.map((v) => v.side)));
    for (const v of variants) {
      if (this.exhausted) return;
      const k = v.square === true ? Math.sqrt(Math.max(b.width, b.height) / Math.min(b.width, b.height)) : 1;
      const tall = b.width < b.height;
      const s = v.side / Math.max(cut.width * (tall ? k : 1), cut.height * (tall ? 1 : k));
      const sized =
        k !== 1
          ? resizeTo(cut, cut.width * (tall ? s * k : s), cut.height * (tall ? s : s * k))
          : Math.abs(s - 1) < 0.1
            ? cut
            : resize(cut, s);
      const img = v.flat
        ? flatten(sized, Math.max(3, Math.round(Math.max(sized.width, sized.height) / 8)))
        : sized;
      const fx = k !== 1 ? sized.width / cut.width : s;
      const fy = k !== 1 ? sized.height / cut.height : s;
      const map: MapPoint = (p) => toInput({ x: p.x / fx, y: p.y / fy });
      const before = this.collector.regionCount;
      const { misses } = await this.onGray(v.engine, img, map, v.hints);
      if (this.collector.regionCount > before) return;
      // `fitFirst`: a code this variant located but could not decode gets its grid fitted before the next
      // variant; when the fit reads it, the next variant (jsQR, 5–90 ms a crop) is not needed.
      if (fitFirst && v.engine.name === 'zxing' && misses.some((m) => m.modules !== undefined)) {
        if (this.exhausted) return;
        await this.resample(v.engine, 'fine');
        if (this.collector.regionCount > before) return;
      }
    }
  }

  /** Each located code's crop as the fits see it, by module size and blur (the fine and coarse fits share one). */
  private readonly fitImages = new Map<LocatedCode, Map<string, FitImage>>();

  /**
   * The crop `padded` (input coordinates) of a located code whose modules are `modulePx` wide, shrunk to
   * modules of about `targetPx` (never enlarged) and box-blurred by `blur` px; made once per code and setting.
   */
  fitImage(miss: LocatedCode, padded: Rect, modulePx: number, targetPx: number, blur: number): FitImage {
    const key = `${targetPx} ${blur}`;
    let byKey = this.fitImages.get(miss);
    if (byKey === undefined) {
      byKey = new Map();
      this.fitImages.set(miss, byKey);
    }
    let hit = byKey.get(key);
    if (hit === undefined) {
      const side = Math.max(padded.width, padded.height) * Math.min(1, targetPx / modulePx);
      const { image: cut, scale, rect, toInput } = this.crop(padded, side);
      const f = Math.min(1, targetPx / (modulePx * scale));
      const shrunk = f < 1 ? resize(cut, f) : cut;
      hit = { g: blur > 0 ? boxBlur(shrunk, blur) : shrunk, scale, rect, toInput, f };
      byKey.set(key, hit);
    }
    return hit;
  }

  /** The settings each located code was already re-sampled with; each is tried once. */
  readonly resampled = new Map<LocatedCode, Set<Fit>>();

  /**
   * Re-samples each located, undecoded code of known version on a grid fitted to the image (bent and creased
   * codes), biggest first, with the setting `fit` names (see {@link FITS}); the drawn symbol goes to
   * `engine`. The `fine` setting first tries the detector's own grid with the smear between modules undone.
   */
  async resample(engine: QrEngine, fit: Fit): Promise<void> {
    const { fit: options, modulePx: targetPx, blur } = FITS[fit];
    const open = this.collector
      .openMisses()
      .filter((m) => m.modules !== undefined && !this.resampled.get(m)?.has(fit))
      .sort((a, b) => area(bounds(b)) - area(bounds(a)))
      .slice(0, MAX_CROPS);
    for (const miss of open) {
      if (this.exhausted) return;
      const tried = this.resampled.get(miss) ?? new Set<Fit>();
      this.resampled.set(miss, tried.add(fit));
      const modules = miss.modules as number;
      const version = versionOf(modules);
      if (version === null) continue;
      const b = bounds(miss);
      const modulePx = Math.max(b.width, b.height) / modules;
      const pad = 4 * modulePx;
      const padded = { x: b.x - pad, y: b.y - pad, width: b.width + 2 * pad, height: b.height + 2 * pad };
      // Modules of about targetPx: enough to find their centres, and the fit's cost stays small.
      const { g, scale, rect, toInput, f } = this.fitImage(miss, padded, modulePx, targetPx, blur);
      // The box blur of the local threshold, then a few dozen samples per module.
      this.spent += g.width * g.height + RESAMPLE_FIT_COST * modules * modules;
      const toCrop: MapPoint = (p) => ({ x: (p.x * scale - rect.x) * f, y: (p.y * scale - rect.y) * f });
      const fromCrop: MapPoint = (p) => toInput({ x: p.x / f, y: p.y / f });
      const corners = mapCorners(miss, toCrop);
      const before = this.collector.regionCount;
      const read = async (grid: FittedGrid | null): Promise<boolean> => {
        if (grid === null) return false;
        const { image, back } = drawGrid(grid, 0, 3);
        await this.onGray(engine, image, (p) => fromCrop(back(p)), DRAWN);
        return this.collector.regionCount > before;
      };
      // Blurred codes: the detector's own grid with the smear between modules undone (cheap, and a mesh fit
      // chases blur rather than bends).
      if (fit === 'fine' && (await read(equalise(fitGrid(g, corners, version, RIGID_FIT), version))))
        continue;
      const grid = fitGrid(g, corners, version, options);
      // Unread: the fitted modules may be smeared into each other too; undo that and try once more.
      if (!(await read(grid))) await read(equalise(grid, version));
    }
  }

  /** Crop retries around codes that were located but not decoded, biggest first. */
  async located(engine: QrEngine): Promise<void> {
    const open = this.collector
      .openMisses()
      .map((m) => bounds(m))
      .sort((a, b) => b.width * b.height - a.width * a.height)
      .slice(0, MAX_CROPS);
    // Measured on boofcv-dev (scripts/qr-crops.ts): flat-field at 600 px with the local threshold reads the
    // most located-but-undecoded codes, then the plain crop at 450 px with a global threshold.
    const variants: CropVariant[] =
      engine.name === 'zxing'
        ? [
            { engine, side: 600, flat: true, hints: NO_DOWNSCALE },
            { engine, side: 450, flat: false, hints: { downscale: false, binarizer: 'global' } },
          ]
        : [{ engine, side: 300, flat: false, hints: {} }];
    for (const b of open) {
      if (this.exhausted) return;
      await this.retryCrop(b, 0.3, variants);
    }
  }

  /** Crops around textured patches (a cheap locator) that no reading lies in. */
  async texture(z: QrEngine, j: QrEngine | undefined): Promise<void> {
    const { work, workScale } = this;
    const regions = texturedRegions(work, LOCATOR_SIDE, MAX_CROPS);
    // One box-filter pass over the working copy, then a few passes over a LOCATOR_SIDE copy.
    const ls = Math.min(1, LOCATOR_SIDE / Math.max(work.width, work.height));
    this.spent += (work.width * work.height) / 5 + work.width * work.height * ls * ls;
    // Measured on boofcv-dev (scripts/qr-oracle.ts): zxing's local threshold at 400 px after flat-field
    // correction (uneven light inside the patch), then jsQR at 250 px. The same crop without flat-field read
    // none of boofcv-dev's codes in 51 tries (session 3) and is not tried.
    const variants: CropVariant[] = [{ engine: z, side: 400, flat: true, hints: NO_DOWNSCALE }];
    if (j !== undefined) variants.push({ engine: j, side: 250, flat: false, hints: { invert: false } });
    const boxes = regions.map((r) => ({
      x: r.x / workScale,
      y: r.y / workScale,
      width: r.width / workScale,
      height: r.height / workScale,
    }));
    for (const b of boxes) {
      if (this.exhausted) break;
      // A patch much taller than wide (or the reverse) is often a code seen at a steep angle: zxing's finder
      // reads it once the patch, tightly cropped, is stretched part of the way back to a square.
      const elongated = Math.max(b.width, b.height) >= ELONGATED * Math.min(b.width, b.height);
      if (elongated && !this.collector.readIn(b)) {
        await this.retryCrop(b, 0.1, [
          { engine: z, side: 400, flat: false, hints: NO_DOWNSCALE, square: true },
        ]);
      }
      if (this.exhausted) break;
      if (!this.collector.readIn(b)) await this.retryCrop(b, 0.25, variants, true);
      // A crop that located a code it could not decode: fit its grid now (cheap), before the next patch.
      if (!this.exhausted) await this.resample(z, 'fine');
    }
    this.unreadBoxes = boxes.filter((b) => !this.collector.readIn(b));
  }
}

function sizeMatches(rule: SizeRule, inputPixels: number, workPixels: number): boolean {
  switch (rule) {
    case 'any':
      return true;
    case 'tiny':
      return workPixels <= TINY_IMAGE;
    case 'small':
      return workPixels <= SMALL_IMAGE;
    case 'medium':
      return workPixels > SMALL_IMAGE && inputPixels < LARGE_IMAGE;
    case 'upscalable':
      return workPixels <= 1_000_000;
    case 'large':
      return inputPixels >= LARGE_IMAGE;
    case 'not-large':
      return inputPixels < LARGE_IMAGE;
  }
}

/** What the cheap pass read, and the input's full-size gray when it made one (see {@link cheapPass}). */
interface CheapPass {
  readonly collector: Collector;
  readonly gray: GrayImage | null;
}

/**
 * The cheap pass: zxing once on the input, as plain zxing-wasm runs it, but (`oneFirst`: thorough effort,
 * polarity 'auto', photos under LARGE_IMAGE) in the dark-on-light polarity only: zxing tries the inverted
 * bitmap on every pyramid layer even after it has read codes, ~20 % of its time on a photo, for a polarity
 * photos almost never have. When that reads no code, zxing's own default call (both polarities) follows and its
 * readings replace the first's, so an image whose codes are all light-on-dark reads exactly what plain
 * zxing-wasm reads; a light-on-dark code beside a dark-on-light one is left unread (polarity 'both' reads it).
 * On photos of 4 MP and more the default call goes first: a second call after a failed first one would cost
 * more there than the inverted half saves (boofcv-dev: 12 of 43 such photos read nothing in the first polarity).
 *
 * That second call, on an image no longer than WORK_SIDE, reads our gray of the input instead of its RGBA:
 * zxing-wasm turns RGBA into gray with the very luma `toGray` computes (opaque pixels; `flattenAlpha` made the
 * input opaque), so zxing sees the same bytes, and the escalation that usually follows a photo where the first
 * polarity read nothing takes that gray as its working copy instead of converting the input a third time.
 */
async function cheapPass(
  engine: QrEngine,
  image: RgbaImage,
  base: ReadHints,
  oneFirst: boolean,
): Promise<CheapPass> {
  const collector = new Collector();
  if (!oneFirst || engine.name !== 'zxing' || image.width * image.height >= LARGE_IMAGE) {
    await runPass(engine, image, identity, base, collector);
    return { collector, gray: null };
  }
  await runPass(engine, image, identity, { ...base, invert: false }, collector);
  if (collector.regionCount > 0) return { collector, gray: null };
  const both = new Collector();
  const gray = Math.max(image.width, image.height) <= WORK_SIDE ? toGray(image) : null;
  await runPass(engine, gray ?? image, identity, base, both);
  return { collector: both, gray };
}

/**
 * Finds every QR code in `image`.
 *
 * The cheap pass ({@link cheapPass}) is zxing on the input as plain zxing-wasm runs it, one polarity first on
 * photos under 4 MP; it answers most images.
 * Escalation runs when that pass decoded nothing, or located codes (checksum failures) it could not decode
 * (those get a sampling grid fitted to their bends early on, see resample.ts). It walks {@link SCHEDULE}, the rows for what the cheap pass left, and stops once every located code is
 * read or the work budget is spent: `escalationBudget` × (the input's pixel count + a fixed allowance), counted
 * in pixels fed to the engines (and grid fits), so it is deterministic and its cost scales with the first pass's.
 * Rotation, mirroring and (in escalation) inversion are tried inside the engines (zxing's tryRotate/tryInvert,
 * jsQR's inversionAttempts).
 */
export async function runStrategy(input: RgbaImage, settings: StrategySettings): Promise<QrCode[]> {
  const { engines, charset } = settings;
  const primary = engines[0];
  // A QR code is at least 21 modules a side: an image narrower than that holds none (and a 1×40,000,000
  // strip would only cost time).
  if (primary === undefined || Math.min(input.width, input.height) < MIN_SIDE) return [];
  const image = flattenAlpha(input);
  const base: ReadHints = { charset };
  const byName = (name: QrEngineName): QrEngine | undefined => engines.find((e) => e.name === name);

  const oneFirst = settings.effort === 'thorough' && settings.polarity === 'auto';
  const { collector, gray } = await cheapPass(primary, image, base, oneFirst);
  const done = (): boolean => collector.regionCount > 0 && collector.openMisses().length === 0;
  if (settings.effort === 'fast') {
    for (const engine of engines.slice(1)) {
      if (collector.regionCount === 0) await runPass(engine, image, identity, base, collector);
    }
    return collector.settled();
  }
  const pixels = image.width * image.height;
  // Every located code decoded: done, whatever the size (looking for codes nobody located on large photos
  // cost 4.6 s over boofcv-dev's 26 such photos for one code).
  if (done()) return collector.settled();
  const outcome: Outcome = collector.regionCount > 0 ? 'partial' : 'none';

  // The fixed allowance lets tiny images (a few hundred pixels a side) try jsQR, which reads some that zxing cannot.
  const allowance = pixels <= TINY_IMAGE ? TINY_IMAGE_ALLOWANCE : TINY_ALLOWANCE;
  const full = settings.escalationBudget * (pixels + allowance);
  // Spend the budget where codes are found: a large photo in which the cheap pass read nothing gets a share of
  // it, and the rest only once some pass reads a code (large photos where nothing reads set the p95 time).
  const start = outcome === 'none' && pixels >= LARGE_IMAGE ? full * SEARCH_SHARE : full;
  const run = new Escalation(image, collector, base, full, start, gray);
  const workPixels = run.workWidth * run.workHeight;
  for (const step of SCHEDULE) {
    if (done() || run.exhausted) break;
    const engine = byName(step.engine);
    if (step.after !== outcome || engine === undefined) continue;
    if (!sizeMatches(step.size, pixels, workPixels)) continue;
    const { action } = step;
    if (action.kind === 'whole') await run.whole(engine, action.side, action.pre, action.hints);
    else if (action.kind === 'texture') await run.texture(engine, action.jsqr ? byName('jsqr') : undefined);
    else if (action.kind === 'located') await run.located(engine);
    else if (action.kind === 'resample') await run.resample(engine, action.fit);
    else if (action.kind === 'unwrap') await run.unwrap(engine, action.side);
    else await run.upscale(engine);
    // A step that located a code it could not decode: fit that code's grid before the next step.
    const fitter = byName('zxing');
    if (action.kind !== 'resample' && fitter !== undefined && !done() && !run.exhausted)
      await run.resample(fitter, 'fine');
  }
  return collector.settled();
}
