/*
 * Where a link may send a request: address classification for short-link following (SSRF safety).
 * ipaddr.js names the special ranges (loopback, private, link-local, carrier-grade NAT, unique local,
 * multicast, reserved, NAT64 …); the WHATWG URL parser reads the IPv4 spellings (decimal, hex,
 * octal, short forms) exactly as a fetch would.
 */
import ipaddr from 'ipaddr.js';
import { stripTrailingDots } from './host.js';

/** An IP address written as a host, in its normal spelling. */
export interface IpLiteral {
  readonly version: 4 | 6;
  /** `127.0.0.1`, `::ffff:7f00:1` (no brackets). */
  readonly address: string;
}

const IPV4_CHARS = /^[0-9a-fA-FxX.]+$/;
const DOTTED_QUAD = /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

/**
 * The IP address a host stands for, in any spelling a URL parser accepts — `2130706433`, `0x7f000001`,
 * `0177.0.0.1`, `127.1`, `0`, with any number of trailing dots, `[::ffff:127.0.0.1]` — or `null` when
 * the host is a name.
 * @example
 * ipLiteralOf('0x7f000001..') // { version: 4, address: '127.0.0.1' }
 * ipLiteralOf('[::1]')        // { version: 6, address: '::1' }
 * ipLiteralOf('taobao.com')   // null
 */
export function ipLiteralOf(host: string): IpLiteral | null {
  if (typeof host !== 'string' || host.length === 0 || host.length > 512) return null;
  if (host.startsWith('[')) {
    const inner = host.endsWith(']') ? host.slice(1, -1) : host.slice(1);
    if (!ipaddr.IPv6.isValid(inner)) return null;
    return { version: 6, address: ipaddr.IPv6.parse(inner).toString() };
  }
  if (host.includes(':')) {
    return ipaddr.IPv6.isValid(host) ? { version: 6, address: ipaddr.IPv6.parse(host).toString() } : null;
  }
  const bare = stripTrailingDots(host);
  if (!bare || !IPV4_CHARS.test(bare)) return null;
  let hostname: string;
  try {
    hostname = new URL(`http://${bare}/`).hostname;
  } catch {
    return null;
  }
  return DOTTED_QUAD.test(hostname) ? { version: 4, address: hostname } : null;
}

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

/** Suffixes of names that only resolve inside a network (RFC 6761, 6762, 8375, cloud metadata names). */
const INTERNAL_SUFFIXES = [
  'localhost',
  'local',
  'localdomain',
  'internal',
  'intranet',
  'lan',
  'home',
  'corp',
  'private',
  'home.arpa',
  'arpa',
  'invalid',
  'test',
] as const;

/**
 * True for a host name that points inside a network: `localhost` (with or without a trailing dot),
 * `*.localhost`, `*.internal` (`metadata.google.internal`), `*.local`, `*.home.arpa`, … and any
 * single-label name (`metadata`, `intranet-server`), which only a local resolver answers.
 * @example
 * isInternalName('metadata.google.internal') // true
 * isInternalName('m.tb.cn')                  // false
 */
export function isInternalName(host: string): boolean {
  const name = stripTrailingDots(host.toLowerCase());
  if (!name.includes('.')) return true;
  const last = name.lastIndexOf('.');
  const tld = name.slice(last + 1);
  const lastTwo = name.slice(name.lastIndexOf('.', last - 1) + 1);
  return INTERNAL_SUFFIXES.some((s) => s === tld || s === lastTwo);
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
