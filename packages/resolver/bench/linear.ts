/**
 * `pnpm bench` (resolver, linear-time part): every text entry point on adversarial patterns at two
 * sizes, the time of each (median of alternating runs) and the big/small ratio, which stays near 2
 * when the cost is linear (target ≤ 2.2). Text readers run at 1 MB and 2 MB through their
 * size-unchecked cores (the public functions refuse more than 1 MB); `resolve`, which answers
 * `too-large` past 1 MB, at 0.5 MB and 1 MB; decoders with a small input limit at half their limit
 * and at the limit, many times over. Also prints `resolve` on 1 MB.
 *
 * Ratios compare the process's CPU time (user + system, GC threads included), which other processes on a
 * shared machine do not inflate the way they inflate wall time; `--wall` compares wall time instead.
 * Each measurement repeats a call to ≥ 500 ms, so a major garbage collection that falls in one run and
 * not the next averages out (test-utils/linear.ts). `resolve` on 1 MB is reported in wall time.
 *
 *   node --expose-gc --conditions=@sharekit/source --import tsx bench/linear.ts [--quick] [--wall] [--only name,…]
 */
import { canonicalize, identify, judgeTarget } from '@sharekit/canonical-url';
import { parseAppLink } from '@sharekit/deep-link';
import { composeShareText, decodeToken } from '@sharekit/share-token';
import { measurePair } from '../../../test-utils/linear.js';
import { ADVERSARIAL_TEXTS } from '../../share-token/bench/patterns.js';
import { normalizeText } from '../../share-token/src/normalize.js';
import { parseUnchecked } from '../../share-token/src/parse.js';
import { exact, scanTokens, sharekitTokens } from '../../share-token/src/token.js';
import { resolve } from '../src/index.js';

const MB = 1 << 20;
const quick = process.argv.includes('--quick');
const ROUNDS = quick ? 3 : 5;
const only = process.argv.includes('--only')
  ? process.argv[process.argv.indexOf('--only') + 1]?.split(',')
  : undefined;
const wanted = (fn: string) => !only || only.includes(fn);

function fill(unit: string, chars: number): string {
  return unit.repeat(Math.ceil(chars / unit.length)).slice(0, chars);
}

const wallClock = process.argv.includes('--wall');
/** Medians of alternating runs, repeated to ≥ 500 ms each (see test-utils/linear.ts). */
const measure = (small: () => unknown, big: () => unknown) =>
  measurePair(small, big, { rounds: ROUNDS, wall: wallClock });

/** Patterns for one URL or token, up to its size limit. */
const URL_PATTERNS: readonly [string, (n: number) => string][] = [
  ['dotted host a.a.a…', (n) => `https://${fill('a.', n - 20)}taobao.com/`],
  ['escapes %25%6%31…', (n) => `https://example.com/${fill('%6%31%25', n - 30)}`],
  ['query pairs a=1&…', (n) => `https://item.taobao.com/item.htm?${fill('a=1&', n - 40)}id=1`],
  ['@@@ in userinfo', (n) => `https://${fill('@', n - 30)}taobao.com/`],
  ['nested ?url=', (n) => `https://ds.alipay.com/?${fill('url=https%3A%2F%2F', n - 40)}`],
  ['digits', (n) => `https://${fill('0', n - 10)}/`],
  ['trailing dots', (n) => `https://2130706433${fill('.', n - 30)}/`],
];

const rows: string[] = [];
let worst = 0;
function row(fn: string, pattern: string, sizes: string, a: number, b: number): void {
  const ratio = b / Math.max(a, 1e-3);
  worst = Math.max(worst, ratio);
  rows.push(
    `| ${fn.padEnd(16)} | ${pattern.padEnd(36)} | ${sizes.padEnd(13)} | ${a.toFixed(1).padStart(9)} | ${b.toFixed(1).padStart(9)} | ${ratio.toFixed(2).padStart(5)} |`,
  );
  console.log(rows.at(-1));
}

console.log(
  `linear time — node ${process.version}, medians of ${ROUNDS} alternating runs (${wallClock ? 'wall' : 'CPU'} ms)`,
);
console.log('');
console.log(
  `| ${'function'.padEnd(16)} | ${'pattern'.padEnd(36)} | ${'sizes'.padEnd(13)} | ${'small ms'.padStart(9)} | ${'big ms'.padStart(9)} | ${'ratio'.padStart(5)} |`,
);
console.log(
  `|${'-'.repeat(18)}|${'-'.repeat(38)}|${'-'.repeat(15)}|${'-'.repeat(11)}|${'-'.repeat(11)}|${'-'.repeat(7)}|`,
);

