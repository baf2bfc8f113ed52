/**
 * Evaluates parseShareText on a corpus of real share texts and prints, per field and per platform,
 * how many entries agree with the corpus.
 *
 *   pnpm eval:share <corpus.json> [--show-misses]
 *
 * The corpus is a JSON array of { text, platform, shortUrl, token, title } ('a+b' platforms for
 * pastes holding several shares). An entry agrees on `platform` when the platforms of all matches,
 * joined with '+', equal the corpus value; url, token and title are compared with the first match
 * (null when there is none).
 */
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { parseShareText } from '../src/index.js';

interface Entry {
  text: string;
  platform: string;
  shortUrl: string | null;
  token: string | null;
  title: string | null;
  caveat?: string;
}

const args = process.argv.slice(2);
const path = args.find((a) => !a.startsWith('--'));
if (!path) {
  console.error('usage: pnpm eval:share <corpus.json> [--show-misses]');
  process.exit(2);
}
const showMisses = args.includes('--show-misses');
// `pnpm eval:share` from the repository root runs this script in the package directory: a relative
// path is taken from where the command was typed (INIT_CWD) when it does not exist here.
const where = [path, process.env.INIT_CWD ? resolve(process.env.INIT_CWD, path) : path].find(
  (p) => isAbsolute(p) || existsSync(p),
);
const corpus = where && existsSync(where) ? where : path;
if (!existsSync(corpus)) {
  console.error(`eval-share: no corpus at ${path}`);
  process.exit(2);
}
const entries = JSON.parse(readFileSync(corpus, 'utf8')) as Entry[];
const FIELDS = ['platform', 'url', 'token', 'title'] as const;
type Field = (typeof FIELDS)[number];
const total: Record<Field, number> = { platform: 0, url: 0, token: 0, title: 0 };
const perPlatform = new Map<string, { n: number } & Record<Field, number>>();
const misses: string[] = [];

entries.forEach((e, index) => {
  const matches = parseShareText(e.text);
  const first = matches[0];
  const got: Record<Field, string | null> = {
    platform: matches.length ? matches.map((m) => m.platform ?? 'unknown').join('+') : null,
    url: first?.url ?? null,
    token: first?.token ?? null,
    title: first?.title ?? null,
  };
  const want: Record<Field, string | null> = {
    platform: e.platform,
    url: e.shortUrl,
    token: e.token,
    title: e.title,
  };
  const row = perPlatform.get(e.platform) ?? { n: 0, platform: 0, url: 0, token: 0, title: 0 };
  row.n++;
  for (const f of FIELDS) {
    if (got[f] === want[f]) {
      total[f]++;
      row[f]++;
    } else {
      misses.push(
        `#${index} ${e.platform} ${f}: want ${JSON.stringify(want[f])} got ${JSON.stringify(got[f])}${e.caveat ? ` (corpus caveat: ${e.caveat})` : ''}`,
      );
    }
  }
  perPlatform.set(e.platform, row);
});

const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(1)}%`.padStart(6);
console.log(`corpus: ${corpus} (${entries.length} entries)`);
console.log(`${'field'.padEnd(10)} agree`);
for (const f of FIELDS)
  console.log(
    `${f.padEnd(10)} ${String(total[f]).padStart(4)}/${entries.length} ${pct(total[f], entries.length)}`,
  );
console.log('');
console.log(`${'platform'.padEnd(14)}${'n'.padStart(4)}  ${FIELDS.map((f) => f.padStart(14)).join('')}`);
for (const [p, r] of [...perPlatform].sort((a, b) => b[1].n - a[1].n)) {
  console.log(
    `${p.padEnd(14)}${String(r.n).padStart(4)}  ${FIELDS.map((f) => `${r[f]}/${r.n} ${pct(r[f], r.n)}`.padStart(14)).join('')}`,
  );
}
if (showMisses || misses.length <= 20) {
  console.log('');
  console.log(misses.length ? 'disagreements:' : 'no disagreements');
  for (const m of misses) console.log(`  ${m}`);
}
