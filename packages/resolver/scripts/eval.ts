/**
 * Scores every reader against corpora of real inputs and prints a table per field and per platform,
 * with the disagreements.
 *
 *   pnpm eval                          the in-repo corpora (corpora/share-texts.json, urls.json, app-links.json)
 *   pnpm eval <corpus.json> …          other corpora; the kind is read from the entries
 *   pnpm eval … --show-misses          every disagreement (otherwise the first 12 per corpus)
 *
 * - share texts (`{ text, platform, link | shortUrl, token, title }`): `parseShareText`. `platform` agrees
 *   when the platforms of all matches, joined with '+', equal the corpus value; link, token and title are
 *   compared with the first match (null when there is none). Links agree when they are equal once a
 *   leading `http://`, `https://` or `//` is set aside (the corpus keeps the link as written, the reader
 *   completes the scheme).
 * - URLs (`{ input, platform, kind, id }`): `identify()` on what the resolver extracts from the pasted
 *   input (its first candidate's raw target; the trimmed input when it finds none).
 * - app links (`{ input, app, platform, kind, id }`): `parseAppLink()` on the trimmed input.
 *
 * Ids agree when they are equal or name the same page: the corpus keeps an id as shown (`av170001`, a Weibo bid)
 * while the readers normalise it (BV id, mid), so both are compared through `canonicalUrlFor`. Entries with a
 * `form` (URLs, app links: one form or a list) also get a table per form.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import { canonicalUrlFor, identify, type PlatformId } from '@sharekit/canonical-url';
import { isUnsafeAppLink, parseAppLink } from '@sharekit/deep-link';
import { parseShareText, sharekitTokens } from '@sharekit/share-token';
import { resolve } from '../src/index.js';

type Value = string | null;
type Entry = Record<string, unknown>;

interface Scored {
  /** Row key of the per-platform table. */
  readonly group: string;
  /** The input's forms (`short`, `wrapper`, `markdown`…), when the corpus gives them. */
  readonly forms?: readonly string[];
  readonly want: Record<string, Value>;
  readonly got: Record<string, Value>;
  /** What the reader was given, when it is not the corpus input itself. */
  readonly read?: string;
  readonly note?: string;
}

interface Corpus {
  readonly name: string;
  readonly reader: string;
  readonly fields: readonly string[];
  /** Fields also reported over the entries whose corpus value is not null. */
  readonly whereShown: readonly string[];
  readonly score: (e: Entry) => Promise<Scored>;
}

