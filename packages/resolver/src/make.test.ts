import { describe, expect, it } from 'vitest';
import { makeCatalog, makeProduct } from './index.js';
import { makeProduct as makeProductPng } from './node.js';

describe('makeProduct', () => {
  it('makes a token, a share text, app links and an SVG poster for a platform link', async () => {
    const made = await makeProduct({
      url: 'https://item.jd.com/100012043978.html?utm_source=x',
      title: '小米手环8',
      price: 239,
      id: 'sku-1',
    });
    expect(made.ok).toBe(true);
    if (!made.ok) return;
    expect(made.id).toBe('sku-1');
    expect(made.link).toBe('https://item.jd.com/100012043978.html');
    expect(made.text).toContain('小米手环8');
    expect(made.text).toContain(made.token);
    expect(made.links.web).toBe('https://item.jd.com/100012043978.html');
    expect(made.posters).toHaveLength(1);
    expect(made.posters[0]?.svg).toContain('<svg');
  });

  it('refuses a javascript: target with the safety judge reasons and makes nothing', async () => {
    const made = await makeProduct({ url: 'javascript:alert(1)', title: 'x' });
    expect(made.ok).toBe(false);
    if (made.ok) return;
    expect(made.error.code).toBe('unsafe_target');
    expect(made.error.reasons?.map((r) => r.code)).toContain('unsafe-scheme');
  });

  it('refuses a look-alike host as unsafe', async () => {
    const made = await makeProduct({ url: 'https://item.taobao.com.evil.example/item.htm?id=1', title: 'x' });
    expect(made.ok ? 'ok' : made.error.code).toBe('unsafe_target');
  });

  it('reports a row without a url or with an unknown size as invalid_row', async () => {
    const noUrl = await makeProduct({ url: '' });
    expect(noUrl.ok ? 'ok' : noUrl.error.code).toBe('invalid_row');
    const badSize = await makeProduct({ url: 'https://item.jd.com/1.html', sizes: ['huge' as 'square'] });
    expect(badSize.ok ? 'ok' : badSize.error.code).toBe('invalid_row');
  });

  it('turns a codec refusal into the codec error code instead of throwing', async () => {
    const made = await makeProduct({
      url: 'https://item.jd.com/100012043978.html',
      title: 'x',
      price: 'abc',
    });
    expect(made.ok).toBe(false);
    if (!made.ok) expect(made.error.code).toBe('invalid_spec');
  });

  it('renders PNG posters from the node entry, one per size', async () => {
    const made = await makeProductPng({
      url: 'https://item.jd.com/100012043978.html',
      title: '蓝牙耳机',
      sizes: ['moments', 'square'],
    });
    expect(made.ok).toBe(true);
    if (!made.ok) return;
    expect(made.posters.map((p) => [p.size, p.png?.[1]])).toEqual([
      ['moments', 0x50],
      ['square', 0x50],
    ]);
  });

  it('rejects png without a rasteriser as a misuse', async () => {
    await expect(makeProduct({ url: 'https://item.jd.com/1.html' }, { formats: ['png'] })).rejects.toThrow(
      /renderPng/,
    );
  });
});

describe('makeCatalog', () => {
  it('yields one result per row in row order, a bad row included', async () => {
    const rows = [
      { url: 'https://item.jd.com/100012043978.html', title: 'a', id: '1' },
      { url: 'javascript:alert(1)', id: '2' },
      { url: 'https://www.bilibili.com/video/BV17x411w7KC', id: '3' },
    ];
    const out = [];
    for await (const made of makeCatalog(rows, { concurrency: 3 })) out.push(made);
    expect(out.map((m) => [m.id, m.ok])).toEqual([
      ['1', true],
      ['2', false],
      ['3', true],
    ]);
  });
});

describe('makeProduct from the node entry, titles in every script', () => {
  it('reports a character no font has on the poster instead of failing the row', async () => {
    const made = await makeProductPng({
      url: 'https://item.jd.com/100012043978.html',
      title: '限时特惠🔥 藍牙耳機 \u{20000}',
    });
    expect(made.ok).toBe(true);
    if (made.ok) expect(made.posters[0]?.missingGlyphs).toEqual(['\u{20000}']);
  });
});
