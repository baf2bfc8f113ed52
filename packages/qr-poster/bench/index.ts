/**
 * `pnpm bench`: poster rendering speed (PNG, 750×1334) and the browser entry's size.
 *
 * Speed: medians over timed runs after a warm-up, side by side in one process, on one core:
 * - ours: `renderPosterPng` (compose, decode the photo, paint with our rasteriser, encode PNG), with
 *   and without `verify`;
 * - resvg: the same poster's SVG rasterised by resvg with the same fonts, plus its PNG encoding;
 * - floor: encoding the same finished pixels to PNG (what any rasteriser pays at the end).
 * Memory: RSS before and after `BENCH_POSTERS` posters (default 10,000) with varied titles.
 * Size: esbuild bundles of the browser entry (minified, then gzip -9).
 */
import { Resvg } from '@resvg/resvg-js';
import sharp from 'sharp';
// @ts-expect-error: plain ESM script without types
import { measureImport } from '../../../scripts/entry-size.mjs';
import { renderPoster } from '../src/index.js';
import { BUNDLED_FONT_FILES, renderPosterPng } from '../src/node.js';
import { encodePng, rasterizePoster } from '../src/poster/png.js';
import { rasterizeSvg } from '../test/resvg.js';

type Row = { name: string; median: number };

const photoSvg =
  '<svg xmlns="http://www.w3.org/2000/svg" width="800" height="800"><rect width="800" height="800" fill="#e8d8c4"/><rect x="220" y="250" width="340" height="390" rx="40" fill="#2f6f73"/><circle cx="390" cy="330" r="60" fill="#f2c14e"/></svg>';
// A product photo as shops upload them: an 800×800 JPEG.
const photo = new Uint8Array(
  await sharp(Buffer.from(new Resvg(photoSvg).render().asPng()))
    .jpeg({ quality: 88 })
    .toBuffer(),
);
const logo = new Resvg(
  '<svg xmlns="http://www.w3.org/2000/svg" width="128" height="128"><rect width="128" height="128" rx="28" fill="#c8102e"/></svg>',
)
  .render()
  .asPng();

const spec = {
  target: 'https://item.taobao.com/item.htm?id=678301234567&spm=a21n57.1.0.0',
  title: '北欧风陶瓷马克杯 大容量带盖勺 办公室情侣水杯 男女早餐杯牛奶咖啡杯子 送礼盒装',
  price: 39.9,
  originalPrice: 69,
  brand: { name: '木子家居旗舰店', logo },
  image: photo,
  token: '￥CZ3457Hw7Ab￥ 复制口令打开淘宝',
  size: 'moments' as const,
};

/**
 * Medians of several variants measured round-robin (one run of each in turn), so that a busy machine
 * slows every variant alike and the ratios stay fair.
 */
async function interleaved(
  runs: number,
  variants: readonly (readonly [string, () => unknown])[],
): Promise<{ name: string; median: number }[]> {
  for (const [, fn] of variants) for (let i = 0; i < 3; i++) await fn();
  const samples = variants.map(() => [] as number[]);
  for (let i = 0; i < runs; i++) {
    for (const [k, [, fn]] of variants.entries()) {
      const t = performance.now();
      await fn();
      samples[k]?.push(performance.now() - t);
    }
  }
  return variants.map(([name], k) => {
    const sorted = [...(samples[k] ?? [])].sort((a, b) => a - b);
    return { name, median: sorted[Math.floor(sorted.length / 2)] ?? 0 };
  });
}

