import { isZeroWidthCodePoint as isZeroWidth } from '@sharekit/canonical-url/text';
import { advanceEm } from './metrics.js';

export { displayWidth } from '@sharekit/canonical-url/text';

/** Width of `text` in em with the renderer's metrics (CJK = 1 em, ASCII from the bundled font). */
export function measureEm(text: string): number {
  let width = 0;
  for (const ch of text) width += advanceEm(ch.codePointAt(0) ?? 0);
  return width;
}

// Characters that must not start a line (closing punctuation) — kinsoku shori, simplified.
const NO_LINE_START = new Set([...'，。、；：？！）》」』】〕〉”’…·%,.;:?!)]}']);

/** Splits text into units that never break inside: a run of Latin letters/digits, or one other character. */
function units(text: string): string[] {
  const out: string[] = [];
  let word = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (isZeroWidth(cp) && out.length + word.length > 0) {
      if (word) word += ch;
      else out[out.length - 1] += ch;
      continue;
    }
    const latin = (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
    if (latin && word.length < 24) {
      word += ch;
      continue;
    }
    if (word) out.push(word);
    word = '';
    if (latin) word = ch;
    else out.push(ch);
  }
  if (word) out.push(word);
  return out;
}

/**
 * Options of {@link wrapText}.
 * @example
 * wrapText(title, { maxEm: 16, maxLines: 2 } satisfies WrapOptions);
 */
export interface WrapOptions {
  /** Line width in em (font size = 1). */
  readonly maxEm: number;
  /**
   * Lines kept; the last kept line ends with `…` when text was cut.
   * @default 2
   */
  readonly maxLines?: number;
}

/**
 * Wraps text into lines no wider than `maxEm` (CJK characters are one em = two display columns),
 * keeping Latin words whole when they fit, never starting a line with closing punctuation, and
 * ending the last line with an ellipsis when the text does not fit in `maxLines`.
 *
 * @example
 * wrapText('北欧风陶瓷马克杯 大容量 带盖勺', { maxEm: 8, maxLines: 2 }); // ['北欧风陶瓷马克杯', '大容量 带盖勺']
 */
export function wrapText(text: string, options: WrapOptions): { lines: string[]; truncated: boolean } {
  const maxLines = options.maxLines ?? 2;
  const maxEm = options.maxEm;
  const clean = text.replace(/\s+/g, ' ').trim();
  const lines: string[] = [];
  let line: string[] = [];
  let lineEm = 0;
  let brokeOut = false;
  const flush = (): boolean => {
    lines.push(line.join('').trimEnd());
    line = [];
    lineEm = 0;
    return lines.length >= maxLines;
  };
  for (const unit of units(clean)) {
    const w = measureEm(unit);
    if (line.length === 0 && unit === ' ') continue;
    if (lineEm + w <= maxEm || line.length === 0) {
      if (w > maxEm && line.length === 0) {
        // A word longer than the line: break it by characters.
        for (const ch of unit) {
          const cw = measureEm(ch);
          if (lineEm + cw > maxEm && line.length > 0) flush();
          line.push(ch);
          lineEm += cw;
        }
        continue;
      }
      line.push(unit);
      lineEm += w;
      continue;
    }
    // Closing punctuation never starts a line: it takes the previous character down with it.
    const carried: string[] = [];
    if (NO_LINE_START.has(unit) && line.length > 1) carried.push(line.pop() ?? '');
    if (flush()) {
      brokeOut = true;
      break;
    }
    if (unit === ' ' && carried.length === 0) continue;
    line = [...carried, unit];
    lineEm = measureEm(line.join(''));
  }
  if (!brokeOut && line.join('').trim() !== '') lines.push(line.join('').trimEnd());
  const truncated = brokeOut || lines.length > maxLines;
  const kept = lines.slice(0, maxLines);
  if (truncated && kept.length > 0) {
    let last = kept[kept.length - 1] ?? '';
    const ellipsis = '…';
    while (last.length > 0 && measureEm(last) + measureEm(ellipsis) > maxEm) {
      last = Array.from(last).slice(0, -1).join('');
    }
    kept[kept.length - 1] = `${last.trimEnd()}${ellipsis}`;
  }
  return { lines: kept, truncated };
}

/** Escapes text for SVG character data and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;',
  );
}

// regex-safe: one character class, no repetition. With the u flag a surrogate half only matches when alone.
const NOT_XML = /[\0-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]/gu;

/**
 * Replaces with a space what XML cannot carry or a poster line should not: control characters (line
 * breaks included: text on a poster is one line each), lone surrogates and the non-characters U+FFFE/U+FFFF.
 */
export function stripControl(text: string): string {
  return text.replace(NOT_XML, ' ');
}
