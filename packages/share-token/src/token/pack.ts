/* Number and byte packing: big integers and byte strings to and from the 31-symbol alphabet. */
import { Q } from '../alphabet.js';

export function toSymbols(n: bigint): number[] {
  const out: number[] = [];
  const q = BigInt(Q);
  do {
    out.push(Number(n % q));
    n /= q;
  } while (n > 0n);
  return out.reverse();
}

export function fromSymbols(s: readonly number[]): bigint {
  let n = 0n;
  const q = BigInt(Q);
  for (const v of s) n = n * q + BigInt(v);
  return n;
}

/** 3 bytes → 5 symbols; a tail of 1 byte → 2 symbols, 2 bytes → 4. */
export function bytesToSymbols(b: Uint8Array): number[] {
  const out: number[] = [];
  const put = (value: number, count: number) => {
    const tmp: number[] = [];
    for (let k = 0; k < count; k++) {
      tmp.push(value % Q);
      value = Math.floor(value / Q);
    }
    for (let k = count - 1; k >= 0; k--) out.push(tmp[k] as number);
  };
  let i = 0;
  for (; i + 3 <= b.length; i += 3) put((b[i]! << 16) | (b[i + 1]! << 8) | b[i + 2]!, 5);
  if (b.length - i === 1) put(b[i]!, 2);
  else if (b.length - i === 2) put((b[i]! << 8) | b[i + 1]!, 4);
  return out;
}

/** The inverse of `bytesToSymbols`: null for a tail of 1 or 3 symbols or a group past its bytes' range. */
export function symbolsToBytes(s: readonly number[]): Uint8Array | null {
  const out: number[] = [];
  for (let i = 0; i < s.length; i += 5) {
    const group = s.slice(i, i + 5);
    // 5 symbols → 3 bytes, 4 → 2, 2 → 1.
    const bytes = group.length === 5 ? 3 : group.length / 2;
    let v = 0;
    for (const x of group) v = v * Q + x;
    if (bytes % 1 || v >= 2 ** (8 * bytes)) return null;
    for (let k = bytes; k--; ) out.push((v >>> (8 * k)) & 255);
  }
  return new Uint8Array(out);
}

/** UTF-8 bytes as text, or null when they are not valid UTF-8. */
export function utf8Text(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
