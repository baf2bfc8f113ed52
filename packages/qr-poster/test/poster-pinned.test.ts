import { identify } from '@sharekit/canonical-url';
import { describe, expect, it } from 'vitest';
import { type PosterSpec, type RenderedPoster, renderPoster } from '../src/index.js';
import { jpegHeader, pngHeader } from './helpers.js';

// Whole posters pinned byte for byte: the SVG, the paint operations a rasteriser draws, the QR
// placement and the texts. Size work on the poster code must not move a single character; a change
// that means to alter the drawing updates these digests in the same commit and says why.

// Image bytes with a valid header (nothing decodes them); lengths 33, 34 and 35 cover base64's three paddings.
const png = pngHeader;

function gifDataUrl(width: number, height: number): string {
  const bytes = [
    0x47,
    0x49,
    0x46,
    0x38,
    0x39,
    0x61,
    width & 0xff,
    width >> 8,
    height & 0xff,
    height >> 8,
    0,
    0,
  ];
  return `data:image/gif;base64,${btoa(String.fromCharCode(...bytes))}`;
}

async function digest(poster: RenderedPoster): Promise<string> {
  const text = JSON.stringify([
    poster.svg,
    poster.width,
    poster.height,
    poster.payload,
    poster.identity,
    poster.qr,
    poster.texts,
    poster.ops,
  ]);
  const hash = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(hash), (b) => b.toString(16).padStart(2, '0')).join('');
}

const jd = identify('https://item.jd.com/100012043978.html');

const POSTERS: readonly [string, PosterSpec][] = [
  [
    'a phone poster with price, original price and token, no photo',
    {
      target: 'https://item.taobao.com/item.htm?id=678301234567&spm=a21n57.1.0.0',
      title: '北欧风陶瓷马克杯 大容量带盖勺 办公室情侣水杯',
      price: 39.9,
      originalPrice: 69,
      token: '￥CZ3457 Hw7Ab￥',
    },
  ],
  [
    'a square poster with photo, brand logo in the code and a custom caption',
    {
      target: 'https://mobile.yangkeduo.com/goods.html?goods_id=123456789012',
      title: 'Ultra Wide Premium Edition 超长标题测试，一二三四五六七八九十 WWWWWWWWWW',
      price: '199.90',
      size: 'square',
      image: png(800, 600),
      brand: { name: 'A&B "shop" 旗舰店', logo: png(64, 64, 34) },
      caption: '扫码 <立即> 购买',
    },
  ],
  [
    'a print poster without photo, with a subcaption and four title lines',
    {
      target: 'https://www.bilibili.com/video/BV17x411w7KC?spm_id_from=333.1',
      title:
        '超长标题测试一二三四五六七八九十，超长标题测试一二三四五六七八九十。超长标题测试一二三四五六七八九十！',
      titleMaxLines: 4,
      subcaption: '打开哔哩哔哩 APP',
      size: 'print',
      originalPrice: '1999',
    },
  ],
  [
    'a squarish custom size with a LinkIdentity target, theme, currency and explicit QR options',
    {
      target: jd ?? 'https://item.jd.com/100012043978.html',
      title: 'Sony WH-1000XM5 降噪耳机',
      price: 2499,
      currency: '$',
      size: { width: 900, height: 1000 },
      theme: { accent: '#ff5000', qrDark: 'rgb(20, 20, 60)', background: '#fffaf0', panel: '#eee' },
      qr: { errorCorrection: 'Q', margin: 6 },
      token: '复制这段话打开京东 ￥AbCdEfGhIj￥ 口令测试',
      image: jpegHeader(1200, 900),
    },
  ],
  [
    'a tall custom size with a page of no platform, an explicit logo and a data-URL logo',
    {
      target: 'http://example.com/p/1?utm_source=x&b=2',
      title: 'Handmade ceramic mug',
      size: { width: 600, height: 1400 },
      brand: { name: 'Mug Co' },
      qr: { logo: gifDataUrl(48, 48), logoScale: 0.2, logoBudget: 0.6 },
      image: png(300, 300, 35),
    },
  ],
  [
    'a compact portrait without photo whose brand-less header is the platform badge',
    {
      target: 'https://v.douyin.com/iRNBho6u/',
      title: '抖音好物 夏季新款',
      size: { width: 1000, height: 1500 },
      price: 0.5,
      qr: { logo: false, errorCorrection: 'L' },
    },
  ],
];

const PINNED: Readonly<Record<string, string>> = {
  'a phone poster with price, original price and token, no photo':
    'c407a7091916732dda6010b635845534313a90bc17d2805e0a7c6bedecb54d33',
  'a square poster with photo, brand logo in the code and a custom caption':
    '2dffc5eb44ae5cd88b25e37839018f870768674b326619c6496b0dcbe19f5fc4',
  'a print poster without photo, with a subcaption and four title lines':
    '4378025f3fbe626a98d15e5b09cb5d01a7a16e574f85ee29bb159c8c0c795575',
  'a squarish custom size with a LinkIdentity target, theme, currency and explicit QR options':
    'cbd207fd69781ae76d8f0345626c30f182d364efca8a20aeda7a3ace3893aff4',
  'a tall custom size with a page of no platform, an explicit logo and a data-URL logo':
    '3a7f371a296314f64409ac1fac57141e779d4fc85e95c203c152ec58ff585d14',
  'a compact portrait without photo whose brand-less header is the platform badge':
    'edecf460b06d9ff3bd61d9a1677137edfe838b9fc5604a928cf4a4cf5e10bc81',
};

describe('posters pinned byte for byte', () => {
  it.each(POSTERS)('draws %s exactly as before', async (name, spec) => {
    expect(await digest(await renderPoster(spec))).toBe(PINNED[name]);
  });
});
