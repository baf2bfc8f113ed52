import { CanonicalUrlError, preview } from './errors.js';
import { PLATFORMS } from './platforms.js';
import type { PlatformId, PlatformRow } from './types.js';

/*
 * Hosts belong to a platform only by an exact name or a subdomain on a label boundary:
 * `item.taobao.com.evil.example` walks the suffixes `taobao.com.evil.example`, `com.evil.example`,
 * `evil.example`, `example` and never meets `taobao.com`.
 */

const EXACT = new Map<string, PlatformRow>();
const DOMAINS = new Map<string, PlatformRow>();

for (const row of PLATFORMS) {
  for (const domain of row.domains) DOMAINS.set(domain, row);
  for (const short of row.shortLinks) {
    if (short.host.startsWith('*.')) DOMAINS.set(short.host.slice(2), row);
    else EXACT.set(short.host, row);
  }
}
/** The most labels a registry domain has: longer suffixes of a host can never match one. */
let maxDomainLabels = 1;
for (const domain of DOMAINS.keys()) maxDomainLabels = Math.max(maxDomainLabels, domain.split('.').length);
for (const row of PLATFORMS) {
  for (const spec of row.kinds) {
    for (const form of spec.forms) {
      for (const host of form.hosts ?? []) {
        // A form host under another platform's domain (Xianyu's 2.taobao.com) claims that exact host.
        if (!host.startsWith('*.') && lookupDomain(host) !== row) EXACT.set(host, row);
      }
    }
  }
}

/** The longest registry domain that `host` is or is under, looking only at its last few labels (linear). */
function lookupDomain(host: string): PlatformRow | undefined {
  const starts: number[] = [];
  let end = host.length;
  for (let k = 0; k < maxDomainLabels && end > 0; k += 1) {
    const dot = host.lastIndexOf('.', end - 1);
    starts.push(dot + 1);
    if (dot < 0) break;
    end = dot;
  }
  for (let i = starts.length - 1; i >= 0; i -= 1) {
    const row = DOMAINS.get(host.slice(starts[i]));
    if (row) return row;
  }
  return undefined;
}

/** The registry row a (lower-case, ASCII) host belongs to. */
export function rowForHost(host: string): PlatformRow | undefined {
  return EXACT.get(host) ?? lookupDomain(host);
}

/** `*.example.com` matches example.com and its subdomains; anything else matches exactly. */
export function hostMatches(host: string, pattern: string): boolean {
  if (pattern.startsWith('*.')) {
    const base = pattern.slice(2);
    return (
      host === base ||
      (host.length > base.length && host.endsWith(base) && host[host.length - base.length - 1] === '.')
    );
  }
  return host === pattern;
}

/** The domain of `row` that `host` is on (for `{domain}` template slots). */
export function domainOf(row: PlatformRow, host: string): string | undefined {
  for (const domain of row.domains) if (hostMatches(host, `*.${domain}`)) return domain;
  return undefined;
}

/** Removes trailing dots without a regex (a trailing-dot run is attacker-sized). */
export function stripTrailingDots(host: string): string {
  let end = host.length;
  while (end > 0 && host.charCodeAt(end - 1) === 46) end -= 1;
  return end === host.length ? host : host.slice(0, end);
}

// ---------------------------------------------------------------------------------------------
// Punycode (RFC 3492) decoding, so hosts can be shown and checked in Unicode.

const BASE = 36;
const TMIN = 1;
const TMAX = 26;
const SKEW = 38;
const DAMP = 700;

function adapt(delta: number, points: number, first: boolean): number {
  let d = first ? Math.floor(delta / DAMP) : delta >> 1;
  d += Math.floor(d / points);
  let k = 0;
  while (d > ((BASE - TMIN) * TMAX) >> 1) {
    d = Math.floor(d / (BASE - TMIN));
    k += BASE;
  }
  return k + Math.floor(((BASE - TMIN + 1) * d) / (d + SKEW));
}

function digitOf(code: number): number {
  if (code >= 48 && code <= 57) return code - 22; // 0-9 → 26-35
  if (code >= 65 && code <= 90) return code - 65;
  if (code >= 97 && code <= 122) return code - 97;
  return BASE;
}

