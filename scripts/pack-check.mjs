#!/usr/bin/env node
// Publish check: what npm users would get, tried as they would try it.
//  1. packs every publishable package with `pnpm pack` (which turns `workspace:^` into real version
//     ranges and applies `publishConfig`), and checks each tarball: no `workspace:` range, no
//     `@sharekit/source` condition, no source maps, every file the exports name, LICENSE, README,
//     CHANGELOG and the metadata fields;
//  2. installs the five libraries into a clean temporary "browser" project (no optional peers): no
//     native module may arrive, every entry imports in Node, and the Node entries ask for the optional
//     peers by name (`missing_dependency`) instead of crashing;
//  3. installs all six packages plus the optional peers into a clean "Node" project, type-checks an
//     import of every entry under `nodenext`, runs the `sharekit` bin, and runs every ts/js code block
//     of every package README (as the installed package ships it) as its own program. A line
//     `expr; // 'literal'` (or a number, true, false, null) in a block is checked, not only run.
//     Blocks whose info string says `no-run` (browser-only code, network, type shapes) are skipped.
// Dependencies come from the pnpm store (`--prefer-offline`), else the npm registry.
//   node scripts/pack-check.mjs          packages must be built (`turbo run build`)
//   node scripts/pack-check.mjs --keep   keep the temporary projects and print where they are
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { transform } from 'esbuild';
import { workspacePackages } from './workspace.mjs';

const root = new URL('..', import.meta.url).pathname;
const pnpm = join(root, 'node_modules', '.bin', 'pnpm');
const tsc = join(root, 'node_modules', '.bin', 'tsc');
const keep = process.argv.includes('--keep');
const problems = [];
const fail = (message) => {
  problems.push(message);
  console.log(`  ✗ ${message}`);
};

function sh(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: 300_000,
    ...options,
  });
  if (r.error) throw r.error;
  return r;
}

function publishable() {
  return workspacePackages(['packages']).filter(({ manifest }) => !manifest.private);
}

/** Every path an `exports` map names (conditions flattened). */
function exportTargets(exportsField) {
  const out = [];
  const walk = (v) => {
    if (typeof v === 'string') out.push(v);
    else if (v && typeof v === 'object') for (const x of Object.values(v)) walk(x);
  };
  walk(exportsField);
  return out;
}

const NATIVE = /^(?:sharp|@img\/.*|@resvg\/.*|canvas|@napi-rs\/.*)$/;

