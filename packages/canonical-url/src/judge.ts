// The one answer to "is this target safe to open?". Every package and the demo ask judgeTarget.

import { canonicalOf, maxLengthOption } from './canonicalize.js';
import { CanonicalUrlError } from './errors.js';
import { tryIdentify } from './identify.js';
import { type HostReport, readHost, reportHost } from './inspect.js';
import { ipLiteralOf, stripTrailingDots } from './ip-literal.js';
import { schemeOf, whatwgPreprocess, withScheme, writtenScheme } from './scheme.js';
import type { LinkIdentity } from './types.js';
import { parseOrNull } from './unwrap.js';
import { DEFAULT_MAX_LENGTH } from './url.js';

/** How safe it is to open a target. A `danger` target is never given a URL. */
export type TargetLevel = 'ok' | 'caution' | 'danger';

/**
 * Every reason the judge gives, with the level it carries. `info` explains without lowering the
 * level. Packages that add their own reasons (the resolver's redirects and tokens) keep them apart.
 */
export const TARGET_REASONS = {
  /** not http(s): `javascript:`, `data:`, `file:`, an app scheme… — never a link */
  'unsafe-scheme': 'danger',
  /** not a parsable URL, or a URL without a host */
  'invalid-url': 'danger',
  /** a host imitating a platform domain (`item.taobao.com.evil.example`, `taoba0.com`, `tàobáo.com`) */
  'lookalike-host': 'danger',
  /** one label mixes scripts (Latin with Cyrillic…), a disguise whatever it imitates */
  'idn-mixed-script': 'danger',
  /** a name that only resolves inside a network: `localhost`, `.internal`, `.local`, a single label */
  'private-network': 'danger',
  /** an IP address in any spelling, whatever its range: never a link (private ones must not be, and the judge does not carry a range table) */
  'ip-literal': 'danger',
  /** a user name or password before `@` */
  credentials: 'caution',
  /** an internationalised host of no platform: shown in Unicode so the reader can judge it */
  idn: 'caution',
  /** plain http to a page of no platform */
  'insecure-http': 'caution',
  /** a generic shortener (bit.ly, t.co…) whose target is unknown until followed */
  'unknown-shortener': 'caution',
  /** a platform short link, not followed */
  'short-link-unresolved': 'info',
  /** a web page of no known platform */
  'not-a-platform': 'info',
} as const satisfies Record<string, 'info' | 'caution' | 'danger'>;

export type TargetReasonCode = keyof typeof TARGET_REASONS;

/** The reasons that make a target `danger` (it never becomes a link). */
export type DangerReasonCode = {
  [K in TargetReasonCode]: (typeof TARGET_REASONS)[K] extends 'danger' ? K : never;
}[TargetReasonCode];

/** One reason for a verdict. */
export interface TargetReason {
  readonly code: TargetReasonCode;
  readonly level: (typeof TARGET_REASONS)[TargetReasonCode];
  /** What it is about (`javascript:`, the host in Unicode, the `user@` part), for display. */
  readonly detail: string;
}

interface ReadingBase {
  /** Reasons in the order found, one per code. */
  readonly reasons: readonly TargetReason[];
  /** The scheme as written, lower case (`null` when scheme-less: `host.tld:8080/` is a host and port). */
  readonly scheme: string | null;
}

/**
 * What `judgeTarget` made of a target: the http(s) URL to open — canonical where the target is
 * known — with its identity, or, for a `danger` target, no URL and no identity.
 */
export type TargetReading =
  | (ReadingBase & {
      readonly url: string;
      readonly identity: LinkIdentity | null;
      readonly level: 'ok' | 'caution';
    })
  | (ReadingBase & { readonly url: null; readonly identity: null; readonly level: 'danger' });

/** Options of `judgeTarget`. */
export interface JudgeTargetOptions {
  /** Longest target read; longer ones are `invalid-url`. @default 8192 */
  readonly maxLength?: number;
}

