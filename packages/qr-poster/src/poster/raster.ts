// Our own rasteriser for posters: the same drawing operations the SVG is written from, painted straight
// into RGBA pixels. Glyph outlines come from the TrueType fonts (read once per process) and each glyph
// is rasterised once per size and kept, so a catalog of posters pays for text shaping only on new
// characters. Measured against resvg on the same poster in `bench/index.ts` (README: "Speed").
import type { Rgb } from './color.js';
import type { FontInfo, GlyphContour } from './font-tables.js';

/** One drawing operation, in poster pixels. The SVG writer and this rasteriser draw the same list. */
export type PaintOp =
  | {
      readonly kind: 'rect';
      readonly x: number;
      readonly y: number;
      readonly w: number;
      readonly h: number;
      readonly radius: number;
      readonly fill: Rgb;
      readonly opacity: number;
    }
  | {
      /** A diagonal (top-left → bottom-right) opacity ramp of one colour. */
      readonly kind: 'gradient';
      readonly x: number;
      readonly y: number;
      readonly w: number;
      readonly h: number;
      readonly radius: number;
      readonly fill: Rgb;
      readonly from: number;
      readonly to: number;
    }
  | {
      readonly kind: 'outline';
      readonly x: number;
      readonly y: number;
      readonly w: number;
      readonly h: number;
      readonly radius: number;
      readonly stroke: Rgb;
      readonly width: number;
    }
  | {
      readonly kind: 'dash';
      readonly x1: number;
      readonly x2: number;
      readonly y: number;
      readonly stroke: Rgb;
      readonly opacity: number;
      readonly width: number;
      readonly dash: number;
    }
  | {
      readonly kind: 'image';
      /** Index into the poster's images (photo, brand logo, QR logo), decoded by the caller. */
      readonly image: number;
      readonly x: number;
      readonly y: number;
      readonly w: number;
      readonly h: number;
      readonly radius: number;
    }
  | {
      readonly kind: 'text';
      readonly text: string;
      readonly x: number;
      readonly baseline: number;
      readonly size: number;
      readonly fill: Rgb;
      readonly bold: boolean;
      readonly anchor: 'start' | 'middle' | 'end';
      readonly strike: boolean;
    };

/** An RGBA image scaled to exactly the frame it is drawn in. */
export interface FramePixels {
  readonly data: Uint8Array | Uint8ClampedArray;
  readonly width: number;
  readonly height: number;
}

/** Fonts in fallback order for each weight. */
export interface FaceList {
  readonly regular: readonly FontInfo[];
  readonly bold: readonly FontInfo[];
}

// ---------------------------------------------------------------------------------------------
// Glyphs: outlines → alpha bitmaps by signed-area accumulation (exact coverage, nonzero winding).

/** An alpha bitmap of one glyph at one size; `left`/`top` place it relative to the pen on the baseline. */
interface GlyphBitmap {
  readonly alpha: Uint8Array;
  readonly width: number;
  readonly height: number;
  readonly left: number;
  readonly top: number;
}

