/**
 * Finds links in normalised share text with a stop-set scanner (no regex over the whole text, so
 * the cost is linear): a link is made of printable ASCII other than space and `"<>\^`{|}`; any
 * non-ASCII character (CJK punctuation, 「, emoji, letters) ends it.
 */
import { hostOf } from '@sharekit/canonical-url/core';
import { isAsciiAlnum } from './parse/text.js';

export interface UrlHit {
  /** `[start, end)` in the normalised text, including markdown `[…](…)` wrapping. */
  readonly start: number;
  readonly end: number;
  /** The link as it should have been. */
  readonly url: string;
  /** Host (lower case) of the link. */
  readonly host: string;
  readonly repairs: readonly UrlRepair[];
}

export type UrlRepair = 'markdown-link' | 'scheme-added' | 'line-joined' | 'jkl-at-reattached';

function isUrlChar(c: number): boolean {
  if (c <= 0x20 || c >= 0x7f) return false;
  // " < > \ ^ ` { | }
  return (
    c !== 0x22 &&
    c !== 0x3c &&
    c !== 0x3e &&
    c !== 0x5c &&
    c !== 0x5e &&
    c !== 0x60 &&
    c !== 0x7b &&
    c !== 0x7c &&
    c !== 0x7d
  );
}

const TRAILING = new Set(['.', ',', ';', ':', '!', '?', "'", '*', '~', '#']);

/** Drops punctuation that ends a sentence rather than the link, and unbalanced closers. */
function trimTail(s: string): string {
  let open = 0;
  let close = 0;
  let openB = 0;
  let closeB = 0;
  for (let k = 0; k < s.length; k++) {
    const ch = s[k];
    if (ch === '(') open++;
    else if (ch === ')') close++;
    else if (ch === '[') openB++;
    else if (ch === ']') closeB++;
  }
  let end = s.length;
  for (;;) {
    const ch = s[end - 1];
    if (ch === undefined) break;
    if (TRAILING.has(ch)) end--;
    else if (ch === ')' && close > open) {
      close--;
      end--;
    } else if (ch === ']' && closeB > openB) {
      closeB--;
      end--;
    } else break;
  }
  return s.slice(0, end);
}

/** Index of every case-insensitive `http://` / `https://` in `run`. */
function schemeStarts(run: string): number[] {
  const lower = run.toLowerCase();
  const out: number[] = [];
  let from = 0;
  for (;;) {
    const k = lower.indexOf('http', from);
    if (k < 0) break;
    if (lower.startsWith('://', k + 4) || lower.startsWith('s://', k + 4)) out.push(k);
    from = k + 4;
  }
  return out;
}

/**
 * Finds the links in `norm`. `knownHost(host)` says whether a scheme-less `host/path` is a platform
 * link worth completing (so `a.b/c` in prose is left alone).
 */
export function findUrls(norm: string, knownHost: (host: string) => boolean): UrlHit[] {
  const hits: UrlHit[] = [];
  const n = norm.length;
  let i = 0;
  while (i < n) {
    if (!isUrlChar(norm.charCodeAt(i))) {
      i++;
      continue;
    }
    // One run of URL characters; a line break followed by `?` or `&` continues a wrapped link.
    const start = i;
    const pieces: string[] = [];
    let pieceStart = i;
    let slash = false;
    /** What joining the pieces undid (1: a line break, 2: a Markdown escape); a join makes the hit cover the whole run. */
    let joins = 0;
    let slashes = false;
    while (i < n) {
      const c = norm.charCodeAt(i);
      if (isUrlChar(c)) {
        if (c === 0x2f) {
          slash = true;
          if (norm.charCodeAt(i - 1) === 0x2f) slashes = true;
        }
        i++;
        continue;
      }
      const next = norm.charCodeAt(i + 1);
      // A Markdown escape inside a link (`https://v.douyin.com/\_lAiSDH0bK8/`) stands for the character.
      const escaped = c === 0x5c && slashes && isUrlChar(next) && !isAsciiAlnum(next);
      if (!(escaped || (c === 0x0a && (next === 0x3f || next === 0x26) && slashes))) break;
      pieces.push(norm.slice(pieceStart, i));
      i++;
      pieceStart = i;
      joins |= escaped ? 2 : 1;
    }
    // Every link form read below has a `/` (scheme, path or Markdown target): a run without one is
    // prose (`9.80`, `a.b`), skipped without building strings.
    if (!slash) continue;
    pieces.push(norm.slice(pieceStart, i));
    const run = pieces.join('');
    const end = i;
    readRun(run, start, end, joins, knownHost, hits);
  }
  return hits;
}

