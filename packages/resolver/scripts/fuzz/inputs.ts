/**
 * Fuzz inputs: real inputs (the repo's corpora, `../shared/corpora` when present, string literals of
 * the test files) mutated with hostile fragments. Input number `i` of a run is a pure function of
 * (seed, i), so a hang found by the watchdog can be rebuilt and printed after the worker is killed.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mulberry32 } from '../../../../test-utils/prng.js';

const root = join(import.meta.dirname, '..', '..', '..', '..');

function strings(value: unknown, out: string[], keys: readonly string[]): void {
  if (Array.isArray(value)) for (const v of value) strings(v, out, keys);
  else if (value && typeof value === 'object') {
    for (const k of keys) {
      const v = (value as Record<string, unknown>)[k];
      if (typeof v === 'string' && v.length > 0 && v.length <= 4096) out.push(v);
    }
  }
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

function walk(dir: string, ext: string, out: string[]): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (name.name === 'node_modules' || name.name === 'dist' || name.name.startsWith('.')) continue;
    const path = join(dir, name.name);
    if (name.isDirectory()) walk(path, ext, out);
    else if (name.name.endsWith(ext)) out.push(path);
  }
}

const INTERESTING = /[:/@￥€【「#%.]|[A-Z0-9]{8}/;

/** The single-quoted and template string literals of a source file (no regex: a linear scan). */
function literalsOf(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const quote = text[i];
    if (quote !== "'" && quote !== '`') continue;
    let value = '';
    let j = i + 1;
    let ok = false;
    for (; j < text.length && j - i < 600; j++) {
      const c = text[j] as string;
      if (c === '\\' && quote === "'") {
        const next = text[j + 1] ?? '';
        value += next === 'n' ? '\n' : next === 't' ? '\t' : next;
        j++;
        continue;
      }
      if (c === quote) {
        ok = true;
        break;
      }
      if (c === '\n' && quote === "'") break;
      if (quote === '`' && (c === '$' || c === '\\')) break;
      value += c;
    }
    if (ok && value.length >= 6) out.push(value);
    i = ok ? j : i;
  }
  return out;
}

function testLiterals(): string[] {
  const files: string[] = [];
  walk(join(root, 'packages'), '.test.ts', files);
  const out: string[] = [];
  for (const file of files) {
    for (const value of literalsOf(readFileSync(file, 'utf8'))) if (INTERESTING.test(value)) out.push(value);
  }
  return out;
}

/** Every real input, deduplicated, in a fixed order; with the count from each source. */
export function loadSeeds(): { seeds: string[]; sources: Record<string, number> } {
  const sources: Record<string, number> = {};
  const all: string[] = [];
  const add = (name: string, list: string[]) => {
    sources[name] = list.length;
    all.push(...list);
  };
  for (const [file, keys] of [
    ['corpora/share-texts.json', ['text', 'link', 'token']],
    ['corpora/urls.json', ['input']],
    ['corpora/app-links.json', ['input']],
  ] as const) {
    const out: string[] = [];
    strings(readJson(join(root, file)), out, keys);
    add(file, out);
  }
  const shared = join(process.env.SHAREKIT_SHARED ?? join(root, '..', 'shared'), 'corpora');
  for (const [file, keys] of [
    ['share-texts/dev.json', ['text', 'shortUrl', 'token']],
    ['url/urltestdata.json', ['input', 'href']],
    ['url/safebrowsing-canon.json', ['input']],
  ] as const) {
    const out: string[] = [];
    strings(readJson(join(shared, file)), out, keys);
    add(`../shared/corpora/${file}`, out);
  }
  add('test-file literals', testLiterals());
  return { seeds: [...new Set(all)], sources };
}

