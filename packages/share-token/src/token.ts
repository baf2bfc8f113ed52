import {
  avToBv,
  bvToAv,
  type ContentKind,
  canonicalUrlFor,
  getPlatform,
  identify,
  isLinkIdentity,
  judgeTarget,
  type LinkIdentity,
  type PlatformId,
  type TargetLevel,
  type TargetReason,
  tryIdentify,
} from '@sharekit/canonical-url';
import { deflateSync, inflateSync } from 'fflate';
import { ALPHABET, CHECKS, correctOne, isAlnumCode, MAX_DATA, Q, symbolOf, syndromes } from './alphabet.js';
import { checkText, MAX_TEXT_LENGTH, preview, ShareTokenError } from './errors.js';
import { normalizeText } from './normalize.js';

/** Symbol that opens every version-1 token (`V`). Later versions take the following letters. */
export const VERSION_1 = ALPHABET.indexOf('V');
const FUTURE_VERSIONS = ['W', 'X', 'Y', 'Z'].map((c) => ALPHABET.indexOf(c));
/** Size symbol values 0…23: a compact token whose payload has value+1 symbols. */
const MAX_COMPACT_PAYLOAD = 24;
/** Size symbol 30: a URL token; three symbols of payload length follow. */
const URL_FORM = 30;
/**
 * Longest URL (UTF-8 bytes) a URL token carries.
 * @example
 * new TextEncoder().encode(url).length <= MAX_URL_BYTES // else encodeToken throws too_long
 */
export const MAX_URL_BYTES = 2048;

/** Platform order of format version 1 (frozen: new platforms need a new version). */
export const TOKEN_PLATFORMS: readonly PlatformId[] = [
  'taobao',
  'tmall',
  'jd',
  'pinduoduo',
  'douyin',
  'douyin-shop',
  'kuaishou',
  'xiaohongshu',
  'bilibili',
  'weibo',
  'xianyu',
  '1688',
  'weidian',
  'aliexpress',
  'amazon',
  'tiktok',
  'youtube',
  'dianping',
  'meituan',
  'eleme',
];
/** Content kinds of format version 1 (`short` links have no id and always take the URL form). */
export const TOKEN_KINDS: readonly ContentKind[] = ['item', 'video', 'note', 'post', 'user', 'shop', 'live'];

/** Id encodings, tried in this order; the first that fits is the only one a decoder accepts. */
const ENCODINGS = ['bilibili-av', 'decimal', 'hex', 'alnum36', 'utf8'] as const;
type Encoding = (typeof ENCODINGS)[number];
const MAX_ID_LENGTH = 64;

/**
 * Preset dictionary for the URL form's DEFLATE stream: the pieces platform links are made of.
 * Part of the format (frozen for version 1).
 */
const URL_DICTIONARY = new TextEncoder().encode(
  [
    'utm_source=utm_medium=utm_campaign=&spm=&share_source=&share_medium=',
    'https://m.tb.cn/h.https://e.tb.cn/h.?tk=?sm=',
    'https://3.cn/?jkl=@https://item.m.jd.com/product/https://item.jd.com/.html',
    'https://mobile.yangkeduo.com/goods.html?goods_id=&ps=',
    'https://v.douyin.com/https://www.douyin.com/video/https://haohuo.jinritemai.com/views/product/detail?id=',
    'https://v.kuaishou.com/https://www.kuaishou.com/short-video/',
    'https://xhslink.com/https://www.xiaohongshu.com/explore/?xsec_token=',
    'https://b23.tv/https://www.bilibili.com/video/BV1',
    'https://m.weibo.cn/detail/https://weibo.com/',
    'https://www.goofish.com/item?id=https://detail.tmall.com/item.htm?id=https://item.taobao.com/item.htm?id=',
    'https://www.',
  ].join(''),
);

