// The workspace's package folders, for the repository's scripts (Node built-ins only: run.mjs reads it before
// anything is installed).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root folder. */
export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Every folder under `groups` (of the root) that holds a package.json, in name order, with its manifest. */
export function workspacePackages(groups = ['packages', 'apps']) {
  const out = [];
  for (const group of groups) {
    const base = join(root, group);
    if (!existsSync(base)) continue;
    for (const name of readdirSync(base).sort()) {
      const dir = join(base, name);
      if (existsSync(join(dir, 'package.json')))
        out.push({ dir, manifest: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) });
    }
  }
  return out;
}
