import {
  avToBv,
  type ContentKind,
  canonicalUrlFor,
  identify,
  PLATFORMS,
  type PlatformId,
} from '@sharekit/canonical-url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzz } from '../../../test-utils/fuzz.js';
import { toAppLinks } from './build.js';
import { isUnsafeAppLink, parseAppLink } from './parse.js';
import { APPS } from './table.js';

/** Every (app, kind) pair the table builds a scheme for (parse-only forms excluded). */
const PAIRS: { platform: PlatformId; kind: ContentKind }[] = [];
for (const row of APPS) {
  const kinds = new Set(row.links.filter((l) => !l.parseOnly).map((l) => l.kind));
  for (const kind of kinds) PAIRS.push({ platform: row.id as PlatformId, kind });
  // Mirror-only apps (Amazon) build their scheme from every kind of their platform.
  if (row.prefixMaps.some((p) => p.build)) {
    for (const spec of PLATFORMS.find((p) => p.id === row.id)?.kinds ?? []) {
      if (!kinds.has(spec.kind)) {
        kinds.add(spec.kind);
        PAIRS.push({ platform: row.id as PlatformId, kind: spec.kind });
      }
    }
  }
}

/** Anchored id patterns of a (platform, kind) from canonical-url's registry. */
function idPatterns(platform: PlatformId, kind: ContentKind): RegExp[] {
  return (PLATFORMS.find((p) => p.id === platform)?.kinds ?? [])
    .filter((k) => k.kind === kind)
    .map((k) => k.idPattern);
}

/** Ids of each pattern whose canonical URL exists (canonical-url may refuse some pattern-valid ids). */
function ids(platform: PlatformId, kind: ContentKind): fc.Arbitrary<string> {
  const patterns = idPatterns(platform, kind);
  return fc
    .oneof(...patterns.map((p) => fc.stringMatching(p)))
    .filter((id) => canonicalUrlFor(platform, kind, id) !== null);
}

function expectSameTarget(link: string, url: string): void {
  const expected = identify(url);
  expect(expected).not.toBeNull();
  const got = parseAppLink(link);
  expect(got, link).not.toBeNull();
  if (!got || isUnsafeAppLink(got)) throw new Error(`unsafe or null for ${link}`);
  expect({ platform: got.platform, kind: got.kind, id: got.id, webUrl: got.webUrl }).toEqual({
    platform: expected!.platform,
    kind: expected!.kind,
    id: expected!.id,
    webUrl: expected!.url,
  });
}

describe('round trip through every (app, kind) pair of the table', () => {
  it('covers a kind of canonical-url for every pair the table builds', () => {
    const missing = PAIRS.filter((p) => idPatterns(p.platform, p.kind).length === 0);
    expect(missing).toEqual([]);
    expect(PAIRS.length).toBeGreaterThanOrEqual(18);
  });

  for (const { platform, kind } of PAIRS) {
    it(`gives back identify(x) for ${platform} ${kind} through the scheme, the intent, the universal link and the wrappers`, () => {
      fc.assert(
        fc.property(ids(platform, kind), (id) => {
          const url = canonicalUrlFor(platform, kind, id)!;
          const links = toAppLinks(url);
          expect(links.scheme, `${platform} ${kind} has a scheme`).toBeDefined();
          expectSameTarget(links.scheme!, url);
          if (links.intent) expectSameTarget(links.intent, url);
          if (links.universal) expectSameTarget(links.universal, url);
          for (const wrapper of Object.values(links.wrappers ?? {})) expectSameTarget(wrapper!, url);
          // The same links come out of the identity as out of the URL.
          expect(toAppLinks(identify(url)!)).toEqual(links);
        }),
        fuzz(40, 20261120),
      );
    });
  }

  it('builds an intent for every pair whose app has an Android package', () => {
    for (const { platform, kind } of PAIRS) {
      const id = fc.sample(ids(platform, kind), { numRuns: 1, seed: 7 })[0]!;
      const links = toAppLinks(canonicalUrlFor(platform, kind, id)!);
      expect(links.intent, `${platform} ${kind}`).toMatch(
        /^intent:.*#Intent;scheme=[a-z0-9.+-]+;package=[\w.]+;S\.browser_fallback_url=[^;]+;end$/,
      );
    }
  });

  it('writes the iOS scheme when asked for iOS and still gives back the same target', () => {
    const url = 'https://www.youtube.com/watch?v=dQw4w9WgXcQ';
    const ios = toAppLinks(url, { os: 'ios' });
    expect(ios.scheme).toBe('youtube://www.youtube.com/watch?v=dQw4w9WgXcQ');
    expectSameTarget(ios.scheme!, url);
    expect(ios.intent).toBe(toAppLinks(url).intent);
  });

  it('wraps any web page in every app that has a web-view wrapper and reads it back', () => {
    const url = 'https://item.taobao.com/item.htm?id=634567890123';
    const links = toAppLinks(url, {
      wrapIn: ['alipay', 'jd', 'douyin', 'kuaishou', 'meituan', 'tmall', 'xianyu'],
    });
    expect(Object.keys(links.wrappers ?? {}).sort()).toEqual(
      ['alipay', 'douyin', 'jd', 'kuaishou', 'meituan', 'taobao', 'tmall', 'xianyu'].sort(),
    );
    for (const [app, wrapper] of Object.entries(links.wrappers ?? {})) {
      expectSameTarget(wrapper!, url);
      const r = parseAppLink(wrapper!);
      expect(r && !isUnsafeAppLink(r) ? r.app : null).toBe(app);
    }
  });

  it('reads a Bilibili video spelled as aid, av-aid and BV as one and the same video', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: (1n << 51n) - 1n }), (aid) => {
        const bv = avToBv(aid);
        const ids = [`${aid}`, `av${aid}`, bv, `bv${bv.slice(2)}`].map((spelling) => {
          const r = parseAppLink(`bilibili://video/${spelling}`);
          return r && !isUnsafeAppLink(r) ? r.id : null;
        });
        expect(ids).toEqual([bv, bv, bv, bv]);
      }),
      fuzz(200, 20261120),
    );
  });
});
