/**
 * `pnpm bench:compare <baseline checkout> [corpus.json]` — parseShareText of another checkout of this
 * repository (say, a `git worktree` at the release before a change) beside this one, in one process, on the
 * same texts: texts per CPU second for each text parsed alone and for one 1 MiB text of them, medians of
 * alternating rounds, and the after/before ratio of each round. The baseline is read from its TypeScript
 * sources (`packages/share-token/src/index.ts`), so it needs its dependencies installed, not built.
 *
 *   git worktree add /tmp/base d0c3f1f && (cd /tmp/base && npx pnpm@10.34.8 install --offline)
 *   pnpm bench:compare /tmp/base ../../corpora/share-texts.json
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cpuNow, median } from '../../../test-utils/linear.js';
import { parseShareText, sharekitTokens } from '../src/index.js';

type Parse = (text: string, options?: object) => unknown;

const [baseDir, corpusArg] = process.argv.slice(2);
if (!baseDir) {
  console.error('usage: pnpm bench:compare <baseline checkout> [corpus.json]');
  process.exit(2);
}
const baseEntry = resolve(baseDir, 'packages/share-token/src/index.ts');
if (!existsSync(baseEntry)) {
  console.error(`no share-token sources at ${baseEntry}`);
  process.exit(2);
}
// Both read sharekit tokens: a checkout from before the `sharekitTokens` option reads them without it.
const base = (await import(pathToFileURL(baseEntry).href)) as {
  parseShareText: Parse;
  sharekitTokens?: unknown;
};
const before: Parse = (text) => base.parseShareText(text, { sharekitTokens: base.sharekitTokens });
const after: Parse = (text) => parseShareText(text, { sharekitTokens });

const corpus = resolve(corpusArg ?? '../../corpora/share-texts.json');
const texts = (JSON.parse(readFileSync(corpus, 'utf8')) as { text: string }[]).map((e) => e.text);
const joined = texts.join('\n\n');
const big = joined.repeat(Math.floor((1 << 20) / (joined.length + 2))).slice(0, 1 << 20);

/** CPU milliseconds (user + system) of one call of `fn`. */
function cpu(fn: () => void): number {
  const t0 = cpuNow();
  fn();
  return cpuNow() - t0;
}
const each = (parse: Parse) => () => {
  for (const t of texts) parse(t);
};

/** Alternating rounds (who goes first swaps each round): [before ms, after ms, per-round ratios]. */
function rounds(run: (p: Parse) => () => void, n: number): [number, number, number] {
  const b: number[] = [];
  const a: number[] = [];
  const ratio: number[] = [];
  for (let k = 0; k < n; k++) {
    const first = k % 2 === 0 ? before : after;
    const second = first === before ? after : before;
    const t1 = cpu(run(first));
    const t2 = cpu(run(second));
    const [tb, ta] = first === before ? [t1, t2] : [t2, t1];
    b.push(tb);
    a.push(ta);
    ratio.push(ta / tb);
  }
  return [median(b), median(a), median(ratio)];
}

for (let w = 0; w < 3; w++) for (const p of [before, after]) each(p)();
const [eb, ea, er] = rounds(each, 31);
const [bb, ba, br] = rounds((p) => () => p(big), 9);
const rate = (ms: number) => Math.round(texts.length / (ms / 1000)).toLocaleString('en');
console.log(`parseShareText — baseline ${baseDir} vs this checkout, node ${process.version}`);
console.log(`corpus ${corpus} (${texts.length} texts); medians of CPU time, alternating rounds`);
console.log(
  `each text alone (31 rounds): baseline ${rate(eb)} texts/s, this ${rate(ea)} texts/s; time ratio this/baseline ${er.toFixed(3)}`,
);
console.log(
  `one 1 MiB text (9 rounds): baseline ${bb.toFixed(1)} ms, this ${ba.toFixed(1)} ms; time ratio this/baseline ${br.toFixed(3)}`,
);
