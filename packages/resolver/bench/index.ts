/**
 * `pnpm bench` for @sharekit/resolver: resolve() throughput per kind of input (medians of repeated
 * rounds), and the browser entry's size. Batch and poster figures are the CLI's bench.
 */
import { join } from 'node:path';
import { composeShareText, encodeToken, renderPosterPng, resolve } from '@sharekit/resolver/node';
// @ts-expect-error: plain ESM script without types
import { measureEntry } from '../../../scripts/entry-size.mjs';

const jd = {
  platform: 'jd',
  kind: 'item',
  id: '100012043978',
  url: 'https://item.jd.com/100012043978.html',
} as const;
const inputs: Record<string, string | Uint8Array> = {
  url: 'https://item.m.jd.com/product/100012043978.html?utm_source=iosapp&utm_medium=appshare&ad_od=share',
  'share text (Taobao 2026)':
    '【淘宝】https://e.tb.cn/h.8IcTrtZuTU19ieN?tk=nyXpT7VA7lt CZ3457 「316不锈钢保温杯 大容量」\n点击链接直接打开 或者 淘宝搜索直接打开',
  'share text (composed, with our token)': composeShareText({
    target: jd,
    title: '蓝牙耳机 降噪',
    brand: 'sharekit',
  }),
  'sharekit token': encodeToken(jd),
  'app link (intent://)':
    'intent://item.taobao.com/item.htm?id=634567890123#Intent;scheme=taobao;package=com.taobao.taobao;end',
  'danger (javascript:)': 'javascript:alert(document.cookie)',
  'poster PNG 750×1334': await renderPosterPng({ target: jd, title: '蓝牙耳机 降噪', price: '199.00' }),
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] as number;

console.log(`@sharekit/resolver bench — node ${process.version}, medians of 9 rounds`);
console.log('');
console.log('| input                                  | median µs / resolve | resolves/s |');
console.log('|----------------------------------------|---------------------|------------|');
for (const [name, input] of Object.entries(inputs)) {
  const isImage = input instanceof Uint8Array;
  const n = isImage ? 5 : 2000;
  for (let i = 0; i < (isImage ? 2 : 200); i += 1) await resolve(input);
  const rounds: number[] = [];
  for (let r = 0; r < 9; r += 1) {
    const t = performance.now();
    for (let i = 0; i < n; i += 1) await resolve(input);
    rounds.push(((performance.now() - t) * 1000) / n);
  }
  const us = median(rounds);
  console.log(
    `| ${name.padEnd(38)} | ${us.toFixed(1).padStart(19)} | ${Math.round(1e6 / us)
      .toLocaleString('en-US')
      .padStart(10)} |`,
  );
}
const size = await measureEntry(join(import.meta.dirname, '..', 'src', 'index.ts'));
console.log('');
console.log(
  `browser entry (resolver + the codecs it re-exports): ${(size.minified / 1024).toFixed(1)} KB min, ${(size.gzipped / 1024).toFixed(1)} KB min+gzip`,
);