/** What `decodeToken` and `findTokens` give back for a token. */
export interface DecodedToken {
  /** The identity the token names; `null` for a URL token whose URL is not an identifiable platform link. */
  readonly identity: LinkIdentity | null;
  /** The link to open: the canonical URL of a compact token, the exact URL of a URL token. */
  readonly url: string;
  /** True when one substituted (or look-alike) character was corrected by the check symbols. */
  readonly corrected: boolean;
  /** `compact` (platform + kind + id) or `url` (self-contained, compressed URL). */
  readonly form: 'compact' | 'url';
  /** The token as it should read: upper case, half-width, corrected. */
  readonly token: string;
  /**
   * canonical-url's judge on the URL the token carries. A `danger` token (one written by hand or by
   * another encoder: `encodeToken` refuses such targets) must not be opened.
   */
  readonly level: TargetLevel;
  /** The judge's reasons. */
  readonly reasons: readonly TargetReason[];
}

/** Options of `encodeToken`. */
export interface EncodeTokenOptions {
  /**
   * `compact` packs platform + kind + id (needs an identity with an id); `url` carries the whole URL;
   * `auto` takes `compact` for an identity whose url is its canonical URL, `url` otherwise.
   * @default 'auto'
   */
  readonly form?: 'auto' | 'compact' | 'url';
}

// ---------------------------------------------------------------- number and byte packing

function toSymbols(n: bigint): number[] {
  const out: number[] = [];
  const q = BigInt(Q);
  do {
    out.push(Number(n % q));
    n /= q;
  } while (n > 0n);
  return out.reverse();
}

function fromSymbols(s: readonly number[]): bigint {
  let n = 0n;
  const q = BigInt(Q);
  for (const v of s) n = n * q + BigInt(v);
  return n;
}

/** 3 bytes → 5 symbols; a tail of 1 byte → 2 symbols, 2 bytes → 4. */
function bytesToSymbols(b: Uint8Array): number[] {
  const out: number[] = [];
  const put = (value: number, count: number) => {
    const tmp: number[] = [];
    for (let k = 0; k < count; k++) {
      tmp.push(value % Q);
      value = Math.floor(value / Q);
    }
    for (let k = count - 1; k >= 0; k--) out.push(tmp[k] as number);
  };
  let i = 0;
  for (; i + 3 <= b.length; i += 3) put((b[i]! << 16) | (b[i + 1]! << 8) | b[i + 2]!, 5);
  if (b.length - i === 1) put(b[i]!, 2);
  else if (b.length - i === 2) put((b[i]! << 8) | b[i + 1]!, 4);
  return out;
}

function symbolsToBytes(s: readonly number[]): Uint8Array | null {
  const rem = s.length % 5;
  if (rem !== 0 && rem !== 2 && rem !== 4) return null;
  const out = new Uint8Array(Math.floor(s.length / 5) * 3 + (rem === 0 ? 0 : rem / 2));
  let o = 0;
  const get = (from: number, count: number, limit: number): number | null => {
    let v = 0;
    for (let k = 0; k < count; k++) v = v * Q + (s[from + k] as number);
    return v < limit ? v : null;
  };
  let i = 0;
  for (; i + 5 <= s.length; i += 5) {
    const v = get(i, 5, 1 << 24);
    if (v === null) return null;
    out[o++] = v >>> 16;
    out[o++] = (v >>> 8) & 255;
    out[o++] = v & 255;
  }
  if (rem === 2) {
    const v = get(i, 2, 256);
    if (v === null) return null;
    out[o++] = v;
  } else if (rem === 4) {
    const v = get(i, 4, 65536);
    if (v === null) return null;
    out[o++] = v >>> 8;
    out[o++] = v & 255;
  }
  return out;
}

// ---------------------------------------------------------------- compact identities

const HEX = /^[0-9a-f]{1,64}$/;
const DECIMAL = /^(?:0|[1-9][0-9]{0,63})$/;
const ALNUM36 = /^[0-9A-Z]{1,64}$/;
const ALNUM36_LOWER = /^[0-9a-z]{1,64}$/;
const ALNUM36_DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

