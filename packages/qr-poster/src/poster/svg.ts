import { type ContentKind, KIND_NAMES } from '@sharekit/canonical-url';
import { QrPosterError } from '../errors.js';
import { type Rgb, toHex } from './color.js';
import { type PosterImage, toDataUrl } from './image.js';
import { encodeQr, logoCoverage, maxLogoSide, type QrMatrix } from './qr.js';
import type { PaintOp } from './raster.js';
import type { NormalizedSpec } from './spec.js';
import { PLATFORM_LABELS } from './target.js';
import { escapeXml, measureEm, wrapText } from './text.js';
import type { RenderedPoster } from './types.js';

/** Fonts in preference order: the bundled Noto Sans SC first, then the usual Chinese system fonts. */
export const FONT_STACK =
  "'Noto Sans SC', 'Noto Sans TC', 'Noto Sans KR', 'Noto Sans', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Source Han Sans SC', sans-serif, 'Noto Emoji', 'Apple Color Emoji', 'Segoe UI Emoji'";

// Where the baseline sits inside an em box for Noto Sans SC (ascender 0.88, descender 0.12).
const ASCENT = 0.88;

/** Default logo plate width when the caller gives no `logoScale`: large enough to read, small enough to scan. */
const AUTO_LOGO_SCALE = 0.25;

/** The kind as the caption names it: canonical-url's Chinese kind name; a short link's target is just "content". */
function kindLabel(kind: ContentKind): string {
  return kind === 'short' ? '内容' : KIND_NAMES[kind].zh;
}

const r = (n: number): string => String(Math.round(n * 100) / 100);

/** The position and size attributes of a rect or image, with `rx` when the corners are rounded. */
const box = (x: number, y: number, w: number, h: number, radius = 0): string =>
  `x="${r(x)}" y="${r(y)}" width="${r(w)}" height="${r(h)}"${radius ? ` rx="${r(radius)}"` : ''}`;

/** Which decoded image an `image` operation draws (the rasteriser decodes each once). */
export const IMAGE_SLOTS = { photo: 0, brandLogo: 1, qrLogo: 2 } as const;

/** Writes the SVG and records the same drawing as paint operations for the rasteriser. */
class Svg {
  readonly parts: string[] = [];
  readonly defs: string[] = [];
  readonly texts: string[] = [];
  readonly ops: PaintOp[] = [];
  private ids = 0;

  id(prefix: string): string {
    this.ids++;
    return `${prefix}${this.ids}`;
  }

  rect(x: number, y: number, w: number, h: number, fill: Rgb, radius = 0): void {
    this.parts.push(`<rect ${box(x, y, w, h, radius)} fill="${toHex(fill)}"/>`);
    this.ops.push({ kind: 'rect', x, y, w, h, radius, fill, opacity: 1 });
  }

  text(
    content: string,
    x: number,
    top: number,
    size: number,
    fill: Rgb,
    {
      bold = false,
      anchor = 'start',
      strike = false,
    }: { bold?: boolean; anchor?: 'start' | 'middle' | 'end'; strike?: boolean } = {},
  ): void {
    this.texts.push(content);
    const baseline = top + size * ASCENT;
    this.ops.push({ kind: 'text', text: content, x, baseline, size, fill, bold, anchor, strike });
    this.parts.push(
      `<text x="${r(x)}" y="${r(baseline)}" font-size="${r(size)}"${bold ? ' font-weight="700"' : ''}${
        anchor !== 'start' ? ` text-anchor="${anchor}"` : ''
      }${strike ? ' text-decoration="line-through"' : ''} fill="${toHex(fill)}">${escapeXml(content)}</text>`,
    );
  }

  /** One text per line, line `i` centred in a box `lh` high whose top is `top + i * lh`. */
  lines(
    lines: readonly string[],
    x: number,
    top: number,
    size: number,
    lh: number,
    fill: Rgb,
    opts: { bold?: boolean; anchor?: 'middle' } = {},
  ): void {
    lines.forEach((line, i) => {
      this.text(line, x, top + i * lh + (lh - size) / 2, size, fill, opts);
    });
  }

