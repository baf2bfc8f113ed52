/*
 * The shape of an open plan: shared by `planOpen` (main entry) and `openApp` (browser entry) as
 * types only, so the browser entry stays free of the table and of canonical-url.
 */

/** Navigate to an app link. */
export interface OpenLinkStep {
  readonly action: 'open';
  readonly via: 'universal' | 'scheme' | 'intent' | 'yyb';
  readonly url: string;
  /** Browsers only launch it from a tap or click (Chrome ignores intents fired from timers). */
  readonly needsUserGesture: boolean;
  /** Run this long after the previous step, and only if the page is still visible. */
  readonly afterMs?: number;
  readonly reason: string;
}

/** Navigate to the web page (immediately, or as the fallback after a timeout). */
export interface OpenWebStep {
  readonly action: 'web';
  readonly url: string;
  readonly afterMs?: number;
  readonly reason: string;
}

/** Show the "open in the browser" overlay (and offer to copy the link): nothing else can work here. */
export interface OpenGuideStep {
  readonly action: 'guide';
  readonly guide: 'open-in-browser';
  /** The link to copy or to open once outside the in-app browser. */
  readonly url: string;
  readonly afterMs?: number;
  readonly reason: string;
}

export type OpenStep = OpenLinkStep | OpenWebStep | OpenGuideStep;

/** Where the page runs, as `planOpen` read it from the user agent. */
export interface OpenEnvironment {
  readonly os: string;
  /** The host app of an in-app browser, or `null`. */
  readonly inApp: string | null;
  readonly inAppVersion: string | null;
  readonly browser: string;
}

/** What `planOpen` decided: ordered steps, each with the reason for it. */
export interface OpenPlan {
  readonly environment: OpenEnvironment;
  readonly web: string;
  readonly steps: readonly OpenStep[];
}
