import {
  avToBv,
  bvToAv,
  CONTENT_KINDS,
  identify as identifyUrl,
  inspectHost,
  isCanonicalUrlError,
  type LinkIdentity,
  PLATFORM_IDS,
} from '@sharekit/canonical-url';
import { APP_IDS, type AppId, type AppRow, type Confidence } from './apps.js';
import { DeepLinkError, preview } from './errors.js';
import { DEFAULT_MAX_LENGTH, isUnsafeAppLink, parseAppLink } from './parse.js';
import { APP_BY_PLATFORM, KIND_BY_APP, type KindEntry, WEBVIEW_BY_APP, WRAPPERS_BY_APP } from './registry.js';
import { fillTemplate, readScheme } from './template.js';
import type { AppLinks } from './types.js';

/** Options of `toAppLinks`. */
export interface ToAppLinksOptions {
  /**
   * Build the scheme for this OS only (YouTube and Amazon have OS-specific schemes). The intent is
   * always built from an Android form.
   * @default undefined (the table's first form for the kind, whatever its OS)
   */
  readonly os?: 'android' | 'ios';
  /**
   * Also build "open this web page inside app X" links for these apps (the target's own app is
   * always included when it has such a wrapper).
   * @default []
   */
  readonly wrapIn?: readonly AppId[];
  /**
   * The intent's `S.browser_fallback_url` (http or https only).
   * @default the canonical web URL
   */
  readonly fallbackUrl?: string;
  /** Longest accepted string input. @default 8192 */
  readonly maxLength?: number;
}

const HTTP = new Set(['http', 'https']);

/** canonical-url's identify, with its limit errors turned into this package's error. */
function identify(text: string): LinkIdentity | null {
  try {
    return identifyUrl(text);
  } catch (cause) {
    const code = isCanonicalUrlError(cause) && cause.code === 'too_long' ? 'too_long' : 'invalid_input';
    throw new DeepLinkError(code, `cannot read ${preview(text)}`, { cause });
  }
}

function isIdentity(value: unknown): value is LinkIdentity {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.platform === 'string' &&
    (PLATFORM_IDS as readonly string[]).includes(v.platform) &&
    typeof v.kind === 'string' &&
    (CONTENT_KINDS as readonly string[]).includes(v.kind) &&
    (v.id === null || typeof v.id === 'string') &&
    typeof v.url === 'string'
  );
}

function isLookalike(host: string): boolean {
  try {
    return inspectHost(host).warnings.some((w) => w.startsWith('lookalike:') || w === 'idn-mixed-script');
  } catch {
    return true;
  }
}

/** The identity of a target, or the cleaned URL of a web page of no known platform. */
function resolveTarget(target: unknown, maxLength: number): { identity: LinkIdentity | null; web: string } {
  if (isIdentity(target)) {
    // Re-read the URL: an identity whose URL is not that platform's page must not become a link.
    const again = identify(target.url);
    if (
      !again ||
      again.platform !== target.platform ||
      again.kind !== target.kind ||
      again.id !== target.id
    ) {
      throw new DeepLinkError(
        'invalid_input',
        `the identity's url ${preview(target.url)} does not match its platform, kind and id`,
      );
    }
    return { identity: again, web: again.url };
  }
  if (typeof target !== 'string') {
    throw new DeepLinkError(
      'invalid_input',
      `expected a URL string or a LinkIdentity, found ${target === null ? 'null' : typeof target}`,
    );
  }
  if (target.length > maxLength) {
    throw new DeepLinkError(
      'too_long',
      `expected at most ${maxLength} characters, found ${preview(target, 40)}`,
    );
  }
  const text = target.trim();
  const scheme = readScheme(text);
  if (scheme === null || HTTP.has(scheme)) {
    const identity = identify(text);
    if (identity) return { identity, web: identity.url };
    if (scheme === null) throw new DeepLinkError('unknown_target', `not a link: ${preview(text)}`);
    let url: URL;
    try {
      url = new URL(text);
    } catch (cause) {
      throw new DeepLinkError('unknown_target', `not a valid URL: ${preview(text)}`, { cause });
    }
    if (isLookalike(url.hostname)) {
      throw new DeepLinkError('unsafe_target', `the host ${preview(url.hostname)} imitates a platform`);
    }
    return { identity: null, web: url.href };
  }
  const parsed = parseAppLink(text, { maxLength });
  if (parsed && isUnsafeAppLink(parsed)) {
    throw new DeepLinkError('unsafe_target', `the link leads to ${parsed.danger}: ${preview(parsed.found)}`);
  }
  if (!parsed) {
    const code = ['javascript', 'data', 'file', 'vbscript', 'blob'].includes(scheme)
      ? 'unsafe_target'
      : 'unknown_target';
    throw new DeepLinkError(code, `not an http(s) link or an app link of the table: ${preview(text)}`);
  }
  if (parsed.platform && parsed.kind) {
    const identity = identify(parsed.webUrl);
    if (identity) return { identity, web: identity.url };
  }
  return { identity: null, web: parsed.webUrl };
}