  image(image: PosterImage, slot: number, x: number, y: number, w: number, h: number, radius: number): void {
    this.ops.push({ kind: 'image', image: slot, x, y, w, h, radius });
    const href = toDataUrl(image);
    const clip = this.id('c');
    this.defs.push(`<clipPath id="${clip}"><rect ${box(x, y, w, h, radius)}/></clipPath>`);
    this.parts.push(
      `<image href="${href}" ${box(x, y, w, h)} preserveAspectRatio="xMidYMid slice" clip-path="url(#${clip})"/>`,
    );
  }
}

interface QrPlacement {
  readonly matrix: QrMatrix;
  readonly logoSide: number;
  readonly coverage: { moduleFraction: number; worstBlockShare: number };
}

function planQr(spec: NormalizedSpec): QrPlacement {
  let matrix = encodeQr(spec.target.url, spec.level);
  if (!spec.qrLogo) return { matrix, logoSide: 0, coverage: { moduleFraction: 0, worstBlockShare: 0 } };
  const odd = (n: number): number => {
    const k = Math.round(n);
    return k % 2 === 1 ? k : k + 1;
  };
  const wanted = (m: QrMatrix): number =>
    spec.logoScale !== null ? odd(spec.logoScale * m.size) : Math.max(5, odd(0.2 * m.size));
  // Short payloads give tiny codes with no room for a logo: step up a few versions (more modules,
  // more correction) until the wanted logo fits. Long payloads are already large enough, or never will be.
  let maxSide = maxLogoSide(matrix, spec.logoBudget);
  for (let v = matrix.version + 1; maxSide < wanted(matrix) && v <= Math.min(40, matrix.version + 6); v++) {
    const bigger = encodeQr(spec.target.url, spec.level, v);
    const side = maxLogoSide(bigger, spec.logoBudget);
    matrix = bigger;
    maxSide = side;
  }
  let side: number;
  if (spec.logoScale !== null) {
    side = odd(spec.logoScale * matrix.size);
    if (side > maxSide) {
      throw new QrPosterError(
        'logo_too_large',
        `spec.qr.logoScale: expected at most ${(maxSide / matrix.size).toFixed(2)} (${maxSide} of ${matrix.size} modules, ${Math.round(spec.logoBudget * 100)}% of a level-${matrix.level} code's error correction), got ${spec.logoScale}`,
      );
    }
  } else {
    side = Math.min(maxSide, odd(AUTO_LOGO_SCALE * matrix.size));
    if (side > AUTO_LOGO_SCALE * matrix.size + 0.5) side -= 2;
  }
  // Below ~12% of the code width a logo is an unreadable speck: refuse rather than draw it.
  if (side < Math.max(5, 0.12 * matrix.size)) {
    throw new QrPosterError(
      'logo_too_large',
      `a ${matrix.size}-module level-${matrix.level} code has room for a logo of only ${maxSide} modules; shorten the link, raise qr.errorCorrection or set qr.logo: false`,
    );
  }
  const c = logoCoverage(matrix, side);
  return { matrix, logoSide: side, coverage: c };
}

/** Draws the code: light plate with quiet zone, dark modules as merged horizontal runs, optional logo. */
function drawQr(
  svg: Svg,
  spec: NormalizedSpec,
  plan: QrPlacement,
  x: number,
  y: number,
  modulePx: number,
): { size: number } {
  const { matrix, logoSide } = plan;
  const n = matrix.size;
  const quiet = spec.margin;
  const total = (n + 2 * quiet) * modulePx;
  svg.rect(x, y, total, total, spec.colors.qrLight, modulePx * 1.5);
  const start = Math.floor((n - logoSide) / 2);
  const underLogo = (row: number, col: number): boolean =>
    logoSide > 0 && row >= start && row < start + logoSide && col >= start && col < start + logoSide;
  let d = '';
  for (let row = 0; row < n; row++) {
    let col = 0;
    while (col < n) {
      if (!matrix.modules[row * n + col] || underLogo(row, col)) {
        col++;
        continue;
      }
      let end = col;
      while (end < n && matrix.modules[row * n + end] && !underLogo(row, end)) end++;
      const px = x + (quiet + col) * modulePx;
      const py = y + (quiet + row) * modulePx;
      d += `M${px} ${py}h${(end - col) * modulePx}v${modulePx}h-${(end - col) * modulePx}z`;
      svg.ops.push({
        kind: 'rect',
        x: px,
        y: py,
        w: (end - col) * modulePx,
        h: modulePx,
        radius: 0,
        fill: spec.colors.qrDark,
        opacity: 1,
      });
      col = end;
    }
  }
  svg.parts.push(`<path d="${d}" fill="${toHex(spec.colors.qrDark)}" shape-rendering="crispEdges"/>`);
  if (logoSide > 0 && spec.qrLogo) {
    const lx = x + (quiet + start) * modulePx;
    const ly = y + (quiet + start) * modulePx;
    const side = logoSide * modulePx;
    svg.rect(lx, ly, side, side, spec.colors.qrLight, side * 0.18);
    const inset = Math.max(modulePx * 0.75, side * 0.08);
    svg.image(
      spec.qrLogo,
      IMAGE_SLOTS.qrLogo,
      lx + inset,
      ly + inset,
      side - 2 * inset,
      side - 2 * inset,
      side * 0.14,
    );
  }
  return { size: total };
}

