#!/usr/bin/env node
// One entry point that works on a fresh clone with only Node and npm: it installs pnpm and the
// workspace dependencies (from the lockfile), then runs the requested job.
//   node scripts/run.mjs test    lint, typecheck and every package's tests, build, publint, the pack-and-install
//                                check, then one summary line
//   node scripts/run.mjs start   build the demo page (apps/demo) and serve it on localhost, printing its URL
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { delimiter, join, relative } from 'node:path';
import { root, workspacePackages } from './workspace.mjs';

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const pnpmSpec = pkg.packageManager; // e.g. pnpm@10.34.8
const binDir = join(root, 'node_modules', '.bin');
const env = {
  ...process.env,
  PATH: `${binDir}${delimiter}${process.env.PATH ?? ''}`,
  TURBO_TELEMETRY_DISABLED: '1',
  TURBO_NO_UPDATE_NOTIFIER: '1',
  DO_NOT_TRACK: '1',
};

function run(cmd, args) {
  console.log(`\n$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: root, env, stdio: 'inherit' });
  if (r.error) throw r.error;
  return r.status ?? 1;
}

function install() {
  // npx fetches the pinned pnpm from the npm registry; the workspace then has its own copy in node_modules/.bin.
  const status = run('npx', ['--yes', pnpmSpec, 'install', '--frozen-lockfile']);
  if (status !== 0) process.exit(status);
}

function summarise() {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  let files = 0;
  for (const { dir } of workspacePackages()) {
    const report = join(dir, '.vitest-report.json');
    if (!existsSync(report)) continue;
    const r = JSON.parse(readFileSync(report, 'utf8'));
    passed += r.numPassedTests ?? 0;
    failed += (r.numFailedTests ?? 0) + (r.numFailedTestSuites ?? 0);
    skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
    files += 1;
  }
  console.log(`\nvitest reports read: ${files}`);
  console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
  return { passed, failed };
}

const job = process.argv[2] ?? 'test';
if (job === 'test') {
  install();
  for (const { dir } of workspacePackages()) rmSync(join(dir, '.vitest-report.json'), { force: true });
  // Every stage runs even when an earlier one fails, so one run reports everything that is wrong.
  const colors = process.stdout.isTTY ? [] : ['--colors=off'];
  const stages = [
    ['lint (biome)', 'biome', ['ci', ...colors, '.']],
    ['lint (regex safety)', 'node', ['scripts/check-regex.mjs']],
    ['changesets', 'node', ['scripts/check-changesets.mjs']],
    ['browser entries', 'node', ['scripts/entry-size.mjs']],
    [
      'typecheck and tests',
      'turbo',
      ['run', 'typecheck', 'test', '--continue', '--output-logs=new-only', '--concurrency=2'],
    ],
  ];
  const failed = [];
  for (const [name, cmd, args] of stages) if (run(cmd, args) !== 0) failed.push(name);
  // Package hygiene: every publishable package builds, and publint finds nothing wrong with what it would publish.
  if (run('turbo', ['run', 'build', '--output-logs=errors-only', '--concurrency=2']) !== 0)
    failed.push('build');
  else {
    for (const { dir, manifest } of workspacePackages()) {
      if (manifest.private) continue;
      console.log(`\n$ publint ${relative(root, dir)}`);
      const r = spawnSync('publint', ['--strict'], { cwd: dir, env, stdio: 'inherit' });
      if (r.status !== 0) failed.push(`publint ${relative(root, dir)}`);
    }
    // Publish check: pack every package, install the tarballs into clean projects, import every entry and
    // run every README's code blocks against them (scripts/pack-check.mjs).
    if (run('node', ['scripts/pack-check.mjs']) !== 0) failed.push('pack and install');
  }
  const { passed, failed: failedTests } = summarise();
  if (passed === 0) failed.push('no test ran');
  if (failedTests > 0 && !failed.includes('typecheck and tests')) failed.push('tests');
  if (failed.length > 0) console.log(`failed stages: ${failed.join(', ')}`);
  process.exit(failed.length > 0 ? 1 : 0);
} else if (job === 'start') {
  install();
  let status = run('pnpm', ['--filter', '@sharekit/demo', 'run', 'build']);
  if (status === 0) status = run('node', ['apps/demo/scripts/serve.mjs']);
  process.exit(status);
} else {
  console.error(`unknown job: ${job} (expected: test or start)`);
  process.exit(2);
}
