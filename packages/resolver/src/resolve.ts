import {
  CanonicalUrlError,
  CONTENT_KINDS,
  canonicalUrlFor,
  type FetchLike,
  integerOption,
  isCanonicalUrlError,
  type LinkIdentity,
  loneIdentity,
  pastedLink,
  scanLinks,
  schemeOf,
  tryIdentify,
  UNSAFE_SCHEMES,
  type Unwrapped,
  unwrapUrl,
} from '@sharekit/canonical-url/core';
import type { QrCode } from '@sharekit/qr-poster';
import {
  decodeToken,
  isShareTokenError,
  parseShareText,
  type ShareMatch,
  sharekitTokens,
} from '@sharekit/share-token';
import { ResolverError } from './errors.js';
import { RESOLVER_ROWS } from './platforms.js';
import type { ImageDecoding } from './qr-reader.js';
import { judgeUrl, reason, safetyOf } from './safety.js';
import { steps } from './steps.js';
import type {
  Candidate,
  Resolution,
  ResolutionKind,
  ResolveInput,
  RgbaImage,
  SafetyReason,
  Step,
  UnknownReason,
} from './types.js';

/** Options of `resolve`. */
export interface ResolveOptions {
  /**
   * Follow short links to their targets with this fetch (never called unless given). Each hop is
   * reported in `steps`.
   */
  readonly fetch?: FetchLike;
  /** Most redirects followed per short link, from 0 to 20. @default 5 */
  readonly maxHops?: number;
  /**
   * Time limit for following short links in one `resolve` call, in milliseconds (1 to 60000): one
   * deadline for all of them, however many links the text holds; links left when it passes keep
   * their short link with reason `resolution-failed` (`timeout`). @default 5000
   */
  readonly timeoutMs?: number;
  /**
   * Let short links lead to private, loopback, link-local and internal addresses and other ports —
   * only inside your own network. Pair it with `createSafeFetch({ allowPrivateNetwork: true })` on
   * Node. @default false
   */
  readonly allowPrivateNetwork?: boolean;
  /** Most bytes read from one page while following. @default 1048576 */
  readonly maxBytes?: number;
  /** Longest text read; longer text resolves to `unknown` with reason `too-large`. @default 1048576 */
  readonly maxTextLength?: number;
  /** Most targets read, in text order (a target repeated among them is one candidate). @default 50 */
  readonly maxCandidates?: number;
  /** Largest image read, in pixels (checked before decoding). @default 40000000 */
  readonly maxPixels?: number;
  /**
   * Turns encoded image bytes into RGBA. The Node entry (`@sharekit/resolver/node`) reads PNG, JPEG and
   * WebP itself; in browsers `createImageBitmap` is used when this is not given.
   */
  readonly decodeImage?: (bytes: Uint8Array) => Promise<RgbaImage>;
}

/** The QR reader the resolver uses: the browser-safe one, or the Node one that also reads bytes. */
export type QrReader = (
  image: RgbaImage | Uint8Array,
  options: { maxPixels: number },
) => Promise<readonly QrCode[]>;

interface Settings {
  readonly fetch: FetchLike | undefined;
  readonly maxHops: number;
  readonly timeoutMs: number;
  readonly maxBytes: number;
  readonly maxTextLength: number;
  readonly maxCandidates: number;
  readonly maxPixels: number;
  readonly decodeImage: ResolveOptions['decodeImage'];
  readonly allowPrivateNetwork: boolean;
}

