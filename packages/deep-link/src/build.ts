import {
  alternateId,
  integerOption,
  judgeTarget,
  type LinkIdentity,
  type PlatformId,
  schemeOf,
  type TargetReading,
  tryIdentify,
  UNSAFE_SCHEMES,
} from '@sharekit/canonical-url/core';
import type { AppId, AppRow, Confidence } from './apps.js';
import { DeepLinkError, preview } from './errors.js';
import { DEFAULT_MAX_LENGTH, isUnsafeAppLink, parseAppLink } from './parse.js';
import { getApp } from './table.js';
import { fillTemplate } from './template.js';
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
  /** Longest accepted string input, 1 to 1,048,576 (as `parseAppLink`'s). @default 8192 */
  readonly maxLength?: number;
}

/** A reading of the judge that may become a link. */
type Target = TargetReading & { readonly url: string; readonly level: 'ok' | 'caution' };

/**
 * The judge's reading of `text`, or `unsafe_target` / `unknown_target` when it may not be linked (the message
 * shows `shown`: the target as given).
 */
function judged(text: string, maxLength: number, shown = text): Target {
  const reading = judgeTarget(text, { maxLength });
  if (reading.level === 'danger' || reading.url === null) {
    const first = reading.reasons.find((r) => r.level === 'danger');
    const code = first?.code === 'invalid-url' ? 'unknown_target' : 'unsafe_target';
    throw new DeepLinkError(code, `${preview(shown)} is not a safe link (${first?.code}: ${first?.detail})`);
  }
  return reading as Target;
}

/**
 * The identity of a target, or the canonical URL of a web page of no known platform, as judged. An object
 * is a `LinkIdentity` when its `url`, read again by the judge, gives back its platform, kind and id: an
 * identity whose URL is not that platform's page (or any other object) never becomes a link.
 */
