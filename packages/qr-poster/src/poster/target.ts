import {
  judgeTarget,
  KIND_NAMES,
  type LinkIdentity,
  PLATFORM_NAMES_ZH,
  type PlatformId,
  platformOf,
  type TargetReason,
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
  /** canonical-url's judge on the target (`danger` targets throw `unsafe_target`). */
  readonly level: 'ok' | 'caution';
  /** The judge's reasons (`insecure-http`, `not-a-platform`…). */
  readonly reasons: readonly TargetReason[];
}

/** Longest target URL accepted (before canonicalisation). */
export const MAX_TARGET_LENGTH = 2048;

function preview(text: string): string {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);
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
  // The one judge decides: a poster links to what it would let a reader open, and nothing else.
  const reading = judgeTarget(text);
  if (reading.url === null) {
    const first = reading.reasons.find((r) => r.level === 'danger');
    if (first?.code === 'invalid-url') {
      throw new QrPosterError(
        'invalid_target',
        `the target ${preview(text)} is not a web URL (${first.detail})`,
      );
    }
    throw new QrPosterError(
      'unsafe_target',
      `the target ${preview(text)} is refused (${first?.code}: ${first?.detail})`,
    );
  }
  return { url: reading.url, identity: reading.identity, level: reading.level, reasons: reading.reasons };
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
    // isLinkIdentity's shape check, read from the two name tables a poster carries anyway (its caption
    // names the platform and the kind); their keys are exactly canonical-url's platform ids and kinds.
    const { platform, kind, id, url } = target as Record<string, unknown>;
    if (
      typeof platform !== 'string' ||
      !Object.hasOwn(PLATFORM_NAMES_ZH, platform) ||
      typeof kind !== 'string' ||
      !Object.hasOwn(KIND_NAMES, kind) ||
      (id !== null && typeof id !== 'string') ||
      typeof url !== 'string'
    ) {
      throw new QrPosterError(
        'invalid_target',
        'spec.target: expected a URL or LinkIdentity ({ platform, kind, id, url }), got another object',
      );
    }
    const resolved = fromUrl(url);
    const host: PlatformId | null = platformOf(resolved.url);
    if (host !== platform) {
      throw new QrPosterError(
        'unsafe_target',
        `the LinkIdentity says ${platform} but its url is on ${host ?? 'another host'}: ${preview(url)}`,
      );
    }
    return { ...resolved, identity: resolved.identity ?? (target as LinkIdentity) };
  }
  throw new QrPosterError(
    'invalid_spec',
    target === undefined
      ? 'spec.target is missing'
      : `spec.target: expected a URL or LinkIdentity, got ${target === null ? 'null' : typeof target}`,
  );
}

/**
 * Names shoppers know each platform by, for the caption beside the QR code (the Chinese names of
 * canonical-url's registry).
 * @example
 * PLATFORM_LABELS.pinduoduo; // '拼多多'
 */
export const PLATFORM_LABELS: Readonly<Record<PlatformId, string>> = PLATFORM_NAMES_ZH;
