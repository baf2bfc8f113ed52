import { DECORATION_LABELS, PRICE_LINE_MARKERS, type ShareRow, type TitleRule } from '../shares.js';
import { GLUED_CODE, GLUED_SCORE, isNoiseWord } from './codes.js';
import type { Draft } from './draft.js';
import { isAsciiAlnum, isCjkLetter, isSpace, lineEnd, stickyAt } from './text.js';
/** Words Xianyu puts around a title inside 「」. */
export const CORNER_WRAPS: readonly string[] = ['我在闲鱼发布了【', '快来捡漏【'];

/** Trims spaces off a span of `win` and shifts it to text offsets; null when nothing is left. */
export function spanOf(win: string, ws: number, a: number, b: number): [number, number] | null {
  while (a < b && isSpace(win.charCodeAt(a))) a++;
  while (b > a && isSpace(win.charCodeAt(b - 1))) b--;
  return b > a ? [ws + a, ws + b] : null;
}

/** Top-level 【…】 blocks of `win` before `to` (nesting-aware), as [open, close] indices. */
export function blocks(win: string, to: number): [number, number][] {
  const out: [number, number][] = [];
  let depth = 0;
  let open = -1;
  for (let k = 0; k < to; k++) {
    const ch = win[k];
    if (ch === '【') {
      if (depth === 0) open = k;
      depth++;
    } else if (ch === '】' && depth > 0) {
      depth--;
      if (depth === 0) out.push([open, k]);
    }
  }
  return out;
}

export function findTitle(
  rule: TitleRule,
  win: string,
  ws: number,
  d: Draft,
  row: ShareRow | null,
  titleFloor: number,
): [number, number] | null | 'none' {
  const us = d.urlSpan ? d.urlSpan[0] - ws : d.anchor - ws;
  const ue = d.urlSpan ? d.urlSpan[1] - ws : d.anchorEnd - ws;
  switch (rule.kind) {
    case 'corner':
      return corner(win, ws, titleFloor);
    case 'bracket': {
      for (const [o, c] of blocks(win, win.length)) {
        if (rule.afterLink && o < ue) continue;
        if (d.urlSpan && o >= us && o < ue) continue;
        // `打开【淘宝】`, `然后咑閞【淘宀┡ēAPP】`: the block after "open" names the app.
        if (DECORATION_LABELS.has(win.slice(o + 1, c).trim()) || '开開閞'.includes(win[o - 1] as string))
          continue;
        const span = spanOf(win, ws, o + 1, c);
        if (span) return span;
      }
      return null;
    }
    case 'price-lines':
      return priceLines(win, ws, us);
    case 'suffixed-block':
      return suffixedBlock(win, ws, rule.suffix, us);
    case 'author-block': {
      const k = win.indexOf(rule.mark);
      if (k < 0) return null;
      // The block's 【, or the line's start when the paste lost it.
      const o = Math.max(win.lastIndexOf('【', k), win.lastIndexOf('\n', k));
      const inner = win.slice(o + 1, k);
      const cut = inner.lastIndexOf(' - ');
      return spanOf(win, ws, o + 1, cut >= 0 ? o + 1 + cut : k);
    }
    case 'none-when':
      return rule.phrases.some((p) => win.includes(p)) ? 'none' : null;
    case 'subject-block': {
      for (const [o, c] of blocks(win, us)) {
        const inner = win.slice(o + 1, c);
        // A block before the lead-in is the sharer's comment (`【推荐你看】复制打开抖音👀<caption>`).
        if (DECORATION_LABELS.has(inner.trim()) || row?.leadIns?.some((x) => win.startsWith(x, c + 1)))
          continue;
        // The author's block with nothing between it and the link: the share has no caption.
        if (inner.endsWith(rule.worksSuffix)) return spanOf(win, ws, c + 1, us) ?? 'none';
        const strip = rule.strip.find((x) => inner.endsWith(x));
        return spanOf(win, ws, o + 1, strip ? c - strip.length : c);
      }
      return null;
    }
    case 'caption-before':
      return captionBefore(win, ws, d, row, us, rule.plain);
    case 'command': {
      const prefix = row?.commandPrefix as RegExp;
      if (d.urlSpan || !stickyAt(prefix, win, win.lastIndexOf('\n', us) + 1)) return null;
      // The sentence ends before the code's mark and the comma or the letters of `da`(打) glued to it.
      const a = prefix.lastIndex;
      let e = us - 1;
      // regex-safe: one character class, no repetition
      while (e > a && /[，,A-Za-z]/.test(win[e - 1] as string)) e--;
      return spanOf(win, ws, a, e) ?? 'none';
    }
    case 'caption-after': {
      if (!d.urlSpan) return null;
      let b = lineEnd(win, ue);
      for (const stop of rule.stopAt) {
        const k = win.indexOf(stop, ue);
        if (k >= 0 && k < b) b = k;
      }
      return spanOf(win, ws, ue, b);
    }
    case 'between':
      return between(win, ws, rule.open, rule.close, us);
  }
}

