// Punycode (RFC 3492) decoding, so hosts can be shown and checked in Unicode.

const BASE = 36;
const TMIN = 1;
const TMAX = 26;
const SKEW = 38;
const DAMP = 700;

/** Decodes one punycode label body (without `xn--`); `null` when it is not valid punycode. */
export function decodePunycode(input: string): string | null {
  const output: number[] = [];
  const basicEnd = input.lastIndexOf('-');
  for (let j = 0; j < basicEnd; j += 1) {
    const c = input.charCodeAt(j);
    if (c >= 0x80) return null;
    output.push(c);
  }
  let n = 128;
  let i = 0;
  let bias = 72;
  for (let index = basicEnd > 0 ? basicEnd + 1 : 0; index < input.length; ) {
    const oldi = i;
    for (let w = 1, k = BASE; ; k += BASE) {
      // a-z (either case) → 0-25, 0-9 → 26-35: base 36 turned by 26. Anything else, and past the end (charAt
      // gives ''), is NaN: no digit, so a truncated number is refused too.
      const digit = (Number.parseInt(input.charAt(index), 36) + 26) % BASE;
      index += 1;
      if (!(digit < BASE)) return null;
      i += digit * w;
      if (i > 0x10ffff * 1024) return null;
      const t = k <= bias ? TMIN : k >= bias + TMAX ? TMAX : k - bias;
      if (digit < t) break;
      w *= BASE - t;
    }
    const points = output.length + 1;
    // Bias adaptation (RFC 3492 §6.1).
    let delta = oldi === 0 ? Math.floor((i - oldi) / DAMP) : (i - oldi) >> 1;
    delta += Math.floor(delta / points);
    for (bias = 0; delta > ((BASE - TMIN) * TMAX) >> 1; bias += BASE)
      delta = Math.floor(delta / (BASE - TMIN));
    bias += Math.floor(((BASE - TMIN + 1) * delta) / (delta + SKEW));
    n += Math.floor(i / points);
    i %= points;
    if (n > 0x10ffff) return null;
    output.splice(i, 0, n);
    i += 1;
  }
  return String.fromCodePoint(...output);
}

/** The Unicode form of an ASCII host (`xn--` labels decoded; undecodable labels stay as they are). */
export function toUnicodeHost(host: string): string {
  if (!host.includes('xn--')) return host;
  return host
    .split('.')
    .map((label) => (label.startsWith('xn--') ? (decodePunycode(label.slice(4)) ?? label) : label))
    .join('.');
}
