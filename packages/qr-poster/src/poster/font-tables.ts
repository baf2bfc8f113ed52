import { QrPosterError } from '../errors.js';

/** What the poster renderer needs to know about a TrueType/OpenType font file. */
export interface FontInfo {
  /** Family name from the `name` table (id 1), or `null` when absent. */
  readonly family: string | null;
  readonly unitsPerEm: number;
  /** True when the font maps `codePoint` to a glyph other than `.notdef`. */
  has(codePoint: number): boolean;
  /** Advance width in em of the glyph for `codePoint`, or `null` when the font lacks it. */
  advance(codePoint: number): number | null;
  /** Glyph id of `codePoint`, 0 when the font lacks it. */
  glyph(codePoint: number): number;
  /** Advance width in em of glyph `gid`. */
  glyphAdvance(gid: number): number;
  /**
   * The outline of glyph `gid` in em (y up) as closed contours of points, each with an on-curve
   * flag (TrueType quadratic outlines); `null` for a font without `glyf` outlines (CFF).
   */
  outline(gid: number): GlyphContour[] | null;
}

/** One closed contour: x, y (em, y up) and on-curve flags, point by point. */
export interface GlyphContour {
  readonly xs: Float64Array;
  readonly ys: Float64Array;
  readonly on: Uint8Array;
}

interface Tables {
  readonly view: DataView;
  readonly offsets: ReadonlyMap<string, { offset: number; length: number }>;
}

function fail(message: string): never {
  throw new QrPosterError('invalid_option', `font file: ${message}`);
}

function readTables(bytes: Uint8Array): Tables {
  if (bytes.length < 12) fail('too short for an sfnt header');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = view.getUint32(0);
  // 0x00010000 TrueType, 'OTTO' CFF, 'true' Apple TrueType.
  if (tag !== 0x00010000 && tag !== 0x4f54544f && tag !== 0x74727565) fail('not a TrueType/OpenType font');
  const count = view.getUint16(4);
  if (12 + count * 16 > bytes.length) fail('truncated table directory');
  const offsets = new Map<string, { offset: number; length: number }>();
  for (let i = 0; i < count; i++) {
    const at = 12 + i * 16;
    const name = String.fromCharCode(
      bytes[at] ?? 0,
      bytes[at + 1] ?? 0,
      bytes[at + 2] ?? 0,
      bytes[at + 3] ?? 0,
    );
    const offset = view.getUint32(at + 8);
    const length = view.getUint32(at + 12);
    if (offset + length > bytes.length) fail(`table ${name} runs past the end of the file`);
    offsets.set(name, { offset, length });
  }
  return { view, offsets };
}

/** Builds a code point → glyph id lookup from the best Unicode subtable (format 12, else format 4). */
function readCmap({ view, offsets }: Tables): (cp: number) => number {
  const cmap = offsets.get('cmap') ?? fail('no cmap table');
  const n = view.getUint16(cmap.offset + 2);
  let format4 = -1;
  let format12 = -1;
  for (let i = 0; i < n; i++) {
    const rec = cmap.offset + 4 + i * 8;
    const platform = view.getUint16(rec);
    const encoding = view.getUint16(rec + 2);
    const sub = cmap.offset + view.getUint32(rec + 4);
    const format = view.getUint16(sub);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode) continue;
    if (format === 12) format12 = sub;
    if (format === 4) format4 = sub;
  }
  if (format12 >= 0) {
    const groups = view.getUint32(format12 + 12);
    return (cp) => {
      let lo = 0;
      let hi = groups - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const g = format12 + 16 + mid * 12;
        const start = view.getUint32(g);
        const end = view.getUint32(g + 4);
        if (cp < start) hi = mid - 1;
        else if (cp > end) lo = mid + 1;
        else return view.getUint32(g + 8) + (cp - start);
      }
      return 0;
    };
  }
  if (format4 < 0) fail('no Unicode cmap subtable');
  const segX2 = view.getUint16(format4 + 6);
  const ends = format4 + 14;
  const starts = ends + segX2 + 2;
  const deltas = starts + segX2;
  const rangeOffsets = deltas + segX2;
  return (cp) => {
    if (cp > 0xffff) return 0;
    for (let i = 0; i < segX2; i += 2) {
      if (cp > view.getUint16(ends + i)) continue;
      const start = view.getUint16(starts + i);
      if (cp < start) return 0;
      const delta = view.getUint16(deltas + i);
      const ro = view.getUint16(rangeOffsets + i);
      if (ro === 0) return (cp + delta) & 0xffff;
      const at = rangeOffsets + i + ro + (cp - start) * 2;
      const glyph = view.getUint16(at);
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };
}

