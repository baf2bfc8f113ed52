// The one free-text link scanner: share-token's parseShareText and the resolver read links with it.
import { trimTail } from './pasted.js';
import { UNSAFE_SCHEMES } from './scheme.js';
import { hostOf } from './url.js';

/**
 * True for a character that ends a link in free text: white space, CJK punctuation and brackets, quotes.
 * @example
 * isLinkStop('。'.charCodeAt(0)) // true
 */
export function isLinkStop(code: number): boolean {
  return (
    code <= 0x20 ||
    code === 0x22 ||
    code === 0x27 ||
    code === 0x3c ||
    code === 0x3e ||
    code === 0x60 ||
    code === 0x7b ||
    code === 0x7c ||
    code === 0x7d ||
    (code >= 0x3000 && code <= 0x303f) ||
    (code >= 0xff01 && code <= 0xff0f) ||
    (code >= 0xff1a && code <= 0xff20) ||
    code === 0x2026 ||
    code === 0x2014 ||
    (code >= 0x2018 && code <= 0x201d) ||
    code === 0xfffc ||
    code === 0x200b
  );
}

/** Share text: a link is printable ASCII other than space and `"<>\^`{|}`. */
function isShareLinkChar(c: number): boolean {
  return (
    c > 0x20 &&
    c < 0x7f &&
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

/** What the scanner undid to read a link. */
export type LinkRepair = 'markdown-link' | 'scheme-added' | 'line-joined' | 'jkl-at-reattached';

/** A link found in free text. */
export interface ScannedLink {
  /** `[start, end)` in the text (UTF-16), including Markdown `[…](…)` wrapping; a whole run when a repair joined pieces. */
  readonly start: number;
  readonly end: number;
  /** The link as it should have been (free text: as written, unless a repair says otherwise). */
  readonly url: string;
  /** Host of the link as a browser reads it (lower case; '' when it has none or does not parse). */
  readonly host: string;
  readonly repairs: readonly LinkRepair[];
}

/** The link to report for a raw link: `[url, host, repairs]`, or null when it is no link of the reading. */
type Complete = (raw: string) => [string, string, LinkRepair[]] | null;

/** Free text: the scheme of the `://` at `sep` starts after the last non-scheme character before it. */
function schemeBefore(lower: string, sep: number): number {
  let from = sep;
  while (from > 0 && /[a-z0-9+.-]/.test(lower[from - 1] as string)) from -= 1;
  return from;
}

/** Free text: a run without `://` is a link when it has an unsafe scheme (`javascript:alert(1)`), so it is judged and refused. */
function unsafeBare(run: string, lower: string): [number, number, string] | null {
  const colon = lower.indexOf(':');
  const raw = trimRun(run);
  return colon > 0 && UNSAFE_SCHEMES.has(lower.slice(0, colon)) ? [0, raw.length, raw] : null;
}

/** Drops punctuation that ends a sentence rather than the link, and unbalanced `)` and `]`. */
const trimRun = (s: string): string => trimTail(s, ".,;:!?'*~#");

/**
 * Links in free text, with their positions, in text order. Linear in the text. The one link scanner:
 * `scanShareLinks` is the same scanner with the share-text reading. One reading of the runs of link
 * characters for every caller, with the repairs chat apps make necessary: a link wrapped
 * over a line break before its `?` or `&` is joined, a Markdown link `[label](target)` gives its target
 * with the parentheses balanced inside it (and a `jkl=@…@` link's `@` pushed out of it goes back in),
 * a Markdown escape (`\_`) inside a share link stands for its character; trailing sentence punctuation
 * (`.,;:!?'*~#`) is dropped, and a `)` or `]` only when the link does not open it.
 *
 * Where share texts (`scanShareLinks`) and free text must differ:
 * - what ends a link: apps glue the title or prompt to a share's link with no space (`…/h.abc看看`),
 *   so in a share text any non-ASCII character ends it; in free text only white space, CJK punctuation,
 *   brackets and quotes do, so a lookalike or internationalised host (`https://tаobao.com/`) is read
 *   whole and the judge can refuse it rather than the link being cut or lost;
 * - which links: a share's link is a web page (`http(s)`, or a known host without scheme), while free
 *   text yields every target that could be opened — any `scheme://` (app links) and the unsafe schemes
 *   without `//` (`javascript:`, `data:` …), and links whose host does not parse or has no dot
 *   (`http://localhost/`, `http://a0.0/`) — so each is judged, including ones no share holds;
 * - glued links: share texts put links back to back (`…/xhttps://…`), so each `http(s)://` starts a new
 *   one; in free text a later `://` belongs to the link (a wrapper's or archive's target is judged whole).
 * What each link is, is `judgeTarget`'s business.
 * @example
 * scanLinks('看看 https://item.jd.com/100012043978.html。')
 * // [{ start: 3, end: 40, url: 'https://item.jd.com/100012043978.html', host: 'item.jd.com', repairs: [] }]
 */
export function scanLinks(text: string): ScannedLink[] {
  return scan(
    text,
    (c) => !isLinkStop(c),
    false,
    schemeBefore,
    unsafeBare,
    (raw) => (raw ? [raw, hostOf(raw), []] : null),
  );
}

/**
 * Links in a share text (share-token's `parseShareText` reads its normalised text with it): `scanLinks`
 * with the share-text reading — a link is printable ASCII and any other character ends it, only
 * `http(s)` links are read, every `http(s)://` starts a new link, a link's host must have a dot, and a
 * scheme-less `host/path` becomes a link when `knownHost(host)` (so `a.b/c` in prose is left alone).
 * See `scanLinks` for why the two readings differ there.
 * @example
 * scanShareLinks('复制 m.tb.cn/h.abc~打开', (host) => host === 'm.tb.cn')[0]?.url // 'https://m.tb.cn/h.abc'
 */
export function scanShareLinks(text: string, knownHost: (host: string) => boolean): ScannedLink[] {
  return scan(
    text,
    isShareLinkChar,
    true,
    // Each `http(s)://` starts a link (a glued word before it is not part of it).
    (lower, sep) =>
      lower.startsWith('https', sep - 5) ? sep - 5 : lower.startsWith('http', sep - 4) ? sep - 4 : sep,
    // Scheme-less: `host/path` (after `(` or `[`) with a host the caller knows; the span keeps the run's end.
    (run) => {
      let s = 0;
      while (run[s] === '(' || run[s] === '[') s++;
      return [s, run.length, trimRun(run.slice(s))];
    },
    (raw) => shareUrl(raw, knownHost),
  );
}

/**
 * One scan: runs of `inLink` characters (with a `/` or `:`), repaired and read.
 * `share`: every link start of a run is read (free text: the first only). `schemeAt(lower, sep)`: where
 * the link whose `://` is at `sep` starts (`sep`: none). `bare(run, lower)`: `[from, to, raw]` of the
 * link of a run without `://`, or null.
 */
function scan(
  text: string,
  inLink: (c: number) => boolean,
  share: boolean,
  schemeAt: (lower: string, sep: number) => number,
  bare: (run: string, lower: string) => [number, number, string] | null,
  complete: Complete,
): ScannedLink[] {
  const hits: ScannedLink[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!inLink(text.charCodeAt(i))) {
      i++;
      continue;
    }
    // One run of link characters; a line break followed by `?` or `&` continues a wrapped link.
    const start = i;
    /** The run so far, built only when a join skips a character. */
    let run = '';
    let pieceStart = i;
    /** A `/` or `:`: every link form has one, a run without is prose (`9.80`), skipped without building strings. */
    let mark = false;
    let slashes = false;
    /** What joining the pieces undid (1: a line break, 2: a Markdown escape). */
    let joins = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (inLink(c)) {
        if (c === 0x2f && text.charCodeAt(i - 1) === 0x2f) slashes = true;
        if (c === 0x2f || c === 0x3a) mark = true;
        i++;
        continue;
      }
      const next = text.charCodeAt(i + 1);
      // A Markdown escape inside a link (`https://v.douyin.com/\_lAiSDH0bK8/`) stands for the character.
      // regex-safe: one character class. `next` is a share-link character other than a letter or digit.
      const escaped = c === 0x5c && slashes && /[!#-/:;=?@[\]_~]/.test(text[i + 1] as string);
      if (!(escaped || (c === 0x0a && (next === 0x3f || next === 0x26) && slashes))) break;
      run += text.slice(pieceStart, i);
      i++;
      pieceStart = i;
      joins |= escaped ? 2 : 1;
    }
    if (!mark) continue;
    readRun(run + text.slice(pieceStart, i), start, i, joins, share, schemeAt, bare, complete, hits);
  }
  return hits;
}

/** Reads the links of one run (`[start, end)` in the text; `joins`: 1 a line break, 2 an escape was undone). */
function readRun(
  run: string,
  start: number,
  end: number,
  joins: number,
  share: boolean,
  schemeAt: (lower: string, sep: number) => number,
  bare: (run: string, lower: string) => [number, number, string] | null,
  complete: Complete,
  hits: ScannedLink[],
): void {
  const repairs: LinkRepair[] = joins & 1 ? ['line-joined'] : [];
  if (joins & 2) repairs.push('markdown-link');
  const push = (from: number, to: number, raw: string, extra: LinkRepair[]) => {
    const hit = complete(raw);
    // Offsets are exact unless a line break or escape was skipped; then the hit covers the whole run.
    if (hit)
      hits.push({
        start: joins ? start : start + from,
        end: joins ? end : start + to,
        url: hit[0],
        host: hit[1],
        repairs: repairs.concat(extra, hit[2]),
      });
    return hit;
  };
  // Markdown: [label](target) — the target is the link; a `@` the converter pushed out of a
  // `jkl=@…@` link goes back in.
  const md = run.indexOf('](');
  if (md > 0 && run.lastIndexOf('[', md) >= 0) {
    // The target ends at the `)` that closes `](`: balanced parentheses inside it are the link's own
    // (`[x](https://en.wikipedia.org/wiki/A_(b))`). Unclosed, the run is read as a bare link.
    let close = md + 2;
    for (let depth = 0; close < run.length; close++) {
      if (run[close] === '(') depth++;
      else if (run[close] === ')' && !depth--) break;
    }
    if (close > md + 2 && close < run.length) {
      let target = run.slice(md + 2, close);
      const extra: LinkRepair[] = ['markdown-link'];
      if (run[close + 1] === '@' && /[?&]jkl=@[^@&]*$/.test(target)) {
        target += '@';
        extra.push('jkl-at-reattached');
      }
      if (push(0, run.length, target, extra)) return;
    }
  }
  const lower = run.toLowerCase();
  // Where links start: share text, at each `http(s)://`; free text, at the first `://` with a scheme.
  const starts: number[] = [];
  for (let sep = lower.indexOf('://'); sep >= 0; sep = lower.indexOf('://', sep + 3)) {
    const from = schemeAt(lower, sep);
    if (from < sep && starts.push(from) && !share) break;
  }
  starts.forEach((from, k) => {
    const raw = trimRun(run.slice(from, starts[k + 1]));
    push(from, from + raw.length, raw, []);
  });
  const link = starts.length ? null : bare(run, lower);
  if (link) push(...link, []);
}

/** A share text's link: http(s) with a dotted host, or a scheme-less known host completed to https. */
function shareUrl(raw: string, known: (host: string) => boolean): [string, string, LinkRepair[]] | null {
  const lower = raw.toLowerCase();
  if (/^https?:\/\//.test(lower)) {
    const colon = raw.indexOf(':');
    const url = lower.slice(0, colon) + raw.slice(colon);
    // The host a browser would open ('' when the link does not parse: `https://taobao.com:8443&/`).
    const host = hostOf(url);
    return host.includes('.') ? [url, host, []] : null;
  }
  const s = raw.startsWith('//') ? raw.slice(2) : raw;
  const slash = s.indexOf('/');
  if (slash <= 0 || slash > 253) return null;
  const host = s.slice(0, slash).toLowerCase();
  // regex-safe: anchored character classes separated by literal dots, no nested quantifiers
  if (!/^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/.test(host) || !known(host)) return null;
  const url = `https://${s}`;
  // Only links a URL parser reads (`https://taobao.com:8443&/` does not: its port is not a number).
  return hostOf(url) ? [url, host, ['scheme-added']] : null;
}