/**
 * Price row: currency small, integer big, decimals medium, then the struck-through original price,
 * all on one baseline. Shrinks (down to 60%) to fit `maxWidth`, then drops the original price.
 */
function drawPrice(
  svg: Svg,
  spec: NormalizedSpec,
  x: number,
  top: number,
  rowH: number,
  maxWidth: number,
): void {
  const { accent, muted } = spec.colors;
  const [int, dec] = spec.price?.split('.') ?? [];
  const original = spec.originalPrice !== null ? `${spec.currency}${spec.originalPrice}` : null;
  // The current price's parts and their sizes in units of the big size; a small gap after the currency.
  const parts: [string, number][] =
    spec.price === null
      ? []
      : [
          [spec.currency, 0.5],
          [int ?? '', 1],
        ];
  if (spec.price !== null && dec !== undefined) parts.push([`.${dec}`, 0.56]);
  let current = 0;
  parts.forEach(([part, scale], i) => {
    current += measureEm(part) * scale + (i === 0 ? 0.06 : 0);
  });
  const gap = spec.price !== null && original ? 0.3 : 0;
  const originalW = original ? measureEm(original) * 0.42 : 0;
  let big = rowH;
  let showOriginal = original !== null;
  if ((current + gap + originalW) * big > maxWidth)
    big = Math.max(rowH * 0.6, maxWidth / (current + gap + originalW));
  if ((current + gap + originalW) * big > maxWidth && spec.price !== null) {
    showOriginal = false;
    big = Math.min(rowH, Math.max(rowH * 0.6, maxWidth / current));
  }
  const baseline = top + rowH * ASCENT;
  const topFor = (size: number): number => baseline - size * ASCENT;
  let cursor = x;
  parts.forEach(([part, scale], i) => {
    const size = big * scale;
    svg.text(part, cursor, topFor(size), size, accent, { bold: true });
    cursor += measureEm(part) * size + (i === 0 ? big * 0.06 : 0);
  });
  cursor += big * gap;
  if (original && showOriginal) {
    const os = big * 0.42;
    svg.text(original, cursor, topFor(os), os, muted, { strike: true });
  }
}

function defaultSubcaption(spec: NormalizedSpec): string {
  const identity = spec.target.identity;
  if (!identity) return '扫码查看详情';
  return `打开${PLATFORM_LABELS[identity.platform]}查看${kindLabel(identity.kind)}`;
}

/** Brand row: round logo and name, or without a brand the platform badge. Returns its height. */
function drawBrand(
  svg: Svg,
  spec: NormalizedSpec,
  x: number,
  top: number,
  s: number,
  maxWidth: number,
): number {
  if (!spec.brandName && !spec.brandLogo) return badge(svg, spec, x, top, s);
  const d = 60 * s;
  let cursor = x;
  if (spec.brandLogo) {
    svg.rect(x, top, d, d, spec.colors.panel, d / 2);
    svg.image(spec.brandLogo, IMAGE_SLOTS.brandLogo, x, top, d, d, d / 2);
    cursor += d + 18 * s;
  }
  if (spec.brandName) {
    const size = 30 * s;
    const room = (maxWidth - (cursor - x)) / size;
    const name = wrapText(spec.brandName, { maxEm: room, maxLines: 1 }).lines[0] ?? '';
    svg.text(name, cursor, top + (d - size) / 2, size, spec.colors.foreground, { bold: true });
  }
  return d;
}