function readFamily({ view, offsets }: Tables): string | null {
  const name = offsets.get('name');
  if (!name) return null;
  const count = view.getUint16(name.offset + 2);
  const strings = name.offset + view.getUint16(name.offset + 4);
  for (let i = 0; i < count; i++) {
    const rec = name.offset + 6 + i * 12;
    const platform = view.getUint16(rec);
    const nameId = view.getUint16(rec + 6);
    if (nameId !== 1 || platform !== 3) continue;
    const length = view.getUint16(rec + 8);
    const offset = strings + view.getUint16(rec + 10);
    let s = '';
    for (let j = 0; j + 1 < length; j += 2) s += String.fromCharCode(view.getUint16(offset + j));
    return s;
  }
  return null;
}

/**
 * Reads the cmap, advance widths and family name of a TrueType/OpenType font, so the renderer can
 * measure text and refuse characters that would render as empty boxes.
 *
 * @example
 * const info = readFontInfo(await readFile('NotoSansSC-Regular.subset.ttf'));
 * info.has(0x4e2d); // true: 中
 */
export function readFontInfo(bytes: Uint8Array): FontInfo {
  const tables = readTables(bytes);
  const { view, offsets } = tables;
  const head = offsets.get('head') ?? fail('no head table');
  const hhea = offsets.get('hhea') ?? fail('no hhea table');
  const hmtx = offsets.get('hmtx') ?? fail('no hmtx table');
  const unitsPerEm = view.getUint16(head.offset + 18);
  const metrics = view.getUint16(hhea.offset + 34);
  const glyphOf = readCmap(tables);
  const family = readFamily(tables);
  const glyphAdvance = (gid: number): number =>
    view.getUint16(hmtx.offset + Math.min(gid, metrics - 1) * 4) / unitsPerEm;
  const outlines = readOutlines(tables, unitsPerEm);
  return {
    family,
    unitsPerEm,
    has: (cp) => glyphOf(cp) !== 0,
    advance: (cp) => {
      const glyph = glyphOf(cp);
      return glyph === 0 ? null : glyphAdvance(glyph);
    },
    glyph: glyphOf,
    glyphAdvance,
    outline: outlines,
  };
}

/** Composite glyphs nest; real fonts go 2–3 deep. Deeper is a malformed (or hostile) font. */
const MAX_COMPOSITE_DEPTH = 8;

