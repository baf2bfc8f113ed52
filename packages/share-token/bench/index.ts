/**
 * pnpm bench [corpus.json]
 *
 * 1. parseShareText throughput on the share-text corpus repeated to 1 MB, beside a naive regex
 *    extractor (what simple bots do) on the same text;
 * 2. time for 1 MB and 2 MB of adversarial text (the 2 MB runs use the same code without the 1 MB
 *    input limit) and the 2 MB / 1 MB ratio, which stays near 2 when the cost is linear;
 * 3. token encode/decode operations per second;
 * 4. false acceptances of findTokens over 10^7 random candidates.
 * All times are medians of CPU time (user + system) of this process.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { canonicalUrlFor, type LinkIdentity } from '@sharekit/canonical-url';
import { measurePair } from '../../../test-utils/linear.js';
import { ALPHABET, CHECKS, Q, tokenText } from '../src/alphabet.js';
import {
  composeShareText,
  decodeToken,
  encodeToken,
  findTokens,
  parseShareText as parseOnly,
  sharekitTokens,
} from '../src/index.js';
import { parseUnchecked } from '../src/parse.js';

/** parseShareText as the resolver calls it: platform shares and sharekit tokens. */
const parseShareText = (text: string) => parseOnly(text, { sharekitTokens });

import { VERSION_1 } from '../src/token.js';
import { ADVERSARIAL_TEXTS } from './patterns.js';

const MB = 1_000_000;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

/**
 * Median CPU time (user + system, ms) of `runs` calls. CPU time rather than wall time: the bench
 * shares its cores with other jobs, and waiting for a core is not work done by the parser.
 */
function time(fn: () => void, runs: number): number {
  const out: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = process.cpuUsage();
    fn();
    const d = process.cpuUsage(t0);
    out.push((d.user + d.system) / 1000);
  }
  return median(out);
}

function utf8Length(s: string): number {
  return new TextEncoder().encode(s).length;
}

/** Repeats `unit` to exactly `chars` UTF-16 units. */
function fill(unit: string, chars: number): string {
  return unit.repeat(Math.ceil(chars / unit.length)).slice(0, chars);
}

/** Seeded xorshift32, so every run draws the same candidates. */
function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x;
  };
}

// ---------------------------------------------------------------- 1. throughput

const corpusPath = resolve(process.argv[2] ?? '../../../shared/corpora/share-texts/dev.json');
let texts: string[];
let source: string;
if (existsSync(corpusPath)) {
  texts = (JSON.parse(readFileSync(corpusPath, 'utf8')) as { text: string }[]).map((e) => e.text);
  source = `${corpusPath} (${texts.length} texts)`;
} else {
  const x = { platform: 'taobao', kind: 'item', id: '675330231400' } as const;
  const target: LinkIdentity = { ...x, url: canonicalUrlFor(x.platform, x.kind, x.id) as string };
  texts = [
    '【淘宝】https://e.tb.cn/h.7QwErTyUiOpAsDf?tk=Qw3rTy7UiOp CZ0042 「实木小方凳 换鞋凳」\n点击链接直接打开',
    '【京东】https://3.cn/2Ab-cDeF?jkl=@Qw1Er2Ty3U@ MU1234 「机械键盘 红轴 87键」',
    '4.12 周末露营装备分享 # 露营 https://v.douyin.com/aB3-cD4_eF5/ 复制此链接，打开抖音搜索，直接观看视频！ kLm:/ Q@w.Er',
    '【【教程】电路设计-哔哩哔哩】 https://b23.tv/Ab3Cd4E',
    composeShareText({ target, title: '春季新品 羊毛开衫' }),
  ];
  source = 'built-in sample texts (corpus not found)';
}
const joined = texts.join('\n\n');
const corpusText = joined.repeat(Math.floor((1 << 20) / (joined.length + 2))).slice(0, 1 << 20);
const corpusBytes = utf8Length(corpusText);

/** Peer: a naive extractor — URL up to whitespace, 11 characters between two currency signs. */
function naiveExtract(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(/https?:\/\/[^\s，。]+/g)) n++;
  for (const _ of text.matchAll(/[￥$€¢₳](\w{11})[￥$€¢₳]/g)) n++;
  return n;
}

parseShareText(corpusText); // warm up
const tParse = time(() => parseShareText(corpusText), 7);
const tNaive = time(() => naiveExtract(corpusText), 7);
const shares = parseShareText(corpusText).length;
const tEach = time(() => {
  for (const t of texts) parseShareText(t);
}, 7);
const eachBytes = texts.reduce((a, t) => a + utf8Length(t), 0);

