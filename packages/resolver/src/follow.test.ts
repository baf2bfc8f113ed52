import type { FetchLike } from '@sharekit/canonical-url';
import { describe, expect, it } from 'vitest';
import { resolve } from './index.js';

function fakeFetch(routes: Record<string, { status: number; location?: string; body?: string }>) {
  const calls: string[] = [];
  const fetch: FetchLike = async (url) => {
    calls.push(url);
    const r = routes[url] ?? { status: 404 };
    const body = r.body ?? '';
    return {
      status: r.status,
      headers: { get: (n: string) => (n.toLowerCase() === 'location' ? (r.location ?? null) : null) },
      text: async () => body,
    };
  };
  return { fetch, calls };
}

describe('resolve with fetch: following short links', () => {
  it('is offline by default: fetch is never called unless given', async () => {
    const r = await resolve('https://v.douyin.com/RH7Gvmr/');
    expect(r.identity?.kind).toBe('short');
  });

  it('follows a Douyin short link to the video and reports each hop', async () => {
    const { fetch } = fakeFetch({
      'https://v.douyin.com/RH7Gvmr/': {
        status: 302,
        location: 'https://www.iesdouyin.com/share/video/7234567890123456789/?region=CN&mid=1',
      },
      'https://www.iesdouyin.com/share/video/7234567890123456789/?region=CN&mid=1': { status: 200 },
    });
    const r = await resolve(
      '8.79 vSy:/ 好看的视频  https://v.douyin.com/RH7Gvmr/ 复制此链接，打开抖音搜索，直接观看视频！',
      {
        fetch,
      },
    );
    expect(r.link).toBe('https://www.douyin.com/video/7234567890123456789');
    expect(r.identity).toMatchObject({ platform: 'douyin', kind: 'video' });
    expect(r.steps.map((s) => s.kind)).toEqual(['share-text', 'short-link', 'redirect', 'url', 'identity']);
    expect(r.safety.reasons.map((x) => x.code)).not.toContain('short-link-unresolved');
  });

  it('blocks a short link whose target is a lookalike', async () => {
    const { fetch } = fakeFetch({
      'https://bit.ly/3abcDEF': {
        status: 301,
        location: 'https://item.taobao.com.evil.example/item.htm?id=1',
      },
      'https://item.taobao.com.evil.example/item.htm?id=1': { status: 200 },
    });
    const r = await resolve('https://bit.ly/3abcDEF', { fetch });
    expect(r.link).toBeNull();
    expect(r.safety.level).toBe('danger');
  });

  it('lowers the level for a long redirect chain', async () => {
    const routes: Record<string, { status: number; location?: string }> = {};
    for (let i = 0; i < 4; i += 1)
      routes[`https://b23.tv/hop${i}`] = { status: 302, location: `https://b23.tv/hop${i + 1}` };
    routes['https://b23.tv/hop4'] = { status: 302, location: 'https://www.bilibili.com/video/BV17x411w7KC' };
    routes['https://www.bilibili.com/video/BV17x411w7KC'] = { status: 200 };
    const { fetch } = fakeFetch(routes);
    const r = await resolve('https://b23.tv/hop0', { fetch });
    expect(r.link).toBe('https://www.bilibili.com/video/BV17x411w7KC');
    expect(r.safety.level).toBe('caution');
    expect(r.safety.reasons.map((x) => x.code)).toContain('long-redirect-chain');
  });

  it('stops at 5 hops and keeps the short link with a caution', async () => {
    const routes: Record<string, { status: number; location?: string }> = {};
    for (let i = 0; i < 20; i += 1)
      routes[`https://b23.tv/loop${i}`] = { status: 302, location: `https://b23.tv/loop${i + 1}` };
    const { fetch, calls } = fakeFetch(routes);
    const r = await resolve('https://b23.tv/loop0', { fetch });
    expect(calls.length).toBe(6);
    expect(r.link).toBe('https://b23.tv/loop0');
    expect(r.safety.reasons.map((x) => x.code)).toContain('resolution-failed');
  });

  it('blocks a short link that redirects to javascript:', async () => {
    const { fetch } = fakeFetch({
      'https://t.cn/A6abCdEf': { status: 302, location: 'javascript:alert(1)' },
    });
    const r = await resolve('https://t.cn/A6abCdEf', { fetch });
    expect(r.link).toBeNull();
    expect(r.safety.level).toBe('danger');
  });

  it('times out a fetch that never answers', async () => {
    const fetch: FetchLike = () => new Promise(() => undefined);
    const r = await resolve('https://b23.tv/x', { fetch, timeoutMs: 30 });
    expect(r.safety.reasons.map((x) => x.code)).toContain('resolution-failed');
    expect(r.link).toBe('https://b23.tv/x');
  });
});
