/**
 * Run counts and seeds for every property test in the repo, in one place.
 *
 * - CI and a plain `pnpm test`: each property runs with the fixed seed and run count its test names.
 * - `SHAREKIT_FUZZ_SEED=random` (or `fresh`): a new seed per test file, printed when the file loads;
 *   `SHAREKIT_FUZZ_SEED=<integer>` replays it. fast-check prints the seed and path of a failure.
 * - `SHAREKIT_FUZZ_RUNS=<n>` runs each property n times; `SHAREKIT_FUZZ_RUNS=<k>x` multiplies the
 *   test's own count by k.
 *
 * Turbo caches test results: with a fresh seed run vitest directly or pass `--force`.
 * @example
 * fc.assert(fc.property(fc.string(), (s) => …), fuzz(500, 20261120));
 * // SHAREKIT_FUZZ_SEED=random SHAREKIT_FUZZ_RUNS=10x npx vitest run   (in a package)
 */
import type { Parameters } from 'fast-check';

const env = typeof process === 'object' && process?.env ? process.env : {};

function parseSeed(text: string | undefined): number | undefined {
  if (text === undefined || text === '') return undefined;
  if (text === 'random' || text === 'fresh') return (Date.now() ^ Math.floor(Math.random() * 0x7fffffff)) | 0;
  const n = Number(text);
  if (!Number.isSafeInteger(n))
    throw new Error(`SHAREKIT_FUZZ_SEED must be an integer or "random", found ${text}`);
  return n | 0;
}

function parseRuns(text: string | undefined): ((own: number) => number) | undefined {
  if (text === undefined || text === '') return undefined;
  const times = text.endsWith('x');
  const n = Number(times ? text.slice(0, -1) : text);
  if (!Number.isFinite(n) || n <= 0)
    throw new Error(`SHAREKIT_FUZZ_RUNS must be a count or "<k>x", found ${text}`);
  return times ? (own) => Math.max(1, Math.round(own * n)) : () => Math.round(n);
}

/** The seed every property of this test file uses when one was asked for, else undefined. */
export const FUZZ_SEED: number | undefined = parseSeed(env.SHAREKIT_FUZZ_SEED);
const runsFor = parseRuns(env.SHAREKIT_FUZZ_RUNS);

if (FUZZ_SEED !== undefined) {
  console.error(`[fuzz] SHAREKIT_FUZZ_SEED=${FUZZ_SEED} (replay a failure with this value)`);
}

/**
 * fast-check parameters: the test's own run count and fixed seed, unless `SHAREKIT_FUZZ_RUNS` /
 * `SHAREKIT_FUZZ_SEED` ask for more runs or a fresh seed.
 * @example
 * fc.assert(property, fuzz(300, 20261120))
 */
export function fuzz(numRuns: number, seed: number): Parameters<unknown> {
  return { numRuns: runsFor ? runsFor(numRuns) : numRuns, seed: FUZZ_SEED ?? seed };
}