/** Decodes one punycode label body (without `xn--`); `null` when it is not valid punycode. */
export function decodePunycode(input: string): string | null {
  const output: number[] = [];
  const basicEnd = input.lastIndexOf('-');
  for (let j = 0; j < Math.max(basicEnd, 0); j += 1) {
    const c = input.charCodeAt(j);
    if (c >= 0x80) return null;
    output.push(c);
  }
  let n = 128;
  let i = 0;
  let bias = 72;
  for (let index = basicEnd > 0 ? basicEnd + 1 : 0; index < input.length; ) {
    const oldi = i;
    let w = 1;
    for (let k = BASE; ; k += BASE) {
      if (index >= input.length) return null;
      const digit = digitOf(input.charCodeAt(index));
      index += 1;
      if (digit >= BASE) return null;
      i += digit * w;
      if (i > 0x10ffff * 1024) return null;
      const t = k <= bias ? TMIN : k >= bias + TMAX ? TMAX : k - bias;
      if (digit < t) break;
      w *= BASE - t;
    }
    const points = output.length + 1;
    bias = adapt(i - oldi, points, oldi === 0);
    n += Math.floor(i / points);
    i %= points;
    if (n > 0x10ffff) return null;
    output.splice(i, 0, n);
    i += 1;
  }
  return String.fromCodePoint(...output);
}

/** The Unicode form of an ASCII host (`xn--` labels decoded; undecodable labels stay as they are). */
export function toUnicodeHost(host: string): string {
  if (!host.includes('xn--')) return host;
  return host
    .split('.')
    .map((label) => (label.startsWith('xn--') ? (decodePunycode(label.slice(4)) ?? label) : label))
    .join('.');
}

// ---------------------------------------------------------------------------------------------
// Scripts and confusables.

const SCRIPTS: readonly [string, RegExp][] = [
  ['Latin', /\p{Script=Latin}/u],
  ['Han', /\p{Script=Han}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Greek', /\p{Script=Greek}/u],
  ['Hiragana', /\p{Script=Hiragana}/u],
  ['Katakana', /\p{Script=Katakana}/u],
  ['Hangul', /\p{Script=Hangul}/u],
  ['Arabic', /\p{Script=Arabic}/u],
  ['Hebrew', /\p{Script=Hebrew}/u],
  ['Armenian', /\p{Script=Armenian}/u],
  ['Thai', /\p{Script=Thai}/u],
];
const LETTER = /\p{L}/u;

/** Script mixes that are normal in real domain names (Chinese, Japanese and Korean with Latin). */
const ALLOWED_MIXES: readonly (readonly string[])[] = [
  ['Latin', 'Han'],
  ['Latin', 'Han', 'Hiragana', 'Katakana'],
  ['Latin', 'Han', 'Hangul'],
];

function scriptsOf(label: string): Set<string> {
  const found = new Set<string>();
  for (const ch of label) {
    if (!LETTER.test(ch)) continue;
    const hit = SCRIPTS.find(([, re]) => re.test(ch));
    found.add(hit ? hit[0] : 'Other');
  }
  return found;
}

function isMixedScript(label: string): boolean {
  const scripts = scriptsOf(label);
  if (scripts.size <= 1) return false;
  return !ALLOWED_MIXES.some((allowed) => [...scripts].every((s) => allowed.includes(s)));
}

/** Characters that render like ASCII letters, mapped to the letter they imitate. */
const CONFUSABLE: Readonly<Record<string, string>> = {
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  о: 'o',
  р: 'p',
  с: 'c',
  у: 'y',
  х: 'x',
  і: 'i',
  ї: 'i',
  ј: 'j',
  ѕ: 's',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  һ: 'h',
  ӏ: 'l',
  к: 'k',
  ո: 'n',
  ս: 'u',
  օ: 'o',
  ց: 'g',
  ο: 'o',
  α: 'a',
  ν: 'v',
  ρ: 'p',
  τ: 't',
  ι: 'i',
  κ: 'k',
  υ: 'u',
  χ: 'x',
  ı: 'i',
  ɑ: 'a',
  ℓ: 'l',
  ɡ: 'g',
  ɩ: 'i',
  '0': 'o',
  '1': 'l',
};

/** A host as it looks: confusable characters folded to the ASCII letters they imitate. */
export function skeleton(host: string): string {
  let out = '';
  for (const ch of host) out += CONFUSABLE[ch] ?? ch;
  // Multi-character look-alikes.
  return out.replaceAll('rn', 'm').replaceAll('vv', 'w');
}

/** True when a and b differ by exactly one insertion, deletion, substitution or adjacent swap. */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b) return false;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i += 1;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // transposition
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

// ---------------------------------------------------------------------------------------------
// inspectHost

/** A warning about a host. `lookalike:<platform>` names the platform it imitates. */
export type HostWarning = 'ip-literal' | 'idn-mixed-script' | 'idn' | `lookalike:${PlatformId}`;

/** What `inspectHost` found. */
export interface HostReport {
  /** The host in ASCII (punycode), lower case, without a trailing dot. */
  readonly host: string;
  /** The host with punycode labels decoded, for display. */
  readonly unicodeHost: string;
  /** The platform the host really belongs to, or `null`. */
  readonly platform: PlatformId | null;
  readonly warnings: readonly HostWarning[];
}

