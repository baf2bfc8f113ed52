// Builds @sharekit/cli and the workspace packages it depends on (each package's own `build` script,
// as `pnpm build` runs it), so the
// end-to-end tests run the real bin: dist/cli.js importing the dependencies' dist. A package whose
// dist is newer than its sources is not rebuilt.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const packagesDir = fileURLToPath(new URL('../..', import.meta.url));
const rootBin = fileURLToPath(new URL('../../../node_modules/.bin', import.meta.url));

interface Pkg {
  readonly name: string;
  readonly dir: string;
  readonly deps: readonly string[];
  readonly build: string;
}

function readPackages(): Map<string, Pkg> {
  const out = new Map<string, Pkg>();
  for (const entry of readdirSync(packagesDir)) {
    const file = join(packagesDir, entry, 'package.json');
    if (!existsSync(file)) continue;
    const json = JSON.parse(readFileSync(file, 'utf8')) as {
      name: string;
      dependencies?: Record<string, string>;
      scripts?: Record<string, string>;
    };
    const deps = Object.keys(json.dependencies ?? {}).filter((d) => d.startsWith('@sharekit/'));
    const build = json.scripts?.build ?? 'tsc -p tsconfig.build.json';
    out.set(json.name, { name: json.name, dir: join(packagesDir, entry), deps, build });
  }
  return out;
}

function newest(dir: string, skip: (name: string) => boolean): number {
  let max = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (skip(entry.name)) continue;
    const path = join(dir, entry.name);
    const t = entry.isDirectory() ? newest(path, skip) : statSync(path).mtimeMs;
    if (t > max) max = t;
  }
  return max;
}

function oldestJs(dir: string): number {
  let min = Number.POSITIVE_INFINITY;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const t = entry.isDirectory()
      ? oldestJs(path)
      : entry.name.endsWith('.js')
        ? statSync(path).mtimeMs
        : min;
    if (t < min) min = t;
  }
  return min;
}

function isStale(pkg: Pkg): boolean {
  const dist = join(pkg.dir, 'dist');
  if (!existsSync(dist)) return true;
  const sources = Math.max(
    newest(join(pkg.dir, 'src'), (n) => n.endsWith('.test.ts')),
    statSync(join(pkg.dir, 'package.json')).mtimeMs,
    statSync(join(pkg.dir, 'tsconfig.build.json')).mtimeMs,
  );
  return sources > oldestJs(dist);
}

export default async function setup(): Promise<void> {
  const packages = readPackages();
  const order: Pkg[][] = [];
  const level = new Map<string, number>();
  const depth = (name: string): number => {
    const known = level.get(name);
    if (known !== undefined) return known;
    const pkg = packages.get(name);
    const d = pkg ? Math.max(-1, ...pkg.deps.map(depth)) + 1 : 0;
    level.set(name, d);
    return d;
  };
  const needed = new Set<string>();
  const collect = (name: string): void => {
    if (needed.has(name)) return;
    needed.add(name);
    for (const d of packages.get(name)?.deps ?? []) collect(d);
  };
  collect('@sharekit/cli');
  for (const name of needed) {
    const pkg = packages.get(name);
    if (!pkg) continue;
    const d = depth(name);
    const group = order[d] ?? [];
    group.push(pkg);
    order[d] = group;
  }
  const rebuilt = new Set<string>();
  for (const group of order) {
    // A package is rebuilt when its own sources changed or a dependency was rebuilt (its types may differ).
    const stale = (group ?? []).filter((pkg) => pkg.deps.some((d) => rebuilt.has(d)) || isStale(pkg));
    await Promise.all(
      stale.map(async (pkg) => {
        try {
          const path = [join(pkg.dir, 'node_modules', '.bin'), rootBin, process.env.PATH ?? ''].join(
            delimiter,
          );
          await run('sh', ['-c', pkg.build], { cwd: pkg.dir, env: { ...process.env, PATH: path } });
        } catch (error) {
          const e = error as { stdout?: string; stderr?: string };
          throw new Error(`building ${pkg.name} failed:\n${e.stdout ?? ''}${e.stderr ?? ''}`);
        }
        rebuilt.add(pkg.name);
      }),
    );
  }
}
