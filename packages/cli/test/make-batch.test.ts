// End-to-end tests of `sharekit make --batch` over the built bin: every row's files and manifest line
// in catalog order, bad rows as error lines, dangerous targets refused, and --resume after a kill.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderPosterPng, resolve } from '@sharekit/resolver/node';
import { describe, expect, it } from 'vitest';
import { BASE_ENV, BIN, jsonLines, sharekit, startSharekit, tempDir } from './helpers.js';

const JD = 'https://item.jd.com/100012043978.html';
const TAOBAO = 'https://item.taobao.com/item.htm?id=678301234567';

describe('sharekit make --batch', () => {
  it('makes posters, share text, token and links for each CSV row, with one manifest line per row in order', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'photo.png'), await renderPosterPng({ target: JD, title: 'photo' }));
    writeFileSync(
      join(dir, 'catalog.csv'),
      [
        'id,url,title,price,original_price,brand,image,sizes',
        `sku-1,${JD}?utm_source=x,"小米手环8, 黑色",239,299,小米,photo.png,moments|square`,
        'sku-2,javascript:alert(1),bad,1,,,,',
        `sku-3,${TAOBAO},马克杯,39.9,,,missing.png,`,
        'sku-4,,no url,1,,,,',
        `sku-1,${TAOBAO},repeated id,1,,,,`,
        `,${TAOBAO},,,,,,`,
      ].join('\r\n'),
    );
    const out = join(dir, 'out');
    const r = sharekit(['make', '--batch', join(dir, 'catalog.csv'), '-o', out, '--svg', '--workers', '2']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const lines = jsonLines(readFileSync(join(out, 'manifest.jsonl'), 'utf8'));
    expect(
      lines.map((l) => [l.index, l.line, l.status, (l.error as { code?: string } | undefined)?.code]),
    ).toEqual([
      [0, 2, 'ok', undefined],
      [1, 3, 'error', 'unsafe_target'],
      [2, 4, 'error', 'read_failed'],
      [3, 5, 'error', 'invalid_row'],
      [4, 6, 'error', 'duplicate_id'],
      [5, 7, 'ok', undefined],
    ]);
    const first = lines[0] as Record<string, unknown> & {
      posters: { size: string; png: string; svg: string }[];
    };
    expect(first.link).toBe(JD);
    expect(first.text).toContain('小米手环8');
    expect(first.text).toContain(first.token);
    expect((first.links as { web: string }).web).toBe(JD);
    expect(first.posters.map((p) => p.size)).toEqual(['moments', 'square']);
    for (const p of first.posters) {
      const read = await resolve(new Uint8Array(readFileSync(p.png)));
      expect([read.kind, read.link]).toEqual(['qr-image', JD]);
      expect(readFileSync(p.svg, 'utf8')).toContain('<svg');
    }
    // A row without a title still gets its token, text and links, but no poster.
    expect(lines[5]?.posters).toEqual([]);
    expect(lines[5]?.token).toEqual(expect.any(String));
    expect(JSON.stringify(lines[1]?.error)).toContain('unsafe-scheme');
    // Nothing half-written is left behind.
    expect(readdirSync(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('reads JSON lines and gives a line that is not an object an error line in its place', () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'c.jsonl'),
      [
        JSON.stringify({ url: JD, title: '耳机', price: 299, sizes: ['square'], id: 7 }),
        '{not json',
        JSON.stringify([1]),
        JSON.stringify({ url: TAOBAO, title: 'x', sizes: ['huge'] }),
      ].join('\n'),
    );
    const out = join(dir, 'out');
    expect(sharekit(['make', '--batch', join(dir, 'c.jsonl'), '-o', out]).status).toBe(0);
    const lines = jsonLines(readFileSync(join(out, 'manifest.jsonl'), 'utf8'));
    expect(lines.map((l) => [l.status, l.id])).toEqual([
      ['ok', '7'],
      ['error', undefined],
      ['error', undefined],
      ['error', undefined],
    ]);
    expect(existsSync(join(out, '7-square.png'))).toBe(true);
  });

  it('refuses to overwrite a manifest without --resume or --force, and a catalog of another type', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'c.csv'), `url,title\n${JD},x\n`);
    const out = join(dir, 'out');
    expect(sharekit(['make', '--batch', join(dir, 'c.csv'), '-o', out]).status).toBe(0);
    const again = sharekit(['make', '--batch', join(dir, 'c.csv'), '-o', out]);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('--resume');
    writeFileSync(join(dir, 'c.txt'), JD);
    expect(sharekit(['make', '--batch', join(dir, 'c.txt'), '-o', out, '--force']).status).toBe(2);
    expect(sharekit(['make', '-o', out]).status).toBe(2);
  });

  it('continues with --resume after being killed, making every row exactly once', async () => {
    const dir = tempDir();
    const rows = 40;
    writeFileSync(
      join(dir, 'c.csv'),
      [
        'id,url,title,price',
        ...Array.from(
          { length: rows },
          (_, i) => `p${i},${TAOBAO.slice(0, -3)}${100 + i},商品 ${i},${i + 1}`,
        ),
      ].join('\n'),
    );
    const out = join(dir, 'out');
    const manifest = join(out, 'manifest.jsonl');
    const count = (): number => {
      try {
        return statSync(manifest).size === 0 ? 0 : readFileSync(manifest, 'utf8').split('\n').length - 1;
      } catch {
        return 0;
      }
    };
    const first = startSharekit(['make', '--batch', join(dir, 'c.csv'), '-o', out, '--workers', '1']);
    await new Promise<void>((done, fail) => {
      const timer = setInterval(() => {
        if (count() >= 2) {
          clearInterval(timer);
          done();
        }
      }, 20);
      first.once('exit', () => {
        clearInterval(timer);
        fail(new Error('the batch ended before it was killed'));
      });
    });
    first.kill('SIGKILL');
    await new Promise((done) => first.once('exit', done));
    const before = readFileSync(manifest, 'utf8');
    expect(count()).toBeLessThan(rows);
    const second = spawnSync(
      process.execPath,
      [BIN, 'make', '--batch', join(dir, 'c.csv'), '-o', out, '--resume'],
      {
        env: BASE_ENV,
      },
    );
    expect(second.status).toBe(0);
    const text = readFileSync(manifest, 'utf8');
    expect(text.startsWith(before.slice(0, before.lastIndexOf('\n') + 1))).toBe(true);
    const lines = jsonLines(text);
    expect(lines.map((l) => l.index)).toEqual(Array.from({ length: rows }, (_, i) => i));
    expect(lines.every((l) => l.status === 'ok')).toBe(true);
    expect(readdirSync(out).filter((f) => f.endsWith('.png'))).toHaveLength(rows);
  });
});