const MAX_HOST_INPUT = 8192;
const IPV4 = /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

interface DomainFacts {
  readonly row: PlatformRow;
  readonly domain: string;
  readonly skeleton: string;
  readonly labels: number;
  /** The brand label (`taobao` of taobao.com) when distinctive enough to look for on its own. */
  readonly brand: string | null;
}

const DOMAIN_FACTS: readonly DomainFacts[] = PLATFORMS.flatMap((row) =>
  row.domains.map((domain) => {
    const first = domain.split('.')[0] ?? domain;
    return {
      row,
      domain,
      skeleton: skeleton(domain),
      labels: domain.split('.').length,
      brand: first.length >= 5 && !/^\d+$/.test(first) ? skeleton(first) : null,
    };
  }),
);

/**
 * True when `hay` contains `needle`. Short domains (`t.cn`, `jd.com`) count only at the start of a
 * label or after a hyphen, so `rabbit.cn` is not taken for Weibo's `t.cn`.
 */
function containsDomain(hay: string, needle: string): boolean {
  let at = hay.indexOf(needle);
  while (at >= 0) {
    const before = at === 0 ? '.' : hay[at - 1];
    if (needle.length >= 8 || before === '.' || before === '-') return true;
    at = hay.indexOf(needle, at + 1);
  }
  return false;
}

function lookalikes(host: string, unicodeHost: string): PlatformId[] {
  const found = new Set<PlatformId>();
  const sk = skeleton(unicodeHost);
  const hostLabels = host.split('.');
  const tokens = new Set(sk.split(/[.-]/));
  for (const facts of DOMAIN_FACTS) {
    const { row, domain } = facts;
    if (found.has(row.id)) continue;
    const tail = hostLabels.slice(-facts.labels).join('.');
    const skTail = sk.split('.').slice(-facts.labels).join('.');
    if (
      containsDomain(host, domain) ||
      containsDomain(sk, facts.skeleton) ||
      (domain.length >= 6 && (oneEditApart(tail, domain) || oneEditApart(skTail, facts.skeleton))) ||
      (facts.brand !== null && tokens.has(facts.brand))
    ) {
      found.add(row.id);
    }
  }
  return [...found];
}

/** Parses a bare host or a URL into a normalised ASCII host (WHATWG host parsing). */
export function parseHost(hostOrUrl: string): string {
  if (typeof hostOrUrl !== 'string') {
    throw new CanonicalUrlError('invalid_input', `expected a host string, found ${typeof hostOrUrl}`);
  }
  if (hostOrUrl.length > MAX_HOST_INPUT) {
    throw new CanonicalUrlError(
      'too_long',
      `expected at most ${MAX_HOST_INPUT} characters, found ${hostOrUrl.length}`,
    );
  }
  const trimmed = hostOrUrl.trim();
  const hasScheme = /^[A-Za-z][A-Za-z0-9+.-]{0,31}:\/\//.test(trimmed);
  let parsed: URL;
  try {
    parsed = new URL(hasScheme ? trimmed : `http://${trimmed}`);
  } catch (cause) {
    throw new CanonicalUrlError('invalid_url', `expected a host or URL, found ${preview(hostOrUrl)}`, {
      cause,
    });
  }
  if (!parsed.hostname) throw new CanonicalUrlError('invalid_url', `no host in ${preview(hostOrUrl)}`);
  return stripTrailingDots(parsed.hostname.toLowerCase());
}

/**
 * Says what a host is and what is suspicious about it: an IP literal, a mixed-script IDN, or a
 * look-alike of a platform domain (one edit away from it, containing it, or spelling it with
 * confusable characters) that does not belong to the platform.
 * @example
 * inspectHost('item.taobao.com.evil.example').warnings // ['lookalike:taobao']
 * inspectHost('xn--tobao-3ve.com').warnings           // ['idn', 'idn-mixed-script', 'lookalike:taobao']
 * inspectHost('item.taobao.com')                      // { platform: 'taobao', warnings: [] }
 */
export function inspectHost(hostOrUrl: string): HostReport {
  const host = parseHost(hostOrUrl);
  const unicodeHost = toUnicodeHost(host);
  const row = rowForHost(host);
  const warnings: HostWarning[] = [];
  if (host.startsWith('[') || IPV4.test(host)) warnings.push('ip-literal');
  if (unicodeHost !== host) {
    warnings.push('idn');
    if (unicodeHost.split('.').some(isMixedScript)) warnings.push('idn-mixed-script');
  }
  if (!row) for (const id of lookalikes(host, unicodeHost)) warnings.push(`lookalike:${id}`);
  return { host, unicodeHost, platform: row?.id ?? null, warnings };
}