console.log(`# parseShareText throughput`);
console.log(`corpus: ${source}`);
console.log(
  `one ${(corpusBytes / MB).toFixed(2)} MB text (${corpusText.length} UTF-16 units, ${shares} shares): ` +
    `${tParse.toFixed(1)} ms → ${(corpusBytes / MB / (tParse / 1000)).toFixed(1)} MB/s`,
);
console.log(
  `each corpus text parsed alone (${texts.length} texts, ${eachBytes} bytes): ${tEach.toFixed(2)} ms → ` +
    `${(eachBytes / MB / (tEach / 1000)).toFixed(1)} MB/s, ${Math.round(texts.length / (tEach / 1000))} texts/s`,
);
console.log(
  `peer, naive regex extractor on the same 1 MB: ${tNaive.toFixed(1)} ms → ` +
    `${(corpusBytes / MB / (tNaive / 1000)).toFixed(1)} MB/s (parseShareText takes ${(tParse / tNaive).toFixed(1)}× as long)`,
);

// ---------------------------------------------------------------- 2. adversarial

console.log('');
console.log(
  "# adversarial input (CPU ms per call; 1 MB and 2 MB: medians of 5 alternating runs, each repeated to ≥ 500 ms; 2 MB runs skip the 1 MB input limit; all text entry points: the resolver's bench:linear)",
);
console.log(
  `${'pattern'.padEnd(28)}${'0.5 MB'.padStart(10)}${'1 MB'.padStart(10)}${'2 MB'.padStart(10)}   2MB/1MB`,
);
let worst = 0;
for (const [name, unit] of ADVERSARIAL_TEXTS) {
  const half = fill(unit, MB / 2);
  const one = fill(unit, MB);
  const two = fill(unit, 2 * MB);
  parseShareText(half);
  const tHalf = time(() => parseShareText(half), 5);
  const [tOne, tTwo] = await measurePair(
    () => parseShareText(one),
    () => parseUnchecked(two, sharekitTokens),
  );
  const ratio = tTwo / tOne;
  worst = Math.max(worst, ratio);
  console.log(
    `${name.padEnd(28)}${`${tHalf.toFixed(1)} ms`.padStart(10)}${`${tOne.toFixed(1)} ms`.padStart(10)}${`${tTwo.toFixed(1)} ms`.padStart(10)}   ${ratio.toFixed(2)}`,
  );
}
console.log(`largest 2MB/1MB ratio: ${worst.toFixed(2)}`);
let threw = '';
try {
  parseShareText('a'.repeat(2 * MB));
} catch (e) {
  threw = (e as { code?: string }).code ?? String(e);
}
console.log(`parseShareText on 2 MB itself: throws ${threw}`);

// ---------------------------------------------------------------- 3. codec speed

function opsPerSecond(fn: (i: number) => void, n: number): number {
  for (let i = 0; i < Math.min(n, 1000); i++) fn(i);
  const t = time(() => {
    for (let i = 0; i < n; i++) fn(i);
  }, 5);
  return n / (t / 1000);
}

const ids = Array.from({ length: 1000 }, (_, i) => String(600000000000 + i * 7919));
const identities: LinkIdentity[] = ids.map((id) => ({
  platform: 'taobao',
  kind: 'item',
  id,
  url: canonicalUrlFor('taobao', 'item', id) as string,
}));
const compactTokens = identities.map((x) => encodeToken(x));
const shortUrls = ids.map((id) => `https://e.tb.cn/h.${id.slice(0, 8)}Ab3Cd4E?tk=Zx8Cv7Bn6M${id.slice(-1)}`);
const urlTokens = shortUrls.map((u) => encodeToken(u));
const draw0 = rng(7);
const longUrl = `https://shop.example.com/p/spring?q=${Array.from({ length: 1960 }, () => 'abcdefghijklmnopqrstuvwxyz0123456789'[draw0() % 36]).join('')}`;
const longToken = encodeToken(longUrl);
const corrupted = compactTokens.map((t) => t.slice(0, 5) + (t[5] === 'A' ? 'B' : 'A') + t.slice(6));

console.log('');
console.log(`# token codec (ops per CPU second, median of 5)`);
const rows: [string, number][] = [
  [
    `encodeToken compact (Taobao item, ${compactTokens[0]?.length} chars)`,
    opsPerSecond((i) => encodeToken(identities[i % 1000] as LinkIdentity), 20000),
  ],
  ['decodeToken compact', opsPerSecond((i) => decodeToken(compactTokens[i % 1000] as string), 20000)],
  [
    'decodeToken compact with one typo (corrected)',
    opsPerSecond((i) => decodeToken(corrupted[i % 1000] as string), 20000),
  ],
  [
    `encodeToken URL form (e.tb.cn link, ${urlTokens[0]?.length} chars)`,
    opsPerSecond((i) => encodeToken(shortUrls[i % 1000] as string), 5000),
  ],
  ['decodeToken URL form', opsPerSecond((i) => decodeToken(urlTokens[i % 1000] as string), 5000)],
  [
    `encodeToken 2 KB URL, random query (${longUrl.length} chars → ${longToken.length} chars)`,
    opsPerSecond(() => encodeToken(longUrl), 300),
  ],
  ['decodeToken 2 KB URL', opsPerSecond(() => decodeToken(longToken), 300)],
];
for (const [name, ops] of rows)
  console.log(`${name.padEnd(58)}${Math.round(ops).toLocaleString('en-US').padStart(12)}`);
