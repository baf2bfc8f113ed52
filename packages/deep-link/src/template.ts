import { writtenScheme } from '@sharekit/canonical-url/core';
import { DeepLinkError } from './errors.js';

/*
 * Link templates with named slots: filled in the template text (building), or compiled once from the
 * table and matched (parsing). Links are read left to right, so the cost is linear in the input: the one
 * regex that reads links (`APP_LINK_PARTS`) cannot backtrack; the others only read the table's templates.
 */

type JsonTemplate = Readonly<Record<string, string>>;

/** A template split like the links it matches, with what its slots need. */
export interface CompiledTemplate extends SplitLink {
  /**
   * The path's segments (a trailing `/` is not one: either spelling matches), each as its text before a
   * slot, the slot's name (absent: a literal segment) and the text after it (`discovery.{id}`).
   */
  readonly segments: readonly (readonly [prefix: string, slot?: string, suffix?: string])[];
  /** The template's query: a `{slot}` value is read, a literal one checked when `required` names its key. */
  readonly query: readonly (readonly [key: string, value: string, slot: string | null])[];
  /** `?{link}`: the whole query is one slot (JD's universal-link page). */
  readonly rawQuerySlot: string | null;
  readonly json: Readonly<Record<string, JsonTemplate>> | undefined;
  readonly required: readonly string[];
}

/** A link split into parts, without decoding anything. */
export interface SplitLink {
  /** Lower-case scheme without `:`. */
  readonly scheme: string;
  /** The link had `//` after the scheme. */
  readonly hierarchical: boolean;
  /** Host as written and lower-cased. */
  readonly hostRaw: string;
  readonly host: string;
  /** Path as written (for opaque links: everything up to `?`/`#`). */
  readonly path: string;
  /** Everything after the first `?` (fragment included), or `null` without a query. */
  readonly rest: string | null;
}

/** `{name}` (table text only) → `name`. */
function slotName(text: string): string | null {
  return /^\{(.+)\}$/s.exec(text)?.[1] ?? null;
}

