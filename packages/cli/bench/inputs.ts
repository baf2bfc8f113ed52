// Seeded generators of bench inputs.
import { composeShareText, encodeToken, identify, toAppLinks } from '@sharekit/resolver';
import { mulberry32 } from '../../../test-utils/prng.js';

export const URLS = [
  'https://item.taobao.com/item.htm?id=634567890123&spm=a21n57.1.0.0',
  'https://detail.tmall.com/item.htm?id=612345678901&skuId=4901234567890',
  'https://item.jd.com/100012043978.html?cu=true&utm_source=kong',
  'https://mobile.yangkeduo.com/goods.html?goods_id=345678901234&refer_share_id=abc',
  'https://www.douyin.com/video/7234567890123456789',
  'https://www.xiaohongshu.com/explore/64a1b2c3d4e5f6a7b8c9d0e1',
  'https://www.bilibili.com/video/BV1GJ411x7h7?p=1&share_source=copy_web',
  'https://weibo.com/1234567890/MabcDEFgh',
  'https://www.amazon.com/dp/B08N5WRWNW?ref=ppx',
  'https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42',
  'https://v.douyin.com/iRNBho6u/',
  'https://e.tb.cn/h.8IcTrtZuTU19ieN?tk=nyXpT7VA7lt',
];

export function mixedInputs(n: number): string[] {
  const random = mulberry32(2026);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const identities = URLS.map((u) => identify(u)).filter((x) => x !== null && x.id !== null);
  const titles = [
    '夏季新款 纯棉短袖T恤 男女同款',
    '保温杯 316不锈钢 大容量',
    'Wireless earbuds',
    '【官方正品】小米手环8',
    '好看的视频',
  ];
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const k = i % 5;
    if (k === 0) {
      const target = pick(identities);
      if (target)
        out.push(
          composeShareText({ target, title: pick(titles), locale: random() < 0.8 ? 'zh' : 'en' }).replace(
            /\n/g,
            ' ',
          ),
        );
    } else if (k === 1) out.push(pick(URLS));
    else if (k === 2) out.push(encodeToken(pick(identities) ?? pick(URLS)));
    else if (k === 3) {
      const links = toAppLinks(pick(URLS.slice(0, 10)));
      out.push(
        pick(
          [links.scheme, links.intent, links.universal, links.web].filter(
            (x): x is string => x !== undefined,
          ),
        ),
      );
    } else {
      let junk = '';
      const len = 5 + Math.floor(random() * 80);
      for (let j = 0; j < len; j++)
        junk += String.fromCharCode(0x20 + Math.floor(random() * (random() < 0.2 ? 0x4e00 : 0x5f)));
      out.push(junk.trim() === '' ? 'x' : junk);
    }
  }
  return out;
}