/** Generic URL shorteners whose targets cannot be known without following them. */
export const GENERIC_SHORTENERS: ReadonlySet<string> = new Set([
  'bit.ly',
  'bitly.com',
  't.co',
  'tinyurl.com',
  'goo.gl',
  'is.gd',
  'ow.ly',
  'buff.ly',
  'rebrand.ly',
  'cutt.ly',
  's.id',
  'rb.gy',
  'shorturl.at',
  'tiny.cc',
  'dwz.cn',
  'url.cn',
  'suo.im',
  'suo.nz',
  'sohu.gg',
  'mrw.so',
  'wxaurl.cn',
]);

/** Adds a reason to a verdict, unless one of its code is there already. */
type AddReason = (code: TargetReasonCode, detail: string) => void;

/**
 * The level of a set of reasons: the worst of them (`info` counts as `ok`).
 * @example
 * levelOf([{ code: 'credentials', level: 'caution', detail: '' }]) // 'caution'
 */
export function levelOf(reasons: readonly { readonly level: 'info' | 'caution' | 'danger' }[]): TargetLevel {
  const has = (level: 'caution' | 'danger') => reasons.some((r) => r.level === level);
  return has('danger') ? 'danger' : has('caution') ? 'caution' : 'ok';
}

/** `https://item.taobao.com@evil.example/`: a platform host written as the user name. */
function judgeCredentials(url: URL, add: AddReason): void {
  if (!url.username && !url.password) return;
  let user = url.username;
  try {
    user = decodeURIComponent(user);
  } catch {
    // `%FF`, `%C`: not UTF-8, judged as written
  }
  add('credentials', `${user}@`);
  // What inspectHost would say of the user name, without its argument checks and messages: a name that is
  // no host, or longer than inspectHost reads (MAX_HOST_INPUT, the same 8192 as DEFAULT_MAX_LENGTH), says nothing more.
  if (!user.includes('.') || user.length > DEFAULT_MAX_LENGTH) return;
  let spoof: HostReport;
  try {
    const host = readHost(user.trim());
    if (!host) return;
    spoof = reportHost(stripTrailingDots(host));
  } catch {
    return; // not a host: nothing more to say about it
  }
  if (spoof.platform !== null || spoof.warnings.some((w) => w.startsWith('lookalike:'))) {
    add('lookalike-host', `"${user}@" is not the host; the host is ${url.hostname}`);
  }
}

/**
 * Reads any raw target — an http(s) URL, a scheme-less `host/path` or `host.tld:8080/`, `//host/…`, or
 * a scheme link — and says whether it may be opened: the http(s) URL to open (canonical where the
 * platform is known) or `null`, the identity, a level and the reasons. It never throws for a string.
 *
 * Decided once for every package (they disagreed before):
 * - **Mixed-script hosts are danger**, not caution: mixing Latin and Cyrillic in one label has no use
 *   but disguise, and posters and app links cannot show a caution beside the link, so one level
 *   everywhere means refusing.
 * - **Any host that renders like a platform domain is danger**, in any script: diacritics stripped
 *   and confusables folded (`tàobáo.com`, `тікток.com`, `xn--tobo-wqa3b.com`). An IDN host of no
 *   platform is caution (`idn`), shown in Unicode.
 * - **Every non-http(s) scheme is `unsafe-scheme`** (all of `UNSAFE_SCHEMES` and unknown ones alike):
 *   app links are unwrapped by `@sharekit/deep-link` first and their web target judged here.
 * - **IP literals in every spelling** (`2130706433`, `0x7f000001..`, `[::ffff:127.0.0.1]`) are
 *   `ip-literal`, danger whatever the range (it was caution): a private target must never become a
 *   link, no shop or video page is addressed by IP, and the judge stays small enough for every
 *   bundle (ranges, with ipaddr.js, are for code that makes requests: `targetProblem`). Local names
 *   (`localhost`, `.internal`, single labels) are `private-network`, danger.
 * - **`host.tld:8080/` is a host and a port**, never a scheme (the one reader is `schemeOf`).
 * - **Credentials** are caution; a platform host written as the user name
 *   (`https://item.taobao.com@evil.example/`) is `lookalike-host`. A user name that is not UTF-8
 *   (`%FF`) is judged as written, never thrown.
 * - Text that is not a URL is `invalid-url` (it used to be reported as `unsafe-scheme`).
 *
 * Throws `CanonicalUrlError` only for misuse: a non-string (`invalid_input`) or a bad option.
 * @example
 * judgeTarget('https://item.m.jd.com/product/100012043978.html?utm_source=x')
 * // { url: 'https://item.jd.com/100012043978.html', identity: { platform: 'jd', … }, level: 'ok', reasons: [], scheme: 'https' }
 * judgeTarget('https://item.taobao.com@evil.example/').level // 'danger'
 * judgeTarget('JavaScript:alert(1)').reasons[0].code          // 'unsafe-scheme'
 */