function settingsOf(options: ResolveOptions | undefined): Settings {
  const o = options ?? {};
  if (typeof o !== 'object') throw new ResolverError('invalid_option', 'expected options to be an object');
  if (o.fetch !== undefined && typeof o.fetch !== 'function') {
    throw new ResolverError('invalid_option', 'expected options.fetch to be a function');
  }
  if (o.decodeImage !== undefined && typeof o.decodeImage !== 'function') {
    throw new ResolverError('invalid_option', 'expected options.decodeImage to be a function');
  }
  return {
    fetch: o.fetch,
    maxHops: integerOption('maxHops', o.maxHops, 5, 0, 20, ResolverError),
    timeoutMs: integerOption('timeoutMs', o.timeoutMs, 5000, 1, 60_000, ResolverError),
    maxBytes: integerOption('maxBytes', o.maxBytes, 1 << 20, 1, 16 << 20, ResolverError),
    maxTextLength: integerOption('maxTextLength', o.maxTextLength, 1 << 20, 1, 1 << 20, ResolverError),
    maxCandidates: integerOption('maxCandidates', o.maxCandidates, 50, 1, 1000, ResolverError),
    maxPixels: integerOption('maxPixels', o.maxPixels, 40_000_000, 1, 400_000_000, ResolverError),
    decodeImage: o.decodeImage,
    allowPrivateNetwork: o.allowPrivateNetwork === true,
  };
}

/** A candidate while it is being built; `at` orders candidates by position in the text. */
interface Draft {
  at: number;
  source: Candidate['source'];
  raw: string;
  link: string | null;
  identity: LinkIdentity | null;
  reasons: SafetyReason[];
  steps: Step[];
  title: string | null;
  token: string | null;
  code: string | null;
}

const RAW_MAX = 2000;

/** Opens wrapper and redirect links (chat apps' link checkers, leave pages); each one is a step. */
function openWrappers(raw: string): { target: string; trail: Step[]; tooDeep: boolean } {
  let opened: Unwrapped;
  try {
    opened = unwrapUrl(raw);
  } catch (error) {
    if (!isCanonicalUrlError(error)) throw error;
    return { target: raw, trail: [], tooDeep: false };
  }
  if (opened.steps.length === 0) return { target: raw, trail: [], tooDeep: false };
  const trail = opened.steps.map((s) => steps.unwrap(s.wrapper, s.param, s.target));
  const scheme = schemeOf(opened.url);
  // A web wrapper that hands over to an app scheme stays the wrapper page; an unsafe target is judged.
  const usable =
    opened.stopped === 'unsafe-scheme' || scheme === 'http' || scheme === 'https' || scheme === null;
  return { target: usable ? opened.url : raw, trail, tooDeep: opened.stopped === 'too-deep' };
}

function draftFromUrl(given: string, source: Candidate['source'], before: Step[], at: number): Draft {
  const { target: raw, trail: opened, tooDeep } = openWrappers(given);
  const prefix = [...before, ...opened];
  const judged = judgeUrl(raw);
  const reasons = judged.reasons;
  // Wrappers nested past the limit: what they hide is not known, so nothing is made clickable.
  if (tooDeep) reasons.push(reason('long-redirect-chain'));
  const link = tooDeep ? null : judged.link;
  const identity = tooDeep ? null : judged.identity;
  const trail = [...prefix, identity?.kind === 'short' ? steps.shortLink(raw) : steps.url(raw)];
  if (identity && identity.kind !== 'short') trail.push(steps.identity(identity));
  if (link === null) trail.push(steps.blocked('not made clickable', '不生成可点击链接', raw));
  return {
    at,
    source,
    raw: raw.slice(0, RAW_MAX),
    link,
    identity: link === null ? null : identity,
    reasons,
    steps: trail,
    title: null,
    token: null,
    code: null,
  };
}

/** deep-link's parser, loaded on first use (`app-link.ts`). */
let appLinks: Promise<typeof import('./app-link.js')> | undefined;

/**
 * deep-link's parser and `parseAppLink` of `raw` (deep-link's errors — too long, too deep — read as
 * "not an app link").
 */
async function readAppLink(raw: string) {
  appLinks ??= import('./app-link.js');
  const deepLink = await appLinks;
  try {
    return { deepLink, parsed: deepLink.parseAppLink(raw) };
  } catch (error) {
    if (!deepLink.isDeepLinkError(error)) throw error;
    return { deepLink, parsed: null };
  }
}