class Accumulator {
  readonly cells: Float32Array;
  readonly stride: number;
  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.stride = width + 2;
    this.cells = new Float32Array(this.stride * height);
  }

  /** Adds the signed area right of the piece of a segment inside row `row` between `xa` and `xb`. */
  private deposit(row: number, xa: number, xb: number, d: number): void {
    const base = row * this.stride;
    const xl = Math.max(0, Math.min(xa, xb));
    const xr = Math.min(this.width, Math.max(xa, xb));
    const i0 = Math.floor(xl);
    const i1 = Math.min(Math.floor(xr), this.width);
    if (i0 >= i1 || xr - xl < 1e-9) {
      const mid = (xl + xr) / 2 - i0;
      this.cells[base + i0] = (this.cells[base + i0] ?? 0) + d * (1 - mid);
      this.cells[base + i0 + 1] = (this.cells[base + i0 + 1] ?? 0) + d * mid;
      return;
    }
    const span = xr - xl;
    for (let i = i0; i <= i1; i++) {
      const p = Math.max(xl, i);
      const q = Math.min(xr, i + 1);
      if (q <= p) continue;
      const dd = (d * (q - p)) / span;
      const mid = (p + q) / 2 - i;
      this.cells[base + i] = (this.cells[base + i] ?? 0) + dd * (1 - mid);
      this.cells[base + i + 1] = (this.cells[base + i + 1] ?? 0) + dd * mid;
    }
  }

  line(x0: number, y0: number, x1: number, y1: number): void {
    if (y0 === y1) return;
    const dir = y1 > y0 ? 1 : -1;
    const [ya, yb, xa, xb] = y0 < y1 ? [y0, y1, x0, x1] : [y1, y0, x1, x0];
    const slope = (xb - xa) / (yb - ya);
    const first = Math.max(0, Math.floor(ya));
    const last = Math.min(this.height, Math.ceil(yb));
    for (let row = first; row < last; row++) {
      const s0 = Math.max(row, ya);
      const s1 = Math.min(row + 1, yb);
      if (s1 <= s0) continue;
      this.deposit(row, xa + (s0 - ya) * slope, xa + (s1 - ya) * slope, (s1 - s0) * dir);
    }
  }

  quad(x0: number, y0: number, cx: number, cy: number, x1: number, y1: number): void {
    const dev = Math.hypot(x0 - 2 * cx + x1, y0 - 2 * cy + y1);
    const n = Math.min(24, Math.max(1, Math.ceil(Math.sqrt(dev * 2))));
    let px = x0;
    let py = y0;
    for (let i = 1; i <= n; i++) {
      const t = i / n;
      const u = 1 - t;
      const x = u * u * x0 + 2 * u * t * cx + t * t * x1;
      const y = u * u * y0 + 2 * u * t * cy + t * t * y1;
      this.line(px, py, x, y);
      px = x;
      py = y;
    }
  }

  alpha(): Uint8Array {
    const out = new Uint8Array(this.width * this.height);
    for (let y = 0; y < this.height; y++) {
      let sum = 0;
      const base = y * this.stride;
      for (let x = 0; x < this.width; x++) {
        sum += this.cells[base + x] ?? 0;
        const a = Math.abs(sum);
        out[y * this.width + x] = a >= 1 ? 255 : Math.round(a * 255);
      }
    }
    return out;
  }
}

/** Walks a TrueType contour (on/off-curve points, implied on-curve midpoints) into lines and quads. */
function traceContour(
  acc: Accumulator,
  c: GlyphContour,
  tx: (x: number) => number,
  ty: (y: number) => number,
): void {
  const n = c.xs.length;
  if (n < 2) return;
  const X = (i: number): number => tx(c.xs[i % n] ?? 0);
  const Y = (i: number): number => ty(c.ys[i % n] ?? 0);
  const on = (i: number): boolean => c.on[i % n] === 1;
  let start = 0;
  while (start < n && !on(start)) start++;
  let sx: number;
  let sy: number;
  if (start === n) {
    start = 0;
    sx = (X(0) + X(1)) / 2;
    sy = (Y(0) + Y(1)) / 2;
  } else {
    sx = X(start);
    sy = Y(start);
  }
  let curX = sx;
  let curY = sy;
  let ctrl: [number, number] | null = start === 0 && !on(0) ? [X(0), Y(0)] : null;
  for (let k = 1; k <= n; k++) {
    const i = start + k;
    if (k === n) break;
    const x = X(i);
    const y = Y(i);
    if (on(i)) {
      if (ctrl) acc.quad(curX, curY, ctrl[0], ctrl[1], x, y);
      else acc.line(curX, curY, x, y);
      curX = x;
      curY = y;
      ctrl = null;
    } else if (ctrl) {
      const mx = (ctrl[0] + x) / 2;
      const my = (ctrl[1] + y) / 2;
      acc.quad(curX, curY, ctrl[0], ctrl[1], mx, my);
      curX = mx;
      curY = my;
      ctrl = [x, y];
    } else ctrl = [x, y];
  }
  if (ctrl) acc.quad(curX, curY, ctrl[0], ctrl[1], sx, sy);
  else acc.line(curX, curY, sx, sy);
}