function drawToken(svg: Svg, spec: NormalizedSpec, x: number, top: number, width: number, s: number): number {
  if (!spec.token) return 0;
  let size = 24 * s;
  let lines = wrapText(spec.token, { maxEm: (width - 40 * s) / size, maxLines: 2 });
  if (lines.truncated) {
    size = 20 * s;
    lines = wrapText(spec.token, { maxEm: (width - 40 * s) / size, maxLines: 2 });
  }
  if (lines.truncated) {
    throw new QrPosterError(
      'invalid_spec',
      `spec.token: too long to print whole on a ${spec.width}×${spec.height} poster (a cut token is useless)`,
    );
  }
  const lh = size * 1.45;
  const h = lines.lines.length * lh + 24 * s;
  svg.rect(x, top, width, h, spec.colors.panel, 14 * s);
  svg.lines(lines.lines, x + width / 2, top + 12 * s, size, lh, spec.colors.foreground, { anchor: 'middle' });
  return h;
}

function tokenHeight(spec: NormalizedSpec, width: number, s: number): number {
  if (!spec.token) return 0;
  const probe = new Svg();
  return drawToken(probe, spec, 0, 0, width, s);
}

/** Image frame, or — without a product photo — a tinted panel carrying the title in large type. */
function drawHero(
  svg: Svg,
  spec: NormalizedSpec,
  x: number,
  y: number,
  w: number,
  h: number,
  s: number,
  maxLines: number,
): void {
  const radius = 24 * s;
  if (spec.image) {
    svg.rect(x, y, w, h, spec.colors.panel, radius);
    svg.image(spec.image, IMAGE_SLOTS.photo, x, y, w, h, radius);
    return;
  }
  const grad = svg.id('g');
  const { accent, panel } = spec.colors;
  svg.defs.push(
    `<linearGradient id="${grad}" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${toHex(accent)}" stop-opacity="0.16"/><stop offset="1" stop-color="${toHex(accent)}" stop-opacity="0.04"/></linearGradient>`,
  );
  svg.rect(x, y, w, h, panel, radius);
  svg.parts.push(`<rect ${box(x, y, w, h, radius)} fill="url(#${grad})"/>`);
  svg.ops.push({ kind: 'gradient', x, y, w, h, radius, fill: accent, from: 0.16, to: 0.04 });
  const pad = 48 * s;
  let size = Math.min(64 * s, w / 8);
  let wrapped = wrapText(spec.title, { maxEm: (w - 2 * pad) / size, maxLines: maxLines + 2 });
  while (wrapped.lines.length * size * 1.4 > h - 2 * pad && size > 28 * s) {
    size -= 4 * s;
    wrapped = wrapText(spec.title, { maxEm: (w - 2 * pad) / size, maxLines: maxLines + 2 });
  }
  const lh = size * 1.4;
  const blockTop = y + (h - wrapped.lines.length * lh) / 2;
  svg.rect(x + pad, blockTop - 28 * s, 56 * s, 8 * s, accent, 4 * s);
  svg.lines(wrapped.lines, x + pad, blockTop, size, lh, spec.colors.foreground, { bold: true });
}

/**
 * Pixels per module and the side of the code with its quiet zone: the code gets `base` pixels, and
 * dense codes grow towards 4 px per module (up to `cap`) so that a half-size copy of the poster still
 * has 2 px modules.
 */
function qrPixels(
  plan: QrPlacement,
  spec: NormalizedSpec,
  base: number,
  cap: number,
): { modulePx: number; qrSize: number } {
  const modules = plan.matrix.size + 2 * spec.margin;
  const maxPx = Math.max(base, Math.min(modules * 4, cap));
  const px = Math.floor(maxPx / modules);
  if (px < 2) {
    throw new QrPosterError(
      'payload_too_long',
      `the payload needs a ${plan.matrix.size}-module code; at ${spec.width}×${spec.height} px its modules would be smaller than 2 px`,
    );
  }
  return { modulePx: px, qrSize: modules * px };
}

