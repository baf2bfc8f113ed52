import {
  type ContentKind,
  DEFAULT_MAX_LENGTH,
  fromAlternateId,
  identityFor,
  integerOption,
  judgeTarget,
  levelOf,
  PLATFORM_HOMES,
  type PlatformId,
  pastedLink,
  schemeOf,
  type TargetReason,
  tryIdentify,
  UNSAFE_SCHEMES,
  whatwgPreprocess,
  writtenScheme,
} from '@sharekit/canonical-url/core';
import type { AppId, AppRow, Confidence } from './apps.js';
import { DeepLinkError, preview } from './errors.js';
import {
  APP_BY_PACKAGE,
  APP_BY_SCHEME,
  JSON_KEYS,
  KIND_TEMPLATES,
  SCHEME_ALIASES,
  WEBLESS,
  WEBVIEWS,
  WRAPPERS_BY_HOST,
} from './registry.js';
import { getApp } from './table.js';
import {
  matchTemplate,
  readQuery,
  type SplitLink,
  safeDecode,
  splitLink,
  type TemplateMatch,
} from './template.js';
import type { AppLinkTarget, ParsedAppLink, UnsafeAppLink, ViaStep } from './types.js';

/** Options of `parseAppLink`. */
export interface ParseAppLinkOptions {
  /** Longest accepted input, in characters. @default 8192 */
  readonly maxLength?: number;
  /** How many wrappers may be nested in one another (intent, https wrapper, web view). 0–8. @default 8 */
  readonly maxDepth?: number;
  /** Longest JSON parameter (JD `params`) after decoding, in characters. @default 4096 */
  readonly maxJsonLength?: number;
}

/** canonical-url's input limit (8192), the default of `maxLength` here and in `toAppLinks`. */
export { DEFAULT_MAX_LENGTH };
export const DEFAULT_MAX_DEPTH = 8;
export const DEFAULT_MAX_JSON = 4096;

interface Ctx {
  readonly maxDepth: number;
  readonly maxJson: number;
}

/** A target found before the outer layers are prepended. */
interface OkInner {
  readonly ok: true;
  readonly platform: PlatformId | null;
  readonly kind: ContentKind | null;
  readonly id: string | null;
  readonly webUrl: string;
  readonly via: readonly ViaStep[];
  readonly tolerated: readonly string[];
  readonly unconfirmed: readonly string[];
  /** What the judge said about the web target as written (empty for targets built from an id). */
  readonly reasons: readonly TargetReason[];
}

/** A parse result before the outer layers are prepended. */
type Inner =
  | OkInner
  | {
      readonly ok: false;
      readonly danger: UnsafeAppLink['danger'];
      readonly found: string;
      readonly via: readonly ViaStep[];
    };

const WEB_STEP: ViaStep = { form: 'web', app: null, confidence: 'A' };

/** An outer layer read around a result, with the sloppy spellings it accepted. */
function prepend(step: ViaStep, inner: Inner, tolerated: readonly string[] = []): Inner {
  const via = [step, ...inner.via];
  return inner.ok ? { ...inner, via, tolerated: [...tolerated, ...inner.tolerated] } : { ...inner, via };
}

function danger(kind: UnsafeAppLink['danger'], found: string): Inner {
  return { ok: false, danger: kind, found, via: [] };
}

/** A target read as a platform's identity, or as a page of no platform (its fields null, as in `OkInner`). */
type Found = Pick<OkInner, 'platform' | 'kind' | 'id'> & { readonly url: string };

function fromIdentity(identity: Found, step: ViaStep, tolerated: readonly string[] = []): OkInner {
  return {
    ok: true,
    platform: identity.platform,
    kind: identity.kind,
    id: identity.id,
    webUrl: identity.url,
    via: [step],
    tolerated,
    unconfirmed: [],
    reasons: [],
  };
}

function checkDepth(depth: number, ctx: Ctx): void {
  if (depth > ctx.maxDepth) {
    throw new DeepLinkError('too_deep', `app links are nested more than ${ctx.maxDepth} levels deep`);
  }
}

