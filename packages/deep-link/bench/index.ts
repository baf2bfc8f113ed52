/*
 * pnpm bench: parse and build throughput (medians of 7 rounds, with peers measured side by side),
 * parse time against input size (linearity), in-app browser detection against inapp-spy on the
 * fixture user agents, and the size of the ./browser entry (esbuild, minified, gzip).
 */
import { fileURLToPath } from 'node:url';
import { identify } from '@sharekit/canonical-url';
import InAppSpy from 'inapp-spy';
// @ts-expect-error: plain ESM script without types
import { measureEntry } from '../../../scripts/entry-size.mjs';
import { parseAppLink, toAppLinks } from '../src/index.js';
import { detectInAppBrowser, planOpen } from '../src/open.js';
import { USER_AGENTS } from '../test/fixtures/user-agents.js';
import { nestInAlipay } from '../test/fixtures/wrappers.js';

const ROUNDS = 7;
const ROUND_MS = 150;

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** ops/s of fn over several inputs, median of ROUNDS rounds of about ROUND_MS each. */
function opsPerSecond(inputs: readonly string[], fn: (input: string) => unknown): number {
  const rates: number[] = [];
  let sink = 0;
  for (let round = 0; round < ROUNDS; round++) {
    let ops = 0;
    const start = performance.now();
    let now = start;
    while (now - start < ROUND_MS) {
      for (const input of inputs) {
        if (fn(input)) sink++;
        ops++;
      }
      now = performance.now();
    }
    rates.push((ops * 1000) / (now - start));
  }
  if (sink < 0) console.log(sink);
  return median(rates);
}

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US').padStart(11);

const JD_JSON = '{"category":"jump","des":"productDetail","skuId":"100012043978"}';
const WEBS = [
  'https://item.taobao.com/item.htm?id=634567890123',
  'https://item.jd.com/100012043978.html',
  'https://www.bilibili.com/video/BV17x411w7KC',
  'https://www.xiaohongshu.com/explore/64b5f3a2000000001e03a1b2',
  'https://www.douyin.com/video/7312345678901234567',
  'https://www.amazon.de/dp/B08N5WRWNW',
];
const SCHEMES = WEBS.map((w) => toAppLinks(w).scheme!);
const INTENTS = WEBS.map((w) => toAppLinks(w).intent!);
const UNIVERSALS = WEBS.map((w) => toAppLinks(w).universal ?? toAppLinks(w).scheme!);
const RAW_JD = [`openapp.jdmobile://virtual?params=${JD_JSON}`];
const NESTED_4 = SCHEMES.map((s) => nestInAlipay(s, 4));
const NESTED_8 = SCHEMES.map((s) => nestInAlipay(s, 8));
const IDENTITIES = WEBS.map((w) => identify(w)!);

console.log(
  `@sharekit/deep-link bench — Node ${process.version}, medians of ${ROUNDS} rounds × ${ROUND_MS} ms\n`,
);
console.log('parse (ops/s)                          deep-link   new URL() peer   ratio');
const parseRows: [string, readonly string[]][] = [
  ['scheme links', SCHEMES],
  ['intent:// links', INTENTS],
  ['https wrappers / universal links', UNIVERSALS],
  ['JD raw JSON params', RAW_JD],
  ['4 nested wrappers', NESTED_4],
  ['8 nested wrappers', NESTED_8],
];
for (const [name, inputs] of parseRows) {
  const ours = opsPerSecond(inputs, (s) => parseAppLink(s));
  // The peer: a bare WHATWG parse of the same text (no platform knowledge): the floor of any parser.
  const url = opsPerSecond(inputs, (s) => new URL(s));
  console.log(`  ${name.padEnd(34)}${fmt(ours)}${fmt(url)}      ${(url / ours).toFixed(1)}× slower than URL`);
}

