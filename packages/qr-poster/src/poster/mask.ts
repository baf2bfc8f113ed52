// Data masks and the choice among them (ISO/IEC 18004 §7.8), scored exactly as `qrcode` scores them,
// so a poster's symbol stays module for module the one qrcode draws. Written on plain row-major arrays
// (no BitMatrix) to keep qrcode's mask and matrix modules out of poster bundles.

/** The eight mask conditions: a module at (row, col) is flipped when its condition holds. */
const MASKS: readonly ((i: number, j: number) => boolean)[] = [
  (i, j) => (i + j) % 2 === 0,
  (i) => i % 2 === 0,
  (_, j) => j % 3 === 0,
  (i, j) => (i + j) % 3 === 0,
  (i, j) => (Math.floor(i / 2) + Math.floor(j / 3)) % 2 === 0,
  (i, j) => ((i * j) % 2) + ((i * j) % 3) === 0,
  (i, j) => (((i * j) % 2) + ((i * j) % 3)) % 2 === 0,
  (i, j) => (((i * j) % 3) + ((i + j) % 2)) % 2 === 0,
];

/**
 * XORs mask `mask` (0–7) over every module not reserved; applying it twice undoes it.
 * @example
 * applyMask(0, modules, reserved, 21);
 */
export function applyMask(mask: number, modules: Uint8Array, reserved: Uint8Array, size: number): void {
  const at = MASKS[mask]!;
  for (let k = 0; k < modules.length; k++)
    if (!reserved[k] && at(Math.floor(k / size), k % size)) modules[k]! ^= 1;
}

/**
 * qrcode's penalty of a masked symbol: runs of five or more like modules (3 + length − 5 each, rows and
 * columns), 2×2 blocks of one colour (3 each), finder-like 1:1:3:1:1 windows of eleven modules (40
 * each), and the dark share's distance from 50% (10 per 5%).
 */
function penalty(modules: Uint8Array, size: number): number {
  let points = 0;
  let dark = 0;
  for (let a = 0; a < size; a++) {
    // d = 0 reads row a, d = 1 column a.
    for (let d = 0; d < 2; d++) {
      let last = -1;
      let run = 0;
      let window = 0;
      for (let b = 0; b < size; b++) {
        const v = modules[d ? b * size + a : a * size + b]!;
        if (v === last) run++;
        else {
          if (run >= 5) points += run - 2;
          last = v;
          run = 1;
        }
        window = ((window << 1) & 0x7ff) | v;
        if (b >= 10 && (window === 0x5d0 || window === 0x05d)) points += 40;
      }
      if (run >= 5) points += run - 2;
    }
    for (let b = 0; b < size; b++) {
      const k = a * size + b;
      dark += modules[k]!;
      if (a < size - 1 && b < size - 1) {
        const block = modules[k]! + modules[k + 1]! + modules[k + size]! + modules[k + size + 1]!;
        if (block === 0 || block === 4) points += 3;
      }
    }
  }
  return points + Math.abs(Math.ceil((dark * 100) / modules.length / 5) - 10) * 10;
}

/**
 * The mask (0–7) of least penalty, the first one on a tie; `format(mask)` writes each mask's format
 * bits into `modules` before it is scored. Leaves `modules` unmasked.
 * @example
 * const mask = bestMask(modules, reserved, size, writeFormat);
 */
export function bestMask(
  modules: Uint8Array,
  reserved: Uint8Array,
  size: number,
  format: (mask: number) => void,
): number {
  let best = 0;
  let lowest = Number.POSITIVE_INFINITY;
  for (let mask = 0; mask < 8; mask++) {
    format(mask);
    applyMask(mask, modules, reserved, size);
    const score = penalty(modules, size);
    applyMask(mask, modules, reserved, size);
    if (score < lowest) {
      lowest = score;
      best = mask;
    }
  }
  return best;
}