/** Reads glyph outlines from `loca` + `glyf`; every offset is checked against the table. */
function readOutlines({ view, offsets }: Tables, unitsPerEm: number): (gid: number) => GlyphContour[] | null {
  const head = offsets.get('head');
  const loca = offsets.get('loca');
  const glyf = offsets.get('glyf');
  const maxp = offsets.get('maxp');
  if (!head || !loca || !glyf || !maxp) return () => null;
  const longOffsets = view.getInt16(head.offset + 50) === 1;
  const numGlyphs = view.getUint16(maxp.offset + 4);
  const scale = 1 / unitsPerEm;
  const span = (gid: number): [number, number] | null => {
    if (gid < 0 || gid >= numGlyphs) return null;
    const at = (i: number): number =>
      longOffsets ? view.getUint32(loca.offset + i * 4) : view.getUint16(loca.offset + i * 2) * 2;
    if ((longOffsets ? 4 : 2) * (gid + 2) > loca.length) return null;
    const start = at(gid);
    const end = at(gid + 1);
    if (end <= start || end > glyf.length) return null;
    return [glyf.offset + start, glyf.offset + end];
  };
  const simple = (from: number, to: number, contours: number): GlyphContour[] => {
    const ends: number[] = [];
    let p = from + 10;
    for (let i = 0; i < contours; i++, p += 2) ends.push(view.getUint16(p));
    const points = (ends[ends.length - 1] ?? -1) + 1;
    const instructions = view.getUint16(p);
    p += 2 + instructions;
    const flags = new Uint8Array(points);
    for (let i = 0; i < points; ) {
      if (p >= to) fail('glyph flags run past the glyph');
      const flag = view.getUint8(p++);
      flags[i++] = flag;
      if (flag & 8) {
        const repeat = view.getUint8(p++);
        for (let r = 0; r < repeat && i < points; r++) flags[i++] = flag;
      }
    }
    const coords = (shortBit: number, sameBit: number): Float64Array => {
      const out = new Float64Array(points);
      let value = 0;
      for (let i = 0; i < points; i++) {
        const flag = flags[i] ?? 0;
        if (flag & shortBit) {
          const d = view.getUint8(p++);
          value += flag & sameBit ? d : -d;
        } else if (!(flag & sameBit)) {
          value += view.getInt16(p);
          p += 2;
        }
        out[i] = value * scale;
      }
      if (p > to) fail('glyph coordinates run past the glyph');
      return out;
    };
    const xs = coords(2, 16);
    const ys = coords(4, 32);
    const out: GlyphContour[] = [];
    let start = 0;
    for (const end of ends) {
      if (end < start || end >= points) fail('glyph contour ends out of order');
      out.push({
        xs: xs.slice(start, end + 1),
        ys: ys.slice(start, end + 1),
        on: flags.slice(start, end + 1).map((f) => f & 1),
      });
      start = end + 1;
    }
    return out;
  };
  const read = (gid: number, depth: number): GlyphContour[] => {
    const where = span(gid);
    if (!where) return [];
    const [from, to] = where;
    const contours = view.getInt16(from);
    if (contours >= 0) return simple(from, to, contours);
    if (depth >= MAX_COMPOSITE_DEPTH) fail('composite glyphs nest too deeply');
    const out: GlyphContour[] = [];
    let p = from + 10;
    for (;;) {
      if (p + 4 > to) fail('composite glyph runs past the glyph');
      const flags = view.getUint16(p);
      const component = view.getUint16(p + 2);
      p += 4;
      let dx: number;
      let dy: number;
      if (flags & 1) {
        dx = view.getInt16(p);
        dy = view.getInt16(p + 2);
        p += 4;
      } else {
        dx = view.getInt8(p);
        dy = view.getInt8(p + 1);
        p += 2;
      }
      let a = 1;
      let b = 0;
      let c = 0;
      let d = 1;
      if (flags & 8) {
        a = d = view.getInt16(p) / 16384;
        p += 2;
      } else if (flags & 0x40) {
        a = view.getInt16(p) / 16384;
        d = view.getInt16(p + 2) / 16384;
        p += 4;
      } else if (flags & 0x80) {
        a = view.getInt16(p) / 16384;
        b = view.getInt16(p + 2) / 16384;
        c = view.getInt16(p + 4) / 16384;
        d = view.getInt16(p + 6) / 16384;
        p += 8;
      }
      // Point-matched components (ARGS_ARE_XY_VALUES unset) are rare in CJK fonts: placed unshifted.
      const ox = flags & 2 ? dx * scale : 0;
      const oy = flags & 2 ? dy * scale : 0;
      for (const part of read(component, depth + 1)) {
        const xs = new Float64Array(part.xs.length);
        const ys = new Float64Array(part.ys.length);
        for (let i = 0; i < xs.length; i++) {
          const x = part.xs[i] ?? 0;
          const y = part.ys[i] ?? 0;
          xs[i] = a * x + c * y + ox;
          ys[i] = b * x + d * y + oy;
        }
        out.push({ xs, ys, on: part.on });
      }
      if (!(flags & 0x20)) break;
    }
    return out;
  };
  return (gid) => {
    try {
      return read(gid, 0);
    } catch (error) {
      if (error instanceof RangeError) fail(`glyph ${gid} runs past the end of the font`);
      throw error;
    }
  };
}
