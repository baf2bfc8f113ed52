import type { DecodedText } from './charset.js';
import type { EngineResult, QrEngine, ReadHints } from './engines/types.js';
import {
  cropToGray,
  flatten,
  type GrayImage,
  gamma,
  grayToRgba,
  otsuThreshold,
  type Rect,
  resize,
  resizeTo,
  stretch,
  texturedRegions,
  threshold,
  toGray,
  toGrayScaled,
} from './image.js';
import type { Point, QrCode, QrCorners, QrEngineName, RgbaImage } from './types.js';

/** A reading of one code by one pass, already mapped into input-image coordinates. */
interface Candidate {
  readonly engine: QrEngineName;
  readonly bytes: Uint8Array;
  readonly decoded: DecodedText | null;
  readonly corners: QrCorners;
}

/** Settings the strategy runs with (resolved from `DecodeOptions`). */
export interface StrategySettings {
  readonly engines: readonly QrEngine[];
  readonly effort: 'fast' | 'thorough';
  /** Escalation work allowed, as a multiple of the input's pixel count (`Infinity`: no limit). */
  readonly escalationBudget: number;
  readonly charset: NonNullable<ReadHints['charset']>;
}

type MapPoint = (p: Point) => Point;

function mapCorners(c: QrCorners, f: MapPoint): QrCorners {
  return {
    topLeft: f(c.topLeft),
    topRight: f(c.topRight),
    bottomRight: f(c.bottomRight),
    bottomLeft: f(c.bottomLeft),
  };
}

function centre(c: QrCorners): Point {
  return {
    x: (c.topLeft.x + c.topRight.x + c.bottomRight.x + c.bottomLeft.x) / 4,
    y: (c.topLeft.y + c.topRight.y + c.bottomRight.y + c.bottomLeft.y) / 4,
  };
}

/** Point-in-convex-quad test that works for either winding order. */
function inside(p: Point, c: QrCorners): boolean {
  const pts = [c.topLeft, c.topRight, c.bottomRight, c.bottomLeft];
  let sign = 0;
  for (let i = 0; i < 4; i++) {
    const a = pts[i] as Point;
    const b = pts[(i + 1) % 4] as Point;
    const cross = (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x);
    if (cross === 0) continue;
    const s = cross > 0 ? 1 : -1;
    if (sign === 0) sign = s;
    else if (s !== sign) return false;
  }
  return true;
}

function sameRegion(a: QrCorners, b: QrCorners): boolean {
  return inside(centre(a), b) || inside(centre(b), a);
}