function checkTarball(file, source) {
  const listing = sh('tar', ['-tzf', file]).stdout.split('\n').filter(Boolean);
  const files = new Set(listing.map((f) => f.replace(/^package\//, '')));
  const raw = sh('tar', ['-xzf', file, '-O', 'package/package.json']).stdout;
  const m = JSON.parse(raw);
  const where = m.name;
  if (raw.includes('workspace:')) fail(`${where}: a workspace: range is left in package.json`);
  for (const field of ['exports', 'imports']) {
    if (JSON.stringify(m[field] ?? {}).includes('@sharekit/source'))
      fail(`${where}: the published ${field} keep the @sharekit/source condition`);
  }
  for (const target of exportTargets(m.imports ?? {})) {
    if (target.startsWith('./') && !files.has(target.replace(/^\.\//, '')))
      fail(`${where}: imports name ${target}, which is not in the tarball`);
  }
  const strip = (e) =>
    typeof e !== 'object' || e === null
      ? e
      : Object.fromEntries(
          Object.entries(e)
            .filter(([k]) => k !== '@sharekit/source')
            .map(([k, v]) => [k, strip(v)]),
        );
  const workspace = JSON.parse(readFileSync(join(source, 'package.json'), 'utf8'));
  if (JSON.stringify(strip(workspace.exports)) !== JSON.stringify(m.exports))
    fail(
      `${where}: the published exports differ from the workspace exports (publishConfig.exports out of step?)`,
    );
  for (const f of files)
    if (f.endsWith('.map')) fail(`${where}: ships a source map (${f}) without its sources`);
  for (const target of exportTargets(m.exports)) {
    if (!files.has(target.replace(/^\.\//, '')))
      fail(`${where}: exports name ${target}, which is not in the tarball`);
  }
  if (m.bin)
    for (const b of Object.values(m.bin))
      if (!files.has(b.replace(/^\.\//, ''))) fail(`${where}: bin ${b} missing`);
  for (const f of ['LICENSE', 'README.md', 'CHANGELOG.md'])
    if (!files.has(f)) fail(`${where}: no ${f} in the tarball`);
  if (m.license !== 'MIT') fail(`${where}: license is ${m.license}, expected MIT`);
  for (const field of ['description', 'author', 'homepage', 'keywords', 'engines'])
    if (!m[field]) fail(`${where}: no ${field}`);
  if (!m.bugs?.url) fail(`${where}: no bugs.url`);
  if (!m.repository?.url || m.repository?.directory !== source.replace(`${root}`, '').replace(/^\//, ''))
    fail(`${where}: repository.directory should be ${source.replace(`${root}`, '').replace(/^\//, '')}`);
  if (m.name !== '@sharekit/cli')
    for (const dep of Object.keys(m.dependencies ?? {}))
      if (NATIVE.test(dep))
        fail(`${where}: the native ${dep} is a plain dependency (browser installs would get it)`);
  return { manifest: m, files: files.size };
}

function install(dir, label) {
  const started = Date.now();
  const r = sh(
    pnpm,
    ['install', '--prefer-offline', '--reporter=append-only', '--config.confirm-modules-purge=false'],
    {
      cwd: dir,
      env: { ...process.env, npm_config_update_notifier: 'false' },
    },
  );
  if (r.status !== 0) {
    fail(`${label}: pnpm install failed\n${r.stdout.slice(-2000)}${r.stderr.slice(-2000)}`);
    return false;
  }
  console.log(`  installed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return true;
}

function duKb(path) {
  const r = sh('du', ['-sk', path]);
  return Number(r.stdout.split(/\s/)[0]);
}

/** Installed package directories (pnpm's virtual store holds one per package version). */
function installedPackages(projectDir) {
  const store = join(projectDir, 'node_modules', '.pnpm');
  if (!existsSync(store)) return [];
  return readdirSync(store).filter((n) => n !== 'node_modules' && n !== 'lock.yaml' && !n.startsWith('.'));
}

function nativeFiles(projectDir) {
  const r = sh('find', [join(projectDir, 'node_modules'), '-name', '*.node', '-type', 'f']);
  return r.stdout.split('\n').filter(Boolean);
}

function runModule(dir, name, code, timeout = 120_000) {
  writeFileSync(join(dir, name), code);
  return sh(process.execPath, [name], { cwd: dir, timeout });
}

/** The ts/js blocks of a README, with their info strings and line numbers. */
export function codeBlocks(markdown) {
  const blocks = [];
  const lines = markdown.split('\n');
  let open = null;
  lines.forEach((line, i) => {
    const fence = /^```(.*)$/.exec(line);
    if (!fence) {
      if (open) open.lines.push(line);
      return;
    }
    if (open) {
      blocks.push({ info: open.info, line: open.line, code: open.lines.join('\n') });
      open = null;
    } else {
      open = { info: fence[1].trim(), line: i + 1, lines: [] };
    }
  });
  return blocks.filter((b) => /^(?:ts|js|typescript|javascript|mjs|mts)\b/.test(b.info));
}

const EXPECT_LINE = /^(\s*)([^/].*?);\s*\/\/\s*('(?:[^'\\\n]|\\.)*'|true|false|null|-?\d+(?:\.\d+)?)\s*$/;

/** True when the brackets of `expr` (outside quotes) balance and never close before they open. */
function balanced(expr) {
  let depth = 0;
  let quote = null;
  for (let i = 0; i < expr.length; i++) {
    const c = expr[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
    } else if (c === "'" || c === '"' || c === '`') quote = c;
    else if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c) && --depth < 0) return false;
  }
  return depth === 0 && quote === null;
}

/** Turns `expr; // 'literal'` lines into checks; everything else runs as written. */
export function withChecks(code) {
  return code
    .split('\n')
    .map((line, i) => {
      const m = EXPECT_LINE.exec(line);
      if (!m || !balanced(m[2]) || /^\s*(?:const|let|var|import|export|return|await\s+write)\b/.test(line))
        return line;
      return `${m[1]}__expect(${m[2]}, ${m[3]}, ${i + 1});`;
    })
    .join('\n');
}

const EXPECT_HELPER = `
function __expect(actual, expected, line) {
  if (actual !== expected) {
    console.error('line ' + line + ' of the block: expected ' + JSON.stringify(expected) + ', got ' + JSON.stringify(actual));
    process.exitCode = 1;
  }
}
`;

async function main() {
  const tmp = mkdtempSync(join(tmpdir(), 'sharekit-pack-'));
  const tarballs = join(tmp, 'tarballs');
  mkdirSync(tarballs);
  const packages = publishable();
  console.log(`pack-check in ${tmp}`);

  // 1. Pack and inspect.
  const tgz = {};
  for (const { dir, manifest } of packages) {
    const r = sh(pnpm, ['pack', '--pack-destination', tarballs], { cwd: dir });
    if (r.status !== 0) {
      fail(`${manifest.name}: pnpm pack failed: ${r.stderr.slice(-500)}`);
      continue;
    }
    const file = join(
      tarballs,
      `${manifest.name.replace('@', '').replace('/', '-')}-${manifest.version}.tgz`,
    );
    const { files } = checkTarball(file, dir);
    tgz[manifest.name] = file;
    console.log(
      `packed ${manifest.name}@${manifest.version}: ${files} files, ${(duKb(file) / 1).toFixed(0)} KB`,
    );
  }
  const overrides = Object.fromEntries(Object.entries(tgz).map(([n, f]) => [n, `file:${f}`]));
  const libraries = Object.keys(tgz).filter((n) => n !== '@sharekit/cli');
  const qrPeers =
    packages.find((p) => p.manifest.name === '@sharekit/qr-poster')?.manifest.peerDependencies ?? {};

  // 2. A browser app's install: the libraries only.
  console.log('\nbrowser install (the five libraries, no optional peers):');
  const browser = join(tmp, 'browser');
  mkdirSync(browser);
  writeFileSync(
    join(browser, 'package.json'),
    JSON.stringify({
      name: 'pack-check-browser',
      private: true,
      type: 'module',
      dependencies: Object.fromEntries(libraries.map((n) => [n, overrides[n]])),
      pnpm: { overrides },
    }),
  );
  if (install(browser, 'browser install')) {
    const kb = duKb(join(browser, 'node_modules'));
    const natives = nativeFiles(browser);
    const installed = installedPackages(browser);
    console.log(
      `  node_modules: ${(kb / 1024).toFixed(1)} MB, ${installed.length} packages, ${natives.length} native modules`,
    );
    for (const n of natives) fail(`browser install carries a native module: ${n.replace(browser, '.')}`);
    const entries = [];
    for (const name of libraries) {
      const m = JSON.parse(readFileSync(join(browser, 'node_modules', name, 'package.json'), 'utf8'));
      for (const sub of Object.keys(m.exports ?? {}))
        if (sub !== './package.json') entries.push(`${name}${sub.slice(1)}`);
    }
    const r = runModule(
      browser,
      'imports.mjs',
      `import { createRequire } from 'node:module';
${entries.map((e, i) => `import * as m${i} from '${e}';`).join('\n')}
const all = { ${entries.map((e, i) => `'${e}': m${i}`).join(', ')} };
for (const [name, m] of Object.entries(all)) {
  if (Object.keys(m).length === 0) throw new Error(name + ' exports nothing');
  console.log('  imported ' + name + ' (' + Object.keys(m).length + ' exports)');
}
const { renderPosterPng, decodeQr } = m${entries.indexOf('@sharekit/qr-poster/node')};
// The check below means something only if sharp cannot be found from qr-poster's own files.
let peer = null;
try { peer = createRequire(import.meta.resolve('@sharekit/qr-poster/node')).resolve('sharp'); } catch {}
if (peer) throw new Error('sharp resolves from the browser install at ' + peer + ' (a node_modules above the temporary folder, or NODE_PATH): the optional-peer check cannot run');
const spec = { target: 'https://item.jd.com/100012043978.html', title: '耳机' };
for (const [what, run] of [['renderPosterPng', () => renderPosterPng(spec)], ['decodeQr of JPEG bytes', () => decodeQr(Buffer.from('/9j/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAAIAAgDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAP/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFAEBAAAAAAAAAAAAAAAAAAAAAP/EABQRAQAAAAAAAAAAAAAAAAAAAAD/2gAMAwEAAhEDEQA/AKAA/9k=', 'base64'))]]) {
  try { await run(); throw new Error(what + ' worked without its optional peer'); }
  catch (e) { if (e.code !== 'missing_dependency') throw e; console.log('  without the optional peers, ' + what + ': missing_dependency (' + e.message + ')'); }
}
`,
    );
    process.stdout.write(r.stdout);
    if (r.status !== 0) fail(`browser install: importing the entries failed\n${r.stderr.slice(-3000)}`);
  }

  // 3. A Node project: every package, the optional peers, TypeScript types.
  console.log('\nNode install (all six packages and the optional peers):');
  const node = join(tmp, 'node');
  mkdirSync(node);
  const typesNode = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).devDependencies[
    '@types/node'
  ];
  writeFileSync(
    join(node, 'package.json'),
    JSON.stringify({
      name: 'pack-check-node',
      private: true,
      type: 'module',
      dependencies: { ...overrides, ...qrPeers, '@types/node': typesNode },
      pnpm: { overrides, onlyBuiltDependencies: ['sharp'] },
    }),
  );
  if (install(node, 'Node install')) {
    console.log(`  node_modules: ${(duKb(join(node, 'node_modules')) / 1024).toFixed(1)} MB`);
    // Types: every entry resolves and type-checks under nodenext.
    const entries = [];
    for (const name of Object.keys(tgz)) {
      const m = JSON.parse(readFileSync(join(node, 'node_modules', name, 'package.json'), 'utf8'));
      for (const sub of Object.keys(m.exports ?? {}))
        if (sub !== './package.json') entries.push(`${name}${sub.slice(1)}`);
    }
    writeFileSync(
      join(node, 'types.mts'),
      entries.map((e, i) => `import * as t${i} from '${e}';\nvoid t${i};`).join('\n'),
    );
    const t = sh(
      tsc,
      [
        '--noEmit',
        '--strict',
        '--module',
        'nodenext',
        '--moduleResolution',
        'nodenext',
        '--target',
        'es2022',
        '--types',
        'node',
        'types.mts',
      ],
      { cwd: node },
    );
    if (t.status !== 0) fail(`types under nodenext:\n${t.stdout.slice(-3000)}`);
    else console.log(`  ${entries.length} entries type-check under module/moduleResolution nodenext`);

    // The bin.
    const bin = join(node, 'node_modules', '.bin', 'sharekit');
    const bare = sh(bin, [], { cwd: node });
    if (bare.status !== 2 || !bare.stderr.includes('Usage'))
      fail(`sharekit without arguments: status ${bare.status}`);
    const link = sh(
      bin,
      ['resolve', '--link', '【京东】https://item.m.jd.com/product/100012043978.html 看看'],
      { cwd: node },
    );
    if (link.stdout.trim() !== 'https://item.jd.com/100012043978.html')
      fail(`sharekit resolve --link printed ${JSON.stringify(link.stdout)}`);
    else console.log(`  sharekit resolve --link → ${link.stdout.trim()}`);

    // Files the README examples read, as a user would have them.
    const fixtures = runModule(
      node,
      'fixtures.mjs',
      `import sharp from 'sharp';
import { writeFile } from 'node:fs/promises';
import { renderPosterPng } from '@sharekit/qr-poster/node';
await sharp({ create: { width: 96, height: 96, channels: 3, background: '#c0392b' } }).png().toFile('logo.png');
await sharp({ create: { width: 800, height: 600, channels: 3, background: '#d9c7a7' } }).jpeg().toFile('mug.jpg');
await writeFile('poster.png', await renderPosterPng({ target: 'https://item.taobao.com/item.htm?id=678301234567', title: '马克杯' }));
`,
    );
    if (fixtures.status !== 0) fail(`README fixtures: ${fixtures.stderr.slice(-2000)}`);

    // Every README block, as shipped.
    let ran = 0;
    let skipped = 0;
    for (const name of Object.keys(tgz)) {
      const readme = readFileSync(join(node, 'node_modules', name, 'README.md'), 'utf8');
      for (const [i, block] of codeBlocks(readme).entries()) {
        const label = `${name} README block ${i + 1} (line ${block.line}, \`\`\`${block.info})`;
        if (/\bno-run\b/.test(block.info)) {
          skipped++;
          continue;
        }
        let js;
        try {
          js = (await transform(withChecks(block.code), { loader: 'ts', format: 'esm', target: 'node20' }))
            .code;
        } catch (error) {
          fail(`${label}: does not compile: ${error.message.split('\n')[0]}`);
          continue;
        }
        const file = `readme-${name.replace('@sharekit/', '')}-${i + 1}.mjs`;
        const r = runModule(node, file, `${EXPECT_HELPER}\n${js}`);
        ran++;
        if (r.status !== 0) fail(`${label} failed:\n${(r.stderr || r.stdout).slice(-1500)}`);
        else console.log(`  ran ${label}`);
      }
    }
    console.log(`  README blocks: ${ran} run, ${skipped} marked no-run`);
  }

  if (keep) console.log(`\nkept: ${tmp}`);
  else rmSync(tmp, { recursive: true, force: true });
  console.log(problems.length === 0 ? '\npack-check: ok' : `\npack-check: ${problems.length} problem(s)`);
  process.exit(problems.length === 0 ? 0 : 1);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