/** `【<title>-<suffix>】`: the last suffix before the link (else after it) that closes its block. */
function suffixedBlock(win: string, ws: number, suffix: string, us: number): [number, number] | null {
  let k = win.lastIndexOf(suffix, us);
  if (k < 0) k = win.lastIndexOf(suffix);
  // The suffix closes its block, after a section name at most (`-哔哩哔哩番剧】`).
  const close = win.indexOf('】', k);
  if (k < 1 || close < 0 || close > k + suffix.length + 2) return null;
  while (' -'.includes(win[k - 1] as string)) k--;
  // Back to the 【 that opens the block (titles nest 【】), or to the line's start when it was lost.
  let depth = 1;
  let o = k;
  while (--o >= 0 && win[o] !== '\n' && (win[o] !== '【' || --depth > 0)) if (win[o] === '】') depth++;
  return spanOf(win, ws, o + 1, k);
}

/** The text after `open` on one line: up to `close`; without one, up to the line's end or a link glued to it. */
function between(
  win: string,
  ws: number,
  open: string,
  close: string | undefined,
  us: number,
): [number, number] | null {
  let a = win.indexOf(open);
  if (a < 0) return null;
  a += open.length;
  while (isSpace(win.charCodeAt(a))) a++;
  const b = lineEnd(win, a);
  const k = close ? win.indexOf(close, a) : us > a ? Math.min(us, b) : b;
  return k < 0 || k > b ? null : spanOf(win, ws, a, k);
}

/** The caption on the link's line before the link, without lead-ins, noise codes and the author block. */
function captionBefore(
  win: string,
  ws: number,
  d: Draft,
  row: ShareRow | null,
  us: number,
  plain?: true,
): [number, number] | null | 'none' {
  // Without a link (Douyin's 2026 code-only shares) the caption is the rest of the codes' line.
  if (!d.urlSpan && !row?.codeToken) return null;
  const lineStart = win.lastIndexOf('\n', us - 1) + 1;
  let a = lineStart;
  let b = us;
  if (plain) {
    // A share with a command (a 淘口令 before or after the link, a code in prose) has its title elsewhere or none.
    if (d.token) return null;
    // A link alone on its line takes the line above (AliExpress 2017–18: `<title>⏎ <link>`).
    if (a > 0 && !win.slice(a, b).trim()) {
      b = a - 1;
      a = win.lastIndexOf('\n', b - 1) + 1;
    }
    const caption = win.slice(a, b);
    // Not the app's sentence naming the platform (`Look what I found on AliExpress⏎<link>`: a layout phrase).
    // regex-safe: character classes, no repetition
    return /[【】]|[:：] ?$/.test(caption) || row?.layoutPhrases?.some((p) => caption.includes(p))
      ? null
      : spanOf(win, ws, a, b);
  }
  if (!d.urlSpan) {
    b = lineEnd(win, us);
  }
  // `<caption>【<name>】发了一个快手作品…`: the caption ends before the author block.
  for (const stop of row?.captionStops ?? []) {
    const k = win.indexOf(stop, a);
    if (k >= 0 && k < b) {
      b = k;
      if (win[b - 1] !== '】') return 'none';
      const o = win.lastIndexOf('【', b - 1);
      if (o >= a) b = o;
    }
  }
  // A comment the sharer wrote before the lead-in (`这个视频不错👍复制打开抖音👀<caption>`) is not the caption.
  let afterLead = -1;
  for (const lead of row?.leadIns ?? []) {
    const k = win.lastIndexOf(lead, b - lead.length);
    if (k > a && k + lead.length <= b && k + lead.length > afterLead) afterLead = k + lead.length;
  }
  if (afterLead > a) {
    a = afterLead;
    while (a < b && !isTitleStart(win.charCodeAt(a)) && win[a] !== '#') a++;
  }
  let first = true;
  for (;;) {
    while (a < b && isSpace(win.charCodeAt(a))) a++;
    const lead = (row?.leadIns ?? []).find((x) => win.startsWith(x, a));
    if (lead) {
      a += lead.length;
      continue;
    }
    let wEnd = a;
    while (wEnd < b && !isSpace(win.charCodeAt(wEnd))) wEnd++;
    if (wEnd > a && isNoiseWord(win.slice(a, wEnd), first)) {
      a = wEnd;
      first = false;
      continue;
    }
    // A code glued to the caption (`GIi:/电动车…`); at the start of a Douyin share's line also the noise score of
    // 2021's code-less shares glued to it (`3R-.%情侣头像`, `2.7h我…`, `63一组…`, `1O这是…`: a digit and up to four
    // ASCII letters, digits or `.:/-`), unless it reads as a number (`3.5寸`, `2021年`; `4k…` after a lead-in stays).
    const glued =
      GLUED_CODE.exec(win.slice(a, a + 6)) ??
      (a === lineStart && row?.codeToken ? GLUED_SCORE.exec(win.slice(a, a + 6)) : null);
    // regex-safe: anchored character classes
    if (glued && !/^\d[\d.]+\d$/.test(glued[0])) {
      a += glued[0].length;
      first = false;
      continue;
    }
    break;
  }
  // Codes after the caption (`… 05/13 qRx:/`) are not part of it either, nor Kuaishou's `"tag` words (the caption
  // ends at the first tag, as after the link).
  for (;;) {
    while (b > a && isSpace(win.charCodeAt(b - 1))) b--;
    let wStart = b;
    while (wStart > a && !isSpace(win.charCodeAt(wStart - 1))) wStart--;
    if (wStart < b && wStart > a && (isNoiseWord(win.slice(wStart, b), false) || win[wStart] === '"')) {
      b = wStart;
      continue;
    }
    break;
  }
  return spanOf(win, ws, a, b);
}