/**
 * Reads a nested target (a wrapper's parameter). With several different values for the same key
 * (parameter pollution), any unsafe one makes the whole link unsafe and otherwise it is ambiguous.
 */
function unwrap(
  match: TemplateMatch,
  slot: string,
  step: ViaStep,
  depth: number,
  ctx: Ctx,
  tolerated: readonly string[] = [],
): Inner | null {
  const candidates = match.conflicts[slot] ?? [match.slots[slot]!];
  checkDepth(depth + 1, ctx);
  let first: Inner | null = null;
  for (let k = 0; k < candidates.length; k++) {
    const r = parseAt(candidates[k]!, depth + 1, ctx, true);
    if (r && !r.ok) return prepend(step, r);
    if (k === 0) first = r;
  }
  if (candidates.length > 1 || first === null) return null;
  return prepend(step, first, [...tolerated, ...match.tolerated]);
}

function parseHttp(text: string, depth: number, ctx: Ctx, nested: boolean): Inner | null {
  const link = splitLink(text);
  if (!link) return null;
  const wrappers = WRAPPERS_BY_HOST.get(link.host);
  if (wrappers) {
    // No query reads as an empty one: matching only looks keys up.
    const query = readQuery(link.rest ?? '', ctx.maxJson);
    for (const w of wrappers) {
      // Every wrapper has a {link} slot (table test).
      const m = matchTemplate(w.compiled, link, query, ctx.maxJson);
      if (!m) continue;
      return unwrap(
        m,
        'link',
        { form: 'https-wrapper', app: w.app, confidence: w.spec.confidence },
        depth,
        ctx,
      );
    }
  }
  // The one judge reads the link as written, so `https://item.taobao.com@evil.example/` is seen.
  const reading = judgeTarget(text);
  if (reading.level === 'danger') {
    if (!nested) return null;
    // The judge's first danger reason names it.
    const code = (reading.reasons.find((r) => r.level === 'danger')?.code ??
      'unsafe-scheme') as UnsafeAppLink['danger'];
    return danger(code, code === 'unsafe-scheme' ? (reading.scheme ?? link.host) : link.host);
  }
  // A web page of no known platform counts only inside a wrapper: its canonical URL.
  const identity =
    reading.identity ??
    (nested && reading.url !== null ? { platform: null, kind: null, id: null, url: reading.url } : null);
  return identity && { ...fromIdentity(identity, WEB_STEP), reasons: reading.reasons };
}

/**
 * Any other link in a known app's scheme (settings, feeds, in-app pages): the app and its
 * platform, `kind: 'page'`, no id, the platform's home page (WeChat's and Alipay's own) as the web
 * URL. The link opens the app that owns the row's scheme (Douyin Shop's pages open in Douyin).
 */
function appPage(row: AppRow, tolerated: readonly string[], confidence: Confidence): OkInner {
  // The platform an app's content belongs to (platform id = app id), or null for WeChat and Alipay (rows with a home).
  const platform = row.home === undefined ? (row.id as PlatformId) : null;
  return fromIdentity(
    { platform, kind: 'page', id: null, url: platform ? PLATFORM_HOMES[platform] : row.home! },
    { form: 'scheme', app: APP_BY_SCHEME.get(row.schemes[0]!)!.id, confidence },
    tolerated,
  );
}