function encodeId(
  platform: PlatformId,
  kind: ContentKind,
  id: string,
): { enc: Encoding; rest: bigint } | null {
  if (platform === 'bilibili' && kind === 'video') {
    try {
      const av = bvToAv(id);
      if (avToBv(av) === id) return { enc: 'bilibili-av', rest: BigInt(av) };
    } catch {
      // not a BV id this format can carry as a number: fall through
    }
  }
  if (DECIMAL.test(id)) return { enc: 'decimal', rest: BigInt(id) };
  if (HEX.test(id)) return { enc: 'hex', rest: BigInt(`0x${id}`) * 65n + BigInt(id.length) };
  // One case throughout (ASINs upper, Kuaishou photo ids lower): base 36 plus a case flag.
  const lower = ALNUM36_LOWER.test(id);
  if (lower || ALNUM36.test(id)) {
    let v = 0n;
    for (const ch of id.toUpperCase()) v = v * 36n + BigInt(ALNUM36_DIGITS.indexOf(ch));
    return { enc: 'alnum36', rest: (v * 65n + BigInt(id.length)) * 2n + (lower ? 1n : 0n) };
  }
  const bytes = new TextEncoder().encode(id);
  if (bytes.length === 0 || bytes.length > MAX_ID_LENGTH) return null;
  let v = 0n;
  for (const b of bytes) v = (v << 8n) | BigInt(b);
  return { enc: 'utf8', rest: v * 65n + BigInt(bytes.length) };
}

function decodeId(enc: Encoding, rest: bigint): string | null {
  switch (enc) {
    case 'bilibili-av':
      try {
        return avToBv(rest.toString());
      } catch {
        return null;
      }
    case 'decimal':
      return rest.toString();
    case 'hex': {
      const len = Number(rest % 65n);
      const s = (rest / 65n).toString(16);
      return len >= 1 && s.length <= len ? s.padStart(len, '0') : null;
    }
    case 'alnum36': {
      const lower = rest % 2n === 1n;
      rest /= 2n;
      const len = Number(rest % 65n);
      let v = rest / 65n;
      let s = '';
      while (v > 0n) {
        s = ALNUM36_DIGITS[Number(v % 36n)] + s;
        v /= 36n;
      }
      if (len < 1 || s.length > len) return null;
      const id = s.padStart(len, '0');
      return lower ? id.toLowerCase() : id;
    }
    case 'utf8': {
      const len = Number(rest % 65n);
      let v = rest / 65n;
      if (len < 1 || v >> BigInt(8 * len) !== 0n) return null;
      const bytes = new Uint8Array(len);
      for (let k = len - 1; k >= 0; k--) {
        bytes[k] = Number(v & 255n);
        v >>= 8n;
      }
      try {
        return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        return null;
      }
    }
  }
}

function compactData(platform: PlatformId, kind: ContentKind, id: string): number[] | null {
  const p = TOKEN_PLATFORMS.indexOf(platform);
  const k = TOKEN_KINDS.indexOf(kind);
  if (p < 0 || k < 0) return null;
  const packed = encodeId(platform, kind, id);
  if (!packed) return null;
  const e = ENCODINGS.indexOf(packed.enc);
  const n =
    ((packed.rest * BigInt(ENCODINGS.length) + BigInt(e)) * BigInt(TOKEN_KINDS.length) + BigInt(k)) *
      BigInt(TOKEN_PLATFORMS.length) +
    BigInt(p);
  const payload = toSymbols(n);
  if (payload.length > MAX_COMPACT_PAYLOAD) return null;
  return [VERSION_1, payload.length - 1, ...payload];
}

/** The identity a compact payload names, or null when it is not the canonical packing of a valid id. */
function identityFromCompact(payload: readonly number[]): LinkIdentity | null {
  if (payload.length > 1 && payload[0] === 0) return null; // not minimal: never written
  let n = fromSymbols(payload);
  const np = BigInt(TOKEN_PLATFORMS.length);
  const platform = TOKEN_PLATFORMS[Number(n % np)] as PlatformId;
  n /= np;
  const nk = BigInt(TOKEN_KINDS.length);
  const kind = TOKEN_KINDS[Number(n % nk)] as ContentKind;
  n /= nk;
  const ne = BigInt(ENCODINGS.length);
  const enc = ENCODINGS[Number(n % ne)] as Encoding;
  n /= ne;
  const id = decodeId(enc, n);
  if (id === null) return null;
  const spec = getPlatform(platform).kinds.find((s) => s.kind === kind && s.idPattern.test(id));
  if (!spec) return null;
  const again = encodeId(platform, kind, id);
  if (!again || again.enc !== enc) return null;
  const url = canonicalUrlFor(platform, kind, id);
  return url === null ? null : { platform, kind, id, url };
}

