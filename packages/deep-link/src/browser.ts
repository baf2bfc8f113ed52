import { schemeOf, UNSAFE_SCHEMES } from '@sharekit/canonical-url/core';
import { DeepLinkError } from './errors.js';
import type { OpenGuideStep, OpenPlan, OpenStep } from './plan-types.js';

/*
 * Runs an open plan in a page. No app table and, of canonical-url, only its scheme reader and the list
 * of unsafe schemes, so it stays small: the plan was made by `planOpen`, on the server or in the page.
 */

export type { OpenGuideStep, OpenLinkStep, OpenPlan, OpenStep, OpenWebStep } from './plan-types.js';

/** The parts of `window` that `openApp` uses. */
export interface WindowLike {
  readonly location: { href: string };
}

/** The parts of `document` that `openApp` uses. */
export interface DocumentLike {
  readonly hidden?: boolean;
  readonly visibilityState?: string;
  addEventListener(type: string, listener: () => void): void;
  removeEventListener(type: string, listener: () => void): void;
}

/** Options of `openApp`: everything impure is injectable, so it runs in Node with fakes. */
export interface OpenAppOptions {
  /** @default globalThis.window */
  readonly window?: WindowLike;
  /** @default globalThis.document */
  readonly document?: DocumentLike;
  /** @default globalThis.setTimeout */
  readonly setTimeout?: (callback: () => void, ms: number) => unknown;
  /** @default globalThis.clearTimeout */
  readonly clearTimeout?: (handle: unknown) => void;
  /**
   * Shows the "open in browser" overlay for a guide step (the page owns the UI).
   * @default undefined (guide steps only end the run)
   */
  readonly onGuide?: (step: OpenGuideStep) => void;
  /** Called before each step runs (logging, analytics). @default undefined */
  readonly onStep?: (step: OpenStep, index: number) => void;
}

/** How a run ended. */
export interface OpenResult {
  /**
   * `app-opened`: the page was hidden after an app link (the usual sign that the app opened);
   * `navigated`: the last step navigated away and nothing more can be observed;
   * `fallback`: the web page was opened because the app did not open in time;
   * `guided`: a guide step was shown.
   */
  readonly outcome: 'app-opened' | 'navigated' | 'fallback' | 'guided';
  /** Index of the last step that ran. */
  readonly step: number;
}

function checkUrl(url: unknown, index: number): string {
  if (typeof url !== 'string' || url.length === 0 || url.length > 16_384) {
    throw new DeepLinkError('invalid_plan', `step ${index}: expected a URL string`);
  }
  for (let i = 0; i < url.length; i++) {
    const c = url.charCodeAt(i);
    if (c <= 0x20 || c === 0x7f)
      throw new DeepLinkError('invalid_plan', `step ${index}: the URL contains a control character or space`);
  }
  const scheme = schemeOf(url);
  // A forged plan must not run script: every scheme canonical-url calls unsafe is refused.
  if (scheme === null || UNSAFE_SCHEMES.has(scheme)) {
    throw new DeepLinkError(
      'invalid_plan',
      `step ${index}: refusing to navigate to a ${scheme ?? 'scheme-less'} URL`,
    );
  }
  if (url.startsWith('//')) throw new DeepLinkError('invalid_plan', `step ${index}: scheme-relative URL`);
  return url;
}

function checkPlan(plan: unknown): readonly OpenStep[] {
  const steps = (plan as OpenPlan | null)?.steps;
  if (!Array.isArray(steps) || steps.length === 0 || steps.length > 16) {
    throw new DeepLinkError('invalid_plan', 'expected a plan with 1 to 16 steps');
  }
  steps.forEach((step: OpenStep, index) => {
    if (typeof step !== 'object' || step === null || !['open', 'web', 'guide'].includes(step.action)) {
      throw new DeepLinkError('invalid_plan', `step ${index}: unknown action`);
    }
    checkUrl(step.url, index);
    if (
      step.afterMs !== undefined &&
      (!Number.isFinite(step.afterMs) || step.afterMs < 0 || step.afterMs > 60_000)
    ) {
      throw new DeepLinkError('invalid_plan', `step ${index}: afterMs must be 0–60000`);
    }
  });
  return steps;
}

/**
 * Runs a plan from `planOpen` in a page: navigates to the app link, cancels the fallback when the
 * page is hidden (`visibilitychange`/`pagehide`: the app opened), and runs the next step (web page
 * or guide) after its timeout otherwise. Call it from a tap or click handler: browsers only open
 * apps (and Chrome only intents) from a user gesture.
 *
 * Throws `DeepLinkError` `invalid_plan` for a malformed plan or one with an unsafe URL
 * (`javascript:`, `data:`…), before anything runs.
 * @example
 * import { openApp } from '@sharekit/deep-link/browser';
 * button.addEventListener('click', async () => {
 *   const { outcome } = await openApp(plan, { onGuide: () => overlay.show() });
 * });
 */
export function openApp(plan: OpenPlan, options: OpenAppOptions = {}): Promise<OpenResult> {
  const steps = checkPlan(plan);
  const g = globalThis as unknown as { window?: WindowLike; document?: DocumentLike };
  const win = options.window ?? g.window;
  const doc = options.document ?? g.document;
  const setTimer = options.setTimeout ?? ((cb: () => void, ms: number) => globalThis.setTimeout(cb, ms));
  const clearTimer = options.clearTimeout ?? ((h: unknown) => globalThis.clearTimeout(h as number));
  if (!win || !doc) throw new DeepLinkError('invalid_plan', 'openApp needs a window and a document');

  return new Promise<OpenResult>((resolve) => {
    let timer: unknown = null;
    let done = false;
    let current = 0;
    const finish = (outcome: OpenResult['outcome']): void => {
      if (done) return;
      done = true;
      if (timer !== null) clearTimer(timer);
      doc.removeEventListener('visibilitychange', onVisibility);
      doc.removeEventListener('pagehide', onHidden);
      resolve({ outcome, step: current });
    };
    const isHidden = (): boolean => doc.hidden === true || doc.visibilityState === 'hidden';
    const onHidden = (): void => finish('app-opened');
    const onVisibility = (): void => {
      if (isHidden()) onHidden();
    };
    doc.addEventListener('visibilitychange', onVisibility);
    doc.addEventListener('pagehide', onHidden);

    const run = (index: number): void => {
      if (done) return;
      current = index;
      const step = steps[index]!;
      options.onStep?.(step, index);
      if (step.action === 'guide') {
        options.onGuide?.(step);
        finish('guided');
        return;
      }
      win.location.href = step.url;
      if (step.action === 'web') {
        finish(index === 0 ? 'navigated' : 'fallback');
        return;
      }
      const next = steps[index + 1];
      if (!next) {
        finish('navigated');
        return;
      }
      timer = setTimer(() => {
        timer = null;
        if (isHidden()) finish('app-opened');
        else run(index + 1);
      }, next.afterMs ?? 0);
    };
    run(0);
  });
}