function parseAppScheme(text: string, scheme: string, depth: number, ctx: Ctx): Inner | null {
  // Never null: the scheme is the table's, not http(s).
  const split = splitLink(text)!;
  const link: SplitLink = { ...split, scheme };
  const tolerated = split.scheme === scheme ? [] : [`alias-scheme:${split.scheme}`];
  // The app that owns the scheme opens the link (Douyin Shop's goods open in Douyin).
  const row = APP_BY_SCHEME.get(scheme)!;
  const query = readQuery(link.rest ?? '', ctx.maxJson, JSON_KEYS.get(scheme));
  for (const entry of KIND_TEMPLATES.get(scheme) ?? []) {
    const m = matchTemplate(entry.compiled, link, query, ctx.maxJson);
    if (!m || m.conflicts.id) continue;
    // Every content form but a webless one has an {id} slot (table test).
    const rawId = m.slots.id!;
    // Only platform apps have content templates (WeChat's and Alipay's forms are webless).
    const platform = entry.row.id as PlatformId;
    const alt = entry.spec.alternateId ? fromAlternateId(platform, entry.spec.kind, rawId) : null;
    const prefix = entry.spec.idPrefix ?? '';
    // The slot's canonical id and web URL (canonical-url normalises the id).
    const identity = identityFor(
      platform,
      entry.spec.kind,
      alt?.id ?? (rawId.startsWith(prefix) ? rawId : prefix + rawId),
    );
    if (!identity) continue;
    const step: ViaStep = {
      form: 'scheme',
      app: row.id,
      confidence: entry.spec.confidence,
    };
    if (alt) tolerated.push(alt.codec);
    return {
      ...fromIdentity(identity, step, [...tolerated, ...m.tolerated]),
      unconfirmed: entry.spec.unconfirmed ? [`${entry.row.id}: ${entry.spec.unconfirmed}`] : [],
    };
  }
  for (const entry of WEBVIEWS.get(scheme) ?? []) {
    // Every web-view form has a {url} slot (table test).
    const m = matchTemplate(entry.compiled, link, query, ctx.maxJson);
    if (!m) continue;
    const step: ViaStep = { form: 'webview', app: entry.row.id, confidence: entry.spec.confidence };
    return unwrap(m, 'url', step, depth, ctx, tolerated);
  }
  // Schemes that mirror web URLs (`taobao://` + a Taobao URL): the scheme's own app's (table test).
  const lower = text.toLowerCase();
  for (const map of row.prefixMaps) {
    if (!lower.startsWith(map.scheme)) continue;
    const identity = tryIdentify(map.web + text.slice(map.scheme.length));
    if (!identity || !map.platforms.includes(identity.platform)) continue;
    return fromIdentity(identity, { form: 'mirror', app: row.id, confidence: map.confidence }, tolerated);
  }
  // Content without a web page (Mini Programs, in-app ids): kind and id from the link itself.
  // A form without an id slot names the kind alone (`dianping://search`): kind, no id.
  for (const entry of WEBLESS.get(scheme) ?? []) {
    const m = matchTemplate(entry.compiled, link, query, ctx.maxJson);
    if (!m || m.conflicts.id) continue;
    const id = m.slots.id ?? null;
    if (id !== null && !entry.spec.idPattern?.test(id)) continue;
    return {
      ...appPage(entry.row, [...tolerated, ...m.tolerated], entry.spec.confidence),
      kind: entry.spec.kind,
      id,
    };
  }
  // `{scheme}://{host}/{path}` on the app's own web host mirrors that web page (`vnd.youtube://www.youtube.com/watch?v=…`).
  // WeChat and Alipay are no platform, so no web page is theirs.
  const rest = text.slice(split.scheme.length + 3);
  const mirrored =
    link.hierarchical && rest !== '' && !rest.startsWith('/') ? tryIdentify(`https://${rest}`) : null;
  if (mirrored?.platform === row.id) {
    return fromIdentity(mirrored, { form: 'mirror', app: row.id, confidence: 'C' }, tolerated);
  }
  return appPage(row, tolerated, row.confidence);
}

