import { describe, expect, it } from 'vitest';
import { codeOf } from '../test/helpers.js';
import { getPlatform, MATCH_ROWS } from './platforms.js';
import { type FetchLike, type FetchResponseLike, resolveShortLink } from './resolve.js';
import { SHORT_LINK_FETCH } from './short-fetch.js';

interface Reply {
  status: number;
  location?: string;
  body?: string;
}

/** A fake fetch over a table of replies; records what it was asked. */
function fakeFetch(replies: Record<string, Reply>) {
  const calls: { url: string; userAgent: string; redirect: string }[] = [];
  const fetch: FetchLike = async (url, init) => {
    calls.push({ url, userAgent: init.headers['user-agent'] ?? '', redirect: init.redirect });
    const reply = replies[url];
    if (!reply) return response({ status: 404, body: 'not found' });
    return response(reply);
  };
  return { fetch, calls };
}

function response(reply: Reply): FetchResponseLike {
  const body = reply.body ?? '';
  return {
    status: reply.status,
    headers: { get: (name: string) => (name.toLowerCase() === 'location' ? (reply.location ?? null) : null) },
    body: new Blob([body]).stream(),
    text: async () => body,
  };
}

describe('resolveShortLink', () => {
  it('follows Location redirects to a recognised item and reports each hop', async () => {
    const { fetch, calls } = fakeFetch({
      'https://b23.tv/TUMG3e5': {
        status: 302,
        location: 'https://m.bilibili.com/video/BV17x411w7KC?share_source=x',
      },
      'https://m.bilibili.com/video/BV17x411w7KC?share_source=x': { status: 200, body: '<html></html>' },
    });
    const result = await resolveShortLink('https://b23.tv/TUMG3e5', { fetch });
    expect(result.identity).toEqual({
      platform: 'bilibili',
      kind: 'video',
      id: 'BV17x411w7KC',
      url: 'https://www.bilibili.com/video/BV17x411w7KC',
    });
    expect(result.hops.map((h) => [h.status, h.via])).toEqual([
      [302, 'location'],
      [200, 'final'],
    ]);
    expect(calls.every((c) => c.redirect === 'manual')).toBe(true);
  });

  it("reads the target out of Taobao's short page, which redirects in script", async () => {
    const page = `<html><script>var url = 'https://item.taobao.com/item.htm?id=634567890123&sourceType=item&ut_sk=1.x';
      function redirect(){ location.replace(url); }</script></html>`;
    const { fetch } = fakeFetch({
      'https://e.tb.cn/h.8IcTrtZuTU19ieN?tk=nyXpT7VA7lt': { status: 200, body: page },
      'https://item.taobao.com/item.htm?id=634567890123&sourceType=item&ut_sk=1.x': { status: 200 },
    });
    const result = await resolveShortLink('https://e.tb.cn/h.8IcTrtZuTU19ieN?tk=nyXpT7VA7lt', { fetch });
    expect(result.identity?.url).toBe('https://item.taobao.com/item.htm?id=634567890123');
    expect(result.hops[0]?.via).toBe('script');
  });

  it('reads a meta refresh target from a short page', async () => {
    const page =
      '<html><head><META HTTP-EQUIV="Refresh" CONTENT="0; URL=https://item.taobao.com/item.htm?id=634567890123"></head></html>';
    const { fetch } = fakeFetch({
      'https://m.tb.cn/h.3m5PFm3': { status: 200, body: page },
      'https://item.taobao.com/item.htm?id=634567890123': { status: 200 },
    });
    const result = await resolveShortLink('https://m.tb.cn/h.3m5PFm3', { fetch });
    expect(result.identity?.id).toBe('634567890123');
  });

  it('resolves a relative Location against the current URL', async () => {
    const { fetch } = fakeFetch({
      'https://u.jd.com/AbC1234': { status: 301, location: '//item.m.jd.com/product/100012043978.html' },
      'https://item.m.jd.com/product/100012043978.html': { status: 200 },
    });
    const result = await resolveShortLink('https://u.jd.com/AbC1234', { fetch });
    expect(result.identity?.id).toBe('100012043978');
  });

  it('sends the JD app user agent to 3.cn and a mobile one to v.douyin.com', async () => {
    const { fetch, calls } = fakeFetch({
      'https://3.cn/2V-chiOQ': { status: 302, location: 'https://v.douyin.com/RH7Gvmr/' },
      'https://v.douyin.com/RH7Gvmr/': { status: 200 },
    });
    await resolveShortLink('https://3.cn/2V-chiOQ', { fetch });
    expect(calls[0]?.userAgent).toMatch(/^jdapp;/);
    expect(calls[1]?.userAgent).toMatch(/Mobile/);
  });

  it('stops after maxHops redirects with too_many_hops', async () => {
    const replies: Record<string, Reply> = {};
    for (let i = 0; i < 10; i += 1)
      replies[`https://example.com/${i}`] = { status: 302, location: `/${i + 1}` };
    const { fetch, calls } = fakeFetch(replies);
    expect(await codeOf(resolveShortLink('https://example.com/0', { fetch, maxHops: 3 }))).toBe(
      'too_many_hops',
    );
    expect(calls).toHaveLength(4);
  });

  it('refuses a redirect to a javascript: target', async () => {
    const { fetch } = fakeFetch({
      'https://t.cn/A6abCdEf': { status: 302, location: 'javascript:alert(1)' },
    });
    expect(await codeOf(resolveShortLink('https://t.cn/A6abCdEf', { fetch }))).toBe('bad_redirect');
  });

  it('refuses a script redirect to a data: target (only http(s) targets are read from pages)', async () => {
    const { fetch } = fakeFetch({
      'https://m.tb.cn/h.3m5PFm3': { status: 200, body: "<script>var url = 'data:text/html,x';</script>" },
    });
    const result = await resolveShortLink('https://m.tb.cn/h.3m5PFm3', { fetch });
    expect(result.url).toBe('https://m.tb.cn/h.3m5PFm3');
    expect(result.hops).toEqual([{ url: 'https://m.tb.cn/h.3m5PFm3', status: 200, via: 'final' }]);
  });

  it('wraps a throwing fetch in fetch_failed', async () => {
    const fetch: FetchLike = async () => {
      throw new TypeError('network down');
    };
    expect(await codeOf(resolveShortLink('https://b23.tv/x', { fetch }))).toBe('fetch_failed');
  });

  it('gives up with timeout when fetch never answers', async () => {
    const fetch: FetchLike = () => new Promise(() => undefined);
    expect(await codeOf(resolveShortLink('https://b23.tv/x', { fetch, timeoutMs: 20 }))).toBe('timeout');
  });

  it('reads at most maxBytes of a page', async () => {
    const page = `${' '.repeat(5000)}<script>var url = 'https://item.taobao.com/item.htm?id=634567890123';</script>`;
    const { fetch } = fakeFetch({ 'https://m.tb.cn/h.3m5PFm3': { status: 200, body: page } });
    const result = await resolveShortLink('https://m.tb.cn/h.3m5PFm3', { fetch, maxBytes: 1000 });
    expect(result.hops[0]?.via).toBe('final');
  });

  it('refuses bad options and bad input with typed errors', async () => {
    const { fetch } = fakeFetch({});
    expect(await codeOf(resolveShortLink('https://b23.tv/x', {} as never))).toBe('invalid_option');
    expect(await codeOf(resolveShortLink('https://b23.tv/x', { fetch, maxHops: -1 }))).toBe('invalid_option');
    expect(await codeOf(resolveShortLink('javascript:alert(1)', { fetch }))).toBe('unsupported_scheme');
  });
});

describe('SHORT_LINK_FETCH', () => {
  it('names only short-link hosts of the registry, each of one platform', () => {
    const owners = new Map<string, string[]>();
    for (const row of MATCH_ROWS)
      for (const short of row.shortLinks) owners.set(short.host, [...(owners.get(short.host) ?? []), row.id]);
    for (const host of Object.keys(SHORT_LINK_FETCH))
      expect([host, owners.get(host)?.length]).toEqual([host, 1]);
  });

  it("is read back into the registry rows' short links by getPlatform", () => {
    expect(getPlatform('taobao').shortLinks[0]).toEqual({
      host: 'm.tb.cn',
      keep: ['tk'],
      scriptRedirect: true,
    });
    expect(getPlatform('jd').shortLinks.find((s) => s.host === '3.cn')?.userAgent).toBe('jd-app');
    expect(getPlatform('kuaishou').shortLinks.some((s) => 'userAgent' in s || 'scriptRedirect' in s)).toBe(
      false,
    );
  });
});
