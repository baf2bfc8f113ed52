import { describe, expect, it } from 'vitest';
import { squareCorners } from '../../test/decode-fixtures.js';
import { type Candidate, Collector } from './collector.js';
import type { QrCorners } from './types.js';

const square = squareCorners;

function reading(text: string, corners: QrCorners): Candidate {
  return {
    engine: 'zxing',
    bytes: new TextEncoder().encode(text),
    decoded: { text, charset: 'ascii', charsetSource: 'unambiguous' },
    corners,
  };
}

describe('Collector.openMisses', () => {
  it('closes a miss when a reading of the same region arrives', () => {
    const c = new Collector();
    c.addMiss({ ...square(10, 10, 100), modules: 25 });
    expect(c.openMisses()).toHaveLength(1);
    c.add(reading('a', square(12, 11, 98)));
    expect(c.openMisses()).toEqual([]);
  });

  it('treats a Micro QR guess (no known size) inside a read code as one of its finder patterns', () => {
    const c = new Collector();
    c.add(reading('a', square(0, 0, 300)));
    c.addMiss(square(10, 10, 70));
    expect(c.openMisses()).toEqual([]);
  });

  it('keeps a small code of known size inside a read code open (a double QR design)', () => {
    const c = new Collector();
    c.add(reading('a', square(0, 0, 300)));
    const inner = { ...square(120, 120, 60), modules: 21 };
    c.addMiss(inner);
    expect(c.openMisses()).toEqual([inner]);
  });

  it('treats a miss whose outline holds two read codes as their finder patterns paired up', () => {
    const c = new Collector();
    c.add(reading('a', square(0, 0, 100)));
    c.add(reading('b', square(300, 0, 100)));
    c.addMiss({ ...square(20, -20, 380), modules: 25 });
    expect(c.openMisses()).toEqual([]);
  });

  it('keeps a miss of unknown size open when it lies outside every read code', () => {
    const c = new Collector();
    c.add(reading('a', square(0, 0, 100)));
    const away = square(500, 500, 70);
    c.addMiss(away);
    expect(c.openMisses()).toEqual([away]);
  });
});

describe('Collector.openMisses with finder patterns of several codes', () => {
  it('treats a miss whose corners lie in two different read codes as a bogus pairing', () => {
    const c = new Collector();
    c.add(reading('a', square(0, 0, 100)));
    c.add(reading('b', square(300, 300, 100)));
    // Corners at (50, 50) inside 'a' and (350, 350) inside 'b'; neither code's centre is inside it.
    c.addMiss({ ...square(52, 52, 298), modules: 25 });
    expect(c.openMisses()).toEqual([]);
  });

  it('keeps a miss with one corner in a read code open (a code next to it, overlapping its outline)', () => {
    const c = new Collector();
    c.add(reading('a', square(0, 0, 100)));
    const next = { ...square(95, 95, 100), modules: 21 };
    c.addMiss(next);
    expect(c.openMisses()).toEqual([next]);
  });
});
