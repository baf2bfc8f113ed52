// Scoring geometry shared by the corpus bench and the research scripts: a decoded code counts as read
// when its centre lies inside one of the labelled outlines.
import type { Point, QrCorners } from '../src/decode/types.js';

/** True when (x, y) lies inside the convex quadrilateral `q` = [x0, y0, x1, y1, x2, y2, x3, y3]. */
export function insideQuad(x: number, y: number, q: readonly number[]): boolean {
  let sign = 0;
  for (let i = 0; i < 4; i++) {
    const ax = q[2 * i] as number;
    const ay = q[2 * i + 1] as number;
    const bx = q[(2 * i + 2) % 8] as number;
    const by = q[(2 * i + 3) % 8] as number;
    const cross = (bx - ax) * (y - ay) - (by - ay) * (x - ax);
    if (cross === 0) continue;
    const s = cross > 0 ? 1 : -1;
    if (sign === 0) sign = s;
    else if (s !== sign) return false;
  }
  return true;
}

/** The centre of a decoded code's corners. */
export function centreOf(c: QrCorners): Point {
  return {
    x: (c.topLeft.x + c.topRight.x + c.bottomRight.x + c.bottomLeft.x) / 4,
    y: (c.topLeft.y + c.topRight.y + c.bottomRight.y + c.bottomLeft.y) / 4,
  };
}