async function draftFromAppLink(raw: string, at: number): Promise<Draft> {
  const { deepLink, parsed } = await readAppLink(raw);
  if (parsed === null || deepLink.isUnsafeAppLink(parsed)) {
    const lookalike = parsed !== null && parsed.danger === 'lookalike-host';
    const found = parsed?.found ?? schemeOf(raw) ?? '';
    return {
      at,
      source: 'app-link',
      raw: raw.slice(0, RAW_MAX),
      link: null,
      identity: null,
      reasons: [
        lookalike
          ? reason('lookalike-host', found)
          : reason('unsafe-scheme', found ? `${found}:` : 'unknown'),
      ],
      steps: [
        steps.appLink(parsed?.app ?? null, [], raw),
        steps.blocked(
          lookalike ? 'the wrapped target imitates a platform' : 'not a known app scheme or web page',
          lookalike ? '内嵌目标冒充平台域名' : '不是已知 App 协议或网页',
          raw,
        ),
      ],
      title: null,
      token: null,
      code: null,
    };
  }
  const forms = parsed.via.map((v) => v.form);
  const draft = draftFromUrl(parsed.webUrl, 'app-link', [steps.appLink(parsed.app, forms, raw)], at);
  return { ...draft, raw: raw.slice(0, RAW_MAX) };
}

function tryDecodeToken(text: string): ReturnType<typeof decodeToken> | null {
  try {
    return decodeToken(text);
  } catch (error) {
    if (!isShareTokenError(error)) throw error;
    return null;
  }
}

function draftFromToken(decoded: ReturnType<typeof decodeToken>, at: number): Draft {
  const draft = draftFromUrl(
    decoded.url,
    'sharekit-token',
    [steps.token(decoded.token, decoded.corrected)],
    at,
  );
  if (decoded.corrected) draft.reasons.push(reason('corrected-token'));
  return { ...draft, token: decoded.token };
}

function draftFromShare(match: ShareMatch, text: string): Draft {
  const excerpt = text.slice(match.span[0], Math.min(match.span[1], match.span[0] + 120));
  const at = match.span[0];
  let draft: Draft;
  // A sharekit token is read again for its verdict: parseShareText gives no URL for a dangerous one.
  const decoded = match.kind === 'sharekit-token' && match.token ? tryDecodeToken(match.token) : null;
  if (decoded) draft = draftFromToken(decoded, at);
  else if (match.kind === 'sharekit-token' && match.url) {
    draft = draftFromUrl(match.url, 'sharekit-token', [steps.token(match.token ?? '', false)], at);
  } else if (match.url) {
    draft = draftFromUrl(match.url, 'share-text', [steps.shareText(match.platform, excerpt)], at);
  } else {
    draft = {
      at,
      source: 'share-text',
      raw: (match.token ?? excerpt).slice(0, RAW_MAX),
      link: null,
      identity: null,
      reasons: [reason('token-only')],
      steps: [
        steps.shareText(match.platform, excerpt),
        steps.platformToken(match.platform, match.token ?? ''),
      ],
      title: null,
      token: null,
      code: null,
    };
  }
  return { ...draft, title: match.title, token: match.token ?? draft.token, code: match.code };
}

function safeParseShareText(text: string): ShareMatch[] {
  try {
    return parseShareText(text, { sharekitTokens });
  } catch (error) {
    if (!isShareTokenError(error)) throw error;
    return [];
  }
}

const PREFIX = 1 << 16;
const PREFIX_MARGIN = 1 << 14;

/**
 * The shares of a text, enough of them for `limit` candidates. A long text dense with shares (a
 * megabyte of tokens) is read only as far as its first 64 KB when those already hold more than
 * `limit` shares ending well before the cut: only the first `limit` targets are ever examined, and
 * shares are local, so the rest cannot change them. Otherwise the whole text is read.
 */
