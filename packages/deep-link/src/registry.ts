import type { PlatformId } from '@sharekit/canonical-url/core';
import {
  type AppId,
  type AppRow,
  type Confidence,
  type HttpsWrapper,
  type PrefixMap,
  type SchemeTemplate,
  STORE_WRAPPERS,
  type WebviewTemplate,
} from './apps.js';
import { APPS } from './table.js';
import { type CompiledTemplate, compileTemplate } from './template.js';

/*
 * Lookup structures compiled once from the app table: templates by scheme and host, the set of
 * schemes that count as safe link targets, packages by app.
 */

export interface KindEntry {
  readonly row: AppRow;
  readonly platform: PlatformId;
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

export interface PrefixEntry {
  readonly row: AppRow;
  readonly spec: PrefixMap;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export const KIND_TEMPLATES = new Map<string, KindEntry[]>();
export const KIND_BY_APP = new Map<AppId, KindEntry[]>();
export const WEBVIEWS = new Map<string, WebviewEntry[]>();
export const WEBVIEW_BY_APP = new Map<AppId, WebviewEntry>();
export const WRAPPERS_BY_HOST = new Map<string, WrapperEntry[]>();
export const WRAPPERS_BY_APP = new Map<AppId, WrapperEntry[]>();
export const PREFIXES = new Map<string, PrefixEntry[]>();
export const JSON_KEYS = new Map<string, Set<string>>();
export const SCHEME_ALIASES = new Map<string, string>();
export const APP_BY_PACKAGE = new Map<string, AppId>();
/** The app that owns each platform's content (platform id = app id in the table). */
export const APP_BY_PLATFORM = new Map<PlatformId, AppRow>();
/** Every scheme of the table and the app it belongs to (the first row that lists it: Douyin before Douyin Shop). */
export const APP_BY_SCHEME = new Map<string, AppRow>();
/** Forms whose content has no web page, by scheme. */
export const WEBLESS = new Map<string, KindEntry[]>();

/** Notes the query keys of a scheme whose values are raw JSON objects (JD `params`). */
function noteJsonKeys(scheme: string, json: Readonly<Record<string, unknown>> | undefined): void {
  if (json) JSON_KEYS.set(scheme, new Set([...(JSON_KEYS.get(scheme) ?? []), ...Object.keys(json)]));
}

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
  if (row.id !== 'wechat' && row.id !== 'alipay') APP_BY_PLATFORM.set(row.id, row);
  for (const spec of row.links) {
    const compiled = compileTemplate(spec.template, spec.json, spec.require);
    const entry: KindEntry = { row, platform: row.id as PlatformId, spec, compiled };
    if (spec.webless) {
      push(WEBLESS, compiled.scheme, entry);
      continue;
    }
    push(KIND_TEMPLATES, compiled.scheme, entry);
    push(KIND_BY_APP, row.id, entry);
    noteJsonKeys(compiled.scheme, spec.json);
  }
  for (const spec of row.webviews) {
    const compiled = compileTemplate(spec.template, spec.json, spec.require);
    const entry: WebviewEntry = { row, spec, compiled };
    push(WEBVIEWS, compiled.scheme, entry);
    if (!spec.parseOnly && !WEBVIEW_BY_APP.has(row.id)) WEBVIEW_BY_APP.set(row.id, entry);
    noteJsonKeys(compiled.scheme, spec.json);
  }
  for (const spec of row.httpsWrappers) {
    const compiled = compileTemplate(spec.template);
    const entry: WrapperEntry = { app: row.id, spec, compiled };
    push(WRAPPERS_BY_HOST, compiled.host, entry);
    push(WRAPPERS_BY_APP, row.id, entry);
  }
  for (const spec of row.prefixMaps) {
    const scheme = spec.scheme.slice(0, spec.scheme.indexOf(':'));
    push(PREFIXES, scheme, { row, spec });
  }
}
for (const spec of STORE_WRAPPERS) {
  const compiled = compileTemplate(spec.template);
  push(WRAPPERS_BY_HOST, compiled.host, { app: null, spec, compiled });
}

const ORDER: Readonly<Record<Confidence, number>> = { A: 0, B: 1, C: 2 };

/** The weaker of two confidence tags. */
export function weakest(a: Confidence, b: Confidence): Confidence {
  return ORDER[a] >= ORDER[b] ? a : b;
}