interface Layout {
  qrX: number;
  qrY: number;
  modulePx: number;
  qrSize: number;
}

function portrait(svg: Svg, spec: NormalizedSpec, plan: QrPlacement): Layout {
  if (spec.height < spec.width * 1.6) return compactPortrait(svg, spec, plan);
  const { width: W, height: H, colors } = spec;
  const s = W / 750;
  const m = 40 * s;
  const cw = W - 2 * m;
  let top = 36 * s;
  top += drawBrand(svg, spec, m, top, s, cw) + 26 * s;

  const titleSize = 40 * s;
  const titleLh = 56 * s;
  const maxLines = spec.titleMaxLines ?? 2;
  const title = spec.image
    ? wrapText(spec.title, { maxEm: cw / titleSize, maxLines })
    : { lines: [] as string[] };
  const priceH = spec.price !== null || spec.originalPrice !== null ? 64 * s : 0;
  const { modulePx, qrSize } = qrPixels(plan, spec, 248 * s, 400 * s);
  const tokenH = tokenHeight(spec, cw, s);
  const below =
    (title.lines.length > 0 ? 30 * s + title.lines.length * titleLh : 0) +
    (priceH > 0 ? 18 * s + priceH : 0) +
    30 * s + // gap before divider
    30 * s + // gap after divider
    qrSize +
    (tokenH > 0 ? 20 * s + tokenH : 0) +
    40 * s;
  const heroH = H - top - below;
  if (heroH < 160 * s) {
    throw new QrPosterError('invalid_spec', `a ${W}×${H} poster is too short for this content`);
  }
  drawHero(svg, spec, m, top, cw, heroH, s, maxLines);
  let y = top + heroH;
  if (title.lines.length > 0) {
    y += 30 * s;
    svg.lines(title.lines, m, y, titleSize, titleLh, colors.foreground, { bold: true });
    y += title.lines.length * titleLh;
  }
  if (priceH > 0) {
    y += 18 * s;
    drawPrice(svg, spec, m, y, priceH, cw);
    y += priceH;
  }
  y += 30 * s;
  svg.parts.push(
    `<line x1="${r(m)}" y1="${r(y)}" x2="${r(W - m)}" y2="${r(y)}" stroke="${toHex(colors.muted)}" stroke-opacity="0.45" stroke-width="${r(2 * s)}" stroke-dasharray="${r(8 * s)} ${r(8 * s)}"/>`,
  );
  svg.ops.push({
    kind: 'dash',
    x1: m,
    x2: W - m,
    y,
    stroke: colors.muted,
    opacity: 0.45,
    width: 2 * s,
    dash: 8 * s,
  });
  y += 30 * s;
  const qrX = Math.round(W - m - qrSize);
  const qrY = Math.round(y);
  drawQr(svg, spec, plan, qrX, qrY, modulePx);
  captionBlock(svg, spec, m, qrY, qrX - m - 28 * s, qrSize, s);
  y += qrSize;
  if (tokenH > 0) drawToken(svg, spec, m, y + 20 * s, cw, s);
  return { qrX, qrY, modulePx, qrSize };
}