console.log('\nbuild (ops/s)                          deep-link   identify() peer  ratio');
const fromUrl = opsPerSecond(WEBS, (s) => toAppLinks(s));
const identifyOnly = opsPerSecond(WEBS, (s) => identify(s));
console.log(
  `  ${'toAppLinks(url)'.padEnd(34)}${fmt(fromUrl)}${fmt(identifyOnly)}      ${(identifyOnly / fromUrl).toFixed(1)}×`,
);
let k = 0;
const fromIdentity = opsPerSecond(WEBS, () => toAppLinks(IDENTITIES[k++ % IDENTITIES.length]!));
console.log(`  ${'toAppLinks(identity)'.padEnd(34)}${fmt(fromIdentity)}`);
const safari = USER_AGENTS.find((c) => c.name === 'Safari on iOS 16')!.ua;
const planRate = opsPerSecond(WEBS, (s) => planOpen({ target: s, userAgent: safari }));
console.log(`  ${'planOpen (Safari iOS)'.padEnd(34)}${fmt(planRate)}`);

console.log('\nlinearity: parseAppLink time per input size (JD raw JSON padded; random-ish garbage)');
for (const size of [1024, 2048, 4096, 8000]) {
  const padJson = `openapp.jdmobile://virtual?params={"category":"jump","des":"productDetail","skuId":"100012043978","p":"${'x'.repeat(Math.max(0, Math.min(size, 4000) - 90))}"}`;
  const garbage =
    `tbopen://m.taobao.com/tbopen/index.html?${'a=%25&b={"'.repeat(Math.floor(size / 12))}`.slice(0, size);
  const rateA = opsPerSecond([padJson], (s) => {
    try {
      return parseAppLink(s);
    } catch {
      return null;
    }
  });
  const rateB = opsPerSecond([garbage], (s) => parseAppLink(s));
  console.log(
    `  ${String(size).padStart(5)} chars: JSON ${((1e6 / rateA) | 0).toString().padStart(5)} µs (${padJson.length} chars)   garbage ${((1e6 / rateB) | 0).toString().padStart(5)} µs`,
  );
}

console.log('\ndetectInAppBrowser vs inapp-spy 5.0.10 on the fixture user agents');
let ourHits = 0;
let spyHits = 0;
for (const c of USER_AGENTS) {
  const ours = detectInAppBrowser(c.ua);
  if ((ours?.app ?? null) === (c.expected?.app ?? null)) ourHits++;
  const spy = InAppSpy({ ua: c.ua });
  if (spy.isInApp === (c.expected !== null)) spyHits++;
}
console.log(
  `  in-app or not, right on ${ourHits}/${USER_AGENTS.length} (deep-link, also names the app) vs ${spyHits}/${USER_AGENTS.length} (inapp-spy)`,
);
const uas = USER_AGENTS.map((c) => c.ua);
const ourUa = opsPerSecond(uas, (s) => detectInAppBrowser(s));
const spyUa = opsPerSecond(uas, (s) => InAppSpy({ ua: s }));
console.log(
  `  ops/s: deep-link ${fmt(ourUa).trim()}, inapp-spy ${fmt(spyUa).trim()} (${(ourUa / spyUa).toFixed(1)}× ours/theirs)`,
);

/** Min and min+gzip bytes of one entry, bundled as scripts/entry-size.mjs bundles every browser entry. */
async function entrySize(entry: string): Promise<{ min: number; gzip: number }> {
  const { minified, gzipped } = await measureEntry(fileURLToPath(new URL(entry, import.meta.url)));
  return { min: minified, gzip: gzipped };
}
const browser = await entrySize('../src/browser.ts');
const main = await entrySize('../src/index.ts');
const open = await entrySize('../src/open.ts');
console.log('\nentry size (esbuild --bundle --minify, gzip -9)');
console.log(`  @sharekit/deep-link/browser  ${browser.min} B min, ${browser.gzip} B gzip`);
console.log(`  @sharekit/deep-link (main, canonical-url bundled)  ${main.min} B min, ${main.gzip} B gzip`);
console.log(`  @sharekit/deep-link/open (canonical-url bundled)  ${open.min} B min, ${open.gzip} B gzip`);