function firstShares(text: string, limit: number): ShareMatch[] {
  if (text.length > 4 * PREFIX) {
    // Cut at white space (a line break when there is one near), never inside a link or token.
    let cut = text.lastIndexOf('\n', PREFIX);
    if (cut < PREFIX - PREFIX_MARGIN) {
      cut = PREFIX;
      while (cut > PREFIX - PREFIX_MARGIN && text.charCodeAt(cut) > 0x20) cut -= 1;
    }
    if (cut > PREFIX - PREFIX_MARGIN) {
      const head = safeParseShareText(text.slice(0, cut));
      const last = head[limit];
      if (last && last.span[1] < cut - PREFIX_MARGIN) return head.slice(0, limit + 1);
    }
  }
  return safeParseShareText(text);
}

const ID_RUN = /[A-Za-z0-9_:@.-]{2,64}/g;
const ASCII_WORD = /[a-z0-9]/;

/** `淘宝 634567890123`, `B站 BV17x411w7KC`, or a lone BV id / av number. */
function bareIdDraft(text: string): Draft | null {
  if (text.length > 500) return null;
  const lone = text.trim();
  const alone = loneIdentity(lone);
  if (alone) return draftFromUrl(alone.url, 'share-text', [steps.shareText(alone.platform, lone)], 0);
  const lower = text.toLowerCase();
  for (const row of RESOLVER_ROWS) {
    for (const alias of row.aliases) {
      const at = lower.indexOf(alias);
      if (at < 0) continue;
      const ascii = /^[a-z0-9.]+$/.test(alias);
      if (
        ascii &&
        (ASCII_WORD.test(lower[at - 1] ?? ' ') || ASCII_WORD.test(lower[at + alias.length] ?? ' '))
      ) {
        continue;
      }
      for (const m of text.matchAll(ID_RUN)) {
        const id = m[0];
        if (id.toLowerCase() === alias) continue;
        for (const kind of row.bareKinds) {
          if (!CONTENT_KINDS.includes(kind)) continue;
          let url: string | null = null;
          try {
            url = canonicalUrlFor(row.platform, kind, id);
          } catch (error) {
            if (!isCanonicalUrlError(error)) throw error;
          }
          if (url)
            return draftFromUrl(url, 'share-text', [steps.shareText(row.platform, text.slice(0, 120))], 0);
        }
      }
    }
  }
  return null;
}

const WHITE_SPACE = /[\u0000-\u0020\u3000]/;
const hasWhiteSpace = (text: string) => WHITE_SPACE.test(text);

// A colon, as written or percent-encoded (once or more), full-width included.
// regex-safe: alternatives of fixed strings and one starred literal, no nesting
const COLON = /[:\uff1a]|%(?:25)*(?:3a|ef%(?:25)*bc%(?:25)*9a)/i;

/**
 * Whether a whitespace-free web link may be an https wrapper of an app link
 * (`https://ds.alipay.com/?scheme=alipays%3A…`), so deep-link's parser must read it. A platform page
 * canonical-url knows (`identity`) with no colon past its own `://` carries no app link (an app link
 * has a scheme); anything else is asked.
 */
function mayWrapAppLink(t: string, identity: LinkIdentity | null): boolean {
  if (identity === null || identity.kind === 'page' || identity.kind === 'short') return true;
  const start = t.indexOf('://');
  return COLON.test(start < 0 ? t : t.slice(start + 3));
}

