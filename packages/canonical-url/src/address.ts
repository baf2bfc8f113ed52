/*
 * Where a link may send a request: address classification for short-link following (SSRF safety).
 * ipaddr.js names the special ranges (loopback, private, link-local, carrier-grade NAT, unique local,
 * multicast, reserved, NAT64 …); ip-literal.ts reads the spellings. Reached only from code that makes
 * requests (resolveShortLink, the Node safe fetch).
 */
import ipaddr from 'ipaddr.js';
import { stripTrailingDots } from './host.js';
import { ipLiteralOf, isInternalName } from './ip-literal.js';

/**
 * The range an IP address is in, as ipaddr.js names it: `unicast` for public addresses, or
 * `loopback`, `private`, `linkLocal`, `uniqueLocal`, `carrierGradeNat`, `unspecified`, `multicast`,
 * `broadcast`, `reserved`, `ipv4Mapped`, `rfc6052`, `6to4`, `teredo` …; `invalid` when it is not an address.
 * @example
 * addressRange('169.254.169.254') // 'linkLocal'
 */
export function addressRange(address: string): string {
  if (!ipaddr.isValid(address)) return 'invalid';
  const parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6') {
    const v6 = parsed as ipaddr.IPv6;
    // IPv4-compatible (::a.b.c.d, deprecated) addresses are not public whatever the embedded address.
    if (v6.range() === 'unicast' && v6.parts.slice(0, 6).every((p) => p === 0)) return 'ipv4Compatible';
    return v6.range();
  }
  return parsed.range();
}

/**
 * True for a public unicast address: the only kind a short link may lead to by default.
 * @example
 * isPublicAddress('8.8.8.8')         // true
 * isPublicAddress('::ffff:10.0.0.1') // false
 */
export function isPublicAddress(address: string): boolean {
  return addressRange(address) === 'unicast';
}

/** Options of `targetProblem`. */
export interface TargetPolicy {
  /** Allow private, loopback and internal targets and any port (for use inside your own network). @default false */
  readonly allowPrivateNetwork?: boolean;
}

/**
 * Why a request to `url` must not be made, or `null` when it may: only http(s) to a public unicast
 * address or a public name, on port 80 or 443 (a default port is implied). IP literals are read in
 * every spelling before any request; names are checked again on the addresses DNS returns by the
 * fetch of `@sharekit/canonical-url/node`.
 * @example
 * targetProblem('http://0x7f000001/')  // 'loopback address 127.0.0.1'
 * targetProblem('https://m.tb.cn/h.x') // null
 */
export function targetProblem(url: string, policy: TargetPolicy = {}): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'not a URL';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return `scheme ${parsed.protocol}`;
  if (policy.allowPrivateNetwork === true) return null;
  if (parsed.port !== '' && parsed.port !== '80' && parsed.port !== '443') return `port ${parsed.port}`;
  const ip = ipLiteralOf(parsed.hostname);
  if (ip) {
    const range = addressRange(ip.address);
    return range === 'unicast' ? null : `${range} address ${ip.address}`;
  }
  if (isInternalName(parsed.hostname)) return `internal name ${stripTrailingDots(parsed.hostname)}`;
  return null;
}