function bounds(c: QrCorners): Rect {
  const xs = [c.topLeft.x, c.topRight.x, c.bottomRight.x, c.bottomLeft.x];
  const ys = [c.topLeft.y, c.topRight.y, c.bottomRight.y, c.bottomLeft.y];
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Collects readings from every pass and settles each region: one code when all readings of it agree,
 * nothing when any two disagree or any reading is undecidable (a disagreement means one of them is wrong,
 * and we cannot tell which).
 */
class Collector {
  private readonly groups: Candidate[][] = [];
  private readonly missRegions: QrCorners[] = [];

  add(c: Candidate): void {
    for (const g of this.groups) {
      if (g.some((o) => sameRegion(o.corners, c.corners))) {
        g.push(c);
        return;
      }
    }
    this.groups.push([c]);
  }

  addMiss(c: QrCorners): void {
    if (!this.missRegions.some((m) => sameRegion(m, c))) this.missRegions.push(c);
  }

  /** Regions something was seen in but no pass has decoded yet. */
  openMisses(): QrCorners[] {
    return this.missRegions.filter((m) => !this.groups.some((g) => g.some((c) => sameRegion(c.corners, m))));
  }

  /** True when some reading's centre lies inside `r`. */
  readIn(r: Rect): boolean {
    return this.groups.some((g) =>
      g.some((c) => {
        const p = centre(c.corners);
        return p.x >= r.x && p.y >= r.y && p.x <= r.x + r.width && p.y <= r.y + r.height;
      }),
    );
  }

  get regionCount(): number {
    return this.groups.length;
  }

  settled(): QrCode[] {
    const out: QrCode[] = [];
    for (const g of this.groups) {
      const first = g[0] as Candidate;
      if (first.decoded === null) continue;
      const agree = g.every(
        (c) =>
          c.decoded !== null &&
          c.decoded.text === (first.decoded as DecodedText).text &&
          sameBytes(c.bytes, first.bytes),
      );
      if (!agree) continue;
      out.push({
        text: first.decoded.text,
        bytes: first.bytes,
        charset: first.decoded.charset,
        corners: first.corners,
        engine: first.engine,
      });
    }
    return out;
  }
}

/** One engine call on a derived image, with the map from its pixels back to the input's. */
async function runPass(
  engine: QrEngine,
  image: RgbaImage,
  map: MapPoint,
  hints: ReadHints,
  collector: Collector,
): Promise<EngineResult> {
  const result = await engine.read(image, hints);
  for (const hit of result.hits) {
    collector.add({
      engine: engine.name,
      bytes: hit.bytes,
      decoded: hit.decoded,
      corners: mapCorners(hit.corners, map),
    });
  }
  for (const miss of result.misses) collector.addMiss(mapCorners(miss, map));
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

/** Makes transparent pixels paper-white, as printed; engines read RGB only. */
function flattenAlpha(image: RgbaImage): RgbaImage {
  const { data } = image;
  // A sample suffices: transparency that matters (a code drawn on a transparent canvas) covers many pixels.
  let opaque = true;
  for (let i = 3; i < data.length; i += 4 * 61) {
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

/** Images from this many pixels on also get crop retries when some codes were decoded and others not. */
const LARGE_IMAGE = 4_000_000;

/** Images up to this many pixels (about 316×316) get a whole-image jsQR pass early in escalation. */
const TINY_IMAGE = 100_000;

/** Images up to this many pixels (about 550×550) get small-window flat-field before the texture crops. */
const SMALL_IMAGE = 300_000;

/** Relative cost of jsQR per pixel against zxing's (measured on boofcv-dev: jsQR is several times slower). */
const JSQR_COST = 5;

/**
 * Finds every QR code in `image`.
 *
 * The cheap pass is zxing once on the input, exactly as plain zxing-wasm would run; it answers most images.
 * Escalation runs when that pass decoded nothing, or located codes (checksum failures) it could not decode, and
 * on photos of 4 MP and more (where the cheap pass dominates the time) also when textured patches nobody read
 * remain. It is bounded by a work budget counted in pixels fed to the engines — `escalationBudget` × (the
 * input's pixel count + a fixed allowance) — so it is deterministic and its cost scales with the first pass's.
 * Steps, most productive per pixel first (measured on boofcv-dev with the scripts in scripts/):
 * - all decoded, nothing located, photo of 4 MP and more: crops around textured patches (a cheap texture
 *   locator: gradient energy in both directions) nobody read, then if one stays unread flat-field at 1600 px
 *   and the tone pass;
 * - something decoded, something located but not: flat-field correction at 1600 px (uneven light), on photos
 *   up to 0.3 MP flat-field with a smaller window and a global threshold (blurred codes), and on photos of 4 MP
 *   and more crop retries around the located codes;
 * - nothing decoded: the tone pass (clip the brightest 10 %, stretch the rest: dim photos, bright spots) at
 *   640 px, on photos up to 0.3 MP flat-field with a small window (cheaper there than one crop: glare), crops around textured patches (zxing at 400 px plain and flat-field corrected, jsQR at 250 px:
 *   codes no engine located under glare, perspective, creases or dim light; a patch 1.5× longer than wide is first
 *   tried tightly cropped and stretched part of the way back to a square, for codes seen at a steep angle), global threshold at 1600 px, a
 *   gamma curve for underexposed photos, jsQR when the image is tiny, flat-field at 1600 and 1000 px, crop retries around located codes (flat-field at 600 px,
 *   then a global threshold at 450 px; jsQR at 300 px), global threshold at 640 px, flat-field at 640 px,
 *   Otsu binarisation, 2× upscale of small images, jsQR on the crops and on the whole image.
 * Rotation and inversion are tried inside the engines (zxing's tryRotate/tryInvert, jsQR's inversionAttempts).
 */
export async function runStrategy(input: RgbaImage, settings: StrategySettings): Promise<QrCode[]> {
  const collector = new Collector();
  const { engines, charset } = settings;
  const primary = engines[0];
  if (primary === undefined) return [];
  const image = flattenAlpha(input);
  const base: ReadHints = { charset };
  const zxing = engines.find((e) => e.name === 'zxing');
  const jsqr = engines.find((e) => e.name === 'jsqr');

  await runPass(primary, image, identity, base, collector);
  const done = (): boolean => collector.regionCount > 0 && collector.openMisses().length === 0;
  if (settings.effort === 'fast') {
    for (const engine of engines.slice(1)) {
      if (collector.regionCount === 0) await runPass(engine, image, identity, base, collector);
    }
    return collector.settled();
  }
  const large = image.width * image.height >= LARGE_IMAGE;
  // On photos of 4 MP and more the cheap pass costs far more than a look for textured patches nobody read.
  const complete = done();
  if (complete && !large) return collector.settled();

  // The fixed allowance lets tiny images (a few hundred pixels a side) try jsQR, which reads some that zxing cannot.
  const budget = settings.escalationBudget * (image.width * image.height + TINY_ALLOWANCE);
  let spent = 0;
  const onGray = (engine: QrEngine, g: GrayImage, map: MapPoint, hints: ReadHints) => {
    spent += g.width * g.height * (engine.name === 'jsqr' ? JSQR_COST : 1);
    return runPass(engine, grayToRgba(g), map, { ...base, ...hints }, collector);
  };

  /** `square`: stretch the crop's short axis by the square root of its aspect ratio (foreshortened codes). */
  type CropVariant = { engine: QrEngine; side: number; flat: boolean; hints: ReadHints; square?: boolean };
  /** Crops `b` (input coordinates) with a margin and tries `variants` on it until one reads something. */
  const retryCrop = async (b: Rect, padding: number, variants: readonly CropVariant[]): Promise<void> => {
    const pad = Math.max(b.width, b.height) * padding;
    const { image: cut, rect } = cropToGray(image, {
      x: b.x - pad,
      y: b.y - pad,
      width: b.width + 2 * pad,
      height: b.height + 2 * pad,
    });
    for (const v of variants) {
      if (spent >= budget) return;
      const k = v.square === true ? Math.sqrt(Math.max(b.width, b.height) / Math.min(b.width, b.height)) : 1;
      const s =
        v.side /
        Math.max(cut.width * (b.width < b.height ? k : 1), cut.height * (b.width < b.height ? 1 : k));
      const sx = b.width < b.height ? s * k : s;
      const sy = b.width < b.height ? s : s * k;
      const sized =
        k !== 1
          ? resizeTo(cut, cut.width * sx, cut.height * sy)
          : Math.abs(s - 1) < 0.1
            ? cut
            : resize(cut, s);
      const img = v.flat
        ? flatten(sized, Math.max(3, Math.round(Math.max(sized.width, sized.height) / 8)))
        : sized;
      const fx = k !== 1 ? sized.width / cut.width : s;
      const fy = k !== 1 ? sized.height / cut.height : s;
      const map: MapPoint = (p) => ({ x: p.x / fx + rect.x, y: p.y / fy + rect.y });
      const before = collector.regionCount;
      await onGray(v.engine, img, map, v.hints);
      if (collector.regionCount > before) return;
    }
  };

  // Crop retries around codes that were located but not decoded, biggest first.
  const cropRetries = (engine: QrEngine) => async (): Promise<void> => {
    const open = collector
      .openMisses()
      .map((m) => ({ m, b: bounds(m) }))
      .sort((a, b) => b.b.width * b.b.height - a.b.width * a.b.height)
      .slice(0, MAX_CROPS);
    // Measured on boofcv-dev (scripts/qr-crops.ts): flat-field at 600 px with the local threshold reads the
    // most located-but-undecoded codes, then the plain crop at 450 px with a global threshold.
    const variants: CropVariant[] =
      engine.name === 'zxing'
        ? [
            { engine, side: 600, flat: true, hints: { downscale: false } },
            { engine, side: 450, flat: false, hints: { downscale: false, binarizer: 'global' } },
          ]
        : [{ engine, side: 300, flat: false, hints: {} }];
    for (const { b } of open) {
      if (spent >= budget) return;
      await retryCrop(b, 0.3, variants);
    }
  };

  const partial = collector.regionCount > 0;
  // Converting and downscaling the input once is part of the bill.
  spent += (image.width * image.height) / 5;
  const { image: work, scale: workScale } = toGrayScaled(image, WORK_SIDE);
  const fromWork =
    (f: number): MapPoint =>
    (p) => ({ x: p.x / (workScale * f), y: p.y / (workScale * f) });
  const atSide =
    (engine: QrEngine, side: number, pre: (g: GrayImage) => GrayImage, hints: ReadHints) => async () => {
      const { img, s } = scaled(work, side);
      await onGray(engine, pre(img), fromWork(s), hints);
    };
  const asIs = (g: GrayImage): GrayImage => g;
  const flat =
    (divisor: number) =>
    (g: GrayImage): GrayImage =>
      flatten(g, Math.max(4, Math.round(Math.max(g.width, g.height) / divisor)));
  const otsu = (g: GrayImage): GrayImage => threshold(g, otsuThreshold(g));
  const tone = (g: GrayImage): GrayImage => stretch(g, 0.02, 0.9);
  const shadows = (g: GrayImage): GrayImage => gamma(g, 0.5);

  let unreadTex = 0;
  const textureCrops = (z: QrEngine, j: QrEngine | undefined) => async (): Promise<void> => {
    const regions = texturedRegions(work, LOCATOR_SIDE, MAX_CROPS);
    // One box-filter pass over the working copy, then a few passes over a LOCATOR_SIDE copy.
    const ls = Math.min(1, LOCATOR_SIDE / Math.max(work.width, work.height));
    spent += (work.width * work.height) / 5 + work.width * work.height * ls * ls;
    // Measured on boofcv-dev (scripts/qr-oracle.ts): zxing's local threshold at 400 px, the same after
    // flat-field correction (uneven light inside the patch), then jsQR at 250 px.
    const variants: CropVariant[] = [{ engine: z, side: 400, flat: false, hints: { downscale: false } }];
    variants.push({ engine: z, side: 400, flat: true, hints: { downscale: false } });
    if (j !== undefined) variants.push({ engine: j, side: 250, flat: false, hints: {} });
    const boxes = regions.map((r) => ({
      x: r.x / workScale,
      y: r.y / workScale,
      width: r.width / workScale,
      height: r.height / workScale,
    }));
    for (const b of boxes) {
      if (spent >= budget) break;
      // A patch much taller than wide (or the reverse) is often a code seen at a steep angle: zxing's finder
      // reads it once the patch, tightly cropped, is stretched part of the way back to a square.
      if (!collector.readIn(b) && Math.max(b.width, b.height) >= ELONGATED * Math.min(b.width, b.height)) {
        await retryCrop(b, 0.1, [
          { engine: z, side: 400, flat: false, hints: { downscale: false }, square: true },
        ]);
      }
      if (spent >= budget) break;
      if (!collector.readIn(b)) await retryCrop(b, 0.25, variants);
    }
    unreadTex = boxes.filter((b) => !collector.readIn(b)).length;
  };

  const steps: Array<() => Promise<unknown>> = [];
  const small = work.width * work.height <= SMALL_IMAGE;
  const ifUnread = (f: () => Promise<unknown>) => async () => (unreadTex > 0 ? f() : undefined);
  if (complete) {
    if (zxing !== undefined) {
      steps.push(textureCrops(zxing, jsqr));
      steps.push(ifUnread(atSide(zxing, WORK_SIDE, flat(24), {})));
      steps.push(ifUnread(atSide(zxing, 640, tone, { downscale: false })));
    }
  } else if (zxing !== undefined) {
    if (partial) {
      steps.push(atSide(zxing, WORK_SIDE, flat(24), {}));
      // Small photos: a smaller flat-field window, then zxing's global threshold — once the light is even, one
      // threshold suits blurred modules better than the local binariser's small blocks.
      if (small) steps.push(atSide(zxing, 640, flat(12), { downscale: false, binarizer: 'global' }));
      // On photos this large a crop costs a few percent of the first pass: retry the located codes too.
      if (image.width * image.height >= LARGE_IMAGE) steps.push(cropRetries(zxing));
    } else {
      // Dim photos and bright spots: clip the brightest 10 %, stretch the rest (cheap at 640 px).
      steps.push(atSide(zxing, 640, tone, { downscale: false }));
      // jsQR reads some tiny images zxing cannot, and on them costs less than the crops below.
      if (jsqr !== undefined && work.width * work.height <= TINY_IMAGE) {
        steps.push(atSide(jsqr, WORK_SIDE, asIs, {}));
      }
      // On small photos the whole image costs less than a crop: flat-field it with a small window first (glare).
      if (small) steps.push(atSide(zxing, 1000, flat(16), { downscale: false }));
      // Codes nobody located (glare, perspective, creases): crops around textured patches.
      steps.push(textureCrops(zxing, jsqr));
      steps.push(atSide(zxing, WORK_SIDE, asIs, { binarizer: 'global' }));
      // Underexposed photos: open up the shadows.
      steps.push(atSide(zxing, WORK_SIDE, shadows, {}));
      steps.push(atSide(zxing, WORK_SIDE, flat(24), {}));
      if (!small) steps.push(atSide(zxing, 1000, flat(16), { downscale: false }));
      steps.push(cropRetries(zxing));
      steps.push(atSide(zxing, 640, asIs, { downscale: false, binarizer: 'global' }));
      steps.push(atSide(zxing, 640, flat(12), { downscale: false }));
      steps.push(atSide(zxing, WORK_SIDE, otsu, { binarizer: 'global' }));
      if (work.width * work.height <= 1_000_000) {
        steps.push(async () => {
          await onGray(zxing, resize(work, 2), fromWork(2), { downscale: false });
        });
      }
    }
  }
  if (jsqr !== undefined && !partial && !complete) {
    steps.push(cropRetries(jsqr));
    steps.push(atSide(jsqr, 1000, asIs, {}));
    steps.push(atSide(jsqr, 600, asIs, {}));
  }
  for (const step of steps) {
    if ((!complete && done()) || spent >= budget) break;
    await step();
  }
  return collector.settled();
}