// ---------------------------------------------------------------- URL form

function checkUrl(url: string): Uint8Array {
  const bytes = new TextEncoder().encode(url);
  if (bytes.length > MAX_URL_BYTES) {
    throw new ShareTokenError(
      'too_long',
      `encodeToken: expected a URL of at most ${MAX_URL_BYTES} bytes, found ${bytes.length}`,
    );
  }
  if (!isSafeHttpUrl(url)) {
    throw new ShareTokenError(
      'invalid_target',
      `encodeToken: expected an absolute http(s) URL without spaces, found ${preview(url)}`,
    );
  }
  return bytes;
}

/** An absolute http(s) URL with no whitespace or control characters: the only links a token may carry. */
export function isSafeHttpUrl(url: string): boolean {
  // regex-safe: a single character class, no repetition
  if (/[\s\u0000-\u001f\u007f]/.test(url)) return false;
  if (!/^https?:\/\//i.test(url)) return false;
  try {
    const u = new URL(url);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.length > 0;
  } catch {
    return false;
  }
}

function urlData(url: string): number[] {
  const raw = checkUrl(url);
  const packed = deflateSync(raw, { level: 9, dictionary: URL_DICTIONARY });
  const mode = packed.length < raw.length ? 1 : 0;
  const body = bytesToSymbols(mode === 1 ? packed : raw);
  const len = body.length + 1;
  return [VERSION_1, URL_FORM, Math.floor(len / (Q * Q)), Math.floor(len / Q) % Q, len % Q, mode, ...body];
}

function urlFromPayload(payload: readonly number[]): string | null {
  const mode = payload[0];
  const bytes = symbolsToBytes(payload.slice(1));
  if (bytes === null || (mode !== 0 && mode !== 1)) return null;
  let raw = bytes;
  if (mode === 1) {
    const out = new Uint8Array(MAX_URL_BYTES + 1);
    try {
      raw = inflateSync(bytes, { out, dictionary: URL_DICTIONARY });
    } catch {
      return null;
    }
    if (raw.length > MAX_URL_BYTES) return null;
  } else if (raw.length > MAX_URL_BYTES) return null;
  let url: string;
  try {
    url = new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    return null;
  }
  if (!isSafeHttpUrl(url)) return null;
  // Only the shortest packing is valid, so every URL has exactly one token.
  try {
    const again = urlData(url);
    if (again.length - 5 !== payload.length || again[5] !== mode) return null;
  } catch {
    return null;
  }
  return url;
}

// ---------------------------------------------------------------- public API

/**
 * Writes a sharekit token for a platform identity or any http(s) URL of up to 2 KB.
 *
 * An identity whose `url` is its canonical URL gives a compact token (15–30 characters: version,
 * size, platform + kind + id, five check symbols); anything else gives a URL token carrying the
 * exact URL, DEFLATE-compressed. Tokens use 31 symbols (2–9 and A–Z without I, L, O).
 *
 * @throws ShareTokenError `invalid_target` (not an identity or http(s) URL, `form: 'compact'`
 *   without an id, or a URL or id holding a lone surrogate, which UTF-8 cannot carry), `too_long`
 *   (URL over 2048 bytes), `invalid_option`.
 * @example
 * encodeToken({ platform: 'taobao', kind: 'item', id: '675330231400', url: 'https://item.taobao.com/item.htm?id=675330231400' })
 * // → 'VBKWACN9Y7X23733K'
 * encodeToken('https://example.com/spring-sale?ref=poster') // → a URL token
 */
export function encodeToken(target: LinkIdentity | string, options: EncodeTokenOptions = {}): string {
  const form = options.form ?? 'auto';
  const texts =
    typeof target === 'string' ? [target] : isLinkIdentity(target) ? [target.url, target.id ?? ''] : [];
  if (texts.some(hasLoneSurrogate)) {
    // Tokens carry UTF-8, which cannot hold half a surrogate pair: refuse rather than decode to U+FFFD.
    throw new ShareTokenError(
      'invalid_target',
      'encodeToken: the target holds a lone surrogate (not valid Unicode text)',
    );
  }
  if (form !== 'auto' && form !== 'compact' && form !== 'url') {
    throw new ShareTokenError(
      'invalid_option',
      `encodeToken: form must be auto, compact or url, found ${String(form)}`,
    );
  }
  let data: number[] | null = null;
  if (typeof target === 'string') {
    if (target.length > 4 * MAX_URL_BYTES) {
      throw new ShareTokenError('too_long', `encodeToken: expected a URL of at most ${MAX_URL_BYTES} bytes`);
    }
    if (form === 'compact') {
      const identity = isSafeHttpUrl(target) ? identify(target) : null;
      if (!identity || identity.id === null || identity.kind === 'short') {
        throw new ShareTokenError(
          'invalid_target',
          `encodeToken: no platform identity with an id in ${preview(target)}`,
        );
      }
      data = compactData(identity.platform, identity.kind, identity.id);
    } else data = urlData(target);
  } else if (isLinkIdentity(target)) {
    const canCompact =
      target.id !== null &&
      target.kind !== 'short' &&
      canonicalUrlFor(target.platform, target.kind, target.id) !== null;
    const canonical = canCompact ? canonicalUrlFor(target.platform, target.kind, target.id as string) : null;
    if (form === 'compact' || (form === 'auto' && canCompact && canonical === target.url)) {
      data = canCompact ? compactData(target.platform, target.kind, target.id as string) : null;
      // An id too long for 24 payload symbols travels as its canonical URL instead.
      if (data === null && form === 'auto') data = urlData(target.url);
      if (data === null) {
        throw new ShareTokenError(
          'invalid_target',
          `encodeToken: ${target.platform}/${target.kind} id ${preview(String(target.id))} has no compact form`,
        );
      }
    } else data = urlData(target.url);
  } else {
    throw new ShareTokenError('invalid_target', 'encodeToken: expected a LinkIdentity or a URL string');
  }
  if (data === null) throw new ShareTokenError('invalid_target', 'encodeToken: the target has no token form');
  refuseDanger(typeof target === 'string' ? target : target.url);
  const word = [...data, ...checkSymbolsOf(data)];
  return word.map((v) => ALPHABET[v]).join('');
}

/** True when `text` holds half of a UTF-16 surrogate pair on its own. */
function hasLoneSurrogate(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) continue;
    const next = text.charCodeAt(i + 1);
    if (c > 0xdbff || !(next >= 0xdc00 && next <= 0xdfff)) return true;
    i++;
  }
  return false;
}

