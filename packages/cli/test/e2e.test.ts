// End-to-end over the built bin (dist/cli.js, built by the global setup): every command, --json,
// exit statuses, stdin, help and usage errors.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeToken } from '@sharekit/resolver';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, sharekit, tempDir } from './helpers.js';

const TAOBAO = 'https://item.taobao.com/item.htm?id=634567890123';
const TAOBAO_TRACKED = `${TAOBAO}&spm=a21n57.1.0.0&scm=1007.40986`;
const JD = 'https://item.jd.com/100012043978.html';
const BILI = 'https://www.bilibili.com/video/BV1GJ411x7h7';

describe('the built bin', () => {
  it('is dist/cli.js with a node shebang, as package.json bin names it', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      bin: Record<string, string>;
    };
    expect(pkg.bin.sharekit).toBe('./dist/cli.js');
    expect(readFileSync(BIN, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('runs directly as an executable, as npm links it', () => {
    const r = spawnSync(BIN, ['--version'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('prints the package version with --version and -V', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    for (const flag of ['--version', '-V']) {
      const r = sharekit([flag]);
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(`${pkg.version}\n`);
    }
  });

  it('prints help with the exit statuses for --help, and usage with status 2 when run without a command', () => {
    const help = sharekit(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('sharekit resolve');
    expect(help.stdout).toContain('Exit status:');
    const bare = sharekit([]);
    expect(bare.status).toBe(2);
    expect(bare.stdout).toBe('');
    expect(bare.stderr).toContain('Usage:');
    expect(bare.stderr.split('\n').length).toBeLessThan(6);
  });

  it('suggests the closest command or option for a typo', () => {
    const command = sharekit(['resovle', 'x']);
    expect(command.status).toBe(2);
    expect(command.stderr).toContain('did you mean: sharekit resolve');
    const option = sharekit(['resolve', '--jsno', TAOBAO]);
    expect(option.status).toBe(2);
    expect(option.stderr).toContain('did you mean --json?');
  });

  it.each(['resolve', 'token', 'share', 'poster', 'links'])(
    'prints help for %s, with its exit statuses',
    (command) => {
      const r = sharekit([command, '--help']);
      expect(r.status).toBe(0);
      expect(r.stdout).toContain(`sharekit ${command}`);
      expect(r.stdout).toContain('Exit status:');
    },
  );

  it('prints the same help for -h and for sharekit help <command>', () => {
    const a = sharekit(['poster', '--help']);
    expect(sharekit(['poster', '-h']).stdout).toBe(a.stdout);
    expect(sharekit(['help', 'poster']).stdout).toBe(a.stdout);
  });

  it('answers an unknown command with status 2, one line and a hint, suggesting resolve for a pasted link', () => {
    const r = sharekit([TAOBAO]);
    expect(r.status).toBe(2);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('unknown command');
    expect(lines[1]).toContain('sharekit resolve');
    expect(r.stdout).toBe('');
  });

  it('answers an unknown option with status 2 and a pointer to the command help', () => {
    const r = sharekit(['resolve', '--frobnicate', TAOBAO]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('sharekit: unknown option --frobnicate\nsee: sharekit resolve --help\n');
  });
});

describe('sharekit resolve', () => {
  it('prints the canonical link, platform, kind, safety and steps of a tracked link, with status 0', () => {
    const r = sharekit(['resolve', TAOBAO_TRACKED]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^link +${TAOBAO.replace(/[?.]/g, '\\$&')}$`, 'm'));
    expect(r.stdout).toMatch(/^platform +taobao · item · 634567890123$/m);
    expect(r.stdout).toMatch(/^found in +web link$/m);
    expect(r.stdout).toMatch(/^safety +ok$/m);
    expect(r.stdout).toMatch(/^steps +1\. /m);
  });

  it('aligns the value column of every row', () => {
    const r = sharekit(['resolve', TAOBAO]);
    const rows = r.stdout.split('\n').filter((l) => /^[a-z]/.test(l));
    const columns = new Set(rows.map((l) => l.search(/ {2}\S/) + 2));
    expect(rows.length).toBeGreaterThanOrEqual(4);
    expect(columns.size).toBe(1);
  });

  it('writes no colour codes to a pipe, even with FORCE_COLOR when NO_COLOR is set', () => {
    expect(sharekit(['resolve', TAOBAO]).stdout).not.toContain('\u001b[');
    expect(sharekit(['resolve', TAOBAO], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout).not.toContain(
      '\u001b[',
    );
    expect(sharekit(['resolve', TAOBAO], { env: { FORCE_COLOR: '1' } }).stdout).toContain('\u001b[');
  });

  it('prints the resolution as JSON with --json', () => {
    const r = sharekit(['resolve', TAOBAO_TRACKED, '--json']);
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.kind).toBe('url');
    expect(json.link).toBe(TAOBAO);
    expect(json.identity).toEqual({ platform: 'taobao', kind: 'item', id: '634567890123', url: TAOBAO });
    expect(json.safety.level).toBe('ok');
    expect(Array.isArray(json.steps)).toBe(true);
  });

  it('prints only the link with --link, for scripts', () => {
    const r = sharekit(['resolve', '--link', TAOBAO_TRACKED]);
    expect(r.stdout).toBe(`${TAOBAO}\n`);
  });

  it('lists every target of a paste that holds several, in order', () => {
    const r = sharekit(['resolve', `看看这两个 ${JD} 和 ${BILI}`]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('2 targets found');
    expect(r.stdout.indexOf('[1]')).toBeLessThan(r.stdout.indexOf('[2]'));
    expect(r.stdout.indexOf(JD)).toBeLessThan(r.stdout.indexOf(BILI));
    expect(sharekit(['resolve', '--link', `${JD} ${BILI}`]).stdout).toBe(`${JD}\n${BILI}\n`);
  });

  it('joins several words into one text, so an unquoted paste still resolves', () => {
    const r = sharekit(['resolve', '--link', '淘宝', '634567890123']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${TAOBAO}\n`);
  });

  it('shows a javascript: target defanged under a danger warning, never as a link, with status 1', () => {
    const r = sharekit(['resolve', 'javascript:alert(document.cookie)']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('DANGER');
    expect(r.stdout).toContain('javascript[:]alert(document[.]cookie)');
    expect(r.stdout).not.toContain('javascript:alert');
    expect(r.stdout).not.toMatch(/^link /m);
    expect(sharekit(['resolve', '--link', 'javascript:alert(1)']).stdout).toBe('');
  });

  it('shows a lookalike host defanged so that no terminal makes it clickable, with status 1', () => {
    const r = sharekit(['resolve', 'https://item.taobao.com.evil.example/item.htm?id=1']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('lookalike-host');
    expect(r.stdout).not.toContain('https://item.taobao.com.evil');
    expect(r.stdout).toContain('https[:]//item[.]taobao[.]com[.]evil[.]example/item[.]htm?id=1');
  });

  it('says why nothing was found, with status 1', () => {
    const r = sharekit(['resolve', 'just some words']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('nothing found');
    expect(r.stdout).toContain('no-target');
    const json = JSON.parse(sharekit(['resolve', '--json', 'just some words']).stdout);
    expect(json).toMatchObject({ kind: 'unknown', link: null, reason: 'no-target' });
  });

  it('keeps escape sequences in the input from reaching the terminal', () => {
    const r = sharekit(['resolve', `\u001b]8;;https://evil.example\u0007click\u001b]8;;\u0007 ${TAOBAO}`]);
    expect(r.stdout).not.toContain('\u001b');
    expect(r.stdout).not.toContain('\u0007');
  });

  it('labels in Chinese with --lang zh or a Chinese LANG', () => {
    const a = sharekit(['resolve', '--lang', 'zh', TAOBAO]);
    const b = sharekit(['resolve', TAOBAO], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(a.stdout).toMatch(/^链接 +https:/m);
    expect(a.stdout).toContain('安全');
    expect(b.stdout).toBe(a.stdout);
    expect(sharekit(['resolve', '--lang', 'fr', TAOBAO]).status).toBe(2);
  });

  it('reads text from stdin with -', () => {
    const r = sharekit(['resolve', '-', '--link'], { input: `【京东】${JD} 快来看看\n` });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${JD}\n`);
  });

  it('reads a text file named with --file or -f', () => {
    const dir = tempDir();
    const file = join(dir, 'paste.txt');
    writeFileSync(file, `分享给你 ${BILI}\n`);
    for (const option of ['--file', '-f']) {
      const r = sharekit(['resolve', '--link', option, file]);
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(`${BILI}\n`);
    }
  });

  it('security: never reads a file whose path is given as a text argument, with or without --', () => {
    const dir = tempDir();
    const secret = join(dir, 'secret.txt');
    writeFileSync(secret, `${BILI}\n`);
    for (const args of [[secret], ['--', secret], ['--json', '--', secret]]) {
      const r = sharekit(['resolve', ...args]);
      expect(r.status).toBe(1);
      expect(r.stdout).not.toContain('BV17x411w7KC');
      expect(r.stdout).not.toContain(BILI);
    }
    const hinted = sharekit(['resolve', join(dir, 'poster.png')]);
    expect(hinted.status).toBe(1);
    expect(hinted.stderr).toContain('--file');
  });

  it('security: after -- every argument is text, even - and words that look like options', () => {
    const dash = sharekit(['resolve', '--json', '--', '-'], { input: `${BILI}\n` });
    expect(dash.status).toBe(1);
    expect(JSON.parse(dash.stdout)).toMatchObject({ kind: 'unknown', link: null });
    const optionLike = sharekit(['resolve', '--link', '--', '--json', JD]);
    expect(optionLike.status).toBe(0);
    expect(optionLike.stdout).toBe(`${JD}\n`);
  });

  it('answers an empty file with empty-input and status 1, and a missing file with status 2', () => {
    const dir = tempDir();
    const file = join(dir, 'empty.txt');
    writeFileSync(file, '');
    const empty = sharekit(['resolve', '--json', '--file', file]);
    expect(empty.status).toBe(1);
    expect(JSON.parse(empty.stdout).reason).toBe('empty-input');
    const missing = sharekit(['resolve', '--file', join(dir, 'poster.png')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('no such file');
    expect(sharekit(['resolve', '--file', file, 'more text']).status).toBe(2);
  });

  it('answers a corrupt image with image-unreadable and status 1, not a crash', () => {
    const dir = tempDir();
    const file = join(dir, 'broken.png');
    writeFileSync(
      file,
      Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 7)]),
    );
    const r = sharekit(['resolve', '--json', '--file', file]);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ kind: 'unknown', link: null });
    expect(r.stderr).toBe('');
  });

  it('refuses batch-only options without --batch, with status 2', () => {
    const r = sharekit(['resolve', TAOBAO, '-o', 'out.jsonl']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--output is an option of --batch');
  });

  it('checks numeric options and answers a bad value with status 2', () => {
    expect(sharekit(['resolve', '--fetch', '--max-hops', 'many', TAOBAO]).status).toBe(2);
    expect(sharekit(['resolve', '--batch', '-', '--workers', '0']).status).toBe(2);
  });

  it('with --fetch, answers within its time limit even when the network is unreachable', () => {
    const r = sharekit([
      'resolve',
      '--json',
      '--fetch',
      '--timeout',
      '3000',
      'https://v.douyin.com/iRNBho6u/',
    ]);
    expect([0, 1]).toContain(r.status);
    const json = JSON.parse(r.stdout);
    const codes = (json.safety.reasons as { code: string }[]).map((x) => x.code);
    const followed = (json.steps as { kind: string }[]).some((s) => s.kind === 'redirect');
    expect(followed || codes.includes('resolution-failed')).toBe(true);
  });
});

describe('sharekit token', () => {
  it('encodes a link and decodes the token back to its canonical link', () => {
    const enc = sharekit(['token', 'encode', TAOBAO_TRACKED]);
    expect(enc.status).toBe(0);
    const token = enc.stdout.trim();
    // A platform link gets the compact form (platform + id), not the whole URL.
    expect(token).toMatch(/^[2-9A-Z]{8,24}$/);
    const dec = sharekit(['token', 'decode', token]);
    expect(dec.status).toBe(0);
    expect(dec.stdout).toMatch(new RegExp(`^link +${TAOBAO.replace(/[?.]/g, '\\$&')}$`, 'm'));
    const json = JSON.parse(sharekit(['token', 'decode', token, '--json']).stdout);
    expect(json).toMatchObject({ link: TAOBAO, corrected: false });
    expect(json.identity).toMatchObject({ platform: 'taobao', kind: 'item', id: '634567890123' });
  });

  it('corrects one mistyped character of a token and says so on stderr', () => {
    const token = sharekit(['token', 'encode', JD]).stdout.trim();
    const typo = `${token.slice(0, 5)}${token[5] === 'A' ? 'B' : 'A'}${token.slice(6)}`;
    const r = sharekit(['token', 'decode', typo, '--json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ link: JD, corrected: true });
  });

  it('answers a token that is not one with status 1, and a missing verb with status 2', () => {
    const bad = sharekit(['token', 'decode', 'HELLOWORLD']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('not a valid sharekit token');
    expect(sharekit(['token']).status).toBe(2);
    expect(sharekit(['token', 'frob', TAOBAO]).status).toBe(2);
  });

  it('refuses to make a token for a javascript: URL or a look-alike host, with status 1', () => {
    for (const target of ['javascript:alert(1)', 'https://item.taobao.com.evil.example/item.htm?id=1']) {
      const r = sharekit(['token', 'encode', '--form', 'url', target]);
      expect(r.status).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(
        /^sharekit: refusing an unsafe target: .*\((unsafe-scheme|lookalike-host)\)\n$/,
      );
    }
  });

  it('prints a token that carries a look-alike URL defanged under a warning, never as a link, with status 1', () => {
    // encodeToken refuses such targets; this token was minted with the refusal off (another encoder).
    const token = 'VZ23P3FWD675DYF69EDUY2DEYFJDDVE9E9TB5V8PV5PSX85QU2F5K3DTGJ7GF';
    expect(decodeToken(token).url).toBe('https://item.taobao.com.evil.example/item.htm?id=634567890123');
    const r = sharekit(['token', 'decode', token]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('DANGER');
    expect(r.stdout).toContain('https[:]//item[.]taobao[.]com[.]evil[.]example/');
    expect(r.stdout).not.toContain('https://item.taobao.com.evil');
    const json = JSON.parse(sharekit(['token', 'decode', '--json', token]).stdout);
    expect(json.link).toBeNull();
    expect(json.safety.level).toBe('danger');
  });
});

describe('sharekit share', () => {
  it('composes a share text that resolves back to the same target', () => {
    const r = sharekit(['share', TAOBAO_TRACKED, '--title', '夏季新款 纯棉T恤', '--brand', '小店']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('夏季新款 纯棉T恤');
    expect(r.stdout).toContain('【小店】');
    const back = sharekit(['resolve', '--json', '-'], { input: r.stdout });
    expect(JSON.parse(back.stdout).identity).toMatchObject({ platform: 'taobao', id: '634567890123' });
  });

  it('writes the hint in English with --locale en, and JSON with --json', () => {
    const en = sharekit(['share', JD, '--title', 'Phone', '--locale', 'en']);
    expect(en.stdout).toContain('Copy this message');
    const json = JSON.parse(sharekit(['share', JD, '--title', 'Phone', '--json']).stdout);
    expect(json.link).toBe(JD);
    expect(json.text).toContain(json.token);
  });

  it('needs a --title, with status 2, and refuses a javascript: target with status 1', () => {
    const r = sharekit(['share', JD]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('missing --title');
    const unsafe = sharekit(['share', 'javascript:alert(1)', '--title', 'x']);
    expect(unsafe.status).toBe(1);
    expect(unsafe.stdout).toBe('');
  });

  it('warns on stderr about a target that deserves caution, and still composes it', () => {
    const r = sharekit(['share', 'https://user:pw@item.jd.com/100012043978.html', '--title', 'x']);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('(credentials)');
  });
});

describe('sharekit links', () => {
  it('prints the web link, scheme, intent and universal link of a target in aligned rows', () => {
    const r = sharekit(['links', TAOBAO_TRACKED]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^web +${TAOBAO.replace(/[?.]/g, '\\$&')}$`, 'm'));
    expect(r.stdout).toMatch(/^scheme +taobao:\/\//m);
    expect(r.stdout).toMatch(/^intent +intent:\/\//m);
    const json = JSON.parse(sharekit(['links', TAOBAO, '--json']).stdout);
    expect(json.web).toBe(TAOBAO);
    expect(json.app).toBe('taobao');
  });

  it('refuses an unsafe target with status 1 and a bad option value with status 2', () => {
    const unsafe = sharekit(['links', 'javascript:alert(1)']);
    expect(unsafe.status).toBe(1);
    expect(unsafe.stdout).toBe('');
    expect(sharekit(['links', TAOBAO, '--os', 'symbian']).status).toBe(2);
  });
});

describe('sharekit poster', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir();
  });

  it('writes a PNG whose QR code resolves to the canonical link', () => {
    const out = join(dir, 'poster.png');
    const r = sharekit([
      'poster',
      JD,
      '--title',
      '测试商品 手机',
      '--price',
      '1999',
      '--original-price',
      '2999',
      '--brand',
      '京东自营',
      '-o',
      out,
    ]);
    expect(r.status).toBe(0);
    const png = readFileSync(out);
    expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    const back = sharekit(['resolve', '--json', '--file', out]);
    expect(back.status).toBe(0);
    expect(JSON.parse(back.stdout)).toMatchObject({ kind: 'qr-image', link: JD });
  });

  it('writes the PNG to stdout with -o -, which resolve - reads back as an image', () => {
    const r = sharekit(['poster', BILI, '--title', '视频', '--price', '0', '--size', 'square', '-o', '-']);
    expect(r.status).toBe(0);
    expect([...r.stdoutBytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    const back = sharekit(['resolve', '--link', '-'], { input: r.stdoutBytes });
    expect(back.stdout).toBe(`${BILI}\n`);
  });

  it('needs --title, --price and -o, and a price that is a number, each with status 2', () => {
    expect(sharekit(['poster', JD, '--price', '1', '-o', join(dir, 'x.png')]).status).toBe(2);
    expect(sharekit(['poster', JD, '--title', 't', '-o', join(dir, 'x.png')]).status).toBe(2);
    expect(sharekit(['poster', JD, '--title', 't', '--price', '1']).status).toBe(2);
    const r = sharekit(['poster', JD, '--title', 't', '--price', 'cheap', '-o', join(dir, 'x.png')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--price expects a price');
  });

  it('refuses a lookalike target with status 1 and writes nothing', () => {
    const out = join(dir, 'evil.png');
    const r = sharekit([
      'poster',
      'https://item.taobao.com.evil.example/item.htm?id=1',
      '--title',
      't',
      '--price',
      '1',
      '-o',
      out,
    ]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('unsafe');
    expect(() => readFileSync(out)).toThrow();
  });
});