/** Rebate-bot layout: the line before the first price line. */
function priceLines(win: string, ws: number, us: number): [number, number] | null {
  let at = -1;
  for (const m of PRICE_LINE_MARKERS) {
    const k = win.indexOf(m);
    if (k >= 0 && (at < 0 || k < at)) at = k;
  }
  // The rebate layout lists prices above its link (or token); later ones belong to the next share.
  if (at < 0 || at > us) return null;
  let lineStart = win.lastIndexOf('\n', at - 1) + 1;
  while (lineStart > 0) {
    // lastIndexOf clamps a negative start to 0 and would find the newline at 0 again: stop there.
    const prevStart = lineStart >= 2 ? win.lastIndexOf('\n', lineStart - 2) + 1 : 0;
    const line = win.slice(prevStart, lineStart - 1);
    lineStart = prevStart;
    if (!line.trim()) continue;
    let a = prevStart;
    let b = prevStart + line.length;
    // Leading decoration (⭕ ❥ emoji) and trailing labels (【包邮】) are not the title.
    while (a < b && !isTitleStart(win.charCodeAt(a))) a++;
    for (;;) {
      while (b > a && isSpace(win.charCodeAt(b - 1))) b--;
      if (win[b - 1] !== '】') break;
      const o = win.lastIndexOf('【', b - 1);
      if (o < a || !DECORATION_LABELS.has(win.slice(o + 1, b - 1))) break;
      b = o;
    }
    return spanOf(win, ws, a, b);
  }
  return null;
}

/** 「title」 (to the end of the line when unclosed), after the last title taken. */
function corner(win: string, ws: number, titleFloor: number): [number, number] | null {
  const k = win.indexOf('「', Math.max(0, titleFloor - ws));
  if (k < 0) return null;
  const close = win.indexOf('」', k + 1);
  const end = lineEnd(win, k + 1);
  let a = k + 1;
  let b = close >= 0 && close < end ? close : end;
  // Xianyu wraps the title in its own words: 「我在闲鱼发布了【…】」, 「快来捡漏【…】」.
  const wrap = CORNER_WRAPS.find((w) => win.startsWith(w, a));
  if (wrap) {
    a += wrap.length;
    if (win[b - 1] === '】') b--;
  }
  // 「手淘」 names the app, a bare 「快来捡漏」 is boilerplate: no title.
  return DECORATION_LABELS.has(win.slice(a, b)) ? null : spanOf(win, ws, a, b);
}

export function isTitleStart(c: number): boolean {
  return (
    isAsciiAlnum(c) ||
    isCjkLetter(c) ||
    c === 0x3010 ||
    c === 0x300a ||
    c === 0x201c ||
    c === 0x28 ||
    c === 0xff08
  );
}