/** A token is never made for a target the one judge calls dangerous. */
function refuseDanger(url: string): void {
  const reading = judgeTarget(url);
  if (reading.level !== 'danger') return;
  const first = reading.reasons.find((r) => r.level === 'danger');
  throw new ShareTokenError(
    'unsafe_target',
    `encodeToken: ${preview(url)} is refused (${first?.code}: ${first?.detail})`,
  );
}

function checkSymbolsOf(data: readonly number[]): number[] {
  const word = [...data, 0, 0, 0, 0, 0];
  const t = syndromes(word);
  return t.map((x) => (Q - x) % Q);
}

/** Payload length the header of `word` announces, or null when the header is not version 1. */
function dataLength(word: readonly number[], from = 0): number | null {
  if (word[from] !== VERSION_1) return null;
  const size = word[from + 1];
  if (size === undefined) return null;
  if (size < MAX_COMPACT_PAYLOAD) return 2 + size + 1;
  if (size !== URL_FORM) return null;
  const a = word[from + 2];
  const b = word[from + 3];
  const c = word[from + 4];
  if (a === undefined || b === undefined || c === undefined) return null;
  const len = a * Q * Q + b * Q + c;
  return len >= 1 && 5 + len <= MAX_DATA ? 5 + len : null;
}

/** Reads a valid (already checked) word. */
function readWord(word: readonly number[], corrected: boolean): DecodedToken | null {
  const n = word.length - CHECKS;
  const token = word.map((v) => ALPHABET[v]).join('');
  if (word[1] === URL_FORM) {
    const url = urlFromPayload(word.slice(5, n));
    if (url === null) return null;
    const reading = judgeTarget(url);
    const identity = reading.identity ?? tryIdentify(url);
    return { identity, url, corrected, form: 'url', token, level: reading.level, reasons: reading.reasons };
  }
  const identity = identityFromCompact(word.slice(2, n));
  // A compact token names a registry identity: its URL is the platform's canonical page, which the
  // judge rates ok without reasons (a test holds this for every platform), so it is not judged again.
  return identity
    ? { identity, url: identity.url, corrected, form: 'compact', token, level: 'ok', reasons: [] }
    : null;
}

