/**
 * `pnpm bench` for @sharekit/canonical-url: canonicalize() throughput against normalize-url on the
 * same 10,000 generated URLs (half platform links with tracking tails, half generic URLs), measured
 * side by side in alternating rounds in one process; prints medians and the ratio. Also prints the
 * browser entry's size (min+gzip).
 */
import { join } from 'node:path';
import { canonicalize, identify } from '@sharekit/canonical-url';
import normalizeUrl from 'normalize-url';
// @ts-expect-error: plain ESM script without types
import { measureEntry } from '../../../scripts/entry-size.mjs';
import { mulberry32 } from '../../../test-utils/prng.js';

const COUNT = 10_000;
const ROUNDS = 15;

// Seeded, so every run measures the same URLs.
const rand = mulberry32(20261120);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
const digits = (n: number) =>
  Array.from({ length: n }, (_, i) => (i === 0 ? 1 + Math.floor(rand() * 9) : Math.floor(rand() * 10))).join(
    '',
  );
const word = (n: number) =>
  Array.from({ length: n }, () => pick([...'abcdefghijklmnopqrstuvwxyz0123456789'])).join('');

const PLATFORM_TEMPLATES: readonly (() => string)[] = [
  () =>
    `https://item.taobao.com/item.htm?spm=a1z10.${digits(4)}&id=${digits(12)}&ut_sk=1.${word(10)}&sourceType=item`,
  () => `https://h5.m.taobao.com/awp/core/detail.htm?id=${digits(12)}&scm=${word(6)}&pvid=${word(8)}`,
  () =>
    `https://item.m.jd.com/product/${digits(12)}.html?utm_source=iosapp&utm_medium=appshare&utm_campaign=t_${digits(9)}&utm_term=CopyURL`,
  () => `https://mobile.yangkeduo.com/goods.html?goods_id=${digits(12)}&_x_org=1&refer_share_uin=${word(10)}`,
  () => `https://www.iesdouyin.com/share/video/${digits(19)}/?region=CN&mid=${digits(19)}&u_code=${word(8)}`,
  () =>
    `https://www.xiaohongshu.com/discovery/item/${word(24).replace(/[g-z]/g, 'a')}?xsec_token=${word(20)}&xhsshare=CopyLink`,
  () =>
    `https://m.bilibili.com/video/BV1${pick(['7x411w7KC', 'Q541167Qg', 'mK4y1C7Bz'])}?share_source=copy&vd_source=${word(32)}`,
  () =>
    `https://www.amazon.com/${word(12)}/dp/B0${digits(8)}/ref=sr_1_${digits(1)}?keywords=${word(6)}&qid=${digits(10)}`,
  () => `https://e.tb.cn/h.${word(15)}?tk=${word(11)}&sm=${word(6)}`,
  () => `https://es.aliexpress.com/item/1005${digits(12)}.html?gatewayAdapt=glo2esp&algo_pvid=${word(16)}`,
];
const GENERIC_TEMPLATES: readonly (() => string)[] = [
  () => `https://www.${word(8)}.com/${word(5)}/${word(7)}?utm_source=${word(5)}&page=${digits(2)}`,
  () =>
    `HTTP://${word(6).toUpperCase()}.example.org:80/a/./b/../${word(4)}?b=${digits(3)}&a=${digits(2)}#top`,
  () => `https://${word(5)}.cn/${word(3)}%7e${word(4)}?q=%e4%b8%ad&fbclid=${word(12)}`,
  () => `http://blog.${word(7)}.net/${digits(4)}/${digits(2)}/${word(10)}.html`,
];

const urls: string[] = [];
for (let i = 0; i < COUNT; i += 1)
  urls.push((i % 2 === 0 ? pick(PLATFORM_TEMPLATES) : pick(GENERIC_TEMPLATES))());

function timeRound(fn: (u: string) => string): number {
  const start = performance.now();
  let sink = 0;
  for (const u of urls) sink += fn(u).length;
  const ms = performance.now() - start;
  if (sink === 0) throw new Error('no output');
  return ms;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

const ours = (u: string) => canonicalize(u);
const theirs = (u: string) => normalizeUrl(u);

// Warm up both, then alternate rounds so drift on a shared machine hits both alike.
for (let i = 0; i < 3; i += 1) {
  timeRound(ours);
  timeRound(theirs);
}
const oursMs: number[] = [];
const theirsMs: number[] = [];
for (let r = 0; r < ROUNDS; r += 1) {
  if (r % 2 === 0) {
    oursMs.push(timeRound(ours));
    theirsMs.push(timeRound(theirs));
  } else {
    theirsMs.push(timeRound(theirs));
    oursMs.push(timeRound(ours));
  }
}
const identified = urls.filter((u) => identify(u) !== null).length;
const oursRate = COUNT / (median(oursMs) / 1000);
const theirsRate = COUNT / (median(theirsMs) / 1000);
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

console.log(
  `@sharekit/canonical-url bench — ${COUNT.toLocaleString('en-US')} URLs (${identified} platform links identified), ${ROUNDS} alternating rounds, node ${process.version}`,
);
console.log('');
console.log('| function                     | median ms / 10k | URLs/s     |');
console.log('|------------------------------|-----------------|------------|');
console.log(
  `| canonicalize (sharekit)      | ${median(oursMs).toFixed(1).padStart(15)} | ${fmt(oursRate).padStart(10)} |`,
);
console.log(
  `| normalizeUrl (normalize-url) | ${median(theirsMs).toFixed(1).padStart(15)} | ${fmt(theirsRate).padStart(10)} |`,
);
console.log('');
console.log(
  `throughput ratio canonicalize / normalize-url: ${(oursRate / theirsRate).toFixed(2)}x (target ≥ 2x)`,
);

const size = await measureEntry(join(import.meta.dirname, '..', 'src', 'index.ts'));
console.log(
  `browser entry: ${(size.minified / 1024).toFixed(1)} KB min, ${(size.gzipped / 1024).toFixed(2)} KB min+gzip (target ≤ 12 KB)`,
);
