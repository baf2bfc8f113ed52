import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzz } from '../../../test-utils/fuzz.js';
import { canonicalize, sameTarget } from './canonicalize.js';
import { canonicalUrlFor, identify } from './identify.js';
import { inspectHost } from './inspect.js';
import { PLATFORMS } from './platforms.js';

const SEED = 20261120;
const RUNS = fuzz(300, SEED);

/** A canonical identity URL for a random id of a random (platform, kind) that has a plain id pattern. */
const identityUrl = fc
  .constantFrom(
    ...PLATFORMS.flatMap((row) =>
      row.kinds.filter((k) => !k.canonical.includes('{user}')).map((k) => ({ row, spec: k })),
    ),
  )
  .chain(({ row, spec }) =>
    fc
      .stringMatching(spec.idPattern)
      .map((id) => ({ platform: row.id, kind: spec.kind, id, url: canonicalUrlFor(row.id, spec.kind, id) })),
  )
  .filter((x) => x.url !== null);

const trackingKey = fc.constantFrom(
  'utm_source',
  'utm_medium',
  'utm_campaign',
  'spm',
  'scm',
  'fbclid',
  'gclid',
  'mtm_kwd',
);
const trackingTail = fc.array(fc.tuple(trackingKey, fc.stringMatching(/^[A-Za-z0-9._-]{0,12}$/)), {
  maxLength: 4,
});

function randomCase(text: string, mask: number): string {
  let out = '';
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i] as string;
    out += (mask >> (i % 30)) & 1 ? ch.toUpperCase() : ch;
  }
  return out;
}

function withNoise(url: string, tail: [string, string][], mask: number, fragment: string): string {
  const u = new URL(url);
  const scheme = randomCase(u.protocol, mask);
  const host = randomCase(u.host, mask >> 3);
  const extra = tail.map(([k, v]) => `${k}=${v}`).join('&');
  const query = u.search ? `${u.search}${extra ? `&${extra}` : ''}` : extra ? `?${extra}` : '';
  return `${scheme}//${host}${u.pathname}${query}${fragment ? `#${fragment}` : ''}`;
}

describe('properties of canonicalize and identify', () => {
  it('identify reads back every canonical URL built from a random id', () => {
    fc.assert(
      fc.property(identityUrl, ({ platform, kind, url }) => {
        const found = identify(url as string);
        expect(found).toMatchObject({ platform, kind, url });
      }),
      RUNS,
    );
  });

  it('random tracking parameters, random case in scheme and host and a random fragment never change identify', () => {
    fc.assert(
      fc.property(
        identityUrl,
        trackingTail,
        fc.nat(),
        fc.stringMatching(/^[A-Za-z0-9-]{0,10}$/),
        (x, tail, mask, frag) => {
          const noisy = withNoise(x.url as string, tail, mask, frag);
          expect(identify(noisy)).toEqual(identify(x.url as string));
          expect(sameTarget(noisy, x.url as string)).toBe(true);
        },
      ),
      RUNS,
    );
  });

  it('canonicalize is idempotent on platform links and on arbitrary web URLs', () => {
    const anyUrl = fc.oneof(
      identityUrl.map((x) => x.url as string),
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
    );
    fc.assert(
      fc.property(anyUrl, fc.boolean(), fc.boolean(), (url, sortQuery, keepFragment) => {
        const once = canonicalize(url, { sortQuery, keepFragment });
        expect(canonicalize(once, { sortQuery, keepFragment })).toBe(once);
      }),
      fuzz(1000, SEED),
    );
  });

  it('identify(canonicalize(u)) equals identify(u)', () => {
    const anyUrl = fc.oneof(
      fc
        .tuple(identityUrl, trackingTail, fc.nat())
        .map(([x, tail, mask]) => withNoise(x.url as string, tail, mask, '')),
      fc.webUrl({ withQueryParameters: true }),
    );
    fc.assert(
      fc.property(anyUrl, (url) => {
        expect(identify(canonicalize(url))).toEqual(identify(url));
      }),
      fuzz(1000, SEED),
    );
  });

  it('never throws anything but a CanonicalUrlError, and identify never throws on strings under the limit', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300, unit: 'binary' }), (text) => {
        expect(() => identify(text)).not.toThrow();
        try {
          canonicalize(text);
        } catch (error) {
          expect((error as Error).name).toBe('CanonicalUrlError');
        }
      }),
      fuzz(2000, SEED),
    );
  });
});

/** One-edit and containment variants of a domain that are not any platform's real host. */
function lookalikeHosts(domain: string): fc.Arbitrary<string> {
  const letters = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const chars = fc.constantFrom(...letters);
  const at = fc.nat({ max: domain.length - 1 });
  return fc.oneof(
    fc.tuple(at, chars).map(([i, c]) => domain.slice(0, i) + c + domain.slice(i + 1)),
    fc.tuple(at, chars).map(([i, c]) => domain.slice(0, i) + c + domain.slice(i)),
    at.map((i) => domain.slice(0, i) + domain.slice(i + 1)),
    at.map((i) => domain.slice(0, i) + (domain[i + 1] ?? '') + (domain[i] ?? '') + domain.slice(i + 2)),
    fc.constantFrom('.evil.example', '-login.example', '.com.cn.example').map((s) => domain + s),
    fc.constantFrom('secure-', 'www-').map((p) => p + domain),
  );
}

describe('lookalike hosts', () => {
  const domains = PLATFORMS.flatMap((row) =>
    row.domains.filter((d) => d.length >= 6).map((d) => ({ id: row.id, domain: d })),
  );

  it('a generated lookalike host never identifies as the platform and is flagged when it is no real host', () => {
    fc.assert(
      fc.property(
        fc
          .constantFrom(...domains)
          .chain(({ id, domain }) => lookalikeHosts(domain).map((host) => ({ id, domain, host }))),
        fc.constantFrom(
          '/item.htm?id=634567890123',
          '/100012043978.html',
          '/video/BV17x411w7KC',
          '/dp/B08N5WRWNW',
        ),
        ({ id, host }, path) => {
          let report: ReturnType<typeof inspectHost>;
          try {
            report = inspectHost(host);
          } catch {
            return; // not a valid host at all (e.g. an edit produced `..`)
          }
          if (report.platform !== null) return; // the edit landed on a real platform host (jd.hk → jd.com)
          expect(identify(`https://${host}${path}`)?.platform).not.toBe(id);
          expect(report.warnings).toContain(`lookalike:${id}`);
        },
      ),
      fuzz(2000, SEED),
    );
  });
});