/** The id as the app spells it (Bilibili: the numeric aid when the BV converts back exactly). */
function appId(entry: KindEntry, id: string): { id: string; unconfirmed?: string } {
  if (entry.spec.idCodec === 'bilibili-video') {
    try {
      const aid = bvToAv(id);
      if (avToBv(aid) === id) return { id: aid };
    } catch {
      // Not convertible: the BV id itself.
    }
    return {
      id,
      unconfirmed: 'bilibili: the app accepting a BV id is reported by one third-party client only',
    };
  }
  return { id };
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

interface Built {
  readonly link: string;
  readonly confidence: Confidence;
  readonly unconfirmed?: string;
}

/** The content scheme for one OS (`undefined` = any), from a kind template or a mirroring scheme. */
function schemeFor(row: AppRow, identity: LinkIdentity, os: 'android' | 'ios' | undefined): Built | null {
  if (identity.id !== null) {
    const host = hostOf(identity.url);
    for (const entry of KIND_BY_APP.get(row.id) ?? []) {
      const spec = entry.spec;
      if (spec.parseOnly || spec.kind !== identity.kind) continue;
      if (os && spec.os && spec.os !== os) continue;
      if (spec.hosts && !spec.hosts.includes(host)) continue;
      const spelled = appId(entry, identity.id);
      const link = fillTemplate(entry.compiled, { id: spelled.id });
      const unconfirmed =
        spelled.unconfirmed ?? (spec.unconfirmed ? `${row.id}: ${spec.unconfirmed}` : undefined);
      return { link, confidence: spec.confidence, ...(unconfirmed ? { unconfirmed } : {}) };
    }
  }
  if (identity.kind === 'short') return null;
  for (const pm of row.prefixMaps) {
    if (!pm.build || (os && pm.os && pm.os !== os)) continue;
    if (!pm.platforms.includes(identity.platform) || !identity.url.startsWith(pm.web)) continue;
    return { link: pm.scheme + identity.url.slice(pm.web.length), confidence: pm.confidence };
  }
  return null;
}

/** `scheme://rest` → `intent://rest#Intent;scheme=…;package=…;S.browser_fallback_url=…;end`. */
function intentFor(link: string, pkg: string, fallback: string): string | null {
  const scheme = readScheme(link);
  if (scheme === null) return null;
  const rest = link.slice(scheme.length + 1);
  if (rest.includes('#')) return null;
  return `intent:${rest}#Intent;scheme=${scheme};package=${pkg};S.browser_fallback_url=${encodeURIComponent(fallback)};end`;
}

function webviewFor(app: AppId, web: string): string | null {
  const entry = WEBVIEW_BY_APP.get(app);
  return entry ? fillTemplate(entry.compiled, { url: web }) : null;
}

/**
 * Builds every way to open a target in its app: the scheme link, an Android `intent://` URL
 * with the package and a web fallback, an https link that opens the app (universal link where the
 * table has one), and "open this web page inside the app" wrappers. The target is a web URL, an
 * app link of the table, or a `LinkIdentity` from `@sharekit/canonical-url`.
 *
 * Throws `DeepLinkError`: `invalid_input`, `too_long`, `too_deep` (an app-link target nested past the
 * depth limit), `params_too_large` (an app-link target whose JSON parameter is over its bound),
 * `unsafe_target` (`javascript:`, lookalike host…), `unknown_target` (not a link), `invalid_option`.
 * @example
 * toAppLinks('https://item.m.jd.com/product/100012043978.html?utm_source=iosapp')
 * // { web: 'https://item.jd.com/100012043978.html',
 * //   scheme: 'openapp.jdmobile://virtual?params=%7B%22category%22%3A%22jump%22%2C%22des%22%3A%22productDetail%22%2C%22skuId%22%3A%22100012043978%22%7D',
 * //   intent: 'intent://virtual?params=…#Intent;scheme=openapp.jdmobile;package=com.jingdong.app.mall;S.browser_fallback_url=…;end',
 * //   universal: 'https://linkst.m.jd.com/ul/ul.action?openapp.jdmobile://virtual?params=…',
 * //   wrappers: { jd: 'openapp.jdmobile://virtual?params=…des%22%3A%22m%22…' }, app: 'jd', … }
 */
export function toAppLinks(target: string | LinkIdentity, options: ToAppLinksOptions = {}): AppLinks {
  const maxLength = options.maxLength ?? DEFAULT_MAX_LENGTH;
  if (!Number.isInteger(maxLength) || maxLength < 1) {
    throw new DeepLinkError(
      'invalid_option',
      `expected maxLength to be a positive integer, found ${maxLength}`,
    );
  }
  if (options.os !== undefined && options.os !== 'android' && options.os !== 'ios') {
    throw new DeepLinkError(
      'invalid_option',
      `expected os to be 'android' or 'ios', found ${preview(String(options.os))}`,
    );
  }
  for (const app of options.wrapIn ?? []) {
    if (!(APP_IDS as readonly string[]).includes(app)) {
      throw new DeepLinkError('invalid_option', `wrapIn: not an app of the table: ${preview(String(app))}`);
    }
  }
  let fallback: string | undefined;
  if (options.fallbackUrl !== undefined) {
    const scheme = typeof options.fallbackUrl === 'string' ? readScheme(options.fallbackUrl.trim()) : null;
    if (scheme === null || !HTTP.has(scheme)) {
      throw new DeepLinkError(
        'unsafe_target',
        `fallbackUrl must be http(s), found ${preview(String(options.fallbackUrl))}`,
      );
    }
    fallback = new URL(options.fallbackUrl.trim()).href;
  }

  const { identity, web } = resolveTarget(target, maxLength);
  const row = identity ? APP_BY_PLATFORM.get(identity.platform) : undefined;
  const confidence: { scheme?: Confidence; intent?: Confidence; universal?: Confidence } = {};
  const unconfirmed: string[] = [];
  let scheme: string | undefined;
  let intent: string | undefined;
  let universal: string | undefined;

  if (row && identity) {
    const built = schemeFor(row, identity, options.os);
    if (built) {
      scheme = built.link;
      confidence.scheme = built.confidence;
      if (built.unconfirmed) unconfirmed.push(built.unconfirmed);
    }
    const pkg = row.android?.package;
    if (pkg) {
      const android = options.os === 'android' ? built : schemeFor(row, identity, 'android');
      const link = android?.link ?? (row.intentHttps ? web : null);
      const made = link ? intentFor(link, pkg, fallback ?? web) : null;
      if (made) {
        intent = made;
        confidence.intent = android?.confidence ?? row.confidence;
        if (android?.unconfirmed && !unconfirmed.includes(android.unconfirmed))
          unconfirmed.push(android.unconfirmed);
      }
    }
    for (const w of WRAPPERS_BY_APP.get(row.id) ?? []) {
      if (w.spec.parseOnly || !w.spec.universal) continue;
      const inner =
        w.spec.wraps === 'scheme' ? (scheme ?? webviewFor(row.id, web)) : (webviewFor(row.id, web) ?? scheme);
      if (!inner) continue;
      universal = fillTemplate(w.compiled, { link: inner, web });
      confidence.universal = w.spec.confidence;
      break;
    }
    if (!universal && row.universalHosts?.includes(hostOf(web))) {
      universal = web;
      confidence.universal = row.confidence;
    }
  }

  const wrappers: Partial<Record<AppId, string>> = {};
  let anyWrapper = false;
  for (const app of [...(row ? [row.id] : []), ...(options.wrapIn ?? [])]) {
    const link = webviewFor(app, web);
    if (link) {
      wrappers[app] = link;
      anyWrapper = true;
    }
  }

  return {
    identity,
    app: row?.id ?? null,
    web,
    ...(scheme !== undefined ? { scheme } : {}),
    ...(intent !== undefined ? { intent } : {}),
    ...(universal !== undefined ? { universal } : {}),
    ...(anyWrapper ? { wrappers } : {}),
    confidence,
    unconfirmed,
    ...(row?.android ? { androidPackage: row.android.package } : {}),
  };
}
