// Readable output of a Resolution: aligned label columns, safety reasons, steps, several candidates.
import type { Candidate, Resolution, SafetyReason, Step } from '@sharekit/resolver';
import { type Lang, t, tMaybe } from './i18n.js';
import { defang, displayWidth, escapeControls, padEnd, type Style } from './text.js';

/** A label/value table, labels padded to one column. */
export function table(rows: readonly (readonly [string, string])[], style: Style, indent = ''): string[] {
  const width = Math.max(0, ...rows.map(([label]) => displayWidth(label))) + 2;
  const out: string[] = [];
  for (const [label, value] of rows) {
    const lines = value.split('\n');
    out.push(`${indent}${style.bold(padEnd(label, width))}${lines[0] ?? ''}`);
    for (const more of lines.slice(1)) out.push(`${indent}${' '.repeat(width)}${more}`);
  }
  return out;
}

function levelText(level: string, lang: Lang, style: Style): string {
  const text = tMaybe(lang, `level.${level}`, level);
  if (level === 'danger') return style.red(style.bold(text));
  if (level === 'caution') return style.yellow(text);
  return style.green(text);
}

function reasonLine(reason: SafetyReason, lang: Lang, style: Style): string {
  const mark =
    reason.level === 'danger'
      ? style.red('✗')
      : reason.level === 'caution'
        ? style.yellow('!')
        : style.dim('i');
  const message = lang === 'zh' ? reason.messageZh : reason.message;
  return `${mark} ${escapeControls(message)} ${style.dim(`(${reason.code})`)}`;
}

function stepLines(steps: readonly Step[], lang: Lang, style: Style, danger = false): string {
  return steps
    .map((step, i) => {
      const label = escapeControls(lang === 'zh' ? step.labelZh : step.label);
      const detail =
        step.detail === undefined
          ? ''
          : `  ${style.dim(danger || step.kind === 'blocked' ? defang(step.detail) : escapeControls(step.detail))}`;
      return `${i + 1}. ${label}${detail}`;
    })
    .join('\n');
}

function identityText(candidate: Pick<Candidate, 'identity'>): string | null {
  const id = candidate.identity;
  if (!id) return null;
  return [id.platform, id.kind, id.id].filter((x): x is string => x !== null).join(' · ');
}

function candidateRows(c: Candidate, lang: Lang, style: Style): [string, string][] {
  const rows: [string, string][] = [];
  const danger = c.safety.level === 'danger';
  if (c.link !== null && !danger) rows.push([t(lang, 'link'), style.cyan(escapeControls(c.link))]);
  else rows.push([t(lang, 'target'), style.red(defang(c.raw))]);
  const identity = identityText(c);
  if (identity) rows.push([t(lang, 'platform'), identity]);
  rows.push([t(lang, 'input'), tMaybe(lang, `kind.${c.source}`, c.source)]);
  if (c.title) rows.push([t(lang, 'title'), escapeControls(c.title)]);
  if (c.token) rows.push([t(lang, 'token'), escapeControls(c.token)]);
  if (c.code) rows.push([t(lang, 'code'), escapeControls(c.code)]);
  const reasons = c.safety.reasons.map((r) => reasonLine(r, lang, style));
  rows.push([t(lang, 'safety'), [levelText(c.safety.level, lang, style), ...reasons].join('\n')]);
  if (c.steps.length > 0) rows.push([t(lang, 'steps'), stepLines(c.steps, lang, style, danger)]);
  return rows;
}

/**
 * The readable form of a resolution: one table per candidate, a warning above any dangerous target
 * (which is shown defanged, never as a link), or why nothing was found.
 * @example
 * formatResolution(await resolve('https://item.taobao.com/item.htm?id=1'), 'en', makeStyle(false, {}))
 */
export function formatResolution(resolution: Resolution, lang: Lang, style: Style): string {
  const out: string[] = [];
  const candidates = resolution.candidates;
  if (candidates.length === 0) {
    out.push(style.bold(t(lang, 'nothing')));
    const rows: [string, string][] = [];
    if (resolution.reason) {
      rows.push([
        t(lang, 'reason'),
        `${tMaybe(lang, `reason.${resolution.reason}`, resolution.reason)} ${style.dim(`(${resolution.reason})`)}`,
      ]);
    }
    const reasons = resolution.safety.reasons.map((r) => reasonLine(r, lang, style));
    if (reasons.length > 0) rows.push([t(lang, 'safety'), reasons.join('\n')]);
    if (resolution.steps.length > 0) rows.push([t(lang, 'steps'), stepLines(resolution.steps, lang, style)]);
    out.push(...table(rows, style));
    return `${out.join('\n')}\n`;
  }
  if (candidates.length > 1) out.push(style.bold(t(lang, 'found', { n: candidates.length })), '');
  candidates.forEach((c, i) => {
    if (i > 0) out.push('');
    const indent = candidates.length > 1 ? '    ' : '';
    if (candidates.length > 1) out.push(style.bold(`[${i + 1}]`));
    if (c.safety.level === 'danger')
      out.push(`${indent}${style.red(style.bold(`⚠ ${t(lang, 'dangerBanner')}`))}`);
    out.push(...table(candidateRows(c, lang, style), style, indent));
  });
  return `${out.join('\n')}\n`;
}

/**
 * The clickable links of a resolution, one per line (dangerous targets left out).
 * @example
 * linkLines(resolution) // ['https://item.taobao.com/item.htm?id=1']
 */
export function linkLines(resolution: Resolution): string[] {
  return resolution.candidates
    .filter((c) => c.link !== null && c.safety.level !== 'danger')
    .map((c) => c.link as string);
}