function resolveTarget(target: unknown, maxLength: number): Target {
  const object = typeof target === 'object' && target !== null ? (target as Partial<LinkIdentity>) : null;
  if (typeof object?.url === 'string') {
    // An unsafe url is refused as such first, whatever the other fields say.
    const reading = judged(object.url, maxLength);
    const again = reading.identity;
    if (
      !again ||
      again.platform !== object.platform ||
      again.kind !== object.kind ||
      again.id !== object.id
    ) {
      throw new DeepLinkError(
        'invalid_input',
        `the identity's url ${preview(object.url)} does not match its platform, kind and id`,
      );
    }
    return reading;
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
  const scheme = schemeOf(text);
  if (scheme === null && tryIdentify(text) === null) {
    throw new DeepLinkError('unknown_target', `not a link: ${preview(text)}`);
  }
  if (scheme === null || scheme === 'http' || scheme === 'https') return judged(text, maxLength);
  const parsed = parseAppLink(text, { maxLength });
  if (parsed && isUnsafeAppLink(parsed)) {
    throw new DeepLinkError('unsafe_target', `the link leads to ${parsed.danger}: ${preview(parsed.found)}`);
  }
  if (!parsed) {
    // Every scheme the judge calls unsafe is refused as such; other unknown schemes are not links of the table.
    const code = UNSAFE_SCHEMES.has(scheme) ? 'unsafe_target' : 'unknown_target';
    throw new DeepLinkError(code, `not an http(s) link or an app link of the table: ${preview(text)}`);
  }
  const web = judged(parsed.webUrl, maxLength);
  // Reasons found on the link as written inside the app link (credentials…) are kept.
  return parsed.reasons.length > 0
    ? { ...web, level: parsed.level === 'caution' ? 'caution' : web.level, reasons: parsed.reasons }
    : web;
}

interface Built {
  readonly link: string;
  readonly confidence: Confidence;
  readonly unconfirmed?: string;
}

/** The content scheme for one OS (`undefined` = any), from a kind template or a mirroring scheme. */
function schemeFor(row: AppRow, identity: LinkIdentity, os: 'android' | 'ios' | undefined): Built | null {
  if (identity.id !== null) {
    // Webless forms are parse-only (table test).
    for (const spec of row.links) {
      if (spec.parseOnly || spec.kind !== identity.kind) continue;
      if (os && spec.os && spec.os !== os) continue;
      // The host of the canonical URL is read (a URL parse) only for the few forms that name hosts.
      if (spec.hosts && !spec.hosts.includes(new URL(identity.url).hostname)) continue;
      // The id as the app spells it: the registry's second spelling when the template asks for it and the id
      // has one, else the canonical id, whose caveat (canonicalUnconfirmed) then comes before the template's.
      const alt = spec.alternateId ? alternateId(row.id as PlatformId, spec.kind, identity.id) : null;
      const note = (spec.alternateId && !alt && spec.canonicalUnconfirmed) || spec.unconfirmed;
      const link = fillTemplate(spec.template, { id: alt?.id ?? identity.id }, spec.json);
      return { link, confidence: spec.confidence, ...(note ? { unconfirmed: `${row.id}: ${note}` } : {}) };
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
  // Never null: the link is a template of the table filled, or the canonical https URL.
  const scheme = schemeOf(link)!;
  const rest = link.slice(scheme.length + 1);
  if (rest.includes('#')) return null;
  return `intent:${rest}#Intent;scheme=${scheme};package=${pkg};S.browser_fallback_url=${encodeURIComponent(fallback)};end`;
}

/** The page `web` inside app `app`'s web view: the app's first web-view form that is built, if any. */
function webviewFor(app: AppId, web: string): string | null {
  const spec = getApp(app)?.webviews.find((t) => !t.parseOnly);
  return spec ? fillTemplate(spec.template, { url: web }, spec.json) : null;
}

/**
 * Builds every way to open a target in its app: the scheme link, an Android `intent://` URL
 * with the package and a web fallback, an https link that opens the app (universal link where the
 * table has one), and "open this web page inside the app" wrappers. The target is a web URL, an
 * app link of the table, or a `LinkIdentity` from `@sharekit/canonical-url` (an object is taken as one
 * when its `url`, read again by the judge, gives back its platform, kind and id).
 *
 * Throws `DeepLinkError`: `invalid_input` (not a string or such an object), `too_long`, `too_deep` (an app-link target nested past the
 * depth limit), `params_too_large` (an app-link target whose JSON parameter is over its bound),
 * `unsafe_target` (`javascript:`, lookalike host…, also as an object's `url`), `unknown_target` (not a link),
 * `invalid_option`.
 * @example
 * toAppLinks('https://item.m.jd.com/product/100012043978.html?utm_source=iosapp')
 * // { web: 'https://item.jd.com/100012043978.html',
 * //   scheme: 'openapp.jdmobile://virtual?params=%7B%22category%22%3A%22jump%22%2C%22des%22%3A%22productDetail%22%2C%22skuId%22%3A%22100012043978%22%7D',
 * //   intent: 'intent://virtual?params=…#Intent;scheme=openapp.jdmobile;package=com.jingdong.app.mall;S.browser_fallback_url=…;end',
 * //   universal: 'https://linkst.m.jd.com/ul/ul.action?openapp.jdmobile://virtual?params=…',
 * //   wrappers: { jd: 'openapp.jdmobile://virtual?params=…des%22%3A%22m%22…' }, app: 'jd', … }
 */
export function toAppLinks(target: string | LinkIdentity, options: ToAppLinksOptions = {}): AppLinks {
  const { os, fallbackUrl } = options;
  // The bounds parseAppLink reads an app-link target with.
  const maxLength = integerOption(
    'maxLength',
    options.maxLength,
    DEFAULT_MAX_LENGTH,
    1,
    1 << 20,
    DeepLinkError,
  );
  const wrapIn = options.wrapIn ?? [];
  if (os !== undefined && os !== 'android' && os !== 'ios') {
    throw new DeepLinkError(
      'invalid_option',
      `expected os to be 'android' or 'ios', found ${preview(String(os))}`,
    );
  }
  for (const app of wrapIn) {
    if (getApp(app) === undefined) {
      throw new DeepLinkError('invalid_option', `wrapIn: not an app of the table: ${preview(String(app))}`);
    }
  }
  let fallback: string | undefined;
  if (fallbackUrl !== undefined) {
    const text = typeof fallbackUrl === 'string' ? fallbackUrl.trim() : '';
    const scheme = schemeOf(text);
    if (scheme !== 'http' && scheme !== 'https') {
      throw new DeepLinkError(
        'unsafe_target',
        `fallbackUrl must be http(s), found ${preview(String(fallbackUrl))}`,
      );
    }
    fallback = judged(text, DEFAULT_MAX_LENGTH, fallbackUrl).url;
  }

  const { identity, url: web, level, reasons } = resolveTarget(target, maxLength);
  const row = identity ? getApp(identity.platform) : undefined;
  // Filled in the order AppLinks lists its fields; a form the app has not got stays absent.
  const links: { -readonly [K in keyof AppLinks]?: AppLinks[K] } = { identity, app: row?.id ?? null, web };
  const confidence: { -readonly [K in keyof AppLinks['confidence']]: AppLinks['confidence'][K] } = {};
  const unconfirmed: string[] = [];
  /** Records a form built, its confidence and (once) why it is doubtful. */
  const add = (
    form: 'scheme' | 'intent' | 'universal',
    link: string,
    from: { readonly confidence: Confidence; readonly unconfirmed?: string },
  ): void => {
    links[form] = link;
    confidence[form] = from.confidence;
    if (from.unconfirmed && !unconfirmed.includes(from.unconfirmed)) unconfirmed.push(from.unconfirmed);
  };

  if (row && identity) {
    const built = schemeFor(row, identity, os);
    if (built) add('scheme', built.link, built);
    const pkg = row.android?.package;
    if (pkg) {
      const android = os === 'android' ? built : schemeFor(row, identity, 'android');
      const link = android?.link ?? (row.intentHttps ? web : null);
      const made = link && intentFor(link, pkg, fallback ?? web);
      if (made) add('intent', made, android ?? row);
    }
    for (const w of row.httpsWrappers) {
      if (w.parseOnly || !w.universal) continue;
      const inner =
        w.wraps === 'scheme'
          ? (links.scheme ?? webviewFor(row.id, web))
          : (webviewFor(row.id, web) ?? links.scheme);
      if (inner) {
        add('universal', fillTemplate(w.template, { link: inner, web }), w);
        break;
      }
    }
    // `web` is the judge's canonical URL: lower-case host, no trailing dot.
    if (!links.universal && row.universalHosts?.includes(new URL(web).hostname)) add('universal', web, row);
  }

  for (const app of row ? [row.id, ...wrapIn] : wrapIn) {
    const link = webviewFor(app, web);
    if (link) links.wrappers = { ...links.wrappers, [app]: link };
  }
  links.confidence = confidence;
  links.unconfirmed = unconfirmed;
  if (row?.android) links.androidPackage = row.android.package;
  links.level = level;
  links.reasons = reasons;
  return links as AppLinks;
}
