import { describe, expect, it } from 'vitest';
import { thrownCode } from '../test/thrown.js';
import { type DocumentLike, type OpenPlan, openApp } from './browser.js';

/** A page with a fake clock: timers run only when `tick` advances past them. */
function fakePage() {
  const listeners = new Map<string, Set<() => void>>();
  const visits: string[] = [];
  let now = 0;
  let nextId = 1;
  const timers = new Map<number, { at: number; cb: () => void }>();
  const doc: DocumentLike & { hidden: boolean } = {
    hidden: false,
    addEventListener: (type, fn) => {
      if (!listeners.has(type)) listeners.set(type, new Set());
      listeners.get(type)!.add(fn);
    },
    removeEventListener: (type, fn) => listeners.get(type)?.delete(fn),
  };
  const win = {
    location: {
      get href() {
        return visits.at(-1) ?? 'https://shop.example/';
      },
      set href(url: string) {
        visits.push(url);
      },
    },
  };
  return {
    doc,
    win,
    visits,
    listenerCount: () => [...listeners.values()].reduce((n, s) => n + s.size, 0),
    options: {
      window: win,
      document: doc,
      setTimeout: (cb: () => void, ms: number) => {
        const id = nextId++;
        timers.set(id, { at: now + ms, cb });
        return id;
      },
      clearTimeout: (id: unknown) => {
        timers.delete(id as number);
      },
    },
    pendingTimers: () => timers.size,
    tick(ms: number) {
      now += ms;
      for (const [id, t] of [...timers].sort((a, b) => a[1].at - b[1].at)) {
        if (t.at <= now && timers.has(id)) {
          timers.delete(id);
          t.cb();
        }
      }
    },
    hide() {
      doc.hidden = true;
      for (const fn of [...(listeners.get('visibilitychange') ?? [])]) fn();
    },
    pagehide() {
      for (const fn of [...(listeners.get('pagehide') ?? [])]) fn();
    },
  };
}

const env = { os: 'android', inApp: null, inAppVersion: null, browser: 'vendor' };
const SCHEME_PLAN: OpenPlan = {
  environment: env,
  web: 'https://www.xiaohongshu.com/explore/64b5f3a2000000001e03a1b2',
  steps: [
    {
      action: 'open',
      via: 'scheme',
      url: 'xhsdiscover://item/64b5f3a2000000001e03a1b2',
      needsUserGesture: false,
      reason: 'r',
    },
    {
      action: 'web',
      url: 'https://www.xiaohongshu.com/explore/64b5f3a2000000001e03a1b2',
      afterMs: 2500,
      reason: 'r',
    },
  ],
};

describe('openApp', () => {
  it('tries the scheme and cancels the fallback when the page is hidden (the app opened)', async () => {
    const page = fakePage();
    const done = openApp(SCHEME_PLAN, page.options);
    expect(page.visits).toEqual(['xhsdiscover://item/64b5f3a2000000001e03a1b2']);
    page.tick(1000);
    page.hide();
    page.tick(5000);
    await expect(done).resolves.toEqual({ outcome: 'app-opened', step: 0 });
    expect(page.visits).toHaveLength(1);
    expect(page.pendingTimers()).toBe(0);
    expect(page.listenerCount()).toBe(0);
  });

  it('falls back to the web page after the timeout when the page stays visible', async () => {
    const page = fakePage();
    const done = openApp(SCHEME_PLAN, page.options);
    page.tick(2499);
    expect(page.visits).toHaveLength(1);
    page.tick(1);
    await expect(done).resolves.toEqual({ outcome: 'fallback', step: 1 });
    expect(page.visits).toEqual([SCHEME_PLAN.steps[0]!.url, SCHEME_PLAN.web]);
    expect(page.listenerCount()).toBe(0);
  });

  it('treats pagehide as the app opening', async () => {
    const page = fakePage();
    const done = openApp(SCHEME_PLAN, page.options);
    page.pagehide();
    page.tick(3000);
    await expect(done).resolves.toMatchObject({ outcome: 'app-opened' });
    expect(page.visits).toHaveLength(1);
  });

  it('does not fall back when the page was hidden by the time the timer fires', async () => {
    const page = fakePage();
    const done = openApp(SCHEME_PLAN, page.options);
    page.doc.hidden = true; // hidden without an event (some web views)
    page.tick(2500);
    await expect(done).resolves.toMatchObject({ outcome: 'app-opened' });
    expect(page.visits).toHaveLength(1);
  });

  it('shows the guide through onGuide and navigates nowhere', async () => {
    const page = fakePage();
    const shown: string[] = [];
    const plan: OpenPlan = {
      environment: { ...env, inApp: 'wechat' },
      web: 'https://item.jd.com/1.html',
      steps: [{ action: 'guide', guide: 'open-in-browser', url: 'https://item.jd.com/1.html', reason: 'r' }],
    };
    await expect(openApp(plan, { ...page.options, onGuide: (s) => shown.push(s.url) })).resolves.toEqual({
      outcome: 'guided',
      step: 0,
    });
    expect(shown).toEqual(['https://item.jd.com/1.html']);
    expect(page.visits).toEqual([]);
  });

  it('shows the guide after the universal link did not open the app', async () => {
    const page = fakePage();
    let guided = 0;
    const plan: OpenPlan = {
      environment: { ...env, os: 'ios', inApp: 'wechat' },
      web: 'https://item.jd.com/1.html',
      steps: [
        {
          action: 'open',
          via: 'universal',
          url: 'https://linkst.m.jd.com/ul/ul.action?x',
          needsUserGesture: false,
          reason: 'r',
        },
        {
          action: 'guide',
          guide: 'open-in-browser',
          url: 'https://item.jd.com/1.html',
          afterMs: 2000,
          reason: 'r',
        },
      ],
    };
    const done = openApp(plan, { ...page.options, onGuide: () => guided++ });
    page.tick(2000);
    await expect(done).resolves.toEqual({ outcome: 'guided', step: 1 });
    expect(guided).toBe(1);
  });

  it('navigates straight to a web-only plan', async () => {
    const page = fakePage();
    const plan: OpenPlan = {
      environment: env,
      web: 'https://a.example/',
      steps: [{ action: 'web', url: 'https://a.example/', reason: 'r' }],
    };
    await expect(openApp(plan, page.options)).resolves.toEqual({ outcome: 'navigated', step: 0 });
    expect(page.visits).toEqual(['https://a.example/']);
  });

  it('refuses a plan with a javascript:, data: or scheme-relative URL before navigating anywhere', () => {
    for (const url of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      'data:text/html,x',
      '//evil.example/',
      'java\nscript:x',
      '',
    ]) {
      const page = fakePage();
      const plan: OpenPlan = {
        environment: env,
        web: 'https://a.example/',
        steps: [{ action: 'web', url, reason: 'r' }],
      };
      expect(
        thrownCode(() => openApp(plan, page.options)),
        url,
      ).toBe('invalid_plan');
      expect(page.visits).toEqual([]);
    }
  });

  it('refuses a malformed plan', () => {
    const page = fakePage();
    for (const plan of [
      null,
      {},
      { steps: [] },
      { steps: [{ action: 'explode', url: 'https://a.example/' }] },
    ]) {
      expect(thrownCode(() => openApp(plan as unknown as OpenPlan, page.options))).toBe('invalid_plan');
    }
  });
});
