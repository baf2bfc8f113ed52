import type { LinkIdentity, TargetReasonCode } from '@sharekit/canonical-url/core';

/** What the input was recognised as. */
export type ResolutionKind = 'url' | 'share-text' | 'sharekit-token' | 'app-link' | 'qr-image' | 'unknown';

/** How safe it is to open a target. `danger` targets are never given as a link. */
export type SafetyLevel = 'ok' | 'caution' | 'danger';

/** The resolver's own reasons: about following and tokens, not about the target itself. */
export type ResolverReasonCode =
  /** more redirects than usual were followed */
  | 'long-redirect-chain'
  /** following a short link failed (network, limits) */
  | 'resolution-failed'
  /** a hop of a short link led to a private, loopback, link-local or internal address, or another port */
  | 'private-target'
  /** a token with one mistyped character that was corrected */
  | 'corrected-token'
  /** a platform share token with no link: only the platform's app can open it */
  | 'token-only';

/**
 * Why a target got its safety level: the reasons of canonical-url's one judge (`judgeTarget`; its
 * `TARGET_REASONS` table lists them with their levels) and the resolver's own.
 */
export type SafetyCode = TargetReasonCode | ResolverReasonCode;

export interface SafetyReason {
  readonly code: SafetyCode;
  /** `info` explains without lowering the level. */
  readonly level: 'info' | 'caution' | 'danger';
  /** English sentence for display. */
  readonly message: string;
  /** Chinese sentence for display. */
  readonly messageZh: string;
}

export interface Safety {
  /** The worst level among the reasons (`ok` when none is caution or danger). */
  readonly level: SafetyLevel;
  readonly reasons: readonly SafetyReason[];
}

export type StepKind =
  | 'share-text'
  | 'sharekit-token'
  | 'app-link'
  | 'qr-code'
  | 'url'
  | 'short-link'
  | 'redirect'
  | 'unwrap'
  | 'identity'
  | 'blocked'
  | 'error';

/** One thing recognised on the way from the input to the link, for display. */
export interface Step {
  readonly kind: StepKind;
  /** English label, e.g. `share text from Douyin`, `short link v.douyin.com`. */
  readonly label: string;
  /** Chinese label. */
  readonly labelZh: string;
  /** The text the step is about (a URL, a token, a QR payload), cut to 200 characters. */
  readonly detail?: string;
}

/** One target found in the input. */
export interface Candidate {
  /** How this target was carried. */
  readonly source: Exclude<ResolutionKind, 'unknown'>;
  /** The https link to click (canonical where the target is known), or `null` (danger, or nothing clickable). */
  readonly link: string | null;
  readonly identity: LinkIdentity | null;
  readonly safety: Safety;
  readonly steps: readonly Step[];
  /** The raw target as found (URL, app link, token), cut to 2,000 characters; shown as text when `link` is null. */
  readonly raw: string;
  /** Title from a share text, when there was one. */
  readonly title: string | null;
  /** The platform's own share token or our token, when there was one. */
  readonly token: string | null;
  /** A channel code such as `CZ3457`. */
  readonly code: string | null;
}

/** The answer of `resolve`. The top-level fields repeat the first candidate. */
export interface Resolution {
  readonly kind: ResolutionKind;
  readonly link: string | null;
  readonly identity: LinkIdentity | null;
  /** Every target found, in order of appearance. */
  readonly candidates: readonly Candidate[];
  /** The first candidate's safety, or, with none, why nothing was found. */
  readonly safety: Safety;
  /** The first candidate's steps (or what was tried). */
  readonly steps: readonly Step[];
  /** For `unknown`: why nothing was found (`empty-input`, `too-large`, `no-target`, `image-unreadable`, `no-qr-code`, …). */
  readonly reason?: UnknownReason;
}

export type UnknownReason =
  | 'empty-input'
  | 'too-large'
  | 'no-target'
  | 'image-unreadable'
  | 'image-too-large'
  | 'no-qr-code'
  | 'image-decoder-unavailable';

/** RGBA pixels, row by row, 4 bytes a pixel. */
export interface RgbaImage {
  readonly data: Uint8Array | Uint8ClampedArray;
  readonly width: number;
  readonly height: number;
}

/** What `resolve` accepts: text, encoded image bytes (PNG, JPEG, WebP), or RGBA pixels. */
export type ResolveInput = string | Uint8Array | ArrayBuffer | RgbaImage;
