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
  return {
    family,
    unitsPerEm,
    has: (cp) => glyphOf(cp) !== 0,
    advance: (cp) => {
      const glyph = glyphOf(cp);
      if (glyph === 0) return null;
      const index = Math.min(glyph, metrics - 1);
      return view.getUint16(hmtx.offset + index * 4) / unitsPerEm;
    },
  };
}
