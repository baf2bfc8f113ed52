import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One `new <Class>(…)` in a source file, with its arguments as written. */
export interface ThrowSite {
  readonly file: string;
  readonly line: number;
  readonly args: readonly string[];
}

/** The source files below `dir` (tests excluded). */
function sources(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...sources(p));
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

/**
 * The top-level arguments of the call whose `(` is at `open` in `src`: commas inside brackets, string
 * literals and template literals (with their `${…}` parts) do not split. Returns the arguments and the
 * index after the closing `)`.
 */
function argsAt(src: string, open: number): string[] {
  const args: string[] = [];
  let depth = 0;
  let start = open + 1;
  for (let i = open; i < src.length; i++) {
    const c = src[i] as string;
    if (c === "'" || c === '"' || c === '`') {
      // Skip the literal; a template's `${…}` holds no quote of the same kind in this repo's code.
      for (i++; i < src.length && src[i] !== c; i++) if (src[i] === '\\') i++;
      continue;
    }
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth === 0) {
        args.push(src.slice(start, i).trim());
        return args.filter((a) => a !== '');
      }
    } else if (c === ',' && depth === 1) {
      args.push(src.slice(start, i).trim());
      start = i + 1;
    }
  }
  return args;
}

/**
 * Every `new <className>(…)` in the package sources below `dir`, with its arguments: a test asserts that
 * each passes its own message (the error class's code table is not shipped, so an error without one
 * would say only its code).
 * @example
 * throwSites('packages/share-token/src', 'ShareTokenError').filter((s) => s.args.length < 2) // []
 */
export function throwSites(dir: string, className: string): ThrowSite[] {
  const out: ThrowSite[] = [];
  const needle = `new ${className}(`;
  for (const file of sources(dir)) {
    const src = readFileSync(file, 'utf8');
    for (let k = src.indexOf(needle); k >= 0; k = src.indexOf(needle, k + 1)) {
      const line = src.slice(0, k).split('\n').length;
      out.push({ file, line, args: argsAt(src, k + needle.length - 1) });
    }
  }
  return out;
}