const str = (v: unknown): Value => (typeof v === 'string' ? v : null);
const withoutScheme = (link: string) => link.replace(/^(?:https?:)?\/\//i, '');

/** The one place a reader's thrown error is caught: the error's code becomes the answer. */
function attempt<T>(read: () => T): T | { error: string } {
  try {
    return read();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return { error: typeof code === 'string' ? code : String(error) };
  }
}

/** The reader's id, or the corpus id when both name the same canonical page (`av…` and its BV id). */
function sameId(got: Record<string, Value>, want: Value): Value {
  const platform = got.platform ?? null;
  const kind = got.kind ?? null;
  const id = got.id ?? null;
  if (id === null || want === null || id === want || !platform || !kind) return id;
  const url = (v: string) => {
    const r = attempt(() => canonicalUrlFor(platform as PlatformId, kind as never, v));
    return typeof r === 'string' ? r : null;
  };
  const a = url(id);
  return a !== null && a === url(want) ? want : id;
}

const SHARE_TEXTS: Corpus = {
  name: 'share texts',
  reader: 'parseShareText',
  fields: ['platform', 'link', 'token', 'title'],
  whereShown: [],
  async score(e) {
    const want = {
      platform: str(e.platform),
      link: str(e.link ?? e.shortUrl),
      token: str(e.token),
      title: str(e.title),
    };
    const matches = attempt(() => parseShareText(String(e.text), { sharekitTokens }));
    if ('error' in matches) {
      const got = { platform: `error ${matches.error}`, link: null, token: null, title: null };
      return { group: want.platform ?? 'none', want, got };
    }
    const first = matches[0];
    let link = first?.url ?? null;
    // A link the reader completed with a scheme agrees with the link as written.
    if (link !== null && want.link !== null && withoutScheme(link) === withoutScheme(want.link)) {
      link = want.link;
    }
    const got = {
      platform: matches.length ? matches.map((m) => m.platform ?? 'unknown').join('+') : null,
      link,
      token: first?.token ?? null,
      title: first?.title ?? null,
    };
    return { group: want.platform ?? 'none', want, got, ...noteOf(e) };
  },
};

const URLS: Corpus = {
  name: 'URLs',
  reader: 'identify (on what the resolver extracts)',
  fields: ['platform', 'kind', 'id'],
  whereShown: ['id'],
  async score(e) {
    const input = String(e.input);
    const want = { platform: str(e.platform), kind: str(e.kind), id: str(e.id) };
    const resolution = await resolve(input);
    const read = resolution.candidates[0]?.raw ?? input.trim();
    const identity = attempt(() => identify(read));
    const got =
      identity === null
        ? { platform: null, kind: null, id: null }
        : 'error' in identity
          ? { platform: `error ${identity.error}`, kind: null, id: null }
          : { platform: identity.platform, kind: identity.kind, id: identity.id };
    got.id = sameId(got, want.id);
    return { group: want.platform ?? 'none', want, got, ...(read === input ? {} : { read }), ...noteOf(e) };
  },
};

const APP_LINKS: Corpus = {
  name: 'app links',
  reader: 'parseAppLink',
  fields: ['app', 'platform', 'kind', 'id'],
  whereShown: ['id'],
  async score(e) {
    const input = String(e.input);
    const want = { app: str(e.app), platform: str(e.platform), kind: str(e.kind), id: str(e.id) };
    const parsed = attempt(() => parseAppLink(input.trim()));
    const got =
      parsed === null
        ? { app: null, platform: null, kind: null, id: null }
        : 'error' in parsed
          ? { app: `error ${parsed.error}`, platform: null, kind: null, id: null }
          : isUnsafeAppLink(parsed)
            ? { app: parsed.app, platform: `danger ${parsed.danger}`, kind: null, id: null }
            : { app: parsed.app, platform: parsed.platform, kind: parsed.kind, id: parsed.id };
    got.id = sameId(got, want.id);
    return { group: want.app ?? 'none', want, got, ...noteOf(e) };
  },
};

function noteOf(e: Entry): { note?: string; forms?: readonly string[] } {
  const note = str(e.note) ?? str(e.caveat);
  const forms = (Array.isArray(e.form) ? e.form : [e.form]).filter((f): f is string => typeof f === 'string');
  return { ...(note === null ? {} : { note }), ...(forms.length ? { forms } : {}) };
}

/** Which reader a corpus is for, from the fields of its entries. */
function corpusFor(entries: Entry[]): Corpus | null {
  const e = entries[0];
  if (e === undefined) return null;
  if ('text' in e) return SHARE_TEXTS;
  if ('input' in e && 'app' in e) return APP_LINKS;
  if ('input' in e) return URLS;
  return null;
}

const pct = (a: number, b: number) => (b === 0 ? '    -' : `${((100 * a) / b).toFixed(1)}%`);
const cell = (a: number, b: number) => `${a}/${b} ${pct(a, b)}`;
const clip = (s: string, n = 160) => (s.length > n ? `${s.slice(0, n)}…` : s);
const show = (v: Value) => (v === null ? 'null' : JSON.stringify(v));

async function evaluate(path: string, label: string, showMisses: boolean): Promise<void> {
  let entries: Entry[];
  try {
    entries = JSON.parse(readFileSync(path, 'utf8')) as Entry[];
  } catch (error) {
    console.log(`${label}: not readable as JSON (${(error as Error).message})\n`);
    return;
  }
  const corpus = Array.isArray(entries) ? corpusFor(entries) : null;
  if (corpus === null) {
    console.log(`${label}: not a corpus this script knows (an array of { text } or { input })\n`);
    return;
  }
  const { fields } = corpus;
  const total: Record<string, number> = {};
  const shown: Record<string, [number, number]> = {};
  const groups = new Map<string, { n: number; agree: Record<string, number> }>();
  const forms = new Map<string, { n: number; agree: Record<string, number> }>();
  const misses: string[] = [];
  for (const [index, e] of entries.entries()) {
    const s = await corpus.score(e);
    const row = groups.get(s.group) ?? { n: 0, agree: {} };
    row.n += 1;
    const wrong: string[] = [];
    for (const f of fields) {
      const ok = s.got[f] === s.want[f];
      if (ok) {
        total[f] = (total[f] ?? 0) + 1;
        row.agree[f] = (row.agree[f] ?? 0) + 1;
      } else {
        wrong.push(`${f}: want ${show(s.want[f] ?? null)} got ${show(s.got[f] ?? null)}`);
      }
      if (corpus.whereShown.includes(f) && s.want[f] !== null) {
        const t = shown[f] ?? [0, 0];
        shown[f] = [t[0] + (ok ? 1 : 0), t[1] + 1];
      }
    }
    groups.set(s.group, row);
    for (const form of s.forms ?? []) {
      const f = forms.get(form) ?? { n: 0, agree: {} };
      f.n += 1;
      for (const k of fields) if (s.got[k] === s.want[k]) f.agree[k] = (f.agree[k] ?? 0) + 1;
      forms.set(form, f);
    }
    if (wrong.length) {
      const input = String(e.text ?? e.input).replace(/\r?\n/g, '⏎');
      misses.push(
        `#${index} ${s.group} | ${wrong.join('; ')}\n      in: ${clip(input)}` +
          (s.read !== undefined ? `\n      read: ${clip(s.read)}` : '') +
          (s.note !== undefined ? `\n      note: ${clip(s.note)}` : ''),
      );
    }
  }

  const n = entries.length;
  console.log(`${corpus.name} — ${corpus.reader} — ${label} (${n} entries)`);
  console.log(sourceLine(entries));
  const rows: string[][] = [['field', 'agree']];
  for (const f of fields) rows.push([f, cell(total[f] ?? 0, n)]);
  for (const f of corpus.whereShown) {
    const [a, b] = shown[f] ?? [0, 0];
    rows.push([`${f} (where shown)`, cell(a, b)]);
  }
  rows.push(['all fields', cell(n - misses.length, n)]);
  printTable(rows);
  console.log('');
  for (const [head, table] of [
    [corpus === APP_LINKS ? 'app' : 'platform', groups],
    ['form', forms],
  ] as const) {
    if (table.size === 0) continue;
    const rows = [[head, 'n', ...fields]];
    for (const [group, row] of [...table].sort((a, b) => b[1].n - a[1].n || a[0].localeCompare(b[0]))) {
      rows.push([group, String(row.n), ...fields.map((f) => cell(row.agree[f] ?? 0, row.n))]);
    }
    printTable(rows);
    console.log('');
  }
  if (misses.length === 0) {
    console.log('no disagreements\n');
    return;
  }
  const listed = showMisses ? misses : misses.slice(0, 12);
  console.log(
    `disagreements (${misses.length}${listed.length < misses.length ? `, first ${listed.length}; --show-misses for all` : ''}):`,
  );
  for (const m of listed) console.log(`  ${m}`);
  console.log('');
}

/**
 * How the entries are sourced: a repository file at a commit and a thread or page can be checked by anyone;
 * an id of the search tool's index alone cannot (the index does not name the file's repository).
 */
function sourceLine(entries: readonly Entry[]): string {
  const count = { repository: 0, thread: 0, index: 0, none: 0 };
  for (const e of entries) {
    const s = (typeof e.source === 'object' && e.source !== null ? e.source : {}) as Record<string, unknown>;
    if (typeof s.repo === 'string' && typeof s.commit === 'string') count.repository += 1;
    else if (typeof s.url === 'string') count.thread += 1;
    else if (s.index !== undefined) count.index += 1;
    else count.none += 1;
  }
  const parts = [
    `${count.repository} repository file at a commit`,
    `${count.thread} thread or page`,
    `${count.index} search-index id only`,
  ];
  if (count.none) parts.push(`${count.none} without a source`);
  return `sources: ${parts.join(', ')}`;
}

function printTable(rows: string[][]): void {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  for (const r of rows) {
    console.log(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  '));
  }
}

const here = dirname(fileURLToPath(import.meta.url));
const root = resolvePath(here, '../../..');
const args = process.argv.slice(2);
const showMisses = args.includes('--show-misses');
const unknown = args.filter((a) => a.startsWith('--') && a !== '--show-misses');
if (unknown.length) {
  console.error(
    `eval: unknown option ${unknown.join(' ')}\nusage: pnpm eval [corpus.json …] [--show-misses]`,
  );
  process.exit(2);
}
const given = args.filter((a) => !a.startsWith('--'));
// `pnpm eval` runs this script in the package directory: a relative path is taken from where the
// command was typed (INIT_CWD).
const base = process.env.INIT_CWD ?? process.cwd();
const paths = given.length
  ? given.map((p) => (isAbsolute(p) ? p : resolvePath(base, p)))
  : ['share-texts.json', 'urls.json', 'app-links.json'].map((f) => resolvePath(root, 'corpora', f));
let missing = 0;
for (const path of paths) {
  const label = relative(base, path) || path;
  if (!existsSync(path)) {
    console.log(`${label}: no corpus there, skipped\n`);
    missing += 1;
    continue;
  }
  await evaluate(path, label, showMisses);
}
if (given.length && missing === paths.length) process.exit(2);