export function judgeTarget(raw: string, options: JudgeTargetOptions = {}): TargetReading {
  if (typeof raw !== 'string') {
    throw new CanonicalUrlError(
      'invalid_input',
      `expected a target string, found ${raw === null ? 'null' : typeof raw}`,
    );
  }
  const maxLength = maxLengthOption(options);
  const reasons: TargetReason[] = [];
  const add: AddReason = (code, detail) => {
    if (!reasons.some((r) => r.code === code)) reasons.push({ code, level: TARGET_REASONS[code], detail });
  };
  /** The reading of the reasons found: a `danger` one, or no URL, gives neither URL nor identity. */
  const reading = (
    url: string | null,
    identity: LinkIdentity | null,
    scheme: string | null,
  ): TargetReading => {
    const level = levelOf(reasons);
    return level === 'danger' || url === null
      ? { url: null, identity: null, level: 'danger', reasons, scheme }
      : { url, identity, level, reasons, scheme };
  };
  if (raw.length > maxLength) {
    add('invalid-url', `longer than ${maxLength} characters`);
    return reading(null, null, schemeOf(raw));
  }
  const text = whatwgPreprocess(raw);
  const scheme = writtenScheme(text);
  if (scheme !== null && scheme !== 'http' && scheme !== 'https') {
    add('unsafe-scheme', `${scheme}:`);
    return reading(null, null, scheme);
  }
  let url: URL;
  try {
    url = new URL(withScheme(text, scheme));
  } catch {
    add('invalid-url', 'not a URL');
    return reading(null, null, scheme);
  }
  judgeCredentials(url, add);
  const hostname = stripTrailingDots(url.hostname);
  if (hostname === '') {
    add('invalid-url', 'no host');
    return reading(null, null, scheme);
  }
  // The URL parser already normalised the host: report on it without parsing it again.
  const host = reportHost(hostname);
  for (const w of host.warnings) {
    if (w.startsWith('lookalike:')) add('lookalike-host', `${host.unicodeHost} imitates ${w.slice(10)}`);
    else if (w === 'ip-literal') add(w, ipLiteralOf(host.host)?.address ?? host.host);
    else if (w === 'private-network') add(w, host.host);
    // `idn-mixed-script`, and `idn` of a host of no platform: shown in Unicode.
    else if (w !== 'idn' || host.platform === null) add(w as 'idn' | 'idn-mixed-script', host.unicodeHost);
  }
  const identity = tryIdentify(text);
  if (url.protocol === 'http:' && host.platform === null) add('insecure-http', host.host);
  if (GENERIC_SHORTENERS.has(host.host)) add('unknown-shortener', host.host);
  else if (identity?.kind === 'short') add('short-link-unresolved', host.host);
  else if (host.platform === null) add('not-a-platform', host.unicodeHost);
  if (levelOf(reasons) === 'danger') return reading(null, null, scheme);
  // What canonicalize(text) gives, or the code it would refuse it with.
  const parsed = identity ? null : parseOrNull(text);
  const link = identity?.url ?? (parsed && canonicalOf(parsed));
  if (!link || link.length > DEFAULT_MAX_LENGTH) {
    add('invalid-url', link || text.length > DEFAULT_MAX_LENGTH ? 'too_long' : 'invalid_url');
    return reading(null, null, scheme);
  }
  return reading(link, identity, scheme);
}
