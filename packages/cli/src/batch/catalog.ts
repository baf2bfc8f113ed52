// What `sharekit make --batch` reads: a CSV file with a header row, or JSON lines, one product each.
import { dirname, isAbsolute, resolve as resolvePath } from 'node:path';
import type { BatchItem } from './inputs.js';
import type { CatalogRow } from './tasks.js';

/** Longest field kept from a catalog (a title, a URL …); longer ones make the row an error. */
export const MAX_FIELD_LENGTH = 4096;

/** A catalog item: a batch item with its row, and the base name of its output files. */
export interface CatalogItem extends BatchItem {
  readonly row?: CatalogRow;
  readonly name?: string;
}

/** Column names (lower case, `-`, `_` and spaces removed) and the row field each fills. */
const COLUMNS: Readonly<Record<string, keyof CatalogRow>> = {
  url: 'url',
  link: 'url',
  title: 'title',
  price: 'price',
  originalprice: 'originalPrice',
  brand: 'brand',
  image: 'image',
  photo: 'image',
  sizes: 'sizes',
  size: 'sizes',
  template: 'template',
  locale: 'locale',
  id: 'id',
};

const SIZE_NAMES = ['moments', 'square', 'print'] as const;

/**
 * Splits CSV text (RFC 4180: commas, double-quoted fields with `""` escapes, CRLF or LF) into records
 * with the line each starts on. One pass, linear in the input.
 * @example
 * parseCsv('url,title\nhttps://a.example,"a, b"\n') // [{ line: 1, fields: ['url','title'] }, { line: 2, fields: ['https://a.example','a, b'] }]
 */
export function parseCsv(text: string): { line: number; fields: string[]; error?: string }[] {
  const records: { line: number; fields: string[]; error?: string }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let wasQuoted = false;
  let line = 1;
  let start = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endField = (): void => {
    fields.push(field);
    field = '';
    wasQuoted = false;
  };
  const endRecord = (): void => {
    endField();
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: start, fields });
    fields = [];
  };
  for (; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
      continue;
    }
    if (c === '"' && field === '' && !wasQuoted) {
      quoted = true;
      wasQuoted = true;
    } else if (c === ',') endField();
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      start = line;
    } else field += c;
  }
  if (quoted) {
    endRecord();
    const last = records[records.length - 1];
    if (last) last.error = 'an opening quote is never closed';
  } else if (field !== '' || fields.length > 0) endRecord();
  return records;
}

function safeName(id: string): string | null {
  // regex-safe: one bounded character class, anchored
  return /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(id) ? id : null;
}

function echoOf(url: string): string {
  return url.length > 300 ? `${url.slice(0, 300)}…` : url;
}

/**
 * Turns one record (column name → value) into a row, or says what is wrong with it. Relative image
 * paths are taken from the catalog's directory.
 */
function rowOf(record: Record<string, unknown>, baseDir: string): CatalogRow | string {
  const row: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(record)) {
    const field = COLUMNS[key.toLowerCase().replace(/[-_ ]/g, '')];
    if (field === undefined || raw === undefined || raw === null || raw === '') continue;
    if (field === 'sizes') {
      const list = Array.isArray(raw) ? raw : String(raw).split(/[|;,\s]+/);
      const sizes = list.map((s) => String(s).trim()).filter((s) => s !== '');
      const bad = sizes.find((s) => !(SIZE_NAMES as readonly string[]).includes(s));
      if (bad !== undefined)
        return `unknown size ${JSON.stringify(bad.slice(0, 40))}: one of ${SIZE_NAMES.join(', ')}`;
      if (sizes.length > 0) row.sizes = [...new Set(sizes)];
      continue;
    }
    const value = typeof raw === 'number' ? String(raw) : raw;
    if (typeof value !== 'string') return `${key}: expected text, found ${typeof raw}`;
    if (value.length > MAX_FIELD_LENGTH) return `${key}: longer than ${MAX_FIELD_LENGTH} characters`;
    if (field === 'locale' && value !== 'zh' && value !== 'en')
      return `locale: zh or en, found ${JSON.stringify(value.slice(0, 20))}`;
    row[field] = field === 'image' && !isAbsolute(value) ? resolvePath(baseDir, value) : value.trim();
  }
  if (typeof row.url !== 'string' || row.url === '') return 'no url: every row needs one';
  return row as unknown as CatalogRow;
}

/**
 * The items of a catalog: one per CSV record after the header, or per non-blank JSONL line. Each
 * gets the base name of its files: its `id` when that is a safe file name, else `row-<n>`; a repeated
 * id is an error on the later row (its files would overwrite the first's).
 * @example
 * catalogItems('url,title\nhttps://item.jd.com/1.html,耳机\n', 'csv', '.')
 */
export function catalogItems(text: string, format: 'csv' | 'jsonl', catalogPath: string): CatalogItem[] {
  const baseDir = dirname(resolvePath(catalogPath));
  const records: { line: number; record?: Record<string, unknown>; raw: string; error?: string }[] = [];
  if (format === 'csv') {
    const [header, ...rest] = parseCsv(text);
    const names = header?.fields.map((f) => f.trim()) ?? [];
    for (const r of rest) {
      const record: Record<string, unknown> = {};
      names.forEach((name, i) => {
        record[name] = r.fields[i];
      });
      const extra =
        r.fields.length > names.length
          ? `has ${r.fields.length} fields, the header ${names.length}`
          : undefined;
      const error = r.error ?? extra;
      records.push({
        line: r.line,
        record,
        raw: r.fields.join(','),
        ...(error === undefined ? {} : { error }),
      });
    }
  } else {
    text.split('\n').forEach((raw, i) => {
      const trimmed = raw.trim();
      if (trimmed === '') return;
      try {
        const value: unknown = JSON.parse(trimmed);
        if (typeof value !== 'object' || value === null || Array.isArray(value)) {
          records.push({ line: i + 1, raw: trimmed, error: 'expected a JSON object' });
        } else records.push({ line: i + 1, raw: trimmed, record: value as Record<string, unknown> });
      } catch (error) {
        records.push({ line: i + 1, raw: trimmed, error: `not JSON: ${(error as Error).message}` });
      }
    });
  }
  const seen = new Set<string>();
  return records.map((r, index): CatalogItem => {
    const base = { index, line: r.line };
    const field = (name: keyof CatalogRow): unknown => {
      for (const [key, value] of Object.entries(r.record ?? {})) {
        if (COLUMNS[key.toLowerCase().replace(/[-_ ]/g, '')] === name && value !== '' && value != null)
          return value;
      }
      return undefined;
    };
    const rawId = field('id');
    const id =
      (typeof rawId === 'string' && rawId.trim() !== '') || typeof rawId === 'number'
        ? String(rawId).trim()
        : undefined;
    const withId = id === undefined ? {} : { id };
    const rawUrl = field('url');
    const url = typeof rawUrl === 'string' ? rawUrl.trim() : r.raw;
    const echo = echoOf(url);
    const problem = (message: string, code = 'invalid_row'): CatalogItem => ({
      ...base,
      ...withId,
      echo,
      error: { code, message: `line ${r.line}: ${message}` },
    });
    if (r.error !== undefined || !r.record) return problem(r.error ?? 'unreadable');
    const row = rowOf(r.record, baseDir);
    if (typeof row === 'string') return problem(row);
    const name = (id === undefined ? null : safeName(id)) ?? `row-${index + 1}`;
    if (seen.has(name)) return problem(`id ${JSON.stringify(name)} repeats an earlier row`, 'duplicate_id');
    seen.add(name);
    return { ...base, ...withId, echo, row, name };
  });
}
