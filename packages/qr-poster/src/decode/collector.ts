import { type DecodedText, sameBytes } from './charset.js';
import type { LocatedCode } from './engines/types.js';
import type { Rect } from './image.js';
import type { Point, QrCode, QrCorners, QrEngineName } from './types.js';

/** A reading of one code by one pass, already mapped into input-image coordinates. */
export interface Candidate {
  readonly engine: QrEngineName;
  readonly bytes: Uint8Array;
  readonly decoded: DecodedText;
  readonly corners: QrCorners;
}

/** Maps a point of a derived image (scaled, cropped) back into the input image. */
export type MapPoint = (p: Point) => Point;

/** The corners mapped through `f`. */
export function mapCorners(c: QrCorners, f: MapPoint): QrCorners {
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

/** Point-in-convex-quad test that works for either winding order (mirrored codes wind the other way). */
function insideQuad(p: Point, c: QrCorners): boolean {
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

function area(c: QrCorners): number {
  const pts = [c.topLeft, c.topRight, c.bottomRight, c.bottomLeft];
  let twice = 0;
  for (let i = 0; i < 4; i++) {
    const a = pts[i] as Point;
    const b = pts[(i + 1) % 4] as Point;
    twice += a.x * b.y - b.x * a.y;
  }
  return Math.abs(twice) / 2;
}

/**
 * One code seen twice: each centre inside the other's outline, and sizes alike (a small code printed inside
 * a big one, as on "double QR" designs, is a second code, not a second reading).
 */
function sameRegion(a: QrCorners, b: QrCorners): boolean {
  if (!(insideQuad(centre(a), b) || insideQuad(centre(b), a))) return false;
  const aa = area(a);
  const ab = area(b);
  return Math.min(aa, ab) * 3 >= Math.max(aa, ab);
}

/** The axis-aligned box around a code's corners. */
export function bounds(c: QrCorners): Rect {
  const xs = [c.topLeft.x, c.topRight.x, c.bottomRight.x, c.bottomLeft.x];
  const ys = [c.topLeft.y, c.topRight.y, c.bottomRight.y, c.bottomLeft.y];
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}

/**
 * Collects readings from every pass and settles each region into one code. Every reading passed the
 * engine's error correction, so a region always yields a code; when passes disagree about its bytes (two
 * readings of one region, one of them wrong), the reading most passes agree on wins, then the earliest
 * (the pass closest to the original pixels).
 */
export class Collector {
  private readonly groups: Candidate[][] = [];
  private readonly missRegions: LocatedCode[] = [];

  add(c: Candidate): void {
    for (const g of this.groups) {
      if (g.some((o) => sameRegion(o.corners, c.corners))) {
        g.push(c);
        return;
      }
    }
    this.groups.push([c]);
  }

  addMiss(c: LocatedCode): void {
    const i = this.missRegions.findIndex((m) => sameRegion(m, c));
    if (i < 0) this.missRegions.push(c);
    // The same region seen as a QR code of known size (over a Micro QR guess, say): keep what tells more.
    else if (this.missRegions[i]?.modules === undefined && c.modules !== undefined) this.missRegions[i] = c;
  }

  /**
   * Regions something was seen in that no reading explains yet. A reading explains a miss of its own region; a
   * miss of unknown size (a Micro QR guess: one finder pattern of a read code) whose centre lies inside a
   * read code; and a miss whose outline holds the centres of two read codes, or whose corners lie in two
   * different read codes (finder patterns of different codes paired into one bogus symbol; codes do not
   * overlap, and a small code printed inside a big one has all its corners in that one).
   */
  openMisses(): LocatedCode[] {
    return this.missRegions.filter((m) => !this.explained(m));
  }

  private explained(m: LocatedCode): boolean {
    const corners = [m.topLeft, m.topRight, m.bottomRight, m.bottomLeft];
    // Read codes that hold the miss's centre, and read codes that hold one of its corners.
    let holdCentre = 0;
    let holdCorner = 0;
    for (const g of this.groups) {
      if (g.some((c) => sameRegion(c.corners, m))) return true;
      const read = (g[0] as Candidate).corners;
      if (m.modules === undefined && insideQuad(centre(m), read)) return true;
      if (insideQuad(centre(read), m)) holdCentre++;
      if (corners.some((p) => insideQuad(p, read))) holdCorner++;
    }
    return holdCentre >= 2 || holdCorner >= 2;
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
    return this.groups.map((g) => {
      let best = g[0] as Candidate;
      let votes = 0;
      for (const c of g) {
        const n = g.filter((o) => sameBytes(o.bytes, c.bytes)).length;
        if (n > votes) {
          votes = n;
          best = c;
        }
      }
      return {
        text: best.decoded.text,
        bytes: best.bytes,
        charset: best.decoded.charset,
        charsetSource: best.decoded.charsetSource,
        corners: best.corners,
        engine: best.engine,
      };
    });
  }
}
