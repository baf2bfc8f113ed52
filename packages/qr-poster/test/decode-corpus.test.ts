// A small sample of the shared QR corpora; skipped when /work/shared (../shared from the repo) is absent.
// The full evaluation is `pnpm bench:qr <corpus-dir>`.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeQr } from '../src/decode/node.js';

const corpora = resolve(import.meta.dirname, '../../../../shared/corpora/qr');
const jsqrDir = join(corpora, 'jsqr-unique');
const boofDir = join(corpora, 'boofcv-dev');

const jsqrSample = [
  'e2e_000.png',
  'e2e_084.png',
  'e2e_cupcake-2.png',
  'e2e_issue-59-inverted.png',
  'e2e_bike-1.png',
];

describe.skipIf(!existsSync(join(jsqrDir, 'MANIFEST.json')))('jsqr-unique corpus sample', () => {
  const manifest = existsSync(join(jsqrDir, 'MANIFEST.json'))
    ? (JSON.parse(readFileSync(join(jsqrDir, 'MANIFEST.json'), 'utf8')) as Array<{
        image: string;
        expected: string;
      }>)
    : [];
  for (const name of jsqrSample) {
    it(`reads ${name} with exactly the expected text`, async () => {
      const entry = manifest.find((m) => m.image === name);
      expect(entry).toBeDefined();
      const codes = await decodeQr(new Uint8Array(readFileSync(join(jsqrDir, name))));
      expect(codes.map((c) => c.text)).toEqual([entry?.expected]);
    });
  }
});

describe.skipIf(!existsSync(join(boofDir, 'MANIFEST.json')))('boofcv-dev corpus sample', () => {
  it('finds a decoded code inside the labelled outline of a small nominal photo', async () => {
    const manifest = JSON.parse(readFileSync(join(boofDir, 'MANIFEST.json'), 'utf8')) as Array<{
      image: string;
      category: string;
      corners: number[][];
    }>;
    const entry = manifest.find((m) => m.image === 'blurred__image013.jpg');
    expect(entry).toBeDefined();
    const codes = await decodeQr(new Uint8Array(readFileSync(join(boofDir, 'blurred__image013.jpg'))));
    expect(codes.length).toBeGreaterThan(0);
    const outline = entry?.corners[0] as number[];
    const xs = [outline[0], outline[2], outline[4], outline[6]] as number[];
    const ys = [outline[1], outline[3], outline[5], outline[7]] as number[];
    const c = codes[0]?.corners;
    const cx = c ? (c.topLeft.x + c.topRight.x + c.bottomRight.x + c.bottomLeft.x) / 4 : -1;
    const cy = c ? (c.topLeft.y + c.topRight.y + c.bottomRight.y + c.bottomLeft.y) / 4 : -1;
    expect(cx).toBeGreaterThan(Math.min(...xs));
    expect(cx).toBeLessThan(Math.max(...xs));
    expect(cy).toBeGreaterThan(Math.min(...ys));
    expect(cy).toBeLessThan(Math.max(...ys));
  });
});