/** Reads `intent://…#Intent;scheme=…;package=…;S.browser_fallback_url=…;end`. */
function parseIntent(text: string, depth: number, ctx: Ctx): Inner | null {
  const body = text.slice('intent:'.length);
  const marker = body.lastIndexOf('#Intent;');
  if (marker < 0) return null;
  // `…?v=ID/#Intent;…`: a slash written between the query and `#Intent` is not part of the value.
  const written = body.slice(0, marker);
  const target = written.endsWith('/') && written.includes('?') ? written.slice(0, -1) : written;
  let scheme: string | null = null;
  let pkg: string | null = null;
  const fallbacks: string[] = [];
  for (const part of body.slice(marker + '#Intent;'.length).split(';')) {
    if (part === 'end') break;
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const key = part.slice(0, eq);
    const value = part.slice(eq + 1);
    if (key === 'scheme') scheme = value.toLowerCase();
    else if (key === 'package') pkg = value;
    else if (key === 'S.browser_fallback_url') {
      const decoded = safeDecode(value);
      if (decoded === null) return null;
      fallbacks.push(decoded);
    }
  }
  const app: AppId | null = pkg ? (APP_BY_PACKAGE.get(pkg.toLowerCase()) ?? null) : null;
  const step: ViaStep = { form: 'intent', app, confidence: 'A' };
  const tolerated = pkg && !app ? ['unknown-package'] : [];
  checkDepth(depth + 1, ctx);
  // Every fallback is checked first: an unsafe one poisons the link even when the main target is fine.
  let fallbackResult: Inner | null = null;
  for (const fallback of fallbacks) {
    const r = parseAt(fallback, depth + 1, ctx, true);
    const read = r && prepend({ form: 'intent-fallback', app: null, confidence: 'A' }, r);
    if (read && !read.ok) return prepend(step, read);
    fallbackResult ??= read;
  }
  if (
    scheme !== null &&
    (writtenScheme(`${scheme}:`) !== scheme || UNSAFE_SCHEMES.has(scheme) || scheme === 'intent')
  ) {
    return prepend(step, danger('unsafe-scheme', scheme));
  }
  // An intent for http(s) or a scheme (or alias) of the table is read; one for another app's scheme is
  // legitimate, but says nothing we can read: use the fallback.
  const readable =
    scheme === 'http' ||
    scheme === 'https' ||
    (scheme !== null && APP_BY_SCHEME.has(SCHEME_ALIASES.get(scheme) ?? scheme));
  if (readable) {
    const inner = parseAt(`${scheme}:${target}`, depth + 1, ctx, true);
    if (inner && !inner.ok) return prepend(step, inner);
    // A page of the app says less than a fallback that names the content.
    const fallbackSaysMore = inner?.kind === 'page' && fallbackResult?.ok && fallbackResult.kind !== 'page';
    // An intent without a package opens the app of the platform it names (for an http(s) target: the
    // app that holds the host's app links).
    const owner = !app && inner?.ok && inner.platform ? getApp(inner.platform) : undefined;
    if (inner && !fallbackSaysMore)
      return prepend(owner ? { ...step, app: owner.id } : step, inner, tolerated);
  }
  if (fallbackResult?.ok) return prepend(step, fallbackResult, tolerated);
  // An intent for a known app's package that says nothing readable still opens that app.
  const row = app && getApp(app);
  return row ? { ...appPage(row, tolerated, 'A'), via: [step] } : null;
}

function parseAt(input: string, depth: number, ctx: Ctx, nested: boolean): Inner | null {
  // As browsers read it: tab/LF/CR dropped anywhere, C0 controls and spaces at the ends.
  const text = whatwgPreprocess(input);
  if (text === '') return null;
  const scheme = writtenScheme(text);
  if (scheme === null) {
    if (nested) {
      // `https%3A%2F%2F…` inside a wrapper parameter: encoded twice, so decoded once more.
      const colon = text.toLowerCase().indexOf('%3a');
      const again = colon > 0 && writtenScheme(`${text.slice(0, colon)}:`) !== null ? safeDecode(text) : null;
      if (again !== null && again !== text) {
        const r = parseAt(again, depth, ctx, nested);
        return r?.ok ? { ...r, tolerated: ['double-encoded', ...r.tolerated] } : r;
      }
    }
    // Scheme-less `host/path` or `//host/path`: only a known platform page counts.
    const identity = tryIdentify(text);
    return identity ? fromIdentity(identity, WEB_STEP) : null;
  }
  if (scheme === 'http' || scheme === 'https') return parseHttp(text, depth, ctx, nested);
  if (scheme === 'intent') return parseIntent(text, depth, ctx);
  const main = SCHEME_ALIASES.get(scheme) ?? scheme;
  if (APP_BY_SCHEME.has(main)) return parseAppScheme(text, main, depth, ctx);
  if (nested || UNSAFE_SCHEMES.has(scheme)) return danger('unsafe-scheme', scheme);
  return null;
}

