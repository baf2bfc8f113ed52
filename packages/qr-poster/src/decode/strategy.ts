import type { DecodedText } from './charset.js';
import type { EngineResult, QrEngine, ReadHints } from './engines/types.js';
import {
  cropToGray,
  flatten,
  type GrayImage,
  grayToRgba,
  otsuThreshold,
  type Rect,
  resize,
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

/** Makes transparent pixels paper-white, as printed; engines read RGB only. */
function flattenAlpha(image: RgbaImage): RgbaImage {
  const { data } = image;
  let opaque = true;
  for (let i = 3; i < data.length; i += 4) {
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

/**
 * Finds every QR code in `image`. The cheap pass (zxing once on the input, as plain zxing-wasm would run)
 * answers most images. Escalation runs only when that pass decoded nothing, or located codes it could not
 * decode: then crops around those codes are retried at other scales and thresholds, and when nothing at all
 * was decoded the whole image is retried with a global threshold, flat-field correction, other scales,
 * jsQR and inversion.
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
  if (done()) return collector.settled();

  const onGray = (engine: QrEngine, g: GrayImage, map: MapPoint, hints: ReadHints) =>
    runPass(engine, grayToRgba(g), map, { ...base, ...hints }, collector);

  // 1. Crop retries around codes that were located but not decoded, biggest first.
  const cropRetries = async (): Promise<void> => {
    const open = collector
      .openMisses()
      .map((m) => ({ m, b: bounds(m) }))
      .sort((a, b) => b.b.width * b.b.height - a.b.width * a.b.height)
      .slice(0, MAX_CROPS);
    for (const { b } of open) {
      const pad = Math.max(b.width, b.height) * 0.6;
      const { image: cut, rect } = cropToGray(image, {
        x: b.x - pad,
        y: b.y - pad,
        width: b.width + 2 * pad,
        height: b.height + 2 * pad,
      });
      for (const engine of [zxing, jsqr]) {
        if (engine === undefined) continue;
        for (const side of engine.name === 'zxing' ? [300, 600] : [500]) {
          const s = side / Math.max(cut.width, cut.height);
          const img = Math.abs(s - 1) < 0.1 ? cut : resize(cut, s);
          const map: MapPoint = (p) => ({ x: p.x / s + rect.x, y: p.y / s + rect.y });
          const before = collector.regionCount;
          await onGray(engine, img, map, { downscale: false });
          if (engine.name === 'zxing' && collector.regionCount === before) {
            await onGray(engine, img, map, { downscale: false, binarizer: 'global' });
          }
          if (collector.regionCount > before) break;
        }
      }
    }
  };
  await cropRetries();
  if (done()) return collector.settled();
  // Some codes decoded, some located ones still not: only the flat-field pass (uneven light is the usual cause).
  const partial = collector.regionCount > 0;

  // 2. Whole-image passes, most productive per millisecond first.
  const { image: work, scale: workScale } = toGrayScaled(image, WORK_SIDE);
  const fromWork =
    (f: number): MapPoint =>
    (p) => ({ x: p.x / (workScale * f), y: p.y / (workScale * f) });
  const steps: Array<() => Promise<unknown>> = [];
  const flatPass = (side: number, hints: ReadHints) => async () => {
    const { img, s } = scaled(work, side);
    const radius = Math.max(4, Math.round(Math.max(img.width, img.height) / (side >= 1600 ? 24 : 16)));
    await onGray(zxing as QrEngine, flatten(img, radius), fromWork(s), hints);
  };
  if (partial) {
    if (zxing !== undefined) steps.push(flatPass(WORK_SIDE, {}));
  } else if (zxing !== undefined) {
    steps.push(() => onGray(zxing, work, fromWork(1), { binarizer: 'global' }));
    steps.push(flatPass(WORK_SIDE, {}));
    steps.push(flatPass(1000, { downscale: false }));
    steps.push(() =>
      onGray(zxing, threshold(work, otsuThreshold(work)), fromWork(1), { binarizer: 'global' }),
    );
    if (work.width * work.height <= 1_000_000) {
      steps.push(() => onGray(zxing, resize(work, 2), fromWork(2), { downscale: false }));
    }
    steps.push(async () => {
      const { img, s } = scaled(work, 640);
      await onGray(zxing, img, fromWork(s), { downscale: false, binarizer: 'global' });
    });
    steps.push(cropRetries);
  }
  if (jsqr !== undefined && !partial) {
    for (const side of [1000, 600]) {
      steps.push(async () => {
        const { img, s } = scaled(work, side);
        await onGray(jsqr, img, fromWork(s), {});
      });
    }
  }
  for (const step of steps) {
    await step();
    if (done()) break;
  }
  return collector.settled();
}
