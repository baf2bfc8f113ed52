import { describe, expect, it } from 'vitest';
import { INTERNAL_TARGETS } from '../../../test-utils/issue15.js';
import {
  addressRange,
  canonicalize,
  type FetchLike,
  type FetchResponseLike,
  identify,
  inspectHost,
  ipLiteralOf,
  judgeTarget,
  platformOf,
  resolveShortLink,
  targetProblem,
  tryIdentify,
  tryPlatformOf,
} from '../src/index.js';
import { codeOf } from './helpers.js';

function redirectTo(location: string): FetchResponseLike {
  return { status: 302, headers: { get: (n) => (n === 'location' ? location : null) }, text: async () => '' };
}

function page(body: string): FetchResponseLike {
  return {
    status: 200,
    headers: { get: () => null },
    body: new Blob([body]).stream(),
    text: async () => body,
  };
}

/** A fetch that answers the first URL with `first` and records every URL it is asked for. */
function oneHop(first: FetchResponseLike) {
  const asked: string[] = [];
  const fetch: FetchLike = async (url) => {
    asked.push(url);
    return asked.length === 1 ? first : page('reached');
  };
  return { fetch, asked };
}

describe('short-link following stays on the public internet (issue 15, finding 2)', () => {
  for (const target of INTERNAL_TARGETS) {
    it(`refuses a Location redirect to ${target} without requesting it`, async () => {
      const { fetch, asked } = oneHop(redirectTo(target));
      expect(await codeOf(resolveShortLink('https://b23.tv/x', { fetch }))).toBe('blocked_target');
      expect(asked).toEqual(['https://b23.tv/x']);
    });
  }

  it("refuses Taobao's script redirect to an internal address", async () => {
    const { fetch, asked } = oneHop(page("<script>var url = 'http://169.254.169.254/latest';</script>"));
    expect(await codeOf(resolveShortLink('https://m.tb.cn/h.3m5PFm3', { fetch }))).toBe('blocked_target');
    expect(asked).toHaveLength(1);
  });

  it('refuses a meta refresh to an internal address', async () => {
    const { fetch, asked } = oneHop(
      page('<meta http-equiv="refresh" content="0;url=http://0x7f000001/admin">'),
    );
    expect(await codeOf(resolveShortLink('https://m.tb.cn/h.3m5PFm3', { fetch }))).toBe('blocked_target');
    expect(asked).toHaveLength(1);
  });

  it('refuses an internal starting URL before the first request', async () => {
    const { fetch, asked } = oneHop(page(''));
    expect(await codeOf(resolveShortLink('http://[::ffff:169.254.169.254]/', { fetch }))).toBe(
      'blocked_target',
    );
    expect(asked).toEqual([]);
  });

  it('follows private targets only when allowPrivateNetwork is set', async () => {
    const { fetch, asked } = oneHop(redirectTo('http://10.0.0.1:8080/item'));
    const result = await resolveShortLink('https://b23.tv/x', { fetch, allowPrivateNetwork: true });
    expect(result.url).toBe('http://10.0.0.1:8080/item');
    expect(asked).toHaveLength(2);
  });

  it('still follows public targets on the default ports', async () => {
    const { fetch } = oneHop(redirectTo('https://item.taobao.com:443/item.htm?id=634567890123'));
    const result = await resolveShortLink('https://m.tb.cn/h.x', { fetch });
    expect(result.identity?.id).toBe('634567890123');
  });

  it('reads every spelling of an IP literal before any request', () => {
    const spellings: readonly [string, string][] = [
      ['2130706433', '127.0.0.1'],
      ['0x7f000001', '127.0.0.1'],
      ['0x7f000001..', '127.0.0.1'],
      ['0251.0376.0251.0376..', '169.254.169.254'],
      ['0177.0.0.1', '127.0.0.1'],
      ['127.1', '127.0.0.1'],
      ['0', '0.0.0.0'],
      ['[::ffff:127.0.0.1]', '::ffff:7f00:1'],
    ];
    for (const [host, address] of spellings) expect(ipLiteralOf(host)?.address).toBe(address);
    expect(ipLiteralOf('taobao.com')).toBeNull();
    expect(ipLiteralOf('0x7f000001.example')).toBeNull();
    expect(addressRange('::ffff:7f00:1')).toBe('ipv4Mapped');
    expect(targetProblem('https://8.8.8.8/')).toBeNull();
  });
});

function malformed(response: unknown): FetchLike {
  return async () => response as FetchResponseLike;
}