/** Print-like proportions (A-series, 1.41): title, price and call to action share a row with the code. */
function compactPortrait(svg: Svg, spec: NormalizedSpec, plan: QrPlacement): Layout {
  const { width: W, height: H, colors } = spec;
  const s = W / 750;
  const m = 40 * s;
  const cw = W - 2 * m;
  let top = 36 * s;
  top += drawBrand(svg, spec, m, top, s, cw) + 26 * s;
  const { modulePx, qrSize } = qrPixels(plan, spec, 250 * s, 380 * s);
  const leftW = cw - qrSize - 36 * s;
  const titleSize = 36 * s;
  const titleLh = 50 * s;
  const title = spec.image
    ? wrapText(spec.title, { maxEm: leftW / titleSize, maxLines: spec.titleMaxLines ?? 3 }).lines
    : [];
  const hasPrice = spec.price !== null || spec.originalPrice !== null;
  const priceH = 60 * s;
  const capSize = 26 * s;
  const subSize = 22 * s;
  const leftH =
    title.length * titleLh + (hasPrice ? 16 * s + priceH : 0) + 28 * s + capSize * 1.4 + subSize * 1.5;
  const rowH = Math.max(qrSize, leftH);
  const tokenH = tokenHeight(spec, cw, s);
  const heroH = H - top - 36 * s - rowH - (tokenH > 0 ? 24 * s + tokenH : 0) - 40 * s;
  if (heroH < 160 * s)
    throw new QrPosterError('invalid_spec', `a ${W}×${H} poster is too short for this content`);
  drawHero(svg, spec, m, top, cw, heroH, s, spec.titleMaxLines ?? 3);
  const rowTop = top + heroH + 36 * s;
  const qrX = Math.round(W - m - qrSize);
  const qrY = Math.round(rowTop);
  drawQr(svg, spec, plan, qrX, qrY, modulePx);
  let y = rowTop;
  svg.lines(title, m, y, titleSize, titleLh, colors.foreground, { bold: true });
  y += title.length * titleLh;
  if (hasPrice) {
    drawPrice(svg, spec, m, y + 16 * s, priceH, leftW);
  }
  // Call to action sits level with the bottom of the code, or centred on it when nothing is above it.
  const capH = subSize * 1.5 + capSize * 1.4;
  const capTop = title.length > 0 || hasPrice ? rowTop + rowH - capH : rowTop + (rowH - capH) / 2;
  const cap = wrapText(spec.caption, { maxEm: leftW / capSize, maxLines: 1 }).lines[0] ?? '';
  const sub =
    wrapText(spec.subcaption ?? defaultSubcaption(spec), { maxEm: leftW / subSize, maxLines: 1 }).lines[0] ??
    '';
  svg.text(cap, m, capTop, capSize, colors.foreground, { bold: true });
  svg.text(sub, m, capTop + capSize * 1.4 + (subSize * 1.5 - subSize) / 2, subSize, colors.muted);
  if (tokenH > 0) drawToken(svg, spec, m, rowTop + rowH + 24 * s, cw, s);
  return { qrX, qrY, modulePx, qrSize };
}

/** Call to action left of (or above) the code, vertically centred on `height`. */
function captionBlock(
  svg: Svg,
  spec: NormalizedSpec,
  x: number,
  top: number,
  width: number,
  height: number,
  s: number,
): void {
  const capSize = 34 * s;
  const subSize = 24 * s;
  const cap = wrapText(spec.caption, { maxEm: width / capSize, maxLines: 2 }).lines;
  const sub = wrapText(spec.subcaption ?? defaultSubcaption(spec), {
    maxEm: width / subSize,
    maxLines: 2,
  }).lines;
  const capLh = capSize * 1.3;
  const subLh = subSize * 1.5;
  const blockH = cap.length * capLh + 14 * s + sub.length * subLh;
  let y = top + (height - blockH) / 2;
  svg.rect(x, y - 26 * s, 44 * s, 6 * s, spec.colors.accent, 3 * s);
  for (const line of cap) {
    svg.text(line, x, y + (capLh - capSize) / 2, capSize, spec.colors.foreground, { bold: true });
    y += capLh;
  }
  y += 14 * s;
  for (const line of sub) {
    svg.text(line, x, y + (subLh - subSize) / 2, subSize, spec.colors.muted);
    y += subLh;
  }
}