/** Separators a person may type inside a token: spaces, hyphens, dots (ASCII and full-width). */
function isSeparator(code: number): boolean {
  return (
    code === 0x20 ||
    code === 0x09 ||
    code === 0x0a ||
    code === 0x0d ||
    code === 0x3000 ||
    code === 0x2d ||
    code === 0xff0d ||
    code === 0x2010 ||
    code === 0x2011 ||
    code === 0x2212
  );
}

/**
 * Reads a sharekit token. Accepts any case, full-width forms (ＶＡ７…) and spaces or hyphens
 * between characters. One substituted character, or one look-alike (0 O 1 I L) in place of a
 * symbol, is corrected (`corrected: true`); anything else that does not check is rejected. A
 * correction can only give back the token that was written, never another valid target.
 *
 * @throws ShareTokenError `invalid_input` (not a string), `too_long` (over 64 KB), `invalid_token`
 *   (not shaped like a token), `unsupported_version`, `checksum_mismatch`, `invalid_payload`.
 * @example
 * decodeToken(encodeToken('https://example.com/a')).url // 'https://example.com/a'
 * decodeToken('ｖｂｋｗａｃｎ９ｙ７ｘ２３７３３ｋ').identity?.id // '675330231400' (full-width, lower case)
 */
export function decodeToken(token: string): DecodedToken {
  checkText(token, 1 << 16, 'decodeToken');
  const word: number[] = [];
  let erasure = -1;
  for (let i = 0; i < token.length; i++) {
    const code = token.charCodeAt(i);
    if (isSeparator(code)) continue;
    const v = symbolOf(code);
    if (v >= 0) word.push(v);
    else if (v === -2 && erasure < 0) {
      erasure = word.length;
      word.push(0);
    } else {
      throw new ShareTokenError(
        'invalid_token',
        `decodeToken: expected symbols 2-9 and A-Z without I, L, O, found ${JSON.stringify(token[i])} in ${preview(token)}`,
      );
    }
  }
  if (word.length < 2 + 1 + CHECKS) {
    throw new ShareTokenError(
      'invalid_token',
      `decodeToken: expected at least 8 symbols, found ${word.length}`,
    );
  }
  const result = tryDecode(word, erasure);
  if (result === 'payload') {
    throw new ShareTokenError(
      'invalid_payload',
      `decodeToken: ${preview(token)} checks but does not name a valid target`,
    );
  }
  if (result) return result;
  if (FUTURE_VERSIONS.includes(word[0] as number)) {
    throw new ShareTokenError(
      'unsupported_version',
      `decodeToken: version symbol ${ALPHABET[word[0] as number]} is newer than this reader (version 1 is V)`,
    );
  }
  const expected = dataLength(word);
  if (expected === null || expected + CHECKS !== word.length) {
    throw new ShareTokenError(
      'invalid_token',
      expected === null
        ? `decodeToken: expected a version-1 header (V then a size symbol), found ${preview(token)}`
        : `decodeToken: the header announces ${expected + CHECKS} symbols, found ${word.length}`,
    );
  }
  throw new ShareTokenError(
    'checksum_mismatch',
    `decodeToken: ${preview(token)} does not check and cannot be corrected`,
  );
}