/** Every target in a text, in order. `kind` says what the text as a whole was. */
async function textDrafts(text: string, limit: number): Promise<{ kind: ResolutionKind; drafts: Draft[] }> {
  const t = text.trim();
  if (t && !hasWhiteSpace(t)) {
    const scheme = schemeOf(t);
    const isWeb = scheme === 'http' || scheme === 'https' || (scheme === null && t.includes('.'));
    if (scheme && !isWeb) {
      if (UNSAFE_SCHEMES.has(scheme)) return { kind: 'url', drafts: [draftFromUrl(t, 'url', [], 0)] };
      return { kind: 'app-link', drafts: [await draftFromAppLink(t, 0)] };
    }
    if (isWeb || t.startsWith('//')) {
      const identity = tryIdentify(t);
      if (mayWrapAppLink(t, identity)) {
        const { deepLink, parsed: wrapped } = await readAppLink(t);
        if (wrapped && (deepLink.isUnsafeAppLink(wrapped) || wrapped.app !== null)) {
          return { kind: 'app-link', drafts: [await draftFromAppLink(t, 0)] };
        }
      }
      if (identity !== null || /^(?:https?:)?\/\//i.test(t) || /^[^/]+\.[A-Za-z]{2,}(?:[/:?#]|$)/.test(t)) {
        // A pasted link with glued words, brackets or full-width letters: the link as identify read it is
        // what is judged and opened (the text as pasted is no URL, so the judge would refuse it).
        return { kind: 'url', drafts: [draftFromUrl(pastedLink(t).text, 'url', [], 0)] };
      }
    }
    const token = tryDecodeToken(t);
    if (token) return { kind: 'sharekit-token', drafts: [draftFromToken(token, 0)] };
  }
  const matches = firstShares(text, limit);
  const spans = matches.map((m) => m.span).sort((a, b) => a[0] - b[0]);
  // Shares and links in text order; only the first `limit` become drafts (each draft parses a URL).
  const found: { at: number; make: () => Draft | Promise<Draft> }[] = matches.map((m) => ({
    at: m.span[0],
    make: () => draftFromShare(m, text),
  }));
  let sp = 0;
  let reach = -1;
  for (const hit of scanLinks(text)) {
    // Links come in text order: one sweep over the share spans says whether a share covers it.
    while (sp < spans.length && (spans[sp] as readonly [number, number])[0] <= hit.start) {
      reach = Math.max(reach, (spans[sp] as readonly [number, number])[1]);
      sp += 1;
    }
    if (hit.start < reach) continue;
    const scheme = schemeOf(hit.url) ?? '';
    const web = scheme === 'http' || scheme === 'https' || UNSAFE_SCHEMES.has(scheme);
    found.push({
      at: hit.start,
      make: () => (web ? draftFromUrl(hit.url, 'url', [], hit.start) : draftFromAppLink(hit.url, hit.start)),
    });
  }
  found.sort((a, b) => a.at - b.at);
  // Of the first `limit` targets, one pasted twice (a share repeated, its link quoted again below it, with or
  // without its scheme; a link-less share's token) is one candidate: the first.
  const seen = new Set<string>();
  const drafts = (await Promise.all(found.slice(0, limit).map((f) => f.make()))).filter((d) => {
    const key = d.link ?? d.raw;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (drafts.length === 0) {
    const bare = bareIdDraft(text);
    if (bare) drafts.push(bare);
  }
  const sources = new Set(drafts.map((d) => d.source));
  const kind: ResolutionKind =
    drafts.length === 0
      ? 'unknown'
      : sources.size === 1 && sources.has('sharekit-token')
        ? 'sharekit-token'
        : drafts.length === 1 && sources.has('app-link')
          ? 'app-link'
          : 'share-text';
  return { kind, drafts };
}

/** One deadline for every short link followed in a `resolve` call. */
interface Deadline {
  readonly at: number;
  readonly signal: AbortSignal;
}

function shouldFollow(draft: Draft): boolean {
  return (
    draft.link !== null &&
    (draft.identity?.kind === 'short' || draft.reasons.some((r) => r.code === 'unknown-shortener'))
  );
}

async function follow(draft: Draft, settings: Settings, deadline: Deadline): Promise<Draft> {
  const fetch = settings.fetch;
  if (!fetch || !draft.link || !shouldFollow(draft)) return draft;
  try {
    const left = deadline.at - Date.now();
    if (left <= 0 || deadline.signal.aborted) {
      throw new CanonicalUrlError('timeout', `no time left of ${settings.timeoutMs} ms`);
    }
    const { resolveShortLink } = await import('./follow.js');
    const result = await resolveShortLink(draft.link, {
      fetch,
      maxHops: settings.maxHops,
      timeoutMs: left,
      maxBytes: settings.maxBytes,
      allowPrivateNetwork: settings.allowPrivateNetwork,
      signal: deadline.signal,
    });
    const hopSteps = result.hops
      .filter((h) => h.via !== 'final')
      .map((h, i) => {
        const next = result.hops[i + 1]?.url ?? result.url;
        return steps.redirect(next, h.via);
      });
    const final = draftFromUrl(result.url, draft.source, [...draft.steps, ...hopSteps], draft.at);
    const reasons = final.reasons.filter((r) => r.code !== 'short-link-unresolved');
    if (result.hops.length > 3)
      reasons.push(reason('long-redirect-chain', `${result.hops.length - 1} redirects`));
    // The final target is still a short link (the service would not say more): keep the note.
    if (final.identity?.kind === 'short') reasons.push(reason('short-link-unresolved'));
    return { ...final, raw: draft.raw, reasons, title: draft.title, token: draft.token, code: draft.code };
  } catch (error) {
    if (!isCanonicalUrlError(error)) throw error;
    const why =
      error.code === 'bad_redirect'
        ? reason('unsafe-scheme', 'redirect target')
        : error.code === 'blocked_target'
          ? reason('private-target', error.message)
          : reason('resolution-failed', error.code);
    const blocked = why.level === 'danger';
    return {
      ...draft,
      link: blocked ? null : draft.link,
      identity: blocked ? null : draft.identity,
      reasons: [...draft.reasons, why],
      steps: [...draft.steps, steps.error(`following failed: ${error.code}`, `跳转失败：${error.code}`)],
    };
  }
}

function finish(draft: Draft): Candidate {
  return {
    source: draft.source,
    link: draft.link,
    identity: draft.identity,
    safety: safetyOf(draft.reasons),
    steps: draft.steps,
    raw: draft.raw,
    title: draft.title,
    token: draft.token,
    code: draft.code,
  };
}

function unknown(why: UnknownReason, label: string, labelZh: string): Resolution {
  return {
    kind: 'unknown',
    link: null,
    identity: null,
    candidates: [],
    safety: { level: 'ok', reasons: [] },
    steps: [steps.error(label, labelZh)],
    reason: why,
  };
}

async function assemble(kind: ResolutionKind, drafts: Draft[], settings: Settings): Promise<Resolution> {
  const limited = drafts.slice(0, settings.maxCandidates);
  const followed: Draft[] = [];
  const controller = new AbortController();
  const deadline: Deadline = { at: Date.now() + settings.timeoutMs, signal: controller.signal };
  const timer =
    settings.fetch && limited.some(shouldFollow)
      ? setTimeout(() => controller.abort(), settings.timeoutMs)
      : undefined;
  try {
    for (const d of limited) followed.push(await follow(d, settings, deadline));
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
  const candidates = followed.map(finish);
  const first = candidates[0];
  if (!first) return unknown('no-target', 'no link, token or app link found', '未找到链接、口令或 App 链接');
  return {
    kind,
    link: first.link,
    identity: first.identity,
    candidates,
    safety: first.safety,
    steps: first.steps,
  };
}

const MAGIC: readonly (readonly number[])[] = [
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x52, 0x49, 0x46, 0x46], // RIFF (WebP)
  [0x47, 0x49, 0x46], // GIF
  [0x42, 0x4d], // BMP
];

function looksLikeImage(bytes: Uint8Array): boolean {
  return MAGIC.some((m) => m.every((b, i) => bytes[i] === b));
}

function isRgba(input: unknown): input is RgbaImage {
  return (
    typeof input === 'object' &&
    input !== null &&
    !(input instanceof Uint8Array) &&
    !(input instanceof ArrayBuffer) &&
    'data' in input &&
    'width' in input &&
    'height' in input
  );
}

/** An image: the QR half (qr-reader.ts, loaded now) reads its codes; each code's text is read as pasted text. */
async function resolveImage(
  image: RgbaImage | Uint8Array,
  settings: Settings,
  readQr: QrReader,
  decode: ImageDecoding,
): Promise<Resolution> {
  const { readCodes } = await import('./qr-reader.js');
  const codes = await readCodes(image, settings.maxPixels, readQr, decode);
  if ('why' in codes) return unknown(codes.why, codes.label, codes.labelZh);
  const drafts: Draft[] = [];
  for (const [index, code] of codes.entries()) {
    const inner = (await textDrafts(code.text, settings.maxCandidates)).drafts;
    for (const d of inner) {
      drafts.push({
        ...d,
        at: index * 1e9 + d.at,
        source: 'qr-image',
        steps: [steps.qr(index, code.engine, code.text), ...d.steps],
      });
    }
  }
  if (drafts.length === 0) {
    return unknown(
      'no-target',
      'the QR code holds no link, token or app link',
      '二维码中没有链接、口令或 App 链接',
    );
  }
  return assemble('qr-image', drafts, settings);
}

async function resolveText(input: string, settings: Settings): Promise<Resolution> {
  if (input.trim() === '') return unknown('empty-input', 'the input is empty', '输入为空');
  const { kind, drafts } = await textDrafts(input, settings.maxCandidates);
  if (drafts.length === 0) {
    return unknown('no-target', 'no link, token or app link found', '未找到链接、口令或 App 链接');
  }
  return assemble(kind, drafts, settings);
}

/**
 * The resolver core, parameterised by the QR reader (the main entry's reads RGBA; the Node entry's
 * also reads encoded image bytes).
 */
export async function resolveWith(
  input: ResolveInput,
  options: ResolveOptions | undefined,
  readQr: QrReader,
  readsBytes: boolean,
): Promise<Resolution> {
  const settings = settingsOf(options);
  if (typeof input === 'string') {
    if (input.length > settings.maxTextLength) {
      return unknown(
        'too-large',
        `the text is longer than ${settings.maxTextLength} characters`,
        '文字超过长度上限',
      );
    }
    return resolveText(input, settings);
  }
  if (input instanceof ArrayBuffer || input instanceof Uint8Array) {
    const bytes = input instanceof ArrayBuffer ? new Uint8Array(input) : input;
    if (bytes.byteLength === 0)
      return unknown('empty-input', 'the input is empty (0 bytes)', '输入为空（0 字节）');
    if (!looksLikeImage(bytes)) {
      // Text handed over as bytes (a pasted file, standard input).
      if (bytes.byteLength <= settings.maxTextLength * 4) {
        try {
          const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
          return resolveWith(text, options, readQr, readsBytes);
        } catch {
          // Not UTF-8 text: try it as an image below.
        }
      } else {
        return unknown('too-large', 'the input is larger than the size limit', '输入超过大小上限');
      }
    }
    // The Node entry's reader reads bytes itself; otherwise they are decoded to RGBA first.
    return resolveImage(
      bytes,
      settings,
      readQr,
      readsBytes && !settings.decodeImage ? null : (settings.decodeImage ?? 'browser'),
    );
  }
  if (isRgba(input)) return resolveImage(input, settings, readQr, null);
  throw new ResolverError(
    'invalid_input',
    `expected a string, bytes or an RGBA image, found ${input === null ? 'null' : typeof input}`,
  );
}