describe('malformed responses and time limits (issue 15, finding 8)', () => {
  it('turns a 302 without headers into bad_response', async () => {
    expect(await codeOf(resolveShortLink('https://b23.tv/x', { fetch: malformed({ status: 302 }) }))).toBe(
      'bad_response',
    );
  });

  it('turns a throwing headers.get into bad_response', async () => {
    const fetch = malformed({
      status: 301,
      headers: {
        get() {
          throw new Error('boom');
        },
      },
    });
    expect(await codeOf(resolveShortLink('https://b23.tv/x', { fetch }))).toBe('bad_response');
  });

  it('turns string chunks in a body into bad_response', async () => {
    const body = new ReadableStream({
      start(c) {
        c.enqueue('<script>');
        c.close();
      },
    });
    const fetch = malformed({ status: 200, headers: { get: () => null }, body, text: async () => '' });
    expect(await codeOf(resolveShortLink('https://m.tb.cn/h.x', { fetch }))).toBe('bad_response');
  });

  it('turns text() rejecting with a string into bad_response', async () => {
    const fetch = malformed({
      status: 200,
      headers: { get: () => null },
      text: () => Promise.reject('nope'),
    });
    expect(await codeOf(resolveShortLink('https://m.tb.cn/h.x', { fetch }))).toBe('bad_response');
  });

  it('turns a status that is not a number into bad_response', async () => {
    expect(await codeOf(resolveShortLink('https://b23.tv/x', { fetch: malformed({ status: '302' }) }))).toBe(
      'bad_response',
    );
    expect(await codeOf(resolveShortLink('https://b23.tv/x', { fetch: malformed(null) }))).toBe(
      'bad_response',
    );
  });

  it('refuses maxHops above the ceiling of 20', async () => {
    const fetch = malformed(page(''));
    expect(await codeOf(resolveShortLink('https://b23.tv/x', { fetch, maxHops: 7_000_000 }))).toBe(
      'invalid_option',
    );
  });

  it('lets the time limit fire when fetch answers from memory forever', async () => {
    let calls = 0;
    // Redirects between two public URLs forever, answering synchronously; maxHops 20 would end it,
    // so each answer first burns time to show the deadline is checked between hops.
    const fetch: FetchLike = (url) => {
      calls += 1;
      const until = Date.now() + 5;
      while (Date.now() < until) {
        // busy: an answer from memory that never yields
      }
      return Promise.resolve(redirectTo(url.endsWith('/a') ? 'https://b23.tv/b' : 'https://b23.tv/a'));
    };
    expect(await codeOf(resolveShortLink('https://b23.tv/a', { fetch, timeoutMs: 20, maxHops: 20 }))).toBe(
      'timeout',
    );
    expect(calls).toBeLessThan(20);
  });

  it('stops reading a body that ignores abort once the time limit passes', async () => {
    let pulls = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(c) {
        pulls += 1;
        // One byte now and then, for ever; abort is ignored (no cancel handling).
        return new Promise((r) => setTimeout(r, 5)).then(() => c.enqueue(new Uint8Array([32])));
      },
    });
    const fetch = malformed({ status: 200, headers: { get: () => null }, body, text: async () => '' });
    expect(await codeOf(resolveShortLink('https://m.tb.cn/h.x', { fetch, timeoutMs: 30 }))).toBe('timeout');
    const after = pulls;
    await new Promise((r) => setTimeout(r, 60));
    expect(pulls - after).toBeLessThanOrEqual(1);
  });

  it('ends with timeout when the caller aborts the shared signal', async () => {
    const controller = new AbortController();
    const fetch: FetchLike = () => new Promise(() => undefined);
    const pending = resolveShortLink('https://b23.tv/x', { fetch, signal: controller.signal });
    controller.abort();
    expect(await codeOf(pending)).toBe('timeout');
  });
});

describe('canonicalize idempotence on broken escapes (issue 15, finding 10)', () => {
  it('gives the same link when canonicalizing https://example.com/%6%31 twice', () => {
    const once = canonicalize('https://example.com/%6%31');
    expect(canonicalize(once)).toBe(once);
  });
});

describe('long dotted hosts (issue 15, finding 9)', () => {
  // The host-suffix walk once sliced every suffix of the host (quadratic); timing is in the bench.
  const dotted = `${'a.'.repeat(3000)}`;

  it('finds the platform of a 6 KB dotted host under taobao.com', () => {
    expect(platformOf(`${dotted}taobao.com`)).toBe('taobao');
  });

  it('reads an 8 KB dotted host under taobao.com as it reads a short one (wrapper rows too)', () => {
    const long = identify(`https://${'a.'.repeat(4000)}taobao.com/item.htm?id=634567890123`);
    const short = identify('https://a.a.taobao.com/item.htm?id=634567890123');
    expect(long?.platform ?? null).toBe(short?.platform ?? null);
    expect(long?.id ?? null).toBe(short?.id ?? null);
  });

  it('finds no platform for a 6 KB dotted host that only contains taobao.com', () => {
    expect(platformOf(`${dotted}taobao.com.evil.example`)).toBeNull();
  });
});

describe('script redirects read in linear time (issue 15, finding 9)', () => {
  it('reads past the ReDoS page of repeated unterminated `var url="http://` and still finds a later target', async () => {
    const html = `${'var\turl="http://\u0000'.repeat(13285)}</\u0000<script>var url = 'https://item.taobao.com/item.htm?id=634567890123';</script>`;
    const fetch: FetchLike = async (url) => (url === 'https://m.tb.cn/h.3m5PFm3' ? page(html) : page(''));
    const result = await resolveShortLink('https://m.tb.cn/h.3m5PFm3', { fetch });
    expect(result.identity?.id).toBe('634567890123');
  });
});

