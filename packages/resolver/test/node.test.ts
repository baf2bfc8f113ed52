import { describe, expect, it } from 'vitest';
import { renderPosterPng, resolve } from '../src/node.js';

describe('resolve from the Node entry: images as bytes', () => {
  it('reads a poster PNG to its link', async () => {
    const png = await renderPosterPng({
      target: 'https://item.jd.com/100012043978.html',
      title: '蓝牙耳机',
      price: '199',
    });
    const r = await resolve(png);
    expect(r).toMatchObject({ kind: 'qr-image', link: 'https://item.jd.com/100012043978.html' });
    expect(r.steps[0]?.kind).toBe('qr-code');
  });

  it('resolves a truncated PNG to unknown with image-unreadable', async () => {
    const png = await renderPosterPng({ target: 'https://item.jd.com/100012043978.html', title: '蓝牙耳机' });
    const r = await resolve(png.subarray(0, 200));
    expect(r).toMatchObject({ kind: 'unknown', reason: 'image-unreadable' });
  });

  it('refuses a PNG whose header claims 50000×50000 before decoding it', async () => {
    const header = Uint8Array.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0xc3, 0x50,
      0, 0, 0xc3, 0x50, 8, 6, 0, 0, 0, 0, 0, 0, 0,
    ]);
    const r = await resolve(header);
    expect(r).toMatchObject({ kind: 'unknown', reason: 'image-too-large' });
  });

  it('reads bytes with a PNG signature and garbage after it as unreadable', async () => {
    const r = await resolve(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 0xff, 0xfe]));
    expect(r).toMatchObject({ kind: 'unknown', reason: 'image-unreadable' });
  });

  it('reads bytes that are neither an image nor UTF-8 text as unreadable', async () => {
    const r = await resolve(Uint8Array.from([0xff, 0xfe, 0xfd, 0x00, 0x81, 0x82]));
    expect(r).toMatchObject({ kind: 'unknown', reason: 'image-unreadable' });
  });
});