/** Hostile fragments: what broke parsers before, and what attackers write. */
export const FRAGMENTS: readonly string[] = [
  '\n',
  '\r\n',
  '\n原价',
  '原价',
  '券后价',
  '\nm.tb.cn/h.a',
  '￥',
  '€',
  '¥',
  '【',
  '】',
  '「',
  '」',
  '(',
  ')',
  '://',
  'http://',
  'https://',
  'https:/',
  '//',
  '%',
  '%2',
  '%25',
  '%6%31',
  '%C0%80',
  '%FF',
  '%00',
  '%E2%80%AE',
  '\uD800',
  '\uDC00',
  '\uD83D\uDE06',
  '\u200B',
  '\u202E',
  '\u0000',
  '\uFEFF',
  '\u3000',
  '\uFF0F',
  '\uFF0E',
  '@',
  '@@',
  '..',
  '.',
  '...',
  '0x7f000001',
  '2130706433..',
  '[::1]',
  '[::ffff:127.0.0.1]',
  '0251.0376.0251.0376',
  '169.254.169.254',
  'localhost.',
  'metadata.google.internal',
  ':8080',
  ':0',
  'xn--',
  'xn--tobo-wqa3b.com',
  'tàobáo.com',
  'tаobao.com',
  'таоbао.co',
  'taobao.com.evil.example',
  'item.taobao.com@evil.example',
  'javascript:',
  'JaVaScRiPt:alert(1)',
  'java\nscript:',
  'data:text/html,',
  'file:///etc/passwd',
  'vbscript:',
  'intent://',
  '#Intent;scheme=taobao;S.browser_fallback_url=javascript:alert(1);end',
  'taobao://',
  'openapp.jdmobile://virtual?params=',
  '{"category":"jump","des":"productDetail","skuId":"1"}',
  '{"__proto__":{"polluted":1}}',
  '__proto__',
  'constructor',
  'prototype',
  '?',
  '&',
  '=',
  '?url=',
  '&url=https%3A%2F%2Fevil.example',
  '#',
  '\\',
  '/',
  '"',
  "'",
  '<',
  '>',
  '<meta http-equiv="refresh" content="0;url=',
  'a.'.repeat(40),
  '9'.repeat(40),
  'V2',
  'VY',
  'VBKWACN9Y7X23733K',
  'Ab3Cd4Ef5Gh',
  'xYz:/ ',
  'Q@w.Er',
  '😆',
  '复制',
  '打开',
  '淘宝',
  '【淘宝】',
  '【京东】',
  '#吱口令#',
  'B站',
  'BV17x411w7KC',
  'av170001',
  ' ',
  '\t',
  'm.tb.cn/',
  'v.douyin.com/',
  'b23.tv/',
  'https://bit.ly/',
  'https://e.tb.cn/h.',
];

export interface Generator {
  readonly seeds: readonly string[];
  input(index: number): string;
}

/** The generator of one run: input `index` depends only on `seed`, `index` and the loaded seeds. */
export function generator(seed: number, seeds: readonly string[]): Generator {
  const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;
  return {
    seeds,
    input(index: number): string {
      const r = mulberry32((seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0);
      let s = r() < 0.9 && seeds.length > 0 ? pick(r, seeds) : '';
      const ops = 1 + Math.floor(r() * 4);
      for (let k = 0; k < ops; k++) {
        const at = Math.floor(r() * (s.length + 1));
        const op = Math.floor(r() * 9);
        if (op <= 2) s = s.slice(0, at) + pick(r, FRAGMENTS) + s.slice(at);
        else if (op === 3) s = s.slice(0, at) + s.slice(at + 1 + Math.floor(r() * 8));
        else if (op === 4) {
          const end = Math.min(s.length, at + 1 + Math.floor(r() * 40));
          s = s.slice(0, end) + s.slice(at, end) + s.slice(end);
        } else if (op === 5 && s.length > 0) {
          const c = String.fromCharCode(Math.floor(r() * (r() < 0.7 ? 0x80 : 0x10000)));
          s = s.slice(0, at) + c + s.slice(at + 1);
        } else if (op === 6) s = s.slice(0, at) + pick(r, seeds) + s.slice(at);
        else if (op === 7)
          s = s.slice(0, at) + pick(r, FRAGMENTS).repeat(2 + Math.floor(r() * 60)) + s.slice(at);
        else s = r() < 0.5 ? s.slice(0, at) : s.slice(at);
      }
      return s.length > 20_000 ? s.slice(0, 20_000) : s;
    },
  };
}