function rasterGlyph(contours: readonly GlyphContour[], size: number): GlyphBitmap | null {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const c of contours) {
    for (let i = 0; i < c.xs.length; i++) {
      const x = c.xs[i] ?? 0;
      const y = c.ys[i] ?? 0;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  }
  if (!Number.isFinite(minX)) return null;
  const left = Math.floor(minX * size) - 1;
  const top = Math.ceil(maxY * size) + 1;
  const width = Math.ceil(maxX * size) - left + 2;
  const height = top - Math.floor(minY * size) + 2;
  // A glyph larger than 4 em is a malformed font; it would only cost memory.
  if (width <= 0 || height <= 0 || width > size * 4 + 8 || height > size * 4 + 8) return null;
  const acc = new Accumulator(width, height);
  for (const c of contours)
    traceContour(
      acc,
      c,
      (x) => x * size - left,
      (y) => top - y * size,
    );
  return { alpha: acc.alpha(), width, height, left, top };
}

/** Glyph bitmaps kept per process: key → bitmap, least recently used dropped past the cap. */
const GLYPH_CACHE_ENTRIES = 6000;
const glyphCache = new Map<string, GlyphBitmap | null>();
const fontIds = new WeakMap<FontInfo, number>();
let nextFontId = 0;

function glyphBitmap(font: FontInfo, gid: number, size: number): GlyphBitmap | null {
  let id = fontIds.get(font);
  if (id === undefined) {
    id = nextFontId++;
    fontIds.set(font, id);
  }
  const key = `${id}:${gid}:${size}`;
  const hit = glyphCache.get(key);
  if (hit !== undefined) {
    glyphCache.delete(key);
    glyphCache.set(key, hit);
    return hit;
  }
  const outline = font.outline(gid);
  const bitmap = outline ? rasterGlyph(outline, size) : null;
  glyphCache.set(key, bitmap);
  if (glyphCache.size > GLYPH_CACHE_ENTRIES) {
    const oldest = glyphCache.keys().next().value;
    if (oldest !== undefined) glyphCache.delete(oldest);
  }
  return bitmap;
}

// ---------------------------------------------------------------------------------------------
// Painting.

/** Variation selectors, joiners and other marks that draw nothing and are not missing. */
function isInvisible(cp: number): boolean {
  return (
    cp === 0x200b ||
    cp === 0x200c ||
    cp === 0x200d ||
    cp === 0x2060 ||
    cp === 0xfeff ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    (cp >= 0xe0100 && cp <= 0xe01ef) ||
    (cp >= 0x1f3fb && cp <= 0x1f3ff)
  );
}

/** Width of a space where no font has one, in em. */
const SPACE_EM = 0.25;
/** The deliberate replacement for a character no font has: a box this wide, in em. */
const REPLACEMENT_EM = 0.8;

interface Placed {
  readonly font: FontInfo | null;
  readonly gid: number;
  readonly advance: number;
}

class Painter {
  readonly data: Uint8ClampedArray;
  /** The same pixels as little-endian RGBA words, for filling runs. */
  private readonly words: Uint32Array;
  readonly missing = new Set<string>();

  constructor(
    readonly width: number,
    readonly height: number,
    private readonly faces: FaceList,
    private readonly images: readonly (FramePixels | null)[],
  ) {
    this.data = new Uint8ClampedArray(width * height * 4);
    this.words = new Uint32Array(this.data.buffer);
  }