describe('opaque hosts of app links (found by pnpm fuzz, seed 2067840185)', () => {
  it('refuses to name a platform for an app-link host that is no valid web host (bad punycode label)', () => {
    const input =
      'VZ23P3FWD6http://10.item.taobao.com@evil.example0.0.xn--pokxncvks75DYFm.tb.cn/69EDUY2DEYFJDDVE9E9TB5V8PV5PSX85QU2F5K3DTGJ7GF';
    expect(() => inspectHost(input)).toThrow(expect.objectContaining({ code: 'invalid_url' }));
  });

  it('still reads the host of an app link that is a valid web host', () => {
    expect(inspectHost('taobao://item.taobao.com/item.htm?id=1').platform).toBe('taobao');
  });
});

describe('links that escaping makes longer than the limit (found by pnpm fuzz, seed 132976520)', () => {
  // `{"` becomes `%7B%22`: a 7.6 KB page link on a JD host had a 9 KB canonical form that
  // canonicalize, platformOf and identify all refuse to read back.
  const page = `https://la.${'a.'.repeat(2400)}inkst.m.jd.com/ul/ul.ac${'{"'.repeat(1300)}`;
  const plain = `https://example.com/${'{"'.repeat(3000)}`;

  it('has inputs under the limit whose canonical forms are over it', () => {
    expect(page.length).toBeLessThanOrEqual(8192);
    expect(plain.length).toBeLessThanOrEqual(8192);
  });

  it('identifies no link whose canonical form it could not read back', () => {
    expect(identify(page)).toBeNull();
  });

  it('gives too_long from canonicalize rather than a link it would refuse', () => {
    expect(() => canonicalize(page)).toThrow(expect.objectContaining({ code: 'too_long' }));
    expect(() => canonicalize(plain)).toThrow(expect.objectContaining({ code: 'too_long' }));
  });

  it('still canonicalizes such a link when maxLength allows its canonical form, and reads it back', () => {
    const once = canonicalize(plain, { maxLength: 20_000 });
    expect(canonicalize(once, { maxLength: 20_000 })).toBe(once);
  });

  it('makes no link of it in the judge', () => {
    const reading = judgeTarget(page);
    expect(reading.url).toBeNull();
    expect(reading.reasons.map((r) => r.code)).toContain('invalid-url');
  });
});

describe('pastes that NFKC folding makes longer than the limit (found while merging the two parseOrNull)', () => {
  // `ﬃ` folds to `ffi`: a 3 KB paste with one full-width letter (which turns folding on) reads as a 9 KB link.
  const paste = `https://item.jd.com/1.html?q=${'ﬃ'.repeat(3000)}Ａ`;

  it('is a string under the limit whose folded form is over it', () => {
    expect(paste.length).toBeLessThanOrEqual(8192);
    expect(paste.normalize('NFKC').length).toBeGreaterThan(8192);
  });

  it('identifies nothing in it rather than throwing too_long for a string under the limit', () => {
    expect(identify(paste)).toBeNull();
    expect(tryIdentify(paste)).toBeNull();
    expect(platformOf(paste)).toBeNull();
  });

  it('makes no link of it in the judge, which never throws for a string', () => {
    const reading = judgeTarget(paste);
    expect(reading.url).toBeNull();
    expect(reading.reasons.map((r) => r.code)).toContain('invalid-url');
  });
});

/**
 * Found by the fuzz targets' new check that every link a reader gives is one the judge accepts (session 8): a
 * subdomain of a platform with a label mixing scripts was that platform's (`identify` gave a short link or a page
 * on it, deep-link's `parseAppLink` a web URL), while the judge refuses it as `idn-mixed-script`.
 */
describe('hosts with a label mixing scripts belong to no platform (session 8, fuzzing)', () => {
  it.each([
    ['a short-link host', 'https://xn--b-7sbb8cct.cv.douyin.com/o'],
    ['a page of a platform', 'https://s.xn--cb-7kcb2ecx.colick.aliexpress.com/e/HBJroxm'],
    [
      'a content page',
      'https://xn--mdb-7cdb6fc1a.coetail.tmall.com/mobile/itemPackage.do?itemId=567898584368',
    ],
    ['a Unicode host as pasted', 'https://tаobao.weibo.cn/status/D5ZxyE1tV'],
  ])('%s', (_, link) => {
    expect(judgeTarget(link).reasons.map((r) => r.code)).toContain('idn-mixed-script');
    expect(identify(link)).toBeNull();
    expect(tryPlatformOf(link)).toBeNull();
    expect(inspectHost(new URL(link).hostname).platform).toBeNull();
  });

  it('keeps an IDN subdomain of one script (Han) a platform page, and the judge says idn only', () => {
    const link = 'https://中文.taobao.com/';
    expect(identify(link)).toMatchObject({ platform: 'taobao', kind: 'page' });
    expect(judgeTarget(link).level).not.toBe('danger');
  });
});
