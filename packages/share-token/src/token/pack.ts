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

export function symbolsToBytes(s: readonly number[]): Uint8Array | null {
  const rem = s.length % 5;
  if (rem !== 0 && rem !== 2 && rem !== 4) return null;
  const out = new Uint8Array(Math.floor(s.length / 5) * 3 + (rem === 0 ? 0 : rem / 2));
  let o = 0;
  const get = (from: number, count: number, limit: number): number | null => {
    let v = 0;
    for (let k = 0; k < count; k++) v = v * Q + (s[from + k] as number);
    return v < limit ? v : null;
  };
  let i = 0;
  for (; i + 5 <= s.length; i += 5) {
    const v = get(i, 5, 1 << 24);
    if (v === null) return null;
    out[o++] = v >>> 16;
    out[o++] = (v >>> 8) & 255;
    out[o++] = v & 255;
  }
  if (rem === 2) {
    const v = get(i, 2, 256);
    if (v === null) return null;
    out[o++] = v;
  } else if (rem === 4) {
    const v = get(i, 4, 65536);
    if (v === null) return null;
    out[o++] = v >>> 8;
    out[o++] = v & 255;
  }
  return out;
}
