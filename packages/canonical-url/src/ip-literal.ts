/*
 * How a host is spelled: IP literals in every spelling a URL parser accepts, and names that only
 * resolve inside a network. No address ranges here (those are in address.ts, with ipaddr.js), so
 * code that only flags literals does not carry the range tables.
 */

/** Removes trailing dots without a regex (a trailing-dot run is attacker-sized). */
export function stripTrailingDots(host: string): string {
  let end = host.length;
  while (end > 0 && host.charCodeAt(end - 1) === 46) end -= 1;
  return host.slice(0, end);
}

/** An IP address written as a host, in its normal spelling. */
export interface IpLiteral {
  readonly version: 4 | 6;
  /** `127.0.0.1`, `::ffff:7f00:1` (no brackets). */
  readonly address: string;
}

const IPV6_CHARS = /^[0-9a-fA-F:.]+$/;
const IPV4_CHARS = /^[0-9a-fA-FxX.]+$/;
/** The URL parser reads a host of digits and dots as IPv4 (or refuses it) and writes it as a dotted quad. */
const DIGITS_AND_DOTS = /^[\d.]+$/;

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
  if (typeof host !== 'string' || !host || host.length > 512) return null;
  if (host.startsWith('[') || host.includes(':')) {
    const inner = host.startsWith('[') ? host.slice(1, host.endsWith(']') ? -1 : undefined) : host;
    if (!IPV6_CHARS.test(inner)) return null;
    try {
      // The URL parser writes IPv6 in its one normal form (`::ffff:7f00:1`).
      return { version: 6, address: new URL(`http://[${inner}]/`).hostname.slice(1, -1) };
    } catch {
      return null;
    }
  }
  const bare = stripTrailingDots(host);
  if (!bare || !IPV4_CHARS.test(bare)) return null;
  let hostname: string;
  try {
    hostname = new URL(`http://${bare}/`).hostname;
  } catch {
    return null;
  }
  return DIGITS_AND_DOTS.test(hostname) ? { version: 4, address: hostname } : null;
}

/** Suffixes of names that only resolve inside a network (RFC 6761, 6762, 8375, cloud metadata names). */
const INTERNAL_SUFFIXES: readonly string[] = [
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
];

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
  return INTERNAL_SUFFIXES.includes(tld) || INTERNAL_SUFFIXES.includes(lastTwo);
}