  private blend(at: number, c: Rgb, a: number): void {
    const d = this.data;
    if (a >= 1) {
      d[at] = c.r;
      d[at + 1] = c.g;
      d[at + 2] = c.b;
      d[at + 3] = 255;
      return;
    }
    const k = 1 - a;
    d[at] = c.r * a + (d[at] ?? 0) * k;
    d[at + 1] = c.g * a + (d[at + 1] ?? 0) * k;
    d[at + 2] = c.b * a + (d[at + 2] ?? 0) * k;
    d[at + 3] = 255 * a + (d[at + 3] ?? 0) * k;
  }

  /** Coverage of pixel (px, py) by a rounded rectangle. */
  private cover(px: number, py: number, x: number, y: number, w: number, h: number, r: number): number {
    const cx = Math.min(px + 1, x + w) - Math.max(px, x);
    const cy = Math.min(py + 1, y + h) - Math.max(py, y);
    if (cx <= 0 || cy <= 0) return 0;
    let c = Math.min(1, cx) * Math.min(1, cy);
    if (r > 0) {
      const mx = px + 0.5;
      const my = py + 0.5;
      const qx = mx < x + r ? x + r : mx > x + w - r ? x + w - r : null;
      const qy = my < y + r ? y + r : my > y + h - r ? y + h - r : null;
      if (qx !== null && qy !== null) {
        const d = Math.hypot(mx - qx, my - qy);
        c *= Math.max(0, Math.min(1, r - d + 0.5));
      }
    }
    return c;
  }

  /**
   * Visits every pixel a rounded rectangle touches: rows of fully covered pixels go to `span` in one
   * call (the bulk of a poster's area), the antialiased edge and corner pixels one by one to `edge`.
   */
  private shape(
    x: number,
    y: number,
    w: number,
    h: number,
    r: number,
    edge: (at: number, coverage: number, px: number, py: number) => void,
    span?: (at: number, count: number, px: number, py: number) => void,
  ): void {
    const x0 = Math.max(0, Math.floor(x));
    const y0 = Math.max(0, Math.floor(y));
    const x1 = Math.min(this.width, Math.ceil(x + w));
    const y1 = Math.min(this.height, Math.ceil(y + h));
    const rr = Math.max(0, Math.min(r, w / 2, h / 2));
    for (let py = y0; py < y1; py++) {
      // Fully covered columns of this row: inside the straight edges, and past the corner arcs (the
      // arc's inset is largest at the row's edge farthest from the arc's centre).
      let inset = 0;
      if (rr > 0) {
        const dy = py < y + rr ? y + rr - py : py + 1 > y + h - rr ? py + 1 - (y + h - rr) : 0;
        if (dy > 0) inset = dy >= rr ? rr : rr - Math.sqrt(rr * rr - dy * dy);
      }
      const full = py >= y && py + 1 <= y + h;
      const ix0 = full ? Math.max(x0, Math.ceil(x + inset)) : x1;
      const ix1 = full ? Math.min(x1, Math.floor(x + w - inset)) : x1;
      const rowAt = py * this.width;
      for (let px = x0; px < Math.min(ix0, x1); px++) {
        const c = this.cover(px, py, x, y, w, h, rr);
        if (c > 0) edge((rowAt + px) * 4, c, px, py);
      }
      if (ix1 > ix0) {
        if (span) span((rowAt + ix0) * 4, ix1 - ix0, ix0, py);
        else for (let px = ix0; px < ix1; px++) edge((rowAt + px) * 4, 1, px, py);
      }
      for (let px = Math.max(ix0, ix1); px < x1; px++) {
        const c = this.cover(px, py, x, y, w, h, rr);
        if (c > 0) edge((rowAt + px) * 4, c, px, py);
      }
    }
  }

