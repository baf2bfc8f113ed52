import {
  type AppId,
  type AppRow,
  type HttpsWrapper,
  type SchemeTemplate,
  STORE_WRAPPERS,
  type WebviewTemplate,
} from './apps.js';
import { APPS } from './table.js';
import { type CompiledTemplate, compileTemplate, push } from './template.js';

/*
 * What parsing looks up, compiled once from the app table: templates by scheme and https wrappers by
 * host, scheme aliases, apps by scheme and by Android package. Building reads the rows themselves.
 */

export interface KindEntry {
  readonly row: AppRow;
  readonly spec: SchemeTemplate;
  readonly compiled: CompiledTemplate;
}

export interface WebviewEntry {
  readonly row: AppRow;
  readonly spec: WebviewTemplate;
  readonly compiled: CompiledTemplate;
}

export interface WrapperEntry {
  readonly app: AppId | null;
  readonly spec: HttpsWrapper;
  readonly compiled: CompiledTemplate;
}

export const KIND_TEMPLATES = new Map<string, KindEntry[]>();
export const WEBVIEWS = new Map<string, WebviewEntry[]>();
export const WRAPPERS_BY_HOST = new Map<string, WrapperEntry[]>();
export const JSON_KEYS = new Map<string, Set<string>>();
export const SCHEME_ALIASES = new Map<string, string>();
export const APP_BY_PACKAGE = new Map<string, AppId>();
/** Every scheme of the table and the app it belongs to (the first row that lists it: Douyin before Douyin Shop). */
export const APP_BY_SCHEME = new Map<string, AppRow>();
/** Forms whose content has no web page, by scheme. */
export const WEBLESS = new Map<string, KindEntry[]>();

for (const row of APPS) {
  for (const scheme of row.schemes) {
    if (!APP_BY_SCHEME.has(scheme)) APP_BY_SCHEME.set(scheme, row);
  }
  for (const [alias, main] of Object.entries(row.schemeAliases ?? {})) {
    SCHEME_ALIASES.set(alias, main);
  }
  if (row.android) {
    for (const pkg of [row.android.package, ...(row.android.alternatives ?? [])])
      APP_BY_PACKAGE.set(pkg.toLowerCase(), row.id);
  }
  const add = <T extends SchemeTemplate | WebviewTemplate>(
    map: Map<string, { row: AppRow; spec: T; compiled: CompiledTemplate }[]>,
    spec: T,
  ): void => {
    const compiled = compileTemplate(spec.template, spec.json, spec.require);
    push(map, compiled.scheme, { row, spec, compiled });
    // The query keys of a scheme whose values are raw JSON objects (JD `params`).
    for (const key of Object.keys(spec.json ?? {})) {
      JSON_KEYS.set(compiled.scheme, (JSON_KEYS.get(compiled.scheme) ?? new Set()).add(key));
    }
  };
  for (const spec of row.links) add(spec.webless ? WEBLESS : KIND_TEMPLATES, spec);
  for (const spec of row.webviews) add(WEBVIEWS, spec);
  for (const spec of row.httpsWrappers) {
    const compiled = compileTemplate(spec.template);
    push(WRAPPERS_BY_HOST, compiled.host, { app: row.id, spec, compiled });
  }
}
for (const spec of STORE_WRAPPERS) {
  const compiled = compileTemplate(spec.template);
  push(WRAPPERS_BY_HOST, compiled.host, { app: null, spec, compiled });
}
