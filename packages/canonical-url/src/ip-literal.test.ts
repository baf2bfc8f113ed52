import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ipLiteralOf, isInternalName } from './ip-literal.js';

const RUNS = { numRuns: 500, seed: 20261206 } as const;

describe('ipLiteralOf', () => {
  it.each([
    ['a decimal address with two trailing dots', '2130706433..', '127.0.0.1'],
    ['an octal address with trailing dots', '0251.0376.0251.0376..', '169.254.169.254'],
    ['an IPv6 loopback without brackets', '::1', '::1'],
    ['an IPv4-compatible IPv6 address', '[::127.0.0.1]', '::7f00:1'],
  ])('reads %s', (_name, host, address) => {
    expect(ipLiteralOf(host)?.address).toBe(address);
  });

  it.each([
    ['five parts', '1.2.3.4.5'],
    ['a part over 255', '1.256.1.1'],
    ['an invalid octal part', '09.1.1.1'],
    ['broken IPv6', '[::g]'],
    ['a bracket inside IPv6', '[::1]]'],
  ])('says %s is no address', (_name, host) => {
    expect(ipLiteralOf(host)).toBeNull();
  });

  it('reads every IPv4 spelling the way the URL parser does, with any number of trailing dots', () => {
    const spell = (n: number, how: number) =>
      how === 0 ? String(n) : how === 1 ? `0x${n.toString(16)}` : `0${n.toString(8)}`;
    fc.assert(
      fc.property(
        fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)),
        fc.nat(3),
        fc.array(fc.nat(2), { minLength: 4, maxLength: 4 }),
        fc.nat(3),
        ([a, b, c, d], merge, hows, dots) => {
          const tails = [d, c * 256 + d, (b * 256 + c) * 256 + d, ((a * 256 + b) * 256 + c) * 256 + d];
          const parts = [...[a, b, c].slice(0, 3 - merge), tails[merge] as number];
          const written = parts.map((n, i) => spell(n, hows[i] as number)).join('.');
          const expected = `${a}.${b}.${c}.${d}`;
          return ipLiteralOf(`${written}${'.'.repeat(dots)}`)?.address === expected;
        },
      ),
      RUNS,
    );
  });
});

describe('isInternalName', () => {
  it.each([
    ['localhost with a trailing dot', 'localhost.', true],
    ['a subdomain of localhost', 'a.localhost', true],
    ['a cloud metadata name', 'metadata.google.internal', true],
    ['an mDNS name', 'printer.local', true],
    ['a platform host', 'item.jd.com', false],
  ])('says whether %s is internal', (_name, host, expected) => {
    expect(isInternalName(host)).toBe(expected);
  });
});
