/**
 * The one seeded pseudo-random generator of the repo's benches, fuzzers and scripts (mulberry32): the
 * same seed gives the same numbers on every machine, so a bench measures the same inputs each run and
 * a fuzz finding can be rebuilt from its seed. Not for anything that needs unpredictable numbers.
 * @example
 * const random = mulberry32(2026);
 * random(); // a number in [0, 1), the same one every run
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