/** Corrects (at most one symbol) and reads; 'payload' when the checks pass but the payload is invalid. */
function tryDecode(word: readonly number[], erasure: number): DecodedToken | 'payload' | null {
  const copy = [...word];
  const pos = correctOne(copy, erasure);
  if (pos === null) return null;
  const n = dataLength(copy);
  if (n === null || n + CHECKS !== copy.length) return null;
  return readWord(copy, pos >= 0) ?? 'payload';
}

/** A token found in free text. */
export interface TokenMatch extends DecodedToken {
  /** Where the token sits in the text: `[start, end)` in UTF-16 units of the original string. */
  readonly span: readonly [number, number];
}

/** Options of `findTokens`. */
export interface FindTokensOptions {
  /**
   * Also accept tokens with one substituted character. Off by default: correction multiplies the
   * chance that random text is taken for a token by about 30 × length.
   * @default false
   */
  readonly correct?: boolean;
}

/**
 * Finds sharekit tokens in pasted text without relying on delimiters: each `V`/`v`/`Ｖ` is a
 * candidate start, the size symbol after it fixes the length, and the five check symbols decide.
 * Linear in the text length. A URL token (long form) is looked for only where no other token
 * letter precedes it.
 *
 * @throws ShareTokenError `invalid_input` (not a string), `too_long` (over 1 MiB).
 * @example
 * findTokens('复制VBKWACN9Y7X23733K打开') // → [{ token: 'VBKWACN9Y7X23733K', identity: {…}, span: [2, 19], … }]
 */
export function findTokens(text: string, options: FindTokensOptions = {}): TokenMatch[] {
  checkText(text, MAX_TEXT_LENGTH, 'findTokens');
  const { norm, map } = normalizeText(text);
  return scanTokens(norm, options.correct ?? false).map((m) => ({
    ...m.decoded,
    span: [map[m.start] as number, (map[m.end - 1] as number) + 1] as const,
  }));
}

/** A token found in normalised text, with its span there. */
export interface ScannedToken {
  readonly decoded: DecodedToken;
  readonly start: number;
  readonly end: number;
}

/** The scan behind `findTokens`, on normalised text (no zero-width characters, CRLF folded). */
export function scanTokens(text: string, correct: boolean): ScannedToken[] {
  const out: ScannedToken[] = [];
  const n = text.length;
  let i = 0;
  // Every candidate start is examined once; a compact candidate reads at most 31 symbols, a URL
  // candidate is only tried at the start of a run of letters and digits, and reading stops at the
  // first character outside the alphabet, so each run is read O(1) times.
  while (i < n) {
    if (symbolOf(text.charCodeAt(i)) !== VERSION_1) {
      i++;
      continue;
    }
    const size = symbolOf(text.charCodeAt(i + 1));
    let total = -1;
    if (size >= 0 && size < MAX_COMPACT_PAYLOAD) total = 2 + size + 1 + CHECKS;
    else if (size === URL_FORM && (i === 0 || !isAlnumCode(text.charCodeAt(i - 1)))) {
      const a = symbolOf(text.charCodeAt(i + 2));
      const b = symbolOf(text.charCodeAt(i + 3));
      const c = symbolOf(text.charCodeAt(i + 4));
      if (a >= 0 && b >= 0 && c >= 0) {
        const len = a * Q * Q + b * Q + c;
        if (len >= 1 && 5 + len <= MAX_DATA) total = 5 + len + CHECKS;
      }
    }
    if (total < 0 || i + total > n) {
      i++;
      continue;
    }
    const word: number[] = new Array(total);
    let ok = true;
    for (let k = 0; k < total; k++) {
      const v = symbolOf(text.charCodeAt(i + k));
      if (v < 0) {
        ok = false;
        break;
      }
      word[k] = v;
    }
    let found: DecodedToken | null = null;
    if (ok) {
      const pos = correct ? correctOne(word) : syndromes(word).every((x) => x === 0) ? -1 : null;
      if (pos !== null && dataLength(word) === total - CHECKS) found = readWord(word, pos >= 0);
    }
    if (found) {
      out.push({ decoded: found, start: i, end: i + total });
      i += total;
    } else i++;
  }
  return out;
}