/**
 * Turns an app link back into the web page it stands for: every scheme of the table,
 * `intent://` URLs, the https wrappers (`linkst.m.jd.com`, `ds.alipay.com`, `b.mashort.cn`, 应用宝…)
 * and "open in app" web-view wrappers, nested up to 8 levels. JD's JSON `params` may be
 * percent-encoded or raw. Bilibili av numbers come back as BV ids.
 *
 * Returns `null` for anything that is not an app link of the table (plain web links of a known
 * platform are returned with `via: [{ form: 'web' }]`). A wrapped or fallback target that is not
 * http(s) or an app scheme of the table (`javascript:`, `data:`, `file:`…), or whose host imitates
 * a platform, gives `{ danger }` and never a link.
 *
 * Throws `DeepLinkError`: `invalid_input` (not a string), `too_long`, `too_deep`,
 * `params_too_large`, `invalid_option`.
 * @example
 * parseAppLink('openapp.jdmobile://virtual?params=%7B%22category%22%3A%22jump%22%2C%22des%22%3A%22productDetail%22%2C%22skuId%22%3A%22100012043978%22%7D')
 * // { platform: 'jd', kind: 'item', id: '100012043978', webUrl: 'https://item.jd.com/100012043978.html',
 * //   via: [{ form: 'scheme', app: 'jd', confidence: 'B' }], app: 'jd', … }
 * parseAppLink('tbopen://m.taobao.com/tbopen/index.html?h5Url=javascript%3Aalert(1)')
 * // { danger: 'unsafe-scheme', found: 'javascript', via: [{ form: 'webview', app: 'taobao', … }], app: 'taobao' }
 */
export function parseAppLink(link: string, options: ParseAppLinkOptions = {}): ParsedAppLink | null {
  if (typeof link !== 'string') {
    throw new DeepLinkError(
      'invalid_input',
      `expected a string, found ${link === null ? 'null' : typeof link}`,
    );
  }
  const maxLength = integerOption(
    'maxLength',
    options.maxLength,
    DEFAULT_MAX_LENGTH,
    1,
    1 << 20,
    DeepLinkError,
  );
  const maxDepth = integerOption(
    'maxDepth',
    options.maxDepth,
    DEFAULT_MAX_DEPTH,
    0,
    DEFAULT_MAX_DEPTH,
    DeepLinkError,
  );
  const maxJson = integerOption(
    'maxJsonLength',
    options.maxJsonLength,
    DEFAULT_MAX_JSON,
    2,
    1 << 20,
    DeepLinkError,
  );
  if (link.length > maxLength) {
    throw new DeepLinkError(
      'too_long',
      `expected at most ${maxLength} characters, found ${preview(link, 40)}`,
    );
  }
  // A link as pasted (in Markdown, brackets or quotes, glued to text, full-width) is looked for only
  // when the input does not start with a scheme: a link that does is read exactly as written.
  const written = schemeOf(link) !== null ? link : pastedLink(link).text;
  const r = parseAt(written, 0, { maxDepth, maxJson }, false);
  if (r === null) return null;
  // The app the outermost layer that names one opens.
  const app = r.via.find((step) => step.app)?.app ?? null;
  if (!r.ok) return { danger: r.danger, found: r.found, via: r.via, app };
  // The weakest tag along the way: 'A' < 'B' < 'C'.
  let confidence: Confidence = 'A';
  for (const step of r.via) if (step.confidence > confidence) confidence = step.confidence;
  const target: AppLinkTarget = {
    platform: r.platform,
    kind: r.kind,
    id: r.id,
    webUrl: r.webUrl,
    via: r.via,
    app,
    confidence,
    tolerated: r.tolerated,
    unconfirmed: r.unconfirmed,
    level: levelOf(r.reasons) as AppLinkTarget['level'],
    reasons: r.reasons,
  };
  return target;
}

/**
 * True when a `parseAppLink` result is a `{ danger }` report rather than a target.
 * @example
 * const r = parseAppLink(link);
 * if (r && isUnsafeAppLink(r)) console.warn(r.danger, r.found);
 */
export function isUnsafeAppLink(result: ParsedAppLink): result is UnsafeAppLink {
  return 'danger' in result;
}
