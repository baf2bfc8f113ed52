import { describe, expect, it } from 'vitest';
import { decodeSegments } from '../charset.js';
import { eciSegments } from './zxing.js';

const latin = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));

describe('eciSegments', () => {
  it("splits zxing's bytesECI into ECI switches and byte runs, undoubling backslashes", () => {
    // ]Q2, then ECI 26 (UTF-8) with "a\b", then ECI 20 (Shift-JIS) with 0x82 0xA0.
    const bytes = Uint8Array.from([...latin(']Q2\\000026a\\\\b\\000020'), 0x82, 0xa0]);
    expect(eciSegments(bytes)).toEqual([
      { mode: 'eci', assignment: 26 },
      { mode: 'byte', bytes: latin('a\\b') },
      { mode: 'eci', assignment: 20 },
      { mode: 'byte', bytes: Uint8Array.from([0x82, 0xa0]) },
    ]);
    expect(decodeSegments(eciSegments(bytes) ?? [])).toMatchObject({
      text: 'a\\bあ',
      charsetSource: 'declared',
    });
  });

  it('returns null for a plain symbol (]Q1) and for a malformed ECI escape', () => {
    expect(eciSegments(latin(']Q1abc'))).toBeNull();
    expect(eciSegments(latin(']Q2\\00x026abc'))).toBeNull();
  });
});