const { svg } = await renderPoster(spec);
const { raster } = await rasterizePoster(spec);
const runs = Number(process.env.BENCH_RUNS ?? 30);
const [ours, verify, resvg, floor, composeOnly] = (await interleaved(runs, [
  ['ours: renderPosterPng', () => renderPosterPng(spec)],
  ['ours: renderPosterPng, verify: true', () => renderPosterPng({ ...spec, verify: true })],
  ['resvg: same SVG, same fonts, + PNG', () => rasterizeSvg(svg, BUNDLED_FONT_FILES)],
  ['floor: PNG encoding of the same pixels', () => encodePng(raster)],
  ['renderPoster (SVG only, no pixels)', () => renderPoster(spec)],
])) as [Row, Row, Row, Row, Row];
console.log(`poster render speed, 750×1334 PNG (median of ${runs} runs, one core, Node ${process.version})`);
for (const row of [ours, verify, resvg, floor, composeOnly]) {
  console.log(
    `  ${row.name.padEnd(42)} ${row.median.toFixed(1).padStart(7)} ms  ${(1000 / row.median).toFixed(1).padStart(7)} /s  ${(row.median / ours.median).toFixed(2)}× ours`,
  );
}
console.log(
  `  ratios: resvg / ours = ${(resvg.median / ours.median).toFixed(2)}, ours / floor = ${(ours.median / floor.median).toFixed(2)}, verify / ours = ${(verify.median / ours.median).toFixed(2)}`,
);

// Memory over many posters: titles vary (new glyphs keep arriving), so the glyph cache is exercised.
const posters = Number(process.env.BENCH_POSTERS ?? 10_000);
const chars =
  '北欧风陶瓷马克杯大容量带盖勺办公室情侣水杯男女早餐牛奶咖啡子送礼盒装藍牙耳機限时特惠한국어ひらがなカタカナ🔥👍';
const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MB`;
const rssStart = process.memoryUsage().rss;
const started = performance.now();
const checkpoints: string[] = [];
for (let i = 0; i < posters; i++) {
  const a = [...chars];
  const title = Array.from({ length: 14 }, (_, k) => a[(i * 7 + k * 13) % a.length]).join('');
  await renderPosterPng({ ...spec, title, price: (i % 500) + 0.9 });
  if ((i + 1) % 2000 === 0 && i + 1 < posters) checkpoints.push(`${i + 1}: ${mb(process.memoryUsage().rss)}`);
}
const seconds = (performance.now() - started) / 1000;
const rssEnd = process.memoryUsage().rss;
console.log(
  `memory over ${posters.toLocaleString('en-US')} posters: RSS ${mb(rssStart)} at the start, ${mb(rssEnd)} at the end (${(posters / seconds).toFixed(1)} posters/s)`,
);
if (checkpoints.length > 0) console.log(`  RSS after ${checkpoints.join(', ')}`);

/** Which part of the bundle a source file belongs to. */
function partOf(path: string): string {
  if (path.includes('node_modules/')) return path.split('node_modules/').pop()?.split('/')[0] ?? path;
  if (path.includes('canonical-url')) return '@sharekit/canonical-url';
  return path.includes('/decode/') ? 'src/decode (reading)' : 'src/poster + shared (making)';
}

const kib = (n: number): string => (n / 1024).toFixed(1).padStart(6);
console.log('browser entry size (esbuild --bundle --minify --format=esm --platform=browser; gzip -9)');
for (const [name, code] of [
  ['@sharekit/qr-poster (everything)', "export * from '@sharekit/qr-poster';"],
  ['import { renderPoster }', "export { renderPoster } from '@sharekit/qr-poster';"],
  ['import { decodeQr }', "export { decodeQr } from '@sharekit/qr-poster';"],
] as const) {
  // The same bundling and gzip as scripts/entry-size.mjs's budgets.
  const size: { minified: number; gzipped: number; heaviest: [string, number][] } = await measureImport({
    code,
    dir: 'packages/qr-poster',
    splitting: false,
  });
  console.log(`  ${name.padEnd(36)} ${kib(size.minified)} KiB min  ${kib(size.gzipped)} KiB min+gzip`);
  if (name.includes('everything')) {
    const parts = new Map<string, number>();
    for (const [path, bytes] of size.heaviest)
      parts.set(partOf(path), (parts.get(partOf(path)) ?? 0) + bytes);
    for (const [group, bytes] of [...parts].sort((a, b) => b[1] - a[1])) {
      console.log(`      ${group.padEnd(32)} ${kib(bytes)} KiB min`);
    }
  }
}