const resolveOneMb: [string, number][] = [];
for (const [name, unit] of ADVERSARIAL_TEXTS) {
  const one = fill(unit, MB);
  const two = fill(unit, 2 * MB);
  if (wanted('parseShareText')) {
    const [a, b] = await measure(
      () => parseUnchecked(one, sharekitTokens),
      () => parseUnchecked(two, sharekitTokens),
    );
    row('parseShareText', name, '1 MB / 2 MB', a, b);
  }
  if (wanted('findTokens')) {
    const [c, d] = await measure(
      () => scanTokens(normalizeText(one).norm, exact),
      () => scanTokens(normalizeText(two).norm, exact),
    );
    row('findTokens', name, '1 MB / 2 MB', c, d);
  }
  if (!wanted('resolve')) continue;
  // resolve reads at most 1 MB of text (it answers `too-large` beyond): 0.5 MB and 1 MB.
  const half = fill(unit, MB / 2);
  const [e, f, fWall] = await measure(
    () => resolve(half),
    () => resolve(one),
  );
  row('resolve', name, '0.5 MB / 1 MB', e, f);
  resolveOneMb.push([name, fWall]);
}
const target = {
  platform: 'jd',
  kind: 'item',
  id: '100012043978',
  url: 'https://item.jd.com/100012043978.html',
} as const;
for (const [name, unit] of !wanted('composeShareText')
  ? []
  : ([
      ['brand and title 【】\\n', '【】\n淘'],
      ["brand $' $&", "$'$&"],
    ] as const)) {
  const [a, b] = await measure(
    () => composeShareText({ target, brand: fill(unit, MB), title: fill(unit, MB) }),
    () => composeShareText({ target, brand: fill(unit, 2 * MB), title: fill(unit, 2 * MB) }),
  );
  row('composeShareText', name, '1 MB / 2 MB', a, b);
}

async function bounded(
  fn: string,
  run: (s: string) => unknown,
  limit: number,
  patterns: typeof URL_PATTERNS,
) {
  if (!wanted(fn)) return;
  const reps = Math.max(1, Math.round(((quick ? 2 : 4) * (1 << 20)) / limit / 8));
  for (const [name, make] of patterns) {
    const half = make(limit / 2).slice(0, limit / 2);
    const full = make(limit).slice(0, limit);
    const loop = (s: string) => () => {
      for (let i = 0; i < reps; i++) {
        try {
          run(s);
        } catch {
          // refusals are answers too; their time counts
        }
      }
    };
    const [a, b] = await measure(loop(half), loop(full));
    row(fn, name, `${limit / 2048} / ${limit / 1024} KB ×${reps}`, a, b);
  }
}
await bounded('identify', identify, 8192, URL_PATTERNS);
await bounded('canonicalize', canonicalize, 8192, URL_PATTERNS);
await bounded('judgeTarget', judgeTarget, 8192, URL_PATTERNS);
await bounded('parseAppLink', parseAppLink, 8192, [
  ...URL_PATTERNS,
  ['nested wrappers', (n) => `taobao://${fill('alipays://platformapi/startapp?url=', n - 20)}`],
  ['JD params JSON', (n) => `openapp.jdmobile://virtual?params={${fill('"a":[{"b":', n - 40)}`],
]);
await bounded('decodeToken', decodeToken, 65536, [
  ['token symbols', (n) => fill('VBKWACN9Y7X23733K', n)],
  ['separators', (n) => fill('V - B ', n)],
  ['look-alikes 0O1IL', (n) => fill('0O1IL', n)],
]);

console.log('');
console.log(`largest ratio: ${worst.toFixed(2)} (target ≤ 2.2)`);
const slowest = resolveOneMb.reduce((m, x) => (x[1] > m[1] ? x : m), ['', 0] as [string, number]);
console.log(`resolve on 1 MB (wall): slowest ${slowest[1].toFixed(0)} ms (${slowest[0]}), target ≤ 1000 ms`);
for (const [name, ms] of resolveOneMb) console.log(`  resolve 1 MB ${name}: ${ms.toFixed(0)} ms`);
