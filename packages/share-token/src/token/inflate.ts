/* Raw DEFLATE (RFC 1951) reading for the URL form: strict, with a preset dictionary and a fixed output cap. */

/** Order in which a dynamic block lists the code lengths of the code-length alphabet (RFC 1951 3.2.7). */
const CODE_LENGTH_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

/** A canonical Huffman code: how many codes each length 0–15 has, and the symbols in code order. */
interface Code {
  readonly count: Uint16Array;
  readonly symbol: Uint16Array;
}

/**
 * The canonical code of `lengths` (RFC 1951 3.2.2), or null when the lengths over-subscribe the code
 * space, or leave it incomplete while more than one code is used. (zlib also refuses a one-code
 * code-length code; such a block can never be read whole, so it comes to the same.)
 */
function codeOf(lengths: Uint8Array): Code | null {
  const count = new Uint16Array(16);
  for (const length of lengths) count[length]!++;
  /** Where each length's symbols start in `symbol`. */
  const offset = new Uint16Array(17);
  let left = 1;
  for (let length = 1; length < 16; length++) {
    left = 2 * left - count[length]!;
    if (left < 0) return null;
    offset[length + 1] = offset[length]! + count[length]!;
  }
  if (left > 0 && count[0]! + count[1]! !== lengths.length) return null;
  const symbol = new Uint16Array(lengths.length);
  lengths.forEach((length, s) => {
    if (length) symbol[offset[length]!++] = s;
  });
  return { count, symbol };
}

/** A stream being read: its bytes and the position of the next bit. */
interface Reader {
  readonly data: Uint8Array;
  pos: number;
}

/** The next `n` bits, least significant first; throws past the end of the data. */
function bits(r: Reader, n: number): number {
  let value = 0;
  for (let i = 0; i < n; i++, r.pos++) {
    const byte = r.data[r.pos >> 3];
    if (byte === undefined) throw new RangeError('end of data');
    value |= ((byte >> (r.pos & 7)) & 1) << i;
  }
  return value;
}

/** The next symbol of `code`; throws on a bit string that is no code (an incomplete code's gap). */
function decode(r: Reader, { count, symbol }: Code): number {
  let code = 0;
  let first = 0;
  let index = 0;
  for (let length = 1; length < 16; length++) {
    code |= bits(r, 1);
    const n = count[length]!;
    if (code - first < n) return symbol[index + code - first]!;
    index += n;
    first = (first + n) << 1;
    code <<= 1;
  }
  throw new RangeError('no such code');
}

/** Length or distance from its symbol's index: `small` exact values, then pairs of doubling ranges. */
function span(r: Reader, s: number, small: number, group: number, base: number): number {
  if (s < small) return s + base;
  const extra = Math.floor(s / group) - (small / group - 1);
  return ((group + (s % group)) << extra) + base + bits(r, extra);
}

/** The literal/length and distance codes of a block of `type` 1 (fixed) or 2 (dynamic), null if invalid. */
function blockCodes(r: Reader, type: number): [Code | null, Code | null] | null {
  let lengths: Uint8Array;
  let literals: number;
  if (type === 1) {
    // Fixed codes; distance symbols 30 and 31 get codes too (complete) and are refused when read.
    lengths = new Uint8Array(320).fill(8).fill(9, 144, 256).fill(7, 256, 280).fill(5, 288);
    literals = 288;
  } else if (type === 2) {
    literals = bits(r, 5) + 257;
    const distances = bits(r, 5) + 1;
    const nLengths = bits(r, 4) + 4;
    if (literals > 286 || distances > 30) return null;
    const codeLengths = new Uint8Array(19);
    for (let i = 0; i < nLengths; i++) codeLengths[CODE_LENGTH_ORDER[i]!] = bits(r, 3);
    const lengthCode = codeOf(codeLengths);
    if (!lengthCode) return null;
    lengths = new Uint8Array(literals + distances);
    for (let i = 0; i < lengths.length; ) {
      const s = decode(r, lengthCode);
      if (s < 16) lengths[i++] = s;
      else {
        if (s === 16 && i === 0) return null;
        const repeat = s === 16 ? 3 + bits(r, 2) : s === 17 ? 3 + bits(r, 3) : 11 + bits(r, 7);
        if (i + repeat > lengths.length) return null;
        lengths.fill(s === 16 ? lengths[i - 1]! : 0, i, i + repeat);
        i += repeat;
      }
    }
  } else return null;
  return [codeOf(lengths.subarray(0, literals)), codeOf(lengths.subarray(literals))];
}

/**
 * Unpacks the raw DEFLATE stream `data` whose window starts with `dictionary`. Null for anything that
 * is not one complete, valid stream ending in the last byte of `data`, and for output beyond `limit`
 * bytes: the output buffer is allocated once, at `limit`, and never grows.
 * @example
 * inflate(Uint8Array.of(3, 0), new Uint8Array(0), 10) // Uint8Array [] (one empty fixed block)
 */
export function inflate(data: Uint8Array, dictionary: Uint8Array, limit: number): Uint8Array | null {
  const start = dictionary.length;
  const window = new Uint8Array(start + limit);
  window.set(dictionary);
  let at = start;
  const r: Reader = { data, pos: 0 };
  try {
    let last = 0;
    while (!last) {
      last = bits(r, 1);
      const type = bits(r, 2);
      if (type === 0) {
        r.pos = (r.pos + 7) & ~7;
        const length = bits(r, 16);
        if (bits(r, 16) !== (length ^ 0xffff) || at + length > window.length) return null;
        for (let i = 0; i < length; i++) window[at++] = bits(r, 8);
        continue;
      }
      const [literals, distances] = blockCodes(r, type) ?? [];
      if (!literals || !distances) return null;
      for (let s = decode(r, literals); s !== 256; s = decode(r, literals)) {
        if (s < 256) {
          if (at === window.length) return null;
          window[at++] = s;
          continue;
        }
        if (s > 285) return null;
        const length = s === 285 ? 258 : span(r, s - 257, 8, 4, 3);
        const d = decode(r, distances);
        if (d > 29) return null;
        const distance = span(r, d, 4, 2, 1);
        if (distance > at || at + length > window.length) return null;
        for (let i = 0; i < length; i++, at++) window[at] = window[at - distance]!;
      }
    }
  } catch {
    return null;
  }
  return (r.pos + 7) >> 3 === data.length ? window.subarray(start, at) : null;
}
