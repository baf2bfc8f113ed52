import {
  canonicalize,
  identify,
  inspectHost,
  isCanonicalUrlError,
  type LinkIdentity,
  PLATFORM_IDS,
  PLATFORMS,
  type PlatformId,
  platformOf,
} from '@sharekit/canonical-url';
import { QrPosterError } from '../errors.js';

/**
 * What a poster points at: a URL, or a `LinkIdentity` from `@sharekit/canonical-url`.
 * @example
 * const target: PosterTarget = identify('https://item.jd.com/100012043978.html') ?? 'https://example.com/p/1';
 */
export type PosterTarget = string | LinkIdentity;

/** The resolved target: the exact text the QR code carries. */
export interface ResolvedTarget {
  /** The canonical URL encoded in the QR code. */
  readonly url: string;
  /** The platform link it identifies, or `null` for other web pages. */
  readonly identity: LinkIdentity | null;
}

/** Longest target URL accepted (before canonicalisation). */
export const MAX_TARGET_LENGTH = 2048;

// regex-safe: anchored, one bounded character class run then a colon
const SCHEME = /^([a-z][a-z0-9+.-]{0,31}):/i;

function preview(text: string): string {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);
}

function checkHost(url: string): void {
  const report = inspectHost(url);
  const bad = report.warnings.filter((w) => w.startsWith('lookalike:') || w === 'idn-mixed-script');
  if (bad.length > 0) {
    throw new QrPosterError(
      'unsafe_target',
      `the target host ${JSON.stringify(report.unicodeHost)} looks like a phishing host (${bad.join(', ')}); a poster never links to it`,
    );
  }
}

function fromUrl(input: string): ResolvedTarget {
  const text = input.trim();
  if (text.length === 0) throw new QrPosterError('invalid_target', 'the target URL is empty');
  if (text.length > MAX_TARGET_LENGTH) {
    throw new QrPosterError(
      'invalid_target',
      `the target URL is ${text.length} characters, more than ${MAX_TARGET_LENGTH}`,
    );
  }
  // Browsers ignore tabs and newlines inside schemes ("java\nscript:"), so judge the scheme without them.
  let compact = '';
  for (const ch of text.slice(0, 64)) if (ch > ' ') compact += ch;
  const scheme = SCHEME.exec(compact)?.[1]?.toLowerCase();
  if (scheme !== undefined && scheme !== 'http' && scheme !== 'https') {
    throw new QrPosterError(
      'unsafe_target',
      `the target ${preview(text)} uses the ${scheme}: scheme; a poster only links to http(s) pages`,
    );
  }
  const identity = identify(text);
  let url: string;
  try {
    url = identity ? identity.url : canonicalize(text);
  } catch (error) {
    if (isCanonicalUrlError(error)) {
      throw new QrPosterError(
        'invalid_target',
        `the target ${preview(text)} is not a web URL (${error.code})`,
        {
          cause: error,
        },
      );
    }
    throw error;
  }
  if (!url.startsWith('https://') && !url.startsWith('http://')) {
    throw new QrPosterError(
      'unsafe_target',
      `the target ${preview(text)} does not canonicalise to an http(s) URL`,
    );
  }
  checkHost(url);
  return { url, identity };
}

function isIdentity(value: object): value is LinkIdentity {
  const v = value as Record<string, unknown>;
  return (
    typeof v.url === 'string' &&
    typeof v.platform === 'string' &&
    (PLATFORM_IDS as readonly string[]).includes(v.platform) &&
    typeof v.kind === 'string' &&
    (typeof v.id === 'string' || v.id === null)
  );
}

/**
 * Turns a poster target into the exact URL its QR code carries: platform links become their canonical
 * URL (tracking stripped), other http(s) URLs are canonicalised; `javascript:`, `data:`, `file:` and
 * any other non-web scheme, and lookalike or mixed-script hosts, throw `unsafe_target`.
 *
 * @example
 * resolveTarget('https://item.m.jd.com/product/100012043978.html?utm_source=x').url;
 * // 'https://item.jd.com/100012043978.html'
 */
export function resolveTarget(target: unknown): ResolvedTarget {
  if (typeof target === 'string') return fromUrl(target);
  if (typeof target === 'object' && target !== null) {
    if (!isIdentity(target)) {
      throw new QrPosterError(
        'invalid_target',
        'the target object is not a LinkIdentity ({ platform, kind, id, url } from @sharekit/canonical-url)',
      );
    }
    const resolved = fromUrl(target.url);
    const platform: PlatformId | null = platformOf(resolved.url);
    if (platform !== target.platform) {
      throw new QrPosterError(
        'unsafe_target',
        `the LinkIdentity says ${target.platform} but its url is on ${platform ?? 'another host'}: ${preview(target.url)}`,
      );
    }
    return { url: resolved.url, identity: resolved.identity ?? target };
  }
  throw new QrPosterError(
    'invalid_spec',
    target === undefined
      ? 'spec.target is missing'
      : `spec.target: expected a URL or LinkIdentity, got ${typeof target}`,
  );
}

/**
 * Names shoppers know each platform by, for the caption beside the QR code (the Chinese names of
 * canonical-url's registry).
 * @example
 * PLATFORM_LABELS.pinduoduo; // '拼多多'
 */
export const PLATFORM_LABELS: Readonly<Record<PlatformId, string>> = Object.fromEntries(
  PLATFORMS.map((row) => [row.id, row.nameZh]),
) as Record<PlatformId, string>;
