/**
 * The token alphabet: 31 symbols, digits 2–9 and the Latin capitals without I, L and O. 0/O and 1/I/L
 * never appear, so none of them can be mistaken for another symbol. 31 is prime, so symbol values
 * form the field GF(31) and the check equations below are plain arithmetic mod 31.
 */
export const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const Q = 31;

/** Value of a symbol, -1 for a character outside the alphabet, -2 for a look-alike (0 O 1 I L). */
const TABLE = new Int8Array(128).fill(-1);
for (let v = 0; v < ALPHABET.length; v++) {
  const c = ALPHABET.charCodeAt(v);
  TABLE[c] = v;
  TABLE[c | 0x20] = v; // lower case letters; digits are unaffected by the bit
}
for (const ch of '0Oo1IiLl') TABLE[ch.charCodeAt(0)] = -2;

/** Symbol value of the UTF-16 unit `code`: ASCII or full-width (Ｖ, ７), any case. */
export function symbolOf(code: number): number {
  if (code >= 0xff10 && code <= 0xff5a) code -= 0xfee0; // full-width forms fold to ASCII
  return code < 128 ? (TABLE[code] as number) : -1;
}

/**
 * Multiplicative inverse in GF(31); `a` must be 1…30. Searched, not tabled: only a correction needs it, and a
 * table built at load time would ship in every bundle of the scan (parseShareText never corrects).
 */
export function inv(a: number): number {
  let b = 1;
  while ((a * b) % Q !== 1) b++;
  return b;
}

/** Number of check symbols at the end of every token. */
export const CHECKS = 5;
/** Longest data part the position weights can tell apart (30³). */
export const MAX_DATA = 27_000;

/**
 * Weight of data position `i` in check equation `m`. Equation 0 sums the symbols; 1–3 give the
 * position's base-30 digits (plus one, so never 0); 4 is a further nonzero weight whose consecutive
 * values differ by 7. Consecutive positions always differ in equations 1 and 4, which is what
 * catches adjacent transpositions.
 */
export function weight(m: number, i: number): number {
  // Equations 1–3 divide by 30⁰, 30¹, 30²: an exact quotient, or one far enough below the next integer.
  return m === 0 ? 1 : (Math.floor(m < 4 ? i / 30 ** (m - 1) : 7 * i + 3) % 30) + 1;
}

/**
 * Syndromes of a whole word (data then five checks): each equation's weighted sum of the data plus its
 * check symbol, mod 31. All zero exactly when the word is valid.
 */
export function syndromes(word: ArrayLike<number>): number[] {
  const n = word.length - CHECKS;
  const t: number[] = [];
  for (let m = 0; m < CHECKS; m++) {
    let sum = word[n + m] as number;
    for (let i = 0; i < n; i++) sum += (word[i] as number) * weight(m, i);
    t.push(sum % Q);
  }
  return t;
}

/** The five check symbols for data values `d`: what makes each equation's syndrome 0. */
export function checkSymbols(d: ArrayLike<number>): number[] {
  return syndromes([...Array.from(d), 0, 0, 0, 0, 0]).map((x) => (Q - x) % Q);
}

/** A token as written: its data values, then their check symbols, in the alphabet. */
export function tokenText(data: readonly number[]): string {
  return [...data, ...checkSymbols(data)].map((v) => ALPHABET[v]).join('');
}

/**
 * Corrects at most one substituted symbol in place. Returns the corrected position, -1 when the
 * word was already valid, or null when the syndromes are not those of a single substitution
 * (then nothing is changed). A single-substitution pattern names exactly one position and value,
 * so a correction can only lead back to the word that was sent.
 */
export function correctOne(word: number[], erasure = -1): number | null {
  const n = word.length - CHECKS;
  const t = syndromes(word);
  const nonzero = t.filter((x) => x !== 0).length;
  if (nonzero === 0) return erasure >= 0 ? erasure : -1;
  if (nonzero === 1) {
    const m = t.findIndex((x) => x !== 0);
    const pos = n + m;
    if (erasure >= 0 && erasure !== pos) return null;
    word[pos] = ((word[pos] as number) - (t[m] as number) + Q) % Q;
    return pos;
  }
  if (nonzero !== CHECKS) return null;
  const e = t[0] as number;
  const ie = inv(e);
  const r = t.map((x) => (x * ie) % Q);
  const j = (r[1] as number) - 1 + 30 * ((r[2] as number) - 1) + 900 * ((r[3] as number) - 1);
  if (j >= n || weight(4, j) !== r[4]) return null;
  if (erasure >= 0 && erasure !== j) return null;
  // A data symbol raised by e at j shows up as e·w(j) in every equation: take e back off.
  word[j] = ((word[j] as number) - e + Q) % Q;
  return syndromes(word).every((x) => x === 0) ? j : null;
}