const para = `复制这条信息 ${compactTokens.slice(0, 50).join(' 打开 ')}`;
console.log(
  `${'findTokens, 50 tokens in text'.padEnd(58)}${Math.round(opsPerSecond(() => findTokens(para), 500))
    .toLocaleString('en-US')
    .padStart(12)}`,
);

// ---------------------------------------------------------------- 4. false acceptance

/**
 * The acceptance test of findTokens (no correction) for a random candidate starting at 0: version
 * symbol, header, the five check equations (summed on the fly, no allocation), and for the rare
 * candidate whose checks all pass, the full decoder.
 */
const sums = new Int32Array(CHECKS);
function accepts(next: () => number, forceHeader: boolean): boolean {
  const v0 = forceHeader ? VERSION_1 : next() % Q;
  if (v0 !== VERSION_1) return false;
  const size = forceHeader ? next() % 24 : next() % Q;
  const head = [v0, size];
  let dataLen: number;
  if (size < 24) dataLen = 2 + size + 1;
  else if (size === 30) {
    const a = next() % Q;
    const b = next() % Q;
    const c = next() % Q;
    head.push(a, b, c);
    const len = a * Q * Q + b * Q + c;
    if (len < 1 || 5 + len > 27000) return false;
    dataLen = 5 + len;
  } else return false;
  const symbols: number[] = [];
  const keep = dataLen <= 64; // short words are kept for the decoder; long ones only summed
  sums.fill(0);
  for (let i = 0; i < dataLen; i++) {
    const v = i < head.length ? (head[i] as number) : next() % Q;
    if (keep) symbols.push(v);
    sums[0] = (sums[0]! + v) % Q;
    sums[1] = (sums[1]! + v * ((i % 30) + 1)) % Q;
    sums[2] = (sums[2]! + v * ((Math.floor(i / 30) % 30) + 1)) % Q;
    sums[3] = (sums[3]! + v * ((Math.floor(i / 900) % 30) + 1)) % Q;
    sums[4] = (sums[4]! + v * (((7 * i + 3) % 30) + 1)) % Q;
  }
  let ok = true;
  for (let m = 0; m < CHECKS; m++) {
    const k = next() % Q;
    if (keep) symbols.push(k);
    if ((k + sums[m]!) % Q !== 0) ok = false;
  }
  if (!ok) return false;
  if (!keep) return true; // a long word whose checks pass: count it (never observed)
  try {
    decodeToken(symbols.map((x) => ALPHABET[x]).join(''));
    return true;
  } catch {
    return false;
  }
}

const N = 10_000_000;
const draw = rng(0x5eed);
const next = () => draw() % 3100; // 3100 = 100·31: unbiased mod 31 after the second reduction
let uniform = 0;
const t0 = performance.now();
for (let i = 0; i < N; i++) if (accepts(next, false)) uniform++;
const tUniform = performance.now() - t0; // wall time, for information
let headed = 0;
const t1 = performance.now();
for (let i = 0; i < N; i++) if (accepts(next, true)) headed++;
const tHeaded = performance.now() - t1;

// How many checked words name a valid target: random payloads completed with correct checks.
const S = 200_000;
let valid = 0;
for (let i = 0; i < S; i++) {
  const size = next() % 24;
  const data = [VERSION_1, size, ...Array.from({ length: size + 1 }, () => next() % Q)];
  try {
    decodeToken(tokenText(data));
    valid++;
  } catch {
    // not a valid target
  }
}
const structural = valid / S;

console.log('');
console.log(`# false acceptance (findTokens, no correction; seeded xorshift32)`);
console.log(
  `uniform random candidates (31 symbols, any header): ${N.toLocaleString('en-US')} tried, ${uniform} accepted (${(tUniform / 1000).toFixed(1)} s)`,
);
console.log(
  `candidates with a valid version-1 compact header (V + size): ${N.toLocaleString('en-US')} tried, ${headed} accepted (${(tHeaded / 1000).toFixed(1)} s)`,
);
console.log(
  `random payloads with correct checks that name a valid target: ${valid}/${S} = ${structural.toFixed(4)}`,
);
const bound = (1 / Q) ** (1 + CHECKS) * structural;
console.log(
  `bound per uniform candidate: 31^-6 (version symbol + 5 checks) × ${structural.toFixed(4)} = ${bound.toExponential(2)}` +
    `; per headed candidate: 31^-5 × ${structural.toFixed(4)} = ${((1 / Q) ** CHECKS * structural).toExponential(2)}`,
);
