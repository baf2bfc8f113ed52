// End-to-end tests of `sharekit resolve --batch` over the built bin: order, errors, stdin, worker
// threads, and --resume after the process was killed mid-batch.
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderPosterPng } from '@sharekit/resolver/node';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { fuzz } from '../../../test-utils/fuzz.js';
import { BASE_ENV, BIN, jsonLines, sharekit, startSharekit, tempDir } from './helpers.js';

const TAOBAO = 'https://item.taobao.com/item.htm?id=634567890123';
const JD = 'https://item.jd.com/100012043978.html';
const BILI = 'https://www.bilibili.com/video/BV1GJ411x7h7';

describe('sharekit resolve --batch over text lines', () => {
  it('writes one line per non-blank input, in input order, with dangers, unknowns and line numbers', () => {
    const dir = tempDir();
    const input = join(dir, 'in.txt');
    writeFileSync(
      input,
      [`${TAOBAO}&spm=x`, '', 'nothing here', 'javascript:alert(1)', `【京东】${JD} 看看`, '  ', BILI].join(
        '\r\n',
      ),
    );
    const out = join(dir, 'out.jsonl');
    const r = sharekit(['resolve', '--batch', input, '-o', out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('');
    const lines = jsonLines(readFileSync(out, 'utf8'));
    expect(lines.map((l) => [l.index, l.line, l.status])).toEqual([
      [0, 1, 'ok'],
      [1, 3, 'unknown'],
      [2, 4, 'danger'],
      [3, 5, 'ok'],
      [4, 7, 'ok'],
    ]);
    expect(lines.map((l) => l.link)).toEqual([TAOBAO, null, null, JD, BILI]);
    expect(lines[2]?.input).toBe('javascript:alert(1)');
  });

  it('reads JSON lines with ids, and gives a bad line an error line in its place', () => {
    const dir = tempDir();
    const input = join(dir, 'in.jsonl');
    writeFileSync(
      input,
      [
        JSON.stringify(JD),
        JSON.stringify({ id: 'a-7', input: BILI }),
        '{not json',
        JSON.stringify({ id: 9 }),
        JSON.stringify([1]),
      ].join('\n'),
    );
    const r = sharekit(['resolve', '--batch', input]);
    expect(r.status).toBe(0);
    const lines = jsonLines(r.stdout);
    expect(lines.map((l) => [l.index, l.status, l.id])).toEqual([
      [0, 'ok', undefined],
      [1, 'ok', 'a-7'],
      [2, 'error', undefined],
      [3, 'error', 9],
      [4, 'error', undefined],
    ]);
    expect(lines[2]?.error).toMatchObject({ code: 'invalid_json' });
    expect(lines[3]?.error).toMatchObject({ code: 'invalid_line' });
  });

  it('reads lines from stdin with --batch -', () => {
    const r = sharekit(['resolve', '--batch', '-'], { input: `${JD}\n${BILI}\n` });
    expect(r.status).toBe(0);
    expect(jsonLines(r.stdout).map((l) => l.link)).toEqual([JD, BILI]);
  });

  it('answers each stdin line as it arrives: the first result is out before stdin ends', async () => {
    const child = spawn(process.execPath, [BIN, 'resolve', '--batch', '-'], {
      env: BASE_ENV,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    const first = new Promise<string>((answer, fail) => {
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString('utf8');
        if (out.includes('\n')) answer(out);
      });
      child.on('exit', () => fail(new Error(`exited before the first line: ${out}`)));
    });
    child.stdin.write(`${JD}\n`); // stdin stays open
    const line = await first;
    expect(JSON.parse(line.split('\n')[0] as string)).toMatchObject({ index: 0, line: 1, link: JD });
    child.stdin.end(`\n${BILI}\n`);
    const status = await new Promise<number | null>((done) => child.on('close', done));
    expect(status).toBe(0);
    expect(jsonLines(out).map((l) => [l.index, l.line, l.link])).toEqual([
      [0, 1, JD],
      [1, 3, BILI],
    ]);
  });

  it('keeps input order with --fetch, where several inputs are resolved at once', () => {
    const lines = [
      'https://v.douyin.com/iRNBho6u/',
      JD,
      'javascript:alert(1)',
      'https://b23.tv/BV1GJ411x7h7x',
      BILI,
      'nothing',
      TAOBAO,
    ];
    const r = sharekit(['resolve', '--batch', '-', '--fetch', '--timeout', '3000'], {
      input: `${lines.join('\n')}\n`,
    });
    expect(r.status).toBe(0);
    const out = jsonLines(r.stdout);
    expect(out.map((o) => o.index)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(out.map((o) => o.input)).toEqual(lines);
    expect(out.map((o) => o.status).slice(1, 3)).toEqual(['ok', 'danger']);
  });

  it('refuses to overwrite a non-empty output without --resume or --force', () => {
    const dir = tempDir();
    const input = join(dir, 'in.txt');
    const out = join(dir, 'out.jsonl');
    writeFileSync(input, `${JD}\n`);
    writeFileSync(out, 'precious\n');
    const r = sharekit(['resolve', '--batch', input, '-o', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--resume');
    expect(readFileSync(out, 'utf8')).toBe('precious\n');
    expect(sharekit(['resolve', '--batch', input, '-o', out, '--force']).status).toBe(0);
    expect(jsonLines(readFileSync(out, 'utf8')).map((l) => l.link)).toEqual([JD]);
  });

  it('refuses to resume an output written for other inputs', () => {
    const dir = tempDir();
    const out = join(dir, 'out.jsonl');
    writeFileSync(join(dir, 'a.txt'), `${JD}\n${BILI}\n`);
    writeFileSync(join(dir, 'b.txt'), `${TAOBAO}\n${BILI}\n`);
    expect(sharekit(['resolve', '--batch', join(dir, 'a.txt'), '-o', out]).status).toBe(0);
    const r = sharekit(['resolve', '--batch', join(dir, 'b.txt'), '-o', out, '--resume']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('written for other inputs');
  });

  it('drops a half-written last line on --resume and writes that input again, once', () => {
    const dir = tempDir();
    const input = join(dir, 'in.txt');
    const out = join(dir, 'out.jsonl');
    writeFileSync(input, `${JD}\n${BILI}\n${TAOBAO}\n`);
    expect(sharekit(['resolve', '--batch', input, '-o', out]).status).toBe(0);
    const full = readFileSync(out, 'utf8');
    const [first, second] = full.split('\n');
    writeFileSync(out, `${first}\n${second?.slice(0, 40)}`);
    expect(sharekit(['resolve', '--batch', input, '-o', out, '--resume']).status).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(full);
  });

  it('keeps one output line per input, in order, for any text (property)', () => {
    const dir = tempDir();
    const line = fc.string({ unit: 'binary', maxLength: 60 }).map((s) => s.replaceAll('\n', ' '));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), (lines) => {
        const input = join(dir, 'prop.txt');
        writeFileSync(input, lines.join('\n'));
        const r = sharekit(['resolve', '--batch', input]);
        expect(r.status).toBe(0);
        const out = jsonLines(r.stdout);
        const expected = lines
          .map((text, i) => ({ text, line: i + 1 }))
          .filter((x) => x.text.replace(/\r$/, '').trim() !== '');
        expect(out.map((o) => o.index)).toEqual(expected.map((_, i) => i));
        expect(out.map((o) => o.line)).toEqual(expected.map((x) => x.line));
        for (const o of out) expect(['ok', 'caution', 'danger', 'unknown']).toContain(o.status);
      }),
      fuzz(4, 20261120),
    );
  });
});

describe('sharekit resolve --batch over a directory of images', () => {
  let posters: string;
  // A longer batch for the interruption test, so that it is still running when the signals arrive.
  let many: string;
  const MANY = 40;
  const targets = [TAOBAO, JD, BILI];
  const expectedLink = (name: string): string | null => {
    if (name.endsWith('.txt')) return JD;
    if (name.startsWith('broken')) return null;
    return targets[Number(name.slice(0, 2)) % targets.length] ?? null;
  };

  beforeAll(async () => {
    posters = tempDir();
    const src = tempDir();
    for (const [i, target] of targets.entries()) {
      writeFileSync(
        join(src, `${i}.png`),
        await renderPosterPng({ target, title: `商品 ${i}`, price: 10 + i, size: 'square' }),
      );
    }
    for (let i = 0; i < 16; i++)
      copyFileSync(join(src, `${i % 3}.png`), join(posters, `${String(i).padStart(2, '0')}.png`));
    many = tempDir();
    for (let i = 0; i < MANY; i++)
      copyFileSync(join(src, `${i % 3}.png`), join(many, `${String(i).padStart(2, '0')}.png`));
    writeFileSync(join(posters, 'note.txt'), `看看 ${JD}\n`);
    writeFileSync(join(posters, 'broken.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]));
    writeFileSync(join(posters, '.hidden.png'), 'skipped');
    mkdirSync(join(posters, 'subdir'));
  });

  it('decodes every file on worker threads, in name order, the same with 1 and 3 threads', () => {
    const one = sharekit(['resolve', '--batch', posters, '--workers', '1']);
    const three = sharekit(['resolve', '--batch', posters, '--workers', '3']);
    expect(one.status).toBe(0);
    expect(three.status).toBe(0);
    expect(three.stdout).toBe(one.stdout);
    const lines = jsonLines(one.stdout);
    expect(lines.map((l) => l.file)).toEqual([
      ...Array.from({ length: 16 }, (_, i) => `${String(i).padStart(2, '0')}.png`),
      'broken.png',
      'note.txt',
    ]);
    expect(lines.map((l) => l.index)).toEqual(lines.map((_, i) => i));
    for (const l of lines) expect(l.link).toBe(expectedLink(l.file as string));
    expect(lines.find((l) => l.file === 'broken.png')).toMatchObject({ status: 'unknown', kind: 'unknown' });
  });

  it('continues with --resume after being killed, and after Ctrl-C, without losing or repeating a line', async () => {
    const out = join(tempDir(), 'out.jsonl');
    const waitForLines = (n: number, child: ReturnType<typeof startSharekit>): Promise<void> =>
      new Promise((done, fail) => {
        const timer = setInterval(() => {
          let size = 0;
          try {
            size = statSync(out).size;
          } catch {}
          const count = size === 0 ? 0 : readFileSync(out, 'utf8').split('\n').length - 1;
          if (count >= n) {
            clearInterval(timer);
            done();
          }
        }, 20);
        child.once('exit', () => {
          clearInterval(timer);
          fail(new Error(`the batch ended before ${n} lines were written`));
        });
      });
    const exitOf = (
      child: ReturnType<typeof startSharekit>,
    ): Promise<{ code: number | null; signal: string | null; stderr: string }> =>
      new Promise((done) => {
        let stderr = '';
        child.stderr.on('data', (d: Buffer) => {
          stderr += d.toString();
        });
        child.once('exit', (code, signal) => done({ code, signal, stderr }));
      });

    // 1. killed outright (no chance to clean up)
    const first = startSharekit(['resolve', '--batch', many, '-o', out, '--workers', '1']);
    const firstExit = exitOf(first);
    await waitForLines(1, first);
    first.kill('SIGKILL');
    expect((await firstExit).signal).toBe('SIGKILL');
    const afterKill = readFileSync(out, 'utf8');
    const killedAt = afterKill.split('\n').length - 1;
    expect(killedAt).toBeLessThan(MANY);
    // As if the machine died in the middle of the next write.
    appendFileSync(out, '{"index":');

    // 2. resumed, then interrupted with Ctrl-C
    const second = startSharekit(['resolve', '--batch', many, '-o', out, '--workers', '1', '--resume']);
    const secondExit = exitOf(second);
    await waitForLines(killedAt + 1, second);
    second.kill('SIGINT');
    const interrupted = await secondExit;
    expect(interrupted.code).toBe(130);
    expect(interrupted.stderr).toContain('--resume');

    // 3. resumed to the end
    const third = spawnSync(
      process.execPath,
      [BIN, 'resolve', '--batch', many, '-o', out, '--workers', '2', '--resume'],
      {
        env: BASE_ENV,
      },
    );
    expect(third.status).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    expect(text.startsWith(afterKill)).toBe(true);
    const lines = jsonLines(text);
    expect(lines.map((l) => l.index)).toEqual(Array.from({ length: MANY }, (_, i) => i));
    for (const l of lines) expect(l.link).toBe(expectedLink(l.file as string));
  });
});

const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

describe.skipIf(!hasScript)('the batch progress bar', () => {
  it('is drawn on stderr when it is a terminal, and erased at the end', () => {
    const dir = tempDir();
    const input = join(dir, 'in.txt');
    writeFileSync(
      input,
      `${Array.from({ length: 400 }, (_, i) => `https://item.jd.com/${100000 + i}.html`).join('\n')}\n`,
    );
    const out = join(dir, 'out.jsonl');
    // `script` runs the command on a pseudo-terminal, as a person at a terminal would.
    const command = [process.execPath, BIN, 'resolve', '--batch', input, '-o', out]
      .map((a) => `'${a}'`)
      .join(' ');
    const r = spawnSync('script', ['-q', '-e', '-c', command, '/dev/null'], {
      env: BASE_ENV,
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('400/400 100%');
    expect(r.stdout).toContain('\r\u001b[K');
    expect(r.stdout).toMatch(/resolved 400 inputs in [\d.]+ s \(400 ok\)/);
    expect(jsonLines(readFileSync(out, 'utf8'))).toHaveLength(400);
  });
});