/** After an app link's `scheme:`: `//` and the host, the path up to `?` or `#`, and everything after `?`. */
// Every part may be empty, so the first try matches: no backtracking, linear in the link.
const APP_LINK_PARTS = /^(?:(\/\/)([^/?#]*))?([^?#]*)(?:\?([\s\S]*))?/;

/**
 * Splits a link into scheme, host, path and the text after `?`. http(s) links go through WHATWG
 * URL so their host is normalised the way a browser sees it; app links are split by hand.
 */
export function splitLink(input: string): SplitLink | null {
  const scheme = writtenScheme(input);
  if (scheme === null) return null;
  // `rest` is the text after the first `?` before any `#`, as written (WHATWG would percent-encode quotes
  // inside a raw nested link).
  const [, slashes, hostRaw = '', path = '', rest = null] = APP_LINK_PARTS.exec(
    input.slice(scheme.length + 1),
  )!;
  if (scheme === 'http' || scheme === 'https') {
    let url: URL;
    try {
      url = new URL(input);
    } catch {
      return null;
    }
    return {
      scheme,
      hierarchical: true,
      hostRaw: url.hostname,
      host: url.hostname,
      path: url.pathname,
      rest,
    };
  }
  return { scheme, hierarchical: slashes !== undefined, hostRaw, host: hostRaw.toLowerCase(), path, rest };
}

/** Compiles a template string of the table for matching (templates have no `#`). */
export function compileTemplate(
  template: string,
  json?: Readonly<Record<string, JsonTemplate>>,
  required: readonly string[] = [],
): CompiledTemplate {
  const link = splitLink(template)!;
  const rest = link.rest ?? '';
  return {
    ...link,
    segments: splitPath(link.path).map((segment) => segment.split(/[{}]/) as [string, string?, string?]),
    query: [...readQuery(rest)].map(([key, [value = '']]) => [key, value, slotName(value)] as const),
    rawQuerySlot: rest.includes('=') ? null : slotName(rest),
    json,
    required,
  };
}

function splitPath(path: string): string[] {
  let p = path;
  if (p.length > 1 && p.endsWith('/')) p = p.slice(0, -1);
  if (p === '/' || p === '') return [];
  return p.split('/');
}

/** A template's `{name}` slots. */
const SLOT = /\{(\w+)\}/g;

/**
 * Fills a template of the table: each `{name}` gets `slots[name]` percent-encoded, except a slot that is
 * the whole query (`?{link}`: a nested link, written as is); a slot named in `json` gets that JSON object,
 * its own slots filled, percent-encoded.
 */
export function fillTemplate(
  template: string,
  slots: Readonly<Record<string, string>>,
  json?: Readonly<Record<string, JsonTemplate>>,
): string {
  return template.replace(SLOT, (_, name: string, at: number) => {
    const object = json?.[name];
    if (object) {
      return encodeURIComponent(
        JSON.stringify(object).replace(SLOT, (_slot, inner: string) =>
          JSON.stringify(slots[inner]).slice(1, -1),
        ),
      );
    }
    const value = slots[name];
    if (value === undefined) throw new Error(`missing slot ${name} for ${template}`);
    return template[at - 1] === '?' ? value : encodeURIComponent(value);
  });
}

/** Percent-decodes, or returns null for malformed escapes or invalid UTF-8. `+` stays `+`. */
export function safeDecode(text: string): string | null {
  if (!text.includes('%')) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/**
 * Finds the end of a raw JSON object starting at `start` (which holds `{`): the index after its
 * closing brace, or -1 when the text ends first. Braces inside strings are skipped.
 * Throws `params_too_large` when the object runs past `max` characters.
 */
export function scanJson(text: string, start: number, max: number): number {
  let depth = 0;
  let inString = false;
  const limit = Math.min(text.length, start + max + 1);
  for (let i = start; i < limit; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  if (text.length > start + max) {
    throw new DeepLinkError('params_too_large', `a raw JSON parameter is longer than ${max} characters`);
  }
  return -1;
}

/**
 * Splits the text after `?` into raw (still encoded) values per key. Stops at the first `#` outside
 * a raw JSON value. Keys in `jsonKeys` may hold a raw JSON object with `&` and `#` inside (at most
 * `maxJson` characters).
 */
export function readQuery(rest: string, maxJson = 0, jsonKeys?: ReadonlySet<string>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const n = rest.length;
  let i = 0;
  while (i < n && rest[i] !== '#') {
    let j = stopAt(rest, i, true);
    const rawKey = rest.slice(i, j);
    const key = safeDecode(rawKey) ?? rawKey;
    let value = '';
    if (rest[j] === '=') {
      const v = j + 1;
      let end = rest[v] === '{' && jsonKeys?.has(key) ? scanJson(rest, v, maxJson) : -1;
      if (end > 0 && end < n && rest[end] !== '&' && rest[end] !== '#') end = -1;
      if (end < 0) end = stopAt(rest, v, false);
      value = rest.slice(v, end);
      j = end;
    }
    if (key) push(out, key, value);
    i = rest[j] === '&' ? j + 1 : j;
  }
  return out;
}

/** Where the text from `at` reaches `&` or `#` (or `=` too, for a key), or its end. */
function stopAt(text: string, at: number, key: boolean): number {
  let i = at;
  for (let c = text[i]; c !== undefined && c !== '&' && c !== '#' && (c !== '=' || !key); c = text[++i]);
  return i;
}

/** Adds a value to the list of a key. */
export function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** What matching a template found: slot values (decoded), plus a JSON slot's parsed object. */
export interface TemplateMatch {
  readonly slots: Record<string, string>;
  /** Slots whose query key appeared more than once with different values (parameter pollution). */
  readonly conflicts: Record<string, readonly string[]>;
  readonly tolerated: readonly string[];
}

/**
 * Reads a JSON parameter (`raw`, written raw or percent-encoded) against its template: every field of the
 * template present, its slots filled into `slots`, its literals equal (case-insensitively). False when it is not.
 */
function readJsonSlots(
  raw: string,
  json: JsonTemplate,
  maxJson: number,
  tolerated: string[],
  slots: Record<string, string>,
): boolean {
  let text: string | null = raw;
  if (raw.startsWith('{')) tolerated.push('raw-json');
  else text = safeDecode(raw);
  if (text === null) return false;
  if (text.length > maxJson) {
    throw new DeepLinkError(
      'params_too_large',
      `a JSON parameter is ${text.length} characters, over ${maxJson}`,
    );
  }
  let obj: unknown;
  try {
    obj = JSON.parse(text);
  } catch {
    return false;
  }
  if (obj === null) return false;
  for (const [k, v] of Object.entries(json)) {
    // A field as a string (strings and safe integers only). Every JSON template has fields, none named after a
    // property of objects, arrays, strings, numbers or booleans (table test): only a parsed object's own fields
    // are read, and any other JSON value has none.
    const got = (obj as Record<string, unknown>)[k];
    const field =
      typeof got === 'string'
        ? got
        : typeof got === 'number' && Number.isSafeInteger(got) && got >= 0
          ? String(got)
          : null;
    if (field === null) return false;
    const inner = slotName(v);
    if (inner) {
      if (field === '') return false;
      slots[inner] = field;
    } else if (field.toLowerCase() !== v.toLowerCase()) return false;
  }
  return true;
}

/**
 * Matches a split link against a template. Slots must be present; literal query values are checked
 * (present and equal, case-insensitively) only when the template requires them; JSON literals
 * always. Other query keys are ignored. Returns null when the link is not this form.
 */
export function matchTemplate(
  t: CompiledTemplate,
  link: SplitLink,
  query: ReadonlyMap<string, readonly string[]>,
  maxJson: number,
): TemplateMatch | null {
  if (t.hierarchical && (!link.hierarchical || link.host !== t.host)) return null;
  const opaqueWithSlashes = !t.hierarchical && link.hierarchical;
  const parts = splitPath(opaqueWithSlashes ? link.hostRaw + link.path : link.path);
  if (parts.length !== t.segments.length) return null;
  const slots: Record<string, string> = {};
  const conflicts: Record<string, string[]> = {};
  const tolerated = opaqueWithSlashes ? ['opaque-with-slashes'] : [];
  for (let k = 0; k < parts.length; k++) {
    // A literal segment is equal; one with a slot has its prefix and suffix around a non-empty decodable value.
    const [prefix, slot, suffix = ''] = t.segments[k]!;
    const text = parts[k]!;
    if (slot === undefined) {
      if (text !== prefix) return null;
      continue;
    }
    if (text.length <= prefix.length + suffix.length || !text.startsWith(prefix) || !text.endsWith(suffix))
      return null;
    const value = safeDecode(text.slice(prefix.length, text.length - suffix.length));
    if (!value) return null;
    slots[slot] = value;
  }
  if (t.rawQuerySlot) {
    if (link.rest === null || link.rest === '') return null;
    // The nested link is either written raw (`?openApp.jdMobile://…`) or percent-encoded as a whole.
    const raw = writtenScheme(link.rest) !== null ? link.rest : safeDecode(link.rest);
    if (raw === null) return null;
    slots[t.rawQuerySlot] = raw;
    return { slots, conflicts, tolerated };
  }
  for (const [key, value, slot] of t.query) {
    const required = slot !== null || t.required.includes(key);
    const values = query.get(key);
    if (!values?.length) {
      if (required) return null;
      continue;
    }
    if (slot === null) {
      if (required && !values.some((v) => safeDecode(v)?.toLowerCase() === value.toLowerCase())) return null;
      continue;
    }
    const json = t.json?.[slot];
    if (json) {
      // Two different JSON objects under one key: which one the app reads is unknown.
      if (values.some((v) => v !== values[0])) return null;
      if (!readJsonSlots(values[0]!, json, maxJson, tolerated, slots)) return null;
      continue;
    }
    const decoded = values.map(safeDecode);
    const first = decoded[0];
    if (!first) return null;
    if (decoded.some((d) => d !== first)) {
      conflicts[slot] = decoded.map((d, k) => d ?? values[k]!);
    }
    slots[slot] = first;
  }
  return { slots, conflicts, tolerated };
}
