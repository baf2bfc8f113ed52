// Which platform a host belongs to: exact hosts and registered domains of the registry.
import { isMixedScript } from './lookalike.js';
import { MATCH_ROWS } from './platforms.js';
import { toUnicodeHost } from './punycode.js';
import type { MatchRow } from './types.js';

/*
 * Hosts belong to a platform only by an exact name or a subdomain on a label boundary:
 * `item.taobao.com.evil.example` walks the suffixes `taobao.com.evil.example`, `com.evil.example`,
 * `evil.example`, `example` and never meets `taobao.com`.
 */

const EXACT = new Map<string, MatchRow>();
const DOMAINS = new Map<string, MatchRow>();

for (const row of MATCH_ROWS) {
  for (const domain of row.domains) DOMAINS.set(domain, row);
  for (const short of row.shortLinks) {
    if (short.host.startsWith('*.')) DOMAINS.set(short.host.slice(2), row);
    else EXACT.set(short.host, row);
  }
}
/** The most labels a registry domain has: longer suffixes of a host can never match one. */
let maxDomainLabels = 1;
for (const domain of DOMAINS.keys()) maxDomainLabels = Math.max(maxDomainLabels, domain.split('.').length);
for (const row of MATCH_ROWS) {
  for (const spec of row.kinds) {
    for (const form of spec.forms) {
      for (const host of form.hosts ?? []) {
        // A form host under another platform's domain (Xianyu's 2.taobao.com) claims that exact host.
        if (!host.startsWith('*.') && lookupDomain(host) !== row) EXACT.set(host, row);
      }
    }
  }
}

/**
 * The longest registry domain that `host` is or is under: its suffixes of at most `maxDomainLabels` labels,
 * shortest first, the last found kept. Linear in the host (a 6 KB dotted host has 3000 suffixes, and
 * slicing each was quadratic: issue 15, finding 9).
 */
function lookupDomain(host: string): MatchRow | undefined {
  let found: MatchRow | undefined;
  let end = host.length;
  for (let k = 0; k < maxDomainLabels && end > 0; k += 1) {
    const dot = host.lastIndexOf('.', end - 1);
    found = DOMAINS.get(host.slice(dot + 1)) ?? found;
    end = dot;
  }
  return found;
}

/**
 * The registry row a (lower-case, ASCII) host belongs to. A host with a label that mixes scripts (an `xn--` label
 * of Latin and Cyrillic letters…) belongs to none, whatever its suffix: the judge refuses it (`idn-mixed-script`),
 * so no reader gives it as a platform's link.
 */
export function rowForHost(host: string): MatchRow | undefined {
  const unicodeHost = toUnicodeHost(host);
  if (unicodeHost !== host && unicodeHost.split('.').some(isMixedScript)) return undefined;
  return EXACT.get(host) ?? lookupDomain(host);
}

/** `*.example.com` matches example.com and its subdomains; anything else matches exactly. */
export function hostMatches(host: string, pattern: string): boolean {
  // `*.example.com`: the domain itself, or any host ending in `.example.com`.
  return pattern.startsWith('*.')
    ? host === pattern.slice(2) || host.endsWith(pattern.slice(1))
    : host === pattern;
}

export { stripTrailingDots } from './ip-literal.js';