  rect(op: Extract<PaintOp, { kind: 'rect' }>): void {
    const { fill, opacity } = op;
    const word = fill.r | (fill.g << 8) | (fill.b << 16) | (0xff << 24);
    this.shape(
      op.x,
      op.y,
      op.w,
      op.h,
      op.radius,
      (at, c) => this.blend(at, fill, c * opacity),
      opacity >= 1
        ? (at, count) => this.words.fill(word, at / 4, at / 4 + count)
        : (at, count) => {
            for (let i = 0; i < count; i++) this.blend(at + i * 4, fill, opacity);
          },
    );
  }

  gradient(op: Extract<PaintOp, { kind: 'gradient' }>): void {
    this.shape(op.x, op.y, op.w, op.h, op.radius, (at, c, px, py) => {
      const t = ((px + 0.5 - op.x) / op.w + (py + 0.5 - op.y) / op.h) / 2;
      this.blend(at, op.fill, c * (op.from + (op.to - op.from) * Math.max(0, Math.min(1, t))));
    });
  }

  outline(op: Extract<PaintOp, { kind: 'outline' }>): void {
    const half = op.width / 2;
    const ix = op.x + half;
    const iy = op.y + half;
    const iw = op.w - op.width;
    const ih = op.h - op.width;
    const ir = Math.max(0, op.radius - half);
    this.shape(
      op.x - half,
      op.y - half,
      op.w + op.width,
      op.h + op.width,
      op.radius + half,
      (at, c, px, py) => {
        const inner = iw > 0 && ih > 0 ? this.cover(px, py, ix, iy, iw, ih, Math.min(ir, iw / 2, ih / 2)) : 0;
        const a = c - inner;
        if (a > 0) this.blend(at, op.stroke, a);
      },
    );
  }

  dash(op: Extract<PaintOp, { kind: 'dash' }>): void {
    for (let x = op.x1; x < op.x2; x += op.dash * 2) {
      const w = Math.min(op.dash, op.x2 - x);
      this.shape(x, op.y - op.width / 2, w, op.width, 0, (at, c) =>
        this.blend(at, op.stroke, c * op.opacity),
      );
    }
  }

  image(op: Extract<PaintOp, { kind: 'image' }>): void {
    const img = this.images[op.image];
    if (!img) return;
    const ox = Math.round(op.x);
    const oy = Math.round(op.y);
    const pixel = { r: 0, g: 0, b: 0 };
    let opaque = true;
    for (let i = 3; i < img.data.length && opaque; i += 4) opaque = img.data[i] === 255;
    const source = (px: number, py: number): number => {
      const ix = Math.min(img.width - 1, Math.max(0, px - ox));
      const iy = Math.min(img.height - 1, Math.max(0, py - oy));
      return (iy * img.width + ix) * 4;
    };
    const put = (at: number, c: number, from: number): void => {
      const a = img.data[from + 3] ?? 255;
      if (c >= 1 && a === 255) {
        this.data[at] = img.data[from] ?? 0;
        this.data[at + 1] = img.data[from + 1] ?? 0;
        this.data[at + 2] = img.data[from + 2] ?? 0;
        this.data[at + 3] = 255;
        return;
      }
      pixel.r = img.data[from] ?? 0;
      pixel.g = img.data[from + 1] ?? 0;
      pixel.b = img.data[from + 2] ?? 0;
      this.blend(at, pixel, (c * a) / 255);
    };
    this.shape(
      op.x,
      op.y,
      op.w,
      op.h,
      op.radius,
      (at, c, px, py) => put(at, c, source(px, py)),
      (at, count, px, py) => {
        const from = source(px, py);
        // Inside the frame, an opaque photo's row is copied as it is.
        if (opaque && px - ox >= 0 && px - ox + count <= img.width && py - oy >= 0 && py - oy < img.height) {
          this.data.set(img.data.subarray(from, from + count * 4), at);
          return;
        }
        for (let i = 0; i < count; i++) put(at + i * 4, 1, source(px + i, py));
      },
    );
  }

