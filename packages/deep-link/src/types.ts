import type {
  ContentKind,
  DangerReasonCode,
  LinkIdentity,
  PlatformId,
  TargetReason,
} from '@sharekit/canonical-url/core';
import type { AppId, Confidence } from './apps.js';

/** How one layer of an app link was read. */
export type ViaForm =
  /** a content scheme of the table (`xhsdiscover://item/{id}`) */
  | 'scheme'
  /** a scheme that mirrors web URLs (`taobao://` + any Taobao URL) */
  | 'mirror'
  /** an Android `intent://…#Intent;…;end` URL */
  | 'intent'
  /** an intent's `S.browser_fallback_url` (used when its main target says nothing) */
  | 'intent-fallback'
  /** an https page that opens the app with a nested link (`linkst.m.jd.com`, `ds.alipay.com`, 应用宝) */
  | 'https-wrapper'
  /** "open this web page inside the app" (`tbopen … h5Url=`, JD `des: m`, Alipay 20000067) */
  | 'webview'
  /** a plain web link */
  | 'web';

/** One layer of an app link, outermost first. */
export interface ViaStep {
  readonly form: ViaForm;
  /** The app this layer opens (`null` for web links and unknown packages). */
  readonly app: AppId | null;
  /** The table's confidence in this form (web links: 'A'). */
  readonly confidence: Confidence;
}

/** What `parseAppLink` read from an app link: the web page it stands for. */
export interface AppLinkTarget {
  /** The platform of the target; `null` for a web page of no known platform inside a wrapper. */
  readonly platform: PlatformId | null;
  readonly kind: ContentKind | null;
  /** The id as canonical-url spells it (Bilibili: the BV id, also for av numbers). */
  readonly id: string | null;
  /** The canonical web URL (`identify(webUrl)` gives back platform, kind and id). */
  readonly webUrl: string;
  /** Layers unwrapped, outermost first. */
  readonly via: readonly ViaStep[];
  /** The app the outermost layer opens, or `null` for a plain web link. */
  readonly app: AppId | null;
  /** The weakest confidence along `via`. */
  readonly confidence: Confidence;
  /** Sloppy spellings that were accepted: `raw-json`, `alias-scheme:aweme`, `double-encoded`… */
  readonly tolerated: readonly string[];
  /** Forms along the way that the notes mark as unconfirmed, with why. */
  readonly unconfirmed: readonly string[];
  /** canonical-url's judge on the web target (never `danger`: that gives an `UnsafeAppLink`). */
  readonly level: 'ok' | 'caution';
  /** The judge's reasons (`credentials`, `insecure-http`, `not-a-platform`…). */
  readonly reasons: readonly TargetReason[];
}

/** A wrapped or fallback target that must never become a link. */
export interface UnsafeAppLink {
  /**
   * The danger reason of canonical-url's judge (`judgeTarget`): `unsafe-scheme` (not http(s) and not an
   * app scheme of the table), `lookalike-host` (a host imitating a platform, also as `platform@host`),
   * `idn-mixed-script`, `private-network` or `invalid-url`.
   */
  readonly danger: DangerReasonCode;
  /** The offending scheme (lower-case), or the host. */
  readonly found: string;
  readonly via: readonly ViaStep[];
  readonly app: AppId | null;
}

export type ParsedAppLink = AppLinkTarget | UnsafeAppLink;

/** What `toAppLinks` builds for one target. Absent fields: the app has no such form. */
export interface AppLinks {
  /** The identity of the target (`null` for a web page of no known platform). */
  readonly identity: LinkIdentity | null;
  /** The app that opens the target (`null` when the table has none). */
  readonly app: AppId | null;
  /** The canonical web URL: the fallback of every other form. */
  readonly web: string;
  /** The app's scheme link for this content. */
  readonly scheme?: string;
  /** Android `intent://` URL with the package and the web fallback. */
  readonly intent?: string;
  /** An https link that opens the app on iOS where universal links work. */
  readonly universal?: string;
  /** "Open the web page inside app X" links, per app. */
  readonly wrappers?: Partial<Readonly<Record<AppId, string>>>;
  /** The table's confidence in each form built. */
  readonly confidence: Partial<Readonly<Record<'scheme' | 'intent' | 'universal', Confidence>>>;
  /** Forms used here that the notes mark as unconfirmed, with why. */
  readonly unconfirmed: readonly string[];
  /** Android package of the app (for intents and store links). */
  readonly androidPackage?: string;
  /** canonical-url's judge on the target (never `danger`: that throws `unsafe_target`). */
  readonly level: 'ok' | 'caution';
  /** The judge's reasons. */
  readonly reasons: readonly TargetReason[];
}
