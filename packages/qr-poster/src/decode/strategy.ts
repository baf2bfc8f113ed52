import type { DecodedText } from './charset.js';
import type { EngineResult, QrEngine, ReadHints } from './engines/types.js';
import {
  crop,
  type GrayImage,
  grayToRgba,
  invert,
  otsuThreshold,
  type Rect,
  resize,
  rotate,
  threshold,
  toGray,
  unrotatePoint,
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

/** Longest side the escalation passes work at; bigger photos are downscaled first (modules stay ≥ 2 px). */
const WORK_SIDE = 1600;

/**
 * Finds every QR code in `image`. The cheap pass (each engine once on the input) answers most images;
 * escalation runs only when that pass decoded nothing or saw codes it could not decode.
 */
export async function runStrategy(image: RgbaImage, settings: StrategySettings): Promise<QrCode[]> {
  const collector = new Collector();
  const { engines, charset } = settings;
  const primary = engines[0];
  if (primary === undefined) return [];
  const base: ReadHints = { charset };

  await runPass(primary, image, identity, base, collector);
  const done = (): boolean => collector.regionCount > 0 && collector.openMisses().length === 0;
  if (settings.effort === 'fast') {
    for (const engine of engines.slice(1))
      if (collector.regionCount === 0) await runPass(engine, image, identity, base, collector);
    return collector.settled();
  }
  if (done()) return collector.settled();

  const gray = toGray(image);
  const longest = Math.max(gray.width, gray.height);
  const workScale = longest > WORK_SIDE ? WORK_SIDE / longest : 1;
  const work = workScale < 1 ? resize(gray, workScale) : gray;
  const fromWork: MapPoint = (p) => ({ x: p.x / workScale, y: p.y / workScale });

  const steps: Array<() => Promise<unknown>> = [];
  const onGray = (engine: QrEngine, g: GrayImage, map: MapPoint, hints: ReadHints) => () =>
    runPass(engine, grayToRgba(g), map, { ...base, ...hints }, collector);

  // Codes located but not decoded: crop around each and retry at several scales and thresholds.
  const cropSteps = (engine: QrEngine) => () => {
    const tasks: Promise<unknown>[] = [];
    for (const miss of collector.openMisses()) {
      const b = bounds(miss);
      const pad = Math.max(b.width, b.height) * 0.6;
      const { image: cut, rect } = crop(gray, {
        x: b.x - pad,
        y: b.y - pad,
        width: b.width + 2 * pad,
        height: b.height + 2 * pad,
      });
      const side = Math.max(cut.width, cut.height);
      for (const target of [400, 800]) {
        const s = target / side;
        const scaled = Math.abs(s - 1) < 0.1 ? cut : resize(cut, s);
        const map: MapPoint = (p) => ({ x: p.x / s + rect.x, y: p.y / s + rect.y });
        tasks.push(runPass(engine, grayToRgba(scaled), map, { ...base, downscale: false }, collector));
        tasks.push(
          runPass(
            engine,
            grayToRgba(scaled),
            map,
            { ...base, downscale: false, binarizer: 'global' },
            collector,
          ),
        );
      }
    }
    return Promise.all(tasks);
  };

  for (const engine of engines) {
    if (engine.name === 'zxing') {
      steps.push(cropSteps(engine));
      steps.push(onGray(engine, work, fromWork, { binarizer: 'global' }));
      if (work.width * work.height < 1_000_000) {
        steps.push(
          onGray(engine, resize(work, 2), (p) => fromWork({ x: p.x / 2, y: p.y / 2 }), { downscale: false }),
        );
      }
      steps.push(
        onGray(engine, resize(work, 0.5), (p) => fromWork({ x: p.x * 2, y: p.y * 2 }), { downscale: false }),
      );
      steps.push(onGray(engine, work, fromWork, { denoise: true }));
      steps.push(() => {
        const t = threshold(work, otsuThreshold(work));
        return runPass(engine, grayToRgba(t), fromWork, { ...base, binarizer: 'global' }, collector);
      });
      steps.push(() => {
        const r = rotate(work, 45);
        const map: MapPoint = (p) =>
          fromWork(unrotatePoint(p, 45, work.width, work.height, r.width, r.height));
        return runPass(engine, grayToRgba(r), map, base, collector);
      });
    } else {
      const small = Math.max(work.width, work.height) > 1000 ? 1000 / Math.max(work.width, work.height) : 1;
      const jsWork = small < 1 ? resize(work, small) : work;
      const fromJs: MapPoint = (p) => fromWork({ x: p.x / small, y: p.y / small });
      steps.push(cropSteps(engine));
      steps.push(onGray(engine, jsWork, fromJs, {}));
      steps.push(() => {
        const t = threshold(jsWork, otsuThreshold(jsWork));
        return runPass(engine, grayToRgba(t), fromJs, base, collector);
      });
      steps.push(onGray(engine, invert(jsWork), fromJs, {}));
    }
  }

  for (const step of steps) {
    await step();
    if (done()) break;
  }
  return collector.settled();
}