  private place(text: string, bold: boolean): Placed[] {
    const faces = bold ? this.faces.bold : this.faces.regular;
    const out: Placed[] = [];
    for (const ch of text) {
      const cp = ch.codePointAt(0) ?? 0;
      if (isInvisible(cp)) continue;
      let placed: Placed | null = null;
      for (const font of faces) {
        const gid = font.glyph(cp);
        if (gid !== 0) {
          placed = { font, gid, advance: font.glyphAdvance(gid) };
          break;
        }
      }
      if (!placed) {
        if (cp === 0x20 || cp === 0xa0 || cp === 0x3000)
          placed = { font: null, gid: -1, advance: cp === 0x3000 ? 1 : SPACE_EM };
        else {
          this.missing.add(ch);
          placed = { font: null, gid: 0, advance: 1 };
        }
      }
      out.push(placed);
    }
    return out;
  }

  text(op: Extract<PaintOp, { kind: 'text' }>): void {
    const glyphs = this.place(op.text, op.bold);
    const total = glyphs.reduce((sum, g) => sum + g.advance, 0) * op.size;
    let pen = op.anchor === 'middle' ? op.x - total / 2 : op.anchor === 'end' ? op.x - total : op.x;
    const start = pen;
    const size = Math.round(op.size * 4) / 4;
    const baseline = Math.round(op.baseline);
    for (const g of glyphs) {
      if (g.font) {
        const bitmap = glyphBitmap(g.font, g.gid, size);
        if (bitmap) this.glyph(bitmap, Math.round(pen), baseline, op.fill);
      } else if (g.gid === 0) {
        // The deliberate replacement: an outlined box where the character would be.
        const w = REPLACEMENT_EM * op.size;
        const stroke = Math.max(1, op.size * 0.07);
        this.outline({
          kind: 'outline',
          x: pen + (op.size - w) / 2 + stroke / 2,
          y: baseline - op.size * 0.8 + stroke / 2,
          w: w - stroke,
          h: op.size * 0.9 - stroke,
          radius: 0,
          stroke: op.fill,
          width: stroke,
        });
      }
      pen += g.advance * op.size;
    }
    if (op.strike) {
      const thick = Math.max(1, op.size * 0.06);
      this.shape(start, baseline - op.size * 0.3 - thick / 2, pen - start, thick, 0, (at, c) =>
        this.blend(at, op.fill, c),
      );
    }
  }

  private glyph(g: GlyphBitmap, penX: number, baseline: number, fill: Rgb): void {
    const x0 = penX + g.left;
    const y0 = baseline - g.top;
    for (let gy = 0; gy < g.height; gy++) {
      const py = y0 + gy;
      if (py < 0 || py >= this.height) continue;
      for (let gx = 0; gx < g.width; gx++) {
        const a = g.alpha[gy * g.width + gx] ?? 0;
        if (a === 0) continue;
        const px = x0 + gx;
        if (px < 0 || px >= this.width) continue;
        this.blend((py * this.width + px) * 4, fill, a / 255);
      }
    }
  }
}

/**
 * Paints `ops` into a new RGBA raster. Characters no face has are drawn as an outlined box and
 * returned in `missing`.
 * @example
 * const { data, missing } = paint(poster.ops, 750, 1334, faces, []);
 */
export function paint(
  ops: readonly PaintOp[],
  width: number,
  height: number,
  faces: FaceList,
  images: readonly (FramePixels | null)[],
): { data: Uint8ClampedArray; missing: string[] } {
  const p = new Painter(width, height, faces, images);
  for (const op of ops) {
    switch (op.kind) {
      case 'rect':
        p.rect(op);
        break;
      case 'gradient':
        p.gradient(op);
        break;
      case 'outline':
        p.outline(op);
        break;
      case 'dash':
        p.dash(op);
        break;
      case 'image':
        p.image(op);
        break;
      case 'text':
        p.text(op);
        break;
    }
  }
  return { data: p.data, missing: [...p.missing] };
}
