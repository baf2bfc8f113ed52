/**
 * The one way the repo's benches compare a call on a small and a big input (linear-time checks): CPU
 * time of this process (user + system, GC threads included), which other work on a shared machine does
 * not inflate the way it inflates wall time; small and big runs alternate, so a busy spell hits both
 * alike; a call is repeated until one measurement takes ≥ `minMs`, so timer noise and a major garbage
 * collection that falls in one run and not the next average out; medians of `rounds`.
 * @example
 * const [small, big] = await measurePair(() => parse(oneMb), () => parse(twoMb));
 * console.log((big / small).toFixed(2)); // ≈ 2 when the cost is linear
 */

/** Milliseconds of CPU time this process has used (user + system, every thread). */
export function cpuNow(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

export interface MeasurePairOptions {
  /** Alternating rounds; the medians are reported. Default 5. */
  readonly rounds?: number;
  /** Each measurement repeats the call until it takes at least this long (ms). Default 500. */
  readonly minMs?: number;
  /** Compare wall time instead of CPU time. Default false. */
  readonly wall?: boolean;
}

/** The middle value (the upper middle of an even count). */
export const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] as number;
const gc = (globalThis as { gc?: () => void }).gc;

/** One run of `fn`: [ms on the compared clock, wall ms]. */
async function time(fn: () => unknown, wall: boolean): Promise<[number, number]> {
  gc?.(); // (node --expose-gc) the previous run's garbage is collected before, not during, this one
  const c = cpuNow();
  const t = performance.now();
  await fn();
  const w = performance.now() - t;
  return [wall ? w : cpuNow() - c, w];
}

/**
 * Time per call of `small` and `big` (ms on the compared clock), and `big`'s wall time per call.
 * Both run once before anything is timed, so the heap has grown to what the big input needs.
 */
export async function measurePair(
  small: () => unknown,
  big: () => unknown,
  options: MeasurePairOptions = {},
): Promise<[small: number, big: number, bigWall: number]> {
  const { rounds = 5, minMs = 500, wall = false } = options;
  await time(big, wall);
  const [, once] = await time(small, wall);
  const reps = Math.min(50, Math.max(1, Math.ceil(minMs / Math.max(once, 0.01))));
  const repeat = (fn: () => unknown) => async () => {
    for (let i = 0; i < reps; i++) await fn();
  };
  const a: number[] = [];
  const b: number[] = [];
  const bWall: number[] = [];
  for (let r = 0; r < rounds; r++) {
    a.push((await time(repeat(small), wall))[0] / reps);
    const [bt, bw] = await time(repeat(big), wall);
    b.push(bt / reps);
    bWall.push(bw / reps);
  }
  return [median(a), median(b), median(bWall)];
}
