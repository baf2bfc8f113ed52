#!/usr/bin/env node
// Lint rule against catastrophic backtracking: every regular expression literal (and every
// `new RegExp('literal')`) in the workspace sources is checked by recheck. A regex recheck calls
// vulnerable fails the lint; so does one it cannot decide, unless it carries a comment
// `regex-safe: <reason>` on the line above explaining why it is linear.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkSync } from 'recheck';
import ts from 'typescript';

const root = new URL('..', import.meta.url).pathname;
const files = [];
function walk(dir) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) walk(p);
    else if (/\.(ts|tsx|mts|js|mjs)$/.test(name) && !name.endsWith('.d.ts')) files.push(p);
  }
}
for (const group of ['packages', 'apps']) {
  try {
    walk(join(root, group));
  } catch {}
}

let bad = 0;
let checked = 0;
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const lines = text.split('\n');
  const visit = (node) => {
    let source;
    let flags = '';
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const lit = node.getText(sf);
      const end = lit.lastIndexOf('/');
      source = lit.slice(1, end);
      flags = lit.slice(end + 1);
    } else if (
      ts.isNewExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'RegExp' &&
      node.arguments?.[0] &&
      ts.isStringLiteralLike(node.arguments[0])
    ) {
      source = node.arguments[0].text;
      const f = node.arguments[1];
      if (f && ts.isStringLiteralLike(f)) flags = f.text;
    }
    if (source !== undefined) {
      checked += 1;
      const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
      const waived = /regex-safe:/.test(lines[line - 1] ?? '') || /regex-safe:/.test(lines[line] ?? '');
      // A busy machine can make the analysis time out ('unknown'): give it longer before judging.
      let r = checkSync(source, flags.replace(/[gy]/g, ''), { timeout: 10_000 });
      if (r.status === 'unknown') r = checkSync(source, flags.replace(/[gy]/g, ''), { timeout: 60_000 });
      if (r.status === 'vulnerable' || (r.status !== 'safe' && !waived)) {
        bad += 1;
        const where = `${relative(root, file)}:${line + 1}`;
        console.error(
          `${where}: /${source}/${flags} is ${r.status}${r.complexity ? ` (${r.complexity.type})` : ''}`,
        );
        if (r.attack)
          console.error(`  attack: ${JSON.stringify(r.attack.pattern ?? r.attack.string).slice(0, 120)}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
}
console.log(`check-regex: ${checked} regular expressions in ${files.length} files, ${bad} unsafe`);
process.exit(bad > 0 ? 1 : 0);