function square(svg: Svg, spec: NormalizedSpec, plan: QrPlacement): Layout {
  const { width: W, height: H, colors } = spec;
  const s = Math.min(W, H) / 1080;
  const m = 56 * s;
  const gap = 48 * s;
  const colW = Math.max(330 * s, W * 0.3);
  const heroW = W - 2 * m - gap - colW;
  const colX = W - m - colW;
  const maxLines = spec.titleMaxLines ?? 3;

  // Left column: photo, then title and price under it.
  const titleSize = 40 * s;
  const titleLh = 58 * s;
  const title = spec.image ? wrapText(spec.title, { maxEm: heroW / titleSize, maxLines }).lines : [];
  const hasPrice = spec.price !== null || spec.originalPrice !== null;
  const below = (title.length > 0 ? 28 * s + title.length * titleLh : 0) + (hasPrice ? 20 * s + 64 * s : 0);
  const heroH = H - 2 * m - below;
  drawHero(svg, spec, m, m, heroW, heroH, s, maxLines);
  let y = m + heroH;
  if (title.length > 0) {
    y += 28 * s;
    svg.lines(title, m, y, titleSize, titleLh, colors.foreground, { bold: true });
    y += title.length * titleLh;
  }
  if (hasPrice) drawPrice(svg, spec, m, y + 20 * s, 64 * s, heroW);

  // Right column: brand on top; call to action, code and token at the bottom.
  drawBrand(svg, spec, colX, m, s, colW);
  const tokenH = tokenHeight(spec, colW, s);
  const { modulePx, qrSize } = qrPixels(plan, spec, colW, colW);
  const qrX = Math.round(colX + (colW - qrSize) / 2);
  const qrY = Math.round(H - m - (tokenH > 0 ? tokenH + 24 * s : 0) - qrSize);
  const capH = 150 * s;
  const capTop = qrY - 24 * s - capH;
  if (capTop < m + 80 * s)
    throw new QrPosterError('invalid_spec', `a ${W}×${H} poster is too small for this content`);
  captionBlock(svg, spec, colX, capTop, colW, capH, s);
  drawQr(svg, spec, plan, qrX, qrY, modulePx);
  if (tokenH > 0) drawToken(svg, spec, colX, qrY + qrSize + 24 * s, colW, s);
  return { qrX, qrY, modulePx, qrSize };
}

/** Without a brand, a small pill naming the platform (or a generic label) anchors the top of a column. */
function badge(svg: Svg, spec: NormalizedSpec, x: number, top: number, s: number): number {
  const identity = spec.target.identity;
  const label = identity ? `${PLATFORM_LABELS[identity.platform]} · 好物推荐` : '好物推荐';
  const size = 24 * s;
  const w = measureEm(label) * size + 40 * s;
  const h = 48 * s;
  svg.parts.push(
    `<rect ${box(x, top, w, h, h / 2)} fill="none" stroke="${toHex(spec.colors.accent)}" stroke-width="${r(2 * s)}"/>`,
  );
  svg.ops.push({
    kind: 'outline',
    x,
    y: top,
    w,
    h,
    radius: h / 2,
    stroke: spec.colors.accent,
    width: 2 * s,
  });
  svg.text(label, x + 20 * s, top + (h - size) / 2, size, spec.colors.accent, { bold: true });
  return h;
}

/**
 * Lays the poster out and writes it as SVG. Portrait sizes (height ≥ 1.25 × width) stack photo, title,
 * price and code; squarer sizes put the photo left and the text and code in a right-hand column.
 *
 * @example
 * composePoster(normalizeSpec({ target: 'https://item.jd.com/100012043978.html', title: '耳机' })).svg;
 */
export function composePoster(spec: NormalizedSpec): RenderedPoster {
  const plan = planQr(spec);
  const svg = new Svg();
  const layout = spec.height >= spec.width * 1.25 ? portrait(svg, spec, plan) : square(svg, spec, plan);
  const { width: W, height: H } = spec;
  const doc = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="${FONT_STACK}">`,
    svg.defs.length > 0 ? `<defs>${svg.defs.join('')}</defs>` : '',
    `<rect width="${W}" height="${H}" fill="${toHex(spec.colors.background)}"/>`,
    ...svg.parts,
    '</svg>',
  ].join('');
  return {
    svg: doc,
    width: W,
    height: H,
    payload: spec.target.url,
    identity: spec.target.identity,
    qr: {
      x: layout.qrX,
      y: layout.qrY,
      size: layout.qrSize,
      modulePx: layout.modulePx,
      version: plan.matrix.version,
      level: plan.matrix.level,
      logoModules: plan.logoSide,
      logoModuleFraction: plan.coverage.moduleFraction,
      logoErrorShare: plan.coverage.worstBlockShare,
    },
    texts: svg.texts,
    ops: [
      { kind: 'rect', x: 0, y: 0, w: W, h: H, radius: 0, fill: spec.colors.background, opacity: 1 },
      ...svg.ops,
    ],
  };
}
