/**
 * The adversarial texts of the linear-time benches (share-token's `pnpm bench` and the resolver's
 * `bench:linear`, which runs every text entry point on them): each unit is repeated to the measured
 * size. Patterns that broke linearity once stay here as regressions (issue 15, finding 9: one-line
 * short links, links with 6 KB dotted hosts; the `\n原价` price lines of finding 1).
 */
import { encodeToken } from '../src/index.js';

const token = encodeToken({
  platform: 'taobao',
  kind: 'item',
  id: '675330231400',
  url: 'https://item.taobao.com/item.htm?id=675330231400',
});

/** [name, unit repeated to the measured size]. */
export const ADVERSARIAL_TEXTS: readonly (readonly [name: string, unit: string])[] = [
  ['one-line short links \\nm.tb.cn/h.a', '\nm.tb.cn/h.a'],
  ['links with 6 KB dotted hosts', `https://${'a.'.repeat(3000)}taobao.com/ `],
  ['currency delimiters ￥￥￥…', '￥'],
  ['digits 0123456789…', '0123456789'],
  ['httphttp…', 'http'],
  ['http://http://…', 'http://'],
  ['@@@…', '@'],
  ['?jkl=@ repeated', '?jkl=@'],
  ['nested 【【【…', '【'],
  ['「 without 」', '「'],
  ['closing ))))…', ')'],
  ['token-shaped runs', 'Ab3Cd4Ef5Gh '],
  ['V2 token headers', 'V2'],
  ['VY token headers', 'VY'],
  ['dense Taobao shares', 'https://m.tb.cn/h.a?tk=Ab3Cd4Ef5Gh ￥Ab3Cd4Ef5Gh￥ 「t」'],
  ['scheme-less hosts a.b/', 'm.tb.cn/'],
  ['wrapped-link joins \\n?', 'https://a.b/\n?'],
  ['Douyin codes', 'xYz:/ Q@w.Er '],
  ['markdown ](', ']('],
  ['😆 markers', '😆 '],
  ['our tokens', `${token} `],
  ['app links taobao://', 'taobao://item.taobao.com/item.htm?id=1 '],
  ['price lines \\n原价', '\n原价9.80'],
  // Session 5: a text of short words and no share (the link-less Douyin check once kept every word), Douyin scores
  // between links (one-line splitting), JD command lines (a line prefix tried per code).
  ['short words x x x…', 'x '],
  ['Douyin scores between links', '1.23 Abc:/ https://v.douyin.com/AbC1x/ '],
  ['JD command lines \\n24:/#…%', '\n24:/#AbCdEfGhIj1%哈'],
];
