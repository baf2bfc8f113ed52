import { describe, expect, it } from 'vitest';
import { USER_AGENTS } from '../test/fixtures/user-agents.js';
import { toAppLinks } from './build.js';
import { isDeepLinkError } from './errors.js';
import { isUnsafeAppLink, parseAppLink } from './parse.js';
import { planOpen } from './plan.js';

const SPOOF = 'https://item.taobao.com@evil.example/item.htm?id=634567890123';
const enc = encodeURIComponent;

/** Issue 15 finding 7: a platform host written as the user name, carried every way deep-link reads. */
const CARRIERS: readonly [string, string][] = [
  ['a Taobao web view', `tbopen://m.taobao.com/tbopen/index.html?h5Url=${enc(SPOOF)}`],
  ['an intent fallback', `intent://x#Intent;scheme=taobao;S.browser_fallback_url=${enc(SPOOF)};end`],
];

function codeOf(run: () => unknown): string | null {
  try {
    run();
    return null;
  } catch (error) {
    return isDeepLinkError(error) ? error.code : `foreign ${String(error)}`;
  }
}

describe('issue 15 finding 7: https://item.taobao.com@evil.example/… is never handed out', () => {
  it.each(CARRIERS)('parseAppLink flags it inside %s', (_name, link) => {
    const r = parseAppLink(link);
    expect(r !== null && isUnsafeAppLink(r) && r.danger).toBe('lookalike-host');
  });

  it.each([['the bare link', SPOOF], ...CARRIERS])('toAppLinks refuses %s', (_name, link) => {
    expect(codeOf(() => toAppLinks(link))).toBe('unsafe_target');
  });

  it('planOpen refuses it for every user agent', () => {
    for (const ua of USER_AGENTS) {
      expect(codeOf(() => planOpen({ target: SPOOF, userAgent: ua.ua }))).toBe('unsafe_target');
    }
  });
});

describe('issue 15 finding 3: homographs of platform domains never become app links', () => {
  it.each(['https://tàobáo.com/item.htm?id=1', 'https://тікток.com/@a/video/1', 'https://таоbао.co/'])(
    'toAppLinks refuses %s, and parseAppLink flags it inside a web view',
    (target) => {
      expect(codeOf(() => toAppLinks(target))).toBe('unsafe_target');
      const r = parseAppLink(`tbopen://m.taobao.com/tbopen/index.html?h5Url=${enc(target)}`);
      expect(r !== null && isUnsafeAppLink(r)).toBe(true);
    },
  );
});
