#!/usr/bin/env node
// Browser entries: bundles each package's browser-facing exports (every export except `./node` and
// `./package.json`) for the browser with esbuild, fails when one pulls in a Node builtin or refers
// to `process` or `Buffer`, and prints each entry's size minified and gzipped.
//   node scripts/entry-size.mjs                 every package
//   node scripts/entry-size.mjs packages/x      one package
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url).pathname;

/** Bundles one entry for the browser; returns its sizes and any Node-only references. */
export async function measureEntry(entryFile) {
  const result = await build({
    entryPoints: [entryFile],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    conditions: ['@sharekit/source'],
    write: false,
    logLevel: 'silent',
    metafile: true,
  });
  const code = result.outputFiles[0].text;
  const problems = [];
  for (const input of Object.keys(result.metafile.inputs)) {
    for (const imp of result.metafile.inputs[input].imports) {
      if (imp.path.startsWith('node:') || imp.external) problems.push(`${input} imports ${imp.path}`);
    }
  }
  if (/\bprocess\.(?:env|versions|platform|nextTick|argv)\b/.test(code)) problems.push('refers to process');
  if (/\bBuffer\.(?:from|alloc|isBuffer|concat)\b/.test(code)) problems.push('refers to Buffer');
  return { minified: code.length, gzipped: gzipSync(code, { level: 9 }).length, problems };
}

function browserEntries(pkgDir) {
  const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
  const entries = [];
  for (const [subpath, target] of Object.entries(pkg.exports ?? {})) {
    if (subpath === './node' || subpath === './package.json' || typeof target !== 'object') continue;
    const source = target['@sharekit/source'];
    if (source && existsSync(join(pkgDir, source)))
      entries.push({ name: `${pkg.name}${subpath.slice(1)}`, file: join(pkgDir, source) });
  }
  return entries;
}

async function main() {
  const dirs = process.argv.slice(2).map((d) => join(process.cwd(), d));
  if (dirs.length === 0) {
    for (const group of ['packages']) {
      const base = join(root, group);
      if (!existsSync(base)) continue;
      for (const name of readdirSync(base))
        if (existsSync(join(base, name, 'package.json'))) dirs.push(join(base, name));
    }
  }
  let failed = false;
  for (const dir of dirs) {
    for (const entry of browserEntries(dir)) {
      let m;
      try {
        m = await measureEntry(entry.file);
      } catch (error) {
        console.error(`${entry.name}: cannot bundle for the browser: ${error.message.split('\n')[0]}`);
        failed = true;
        continue;
      }
      const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
      console.log(
        `${entry.name.padEnd(32)} ${kb(m.minified).padStart(9)} min  ${kb(m.gzipped).padStart(8)} min+gzip  (${relative(root, entry.file)})`,
      );
      for (const p of m.problems) {
        console.error(`  not browser-safe: ${p}`);
        failed = true;
      }
    }
  }
  process.exit(failed ? 1 : 0);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
