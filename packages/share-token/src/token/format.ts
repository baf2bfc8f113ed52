/* Token format version 1: the frozen constants (version letter, sizes, platform and kind order, id encodings, URL dictionary) and the decoded shape. */
import {
  type ContentKind,
  type IdCodecName,
  type LinkIdentity,
  PLATFORM_IDS,
  type PlatformId,
  type TargetLevel,
  type TargetReason,
} from '@sharekit/canonical-url/core';
import { ALPHABET } from '../alphabet.js';

/** Symbol that opens every version-1 token (`V`). Later versions take the following letters. */
export const VERSION_1 = ALPHABET.indexOf('V');
export const FUTURE_VERSIONS = /* @__PURE__ */ ['W', 'X', 'Y', 'Z'].map((c) => ALPHABET.indexOf(c));
/** Size symbol values 0…23: a compact token whose payload has value+1 symbols. */
export const MAX_COMPACT_PAYLOAD = 24;
/** Size symbol 30: a URL token; three symbols of payload length follow. */
export const URL_FORM = 30;
/**
 * Longest URL (UTF-8 bytes) a URL token carries.
 * @example
 * new TextEncoder().encode(url).length <= MAX_URL_BYTES // else encodeToken throws too_long
 */
export const MAX_URL_BYTES = 2048;

/**
 * Platform order of format version 1: the registry's first 20 ids, in its order (frozen: a test pins
 * the list; new platforms need a new version).
 */
export const TOKEN_PLATFORMS: readonly PlatformId[] = PLATFORM_IDS.slice(0, 20);
/** Content kinds of format version 1 (`short` links have no id and always take the URL form). */
export const TOKEN_KINDS: readonly ContentKind[] = ['item', 'video', 'note', 'post', 'user', 'shop', 'live'];

/** Id encodings, tried in this order; the first that fits is the only one a decoder accepts. */
export const ENCODINGS = ['bilibili-av', 'decimal', 'hex', 'alnum36', 'utf8'] as const;
export type Encoding = (typeof ENCODINGS)[number];
/**
 * Id codecs of the registry (canonical-url `KindSpec.alternateId`) whose second spelling version 1
 * carries as a number, and the encoding it takes: a kind with one of these codecs writes an id that
 * converts exactly as that number (Bilibili's av number of a BV id). Frozen with the format: a codec
 * added to the registry later is not in version 1.
 */
export const CODEC_ENCODINGS: Readonly<Partial<Record<IdCodecName, Encoding>>> = {
  'av-number': 'bilibili-av',
};
export const MAX_ID_LENGTH = 64;

/**
 * Preset dictionary for the URL form's DEFLATE stream: the pieces platform links are made of.
 * Part of the format (frozen for version 1).
 */
export const URL_DICTIONARY = new TextEncoder().encode(
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