function readRun(
  run: string,
  start: number,
  end: number,
  joins: number,
  knownHost: (host: string) => boolean,
  hits: UrlHit[],
): void {
  const joined = joins > 0;
  const repairs: UrlRepair[] = joins & 1 ? ['line-joined'] : [];
  if (joins & 2) repairs.push('markdown-link');
  // Markdown: [label](target) — the target is the link; a `@` the converter pushed out of a
  // `jkl=@…@` link goes back in.
  const md = run.indexOf('](');
  if (md > 0 && run.lastIndexOf('[', md) >= 0) {
    const close = run.indexOf(')', md + 2);
    if (close > md + 2) {
      let target = run.slice(md + 2, close);
      const after = run.slice(close + 1);
      const extra: UrlRepair[] = ['markdown-link'];
      if (after.startsWith('@') && /[?&]jkl=@[^@&]*$/.test(target)) {
        target += '@';
        extra.push('jkl-at-reattached');
      }
      const hit = completeUrl(target, knownHost);
      if (hit) {
        hits.push({
          start,
          end,
          url: hit.url,
          host: hit.host,
          repairs: [...repairs, ...extra, ...hit.repairs],
        });
        return;
      }
    }
  }
  const starts = schemeStarts(run);
  if (starts.length === 0) {
    let s = 0;
    while (s < run.length && (run[s] === '(' || run[s] === '[')) s++;
    const hit = completeUrl(trimTail(run.slice(s)), knownHost);
    if (hit)
      hits.push({
        start: start + s,
        end,
        url: hit.url,
        host: hit.host,
        repairs: [...repairs, ...hit.repairs],
      });
    return;
  }
  for (let k = 0; k < starts.length; k++) {
    const from = starts[k] as number;
    const to = k + 1 < starts.length ? (starts[k + 1] as number) : run.length;
    const raw = trimTail(run.slice(from, to));
    const hit = completeUrl(raw, knownHost);
    // Offsets are exact unless a line break or escape was skipped; then the hit covers the whole run.
    if (hit) {
      hits.push({
        start: joined ? start : start + from,
        end: joined ? end : start + from + raw.length,
        url: hit.url,
        host: hit.host,
        repairs: [...repairs, ...hit.repairs],
      });
    }
  }
}

function completeUrl(
  raw: string,
  knownHost: (host: string) => boolean,
): { url: string; host: string; repairs: UrlRepair[] } | null {
  let s = raw;
  // A `jkl=@…@` link keeps its closing @ (trimTail does not touch @).
  const lower = s.toLowerCase();
  if (lower.startsWith('http://') || lower.startsWith('https://')) {
    const colon = s.indexOf(':');
    s = s.slice(0, colon).toLowerCase() + s.slice(colon);
    // The host a browser would open ('' when the link does not parse: `https://taobao.com:8443&/`).
    const host = hostOf(s);
    return host.includes('.') ? { url: s, host, repairs: [] } : null;
  }
  if (s.startsWith('//')) s = s.slice(2);
  // Scheme-less: host/path with a host we know.
  const slash = s.indexOf('/');
  if (slash <= 0 || slash > 253) return null;
  const host = s.slice(0, slash).toLowerCase();
  // regex-safe: anchored character classes separated by literal dots, no nested quantifiers
  if (!/^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/.test(host) || !knownHost(host)) return null;
  const url = `https://${s}`;
  return parses(url) ? { url, host, repairs: ['scheme-added'] } : null;
}

/** Only links a URL parser reads become `url`s (`https://taobao.com:8443&/` does not: its port is not a number). */
function parses(url: string): boolean {
  try {
    new URL(url);
    return true;
  } catch {
    return false;
  }
}
