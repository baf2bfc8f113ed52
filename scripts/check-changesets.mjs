#!/usr/bin/env node
// Every pending changeset parses, names workspace packages with a bump, and says something: a front matter that a
// formatter turned into a heading (or a package that was renamed) would make `changeset version` refuse them all at
// release time. Reads the files with changesets' own parser; needs no git history.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { root, workspacePackages } from './workspace.mjs';

const fromCli = createRequire(
  createRequire(join(root, 'package.json')).resolve('@changesets/cli/package.json'),
);
const parse = fromCli('@changesets/parse').default;

/** Each workspace package's name, and whether it is private (never released). */
const packages = new Map(
  workspacePackages().map(({ manifest }) => [manifest.name, manifest.private === true]),
);

const dir = join(root, '.changeset');
const problems = [];
let count = 0;
for (const file of readdirSync(dir).filter((f) => f.endsWith('.md') && f !== 'README.md')) {
  count += 1;
  let changeset;
  try {
    changeset = parse(readFileSync(join(dir, file), 'utf8'));
  } catch (error) {
    problems.push(`${file}: ${error.message.split('\n')[0]}`);
    continue;
  }
  if (changeset.releases.length === 0)
    problems.push(`${file}: names no package (is its front matter intact?)`);
  for (const { name, type } of changeset.releases) {
    if (!packages.has(name)) problems.push(`${file}: ${name} is no workspace package`);
    else if (packages.get(name)) problems.push(`${file}: ${name} is private and never released`);
    if (!['major', 'minor', 'patch'].includes(type)) problems.push(`${file}: ${name} has bump "${type}"`);
  }
  if (changeset.summary.trim() === '') problems.push(`${file}: no text for the changelog`);
}
for (const p of problems) console.error(`changeset ${p}`);
console.log(`changesets: ${count} read, ${problems.length} problem${problems.length === 1 ? '' : 's'}`);
process.exit(problems.length > 0 ? 1 : 0);
