import type { FetchLike, FetchResponseLike } from '@sharekit/canonical-url';
import { encodeToken } from '@sharekit/share-token';
import { describe, expect, it } from 'vitest';
import { INTERNAL_TARGETS } from '../../../test-utils/issue15.js';
import { resolve } from '../src/index.js';

function redirectTo(location: string): FetchResponseLike {
  return { status: 302, headers: { get: (n) => (n === 'location' ? location : null) }, text: async () => '' };
}

/**
 * Issue 15, finding 2: a short link whose redirect leads into a private network was fetched and the
 * internal address offered as a link with a caution. Now it is never requested nor linked.
 */
describe('short links that lead into a private network (issue 15, finding 2)', () => {
  for (const target of INTERNAL_TARGETS) {
    it(`blocks a short link redirecting to ${target} and never requests it`, async () => {
      const asked: string[] = [];
      const fetch: FetchLike = async (url) => {
        asked.push(url);
        return redirectTo(target);
      };
      const r = await resolve('https://bit.ly/3abcDEF', { fetch });
      expect(asked).toEqual(['https://bit.ly/3abcDEF']);
      expect(r.link).toBeNull();
      expect(r.safety.level).toBe('danger');
      expect(r.safety.reasons.map((x) => x.code)).toContain('private-target');
      expect(JSON.stringify(r.candidates.map((c) => c.link))).not.toContain(target);
    });
  }

  it('follows into a private network only with allowPrivateNetwork', async () => {
    const fetch: FetchLike = async (url) =>
      url === 'https://bit.ly/3abcDEF'
        ? redirectTo('http://10.0.0.1/item')
        : { status: 200, headers: { get: () => null }, text: async () => '' };
    const r = await resolve('https://bit.ly/3abcDEF', { fetch, allowPrivateNetwork: true });
    expect(r.candidates[0]?.raw).toBe('https://bit.ly/3abcDEF');
    expect(r.safety.reasons.map((x) => x.code)).not.toContain('private-target');
  });
});

/**
 * Issue 15, finding 8: 10 short links × a fetch that never answers took 10 × the time limit. Now one
 * deadline bounds the whole call: once it passes, no further link is requested.
 */
describe('one deadline for the whole resolve call (issue 15, finding 8)', () => {
  it('stops requesting once the shared time limit has passed, however many links remain', async () => {
    const asked: string[] = [];
    const fetch: FetchLike = (url) => {
      asked.push(url);
      return new Promise(() => undefined);
    };
    const text = Array.from({ length: 10 }, (_, i) => `https://b23.tv/link${i}`).join(' ');
    // 500 ms, not less: the first request must go out before the deadline even on a loaded CI machine (with
    // 30 ms a collector pause before it once left nothing asked); the nine after it must never go out.
    const r = await resolve(text, { fetch, timeoutMs: 500 });
    expect(asked).toHaveLength(1);
    expect(r.candidates).toHaveLength(10);
    for (const c of r.candidates) {
      expect(c.safety.reasons.map((x) => x.code)).toContain('resolution-failed');
      expect(c.link).toMatch(/^https:\/\/b23\.tv\/link\d$/);
    }
  });

  it('turns malformed responses into a resolution-failed reason, never a throw', async () => {
    const answers: unknown[] = [
      { status: 302 },
      {
        status: 301,
        headers: {
          get() {
            throw new Error('boom');
          },
        },
      },
      { status: 200, headers: { get: () => null }, text: () => Promise.reject('nope') },
      null,
    ];
    for (const answer of answers) {
      const fetch: FetchLike = async () => answer as FetchResponseLike;
      const r = await resolve('https://m.tb.cn/h.3m5PFm3', { fetch });
      expect(r.safety.reasons.map((x) => x.code)).toContain('resolution-failed');
    }
  });

  it('refuses maxHops above 20 and timeoutMs above 60000 as invalid options', async () => {
    await expect(resolve('https://b23.tv/x', { maxHops: 7_000_000 })).rejects.toMatchObject({
      code: 'invalid_option',
    });
    await expect(resolve('https://b23.tv/x', { timeoutMs: 3_600_000 })).rejects.toMatchObject({
      code: 'invalid_option',
    });
  });
});

/**
 * Issue 15, finding 9: resolve reads only as much of a long text as its first `maxCandidates` targets
 * need (time is measured in `bench/linear.ts`); the answer must be the one the whole text gives.
 */
describe('long texts dense with shares (issue 15, finding 9)', () => {
  /** A different 11-character code for each unit (shares that repeat one target are one candidate). */
  const code = (i: number) => `Ab3Cd${i.toString(36).padStart(6, '0')}`;
  const cases: readonly [string, (i: number) => string][] = [
    ['one-line short links', (i) => `\nm.tb.cn/h.a${i.toString(36)}`],
    ['sharekit tokens', (i) => `${encodeToken(`https://item.taobao.com/item.htm?id=${675330231400 + i}`)} `],
    ['Taobao shares', (i) => `https://m.tb.cn/h.a?tk=${code(i)} ￥${code(i)}￥ 「t」\n`],
  ];
  /** Copies of 300 different units in turn, up to `chars` characters. */
  const copies = (unit: (i: number) => string, chars: number) => {
    const units = Array.from({ length: 300 }, (_, i) => unit(i));
    const parts: string[] = [];
    for (let i = 0, n = 0; n + (units[i % 300] as string).length <= chars; i += 1) {
      parts.push(units[i % 300] as string);
      n += (units[i % 300] as string).length;
    }
    return parts.join('');
  };
  for (const [name, unit] of cases) {
    it(`gives the same first candidates for 1 MB of ${name} as for its first 200`, async () => {
      const [a, b] = await Promise.all([
        resolve(copies(unit, 1 << 20)),
        resolve(copies(unit, unit(0).length * 200)),
      ]);
      expect(a.candidates).toHaveLength(50);
      expect(a.kind).toBe(b.kind);
      expect(a.candidates).toEqual(b.candidates);
    });
  }
});
