/*
 * @sharekit/canonical-url/core — the main entry without what only requests need: short-link following
 * (`resolveShortLink`, `MAX_HOPS`) and address ranges (`addressRange`, `isPublicAddress`,
 * `targetProblem`, with ipaddr.js). The other sharekit packages import this, so a bundle that splits
 * code keeps ipaddr.js and the following out of its first load (esbuild assigns whole files to chunks:
 * any file the main entry imports would land in the first chunk). Every export here is also in the
 * main entry; a new export goes here unless it needs the network parts.
 */
export type { TargetPolicy } from './address.js';
export {
  type CanonicalizeOptions,
  canonicalize,
  GLOBAL_TRACKING,
  isTrackingParam,
  sameTarget,
} from './canonicalize.js';
export {
  type DisplayName,
  KIND_NAMES,
  PLATFORM_DISPLAY,
  PLATFORM_HOMES,
  PLATFORM_NAMES,
  PLATFORM_NAMES_ZH,
  type PlatformDisplay,
  type PlatformDisplayTable,
} from './display.js';
// Every export of errors.ts is public: the error base, the helpers and this package's error class.
export * from './errors.js';
export {
  type AlternateId,
  alternateId,
  canonicalUrlFor,
  fromAlternateId,
  identify,
  identityFor,
  isCanonicalId,
  isLinkIdentity,
  loneIdentity,
  platformOf,
  tryIdentify,
  tryPlatformOf,
  unwrapUrl,
} from './identify.js';
export {
  avToBv,
  bvToAv,
  ID_CODECS,
  type IdCodec,
  type IdCodecName,
  weiboBidToMid,
  weiboMidToBid,
} from './ids.js';
export { type HostReport, type HostWarning, inspectHost } from './inspect.js';
export { type IpLiteral, ipLiteralOf, isInternalName } from './ip-literal.js';
export {
  type DangerReasonCode,
  GENERIC_SHORTENERS,
  type JudgeTargetOptions,
  judgeTarget,
  levelOf,
  TARGET_REASONS,
  type TargetLevel,
  type TargetReading,
  type TargetReason,
  type TargetReasonCode,
} from './judge.js';
export { type PasteRepair, pastedLink } from './pasted.js';
export { getPlatform, PLATFORMS } from './platforms.js';
export type {
  FetchLike,
  FetchResponseLike,
  ResolveHop,
  ResolveOptions,
  ResolveShortLinkOptions,
  ShortLinkResolution,
} from './resolve.js';
export { isLinkStop, type LinkRepair, type ScannedLink, scanLinks, scanShareLinks } from './scan.js';
export { schemeOf, UNSAFE_SCHEMES, whatwgPreprocess, writtenScheme } from './scheme.js';
export {
  CONTENT_KINDS,
  type ContentKind,
  type EveryPlatform,
  isPlatformId,
  type KindSpec,
  type LinkForm,
  type LinkIdentity,
  PLATFORM_IDS,
  type PlatformId,
  type PlatformRow,
  type ShortLinkSpec,
} from './types.js';
export {
  DEFAULT_MAX_UNWRAP,
  REDIRECT_PARAMS,
  type Unwrapped,
  type UnwrapStep,
  type UnwrapUrlOptions,
  WRAPPERS,
  type WrapperRow,
} from './unwrap.js';
export { DEFAULT_MAX_LENGTH, hostOf } from './url.js';
