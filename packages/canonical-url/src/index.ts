export { addressRange, isPublicAddress, type TargetPolicy, targetProblem } from './address.js';
export {
  type CanonicalizeOptions,
  canonicalize,
  GLOBAL_TRACKING,
  isTrackingParam,
  sameTarget,
} from './canonicalize.js';
export { type DisplayName, KIND_NAMES } from './display.js';
export {
  CANONICAL_URL_ERROR_CODES,
  CanonicalUrlError,
  type CanonicalUrlErrorCode,
  integerOption,
  isCanonicalUrlError,
  isSharekitError,
  preview,
  SharekitError,
} from './errors.js';
export { canonicalUrlFor, identify, isLinkIdentity, platformOf, tryIdentify, unwrapUrl } from './identify.js';
export { avToBv, bvToAv, weiboBidToMid, weiboMidToBid } from './ids.js';
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
export {
  type FetchLike,
  type FetchResponseLike,
  MAX_HOPS,
  type ResolveHop,
  type ResolveOptions,
  type ResolveShortLinkOptions,
  resolveShortLink,
  type ShortLinkResolution,
} from './resolve.js';
export { isLinkStop, type ScannedLink, scanLinks } from './scan.js';
export { schemeOf, UNSAFE_SCHEMES, writtenScheme } from './scheme.js';
export {
  CONTENT_KINDS,
  type ContentKind,
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
export { DEFAULT_MAX_LENGTH } from './url.js';
