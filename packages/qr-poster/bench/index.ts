/**
 * `pnpm bench`: poster rendering speed (PNG, 750×1334) and the browser entry's size.
 *
 * Speed: medians over timed runs after a warm-up, side by side in one process: our SVG composition,
 * our PNG render (with and without `verify`), and two peers for scale — `qrcode`'s own PNG of the bare
 * code (`toBuffer`) and resvg rasterising our finished SVG (the floor for any SVG-based poster).
 * Size: esbuild bundles of the browser entry (minified, then gzip -9).
 */
import { gzipSync } from 'node:zlib';
import { Resvg } from '@resvg/resvg-js';
import { build } from 'esbuild';
import QRCode from 'qrcode';
import { renderPoster } from '../src/index.js';
import { BUNDLED_FONT_FILES, renderPosterPng } from '../src/node.js';

const photoSvg =
  '<svg xmlns="http://www.w3.org/2000/svg" width="800" height="800"><rect width="800" height="800" fill="#e8d8c4"/><rect x="220" y="250" width="340" height="390" rx="40" fill="#2f6f73"/></svg>';
const photo = new Resvg(photoSvg).render().asPng();
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

async function time(
  name: string,
  runs: number,
  fn: () => Promise<unknown>,
): Promise<{ name: string; median: number }> {
  for (let i = 0; i < 3; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)] ?? 0;
  return { name, median };
}

const { svg } = await renderPoster(spec);
const runs = Number(process.env.BENCH_RUNS ?? 20);
const rows = [
  await time('renderPoster (SVG only)', runs, () => renderPoster(spec)),
  await time('renderPosterPng 750×1334', runs, () => renderPosterPng(spec)),
  await time('renderPosterPng 750×1334, verify: true', runs, () =>
    renderPosterPng({ ...spec, verify: true }),
  ),
  await time('peer: resvg on our SVG, same fonts', runs, async () =>
    new Resvg(svg, { font: { loadSystemFonts: false, fontFiles: [...BUNDLED_FONT_FILES] } }).render().asPng(),
  ),
  await time('peer: qrcode.toBuffer (bare code PNG)', runs, () =>
    QRCode.toBuffer('https://item.taobao.com/item.htm?id=678301234567', {
      errorCorrectionLevel: 'H',
      width: 246,
    }),
  ),
];
const ours = rows[1]?.median ?? 1;
console.log(`poster render speed (median of ${runs} runs, Node ${process.version})`);
for (const row of rows) {
  console.log(
    `  ${row.name.padEnd(44)} ${row.median.toFixed(1).padStart(8)} ms  ${(1000 / row.median).toFixed(1).padStart(8)} /s  ${(row.median / ours).toFixed(2)}× renderPosterPng`,
  );
}

async function bundle(entry: string): Promise<{ min: number; gzip: number; parts: Map<string, number> }> {
  const result = await build({
    stdin: { contents: entry, resolveDir: new URL('.', import.meta.url).pathname, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    conditions: ['@sharekit/source'],
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const bytes = result.outputFiles[0]?.contents ?? new Uint8Array();
  const parts = new Map<string, number>();
  for (const output of Object.values(result.metafile.outputs)) {
    for (const [path, { bytesInOutput }] of Object.entries(output.inputs)) {
      const group = path.includes('node_modules/')
        ? (path.split('node_modules/').pop()?.split('/')[0] ?? path)
        : path.includes('canonical-url')
          ? '@sharekit/canonical-url'
          : path.includes('/decode/')
            ? 'src/decode (Part B)'
            : 'src/poster + shared (Part A)';
      parts.set(group, (parts.get(group) ?? 0) + bytesInOutput);
    }
  }
  return { min: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, parts };
}

const kib = (n: number): string => (n / 1024).toFixed(1).padStart(6);
console.log('browser entry size (esbuild --bundle --minify --format=esm --platform=browser; gzip -9)');
for (const [name, entry] of [
  ['@sharekit/qr-poster (everything)', "export * from '../src/index.ts';"],
  ['import { renderPoster }', "export { renderPoster } from '../src/index.ts';"],
  ['import { decodeQr }', "export { decodeQr } from '../src/index.ts';"],
] as const) {
  const { min, gzip, parts } = await bundle(entry);
  console.log(`  ${name.padEnd(36)} ${kib(min)} KiB min  ${kib(gzip)} KiB min+gzip`);
  if (name.includes('everything')) {
    for (const [group, size] of [...parts].sort((a, b) => b[1] - a[1])) {
      console.log(`      ${group.padEnd(32)} ${kib(size)} KiB min`);
    }
  }
}
