// Every reason of canonical-url's one judge, walked through every entry point that hands out links:
// the resolver, deep-link build and parse, poster targets, token decode and this page's read path.
// Each must give the level the judge gives, and none may hand out a link for a danger target.
import {
  decodeToken,
  encodeToken,
  judgeTarget,
  parseAppLink,
  renderPoster,
  resolve,
  toAppLinks,
} from '@sharekit/resolver';
import { describe, expect, it } from 'vitest';
import cases from '../../../packages/canonical-url/test/fixtures/judge-reasons.json' with { type: 'json' };
import { candidateView } from './view.js';

type Case = (typeof cases)[number];

const errorCode = (error: unknown) => (error as { code?: unknown }).code;

/** An Android intent whose only readable target is its web fallback. */
const intentFor = (target: string) =>
  `intent://x#Intent;scheme=sharekit-test;S.browser_fallback_url=${encodeURIComponent(target)};end`;

describe.each(cases)('the one judge everywhere: $target ($code)', (c: Case) => {
  const reading = judgeTarget(c.target);

  it('is judged at the level of the fixture', () => {
    expect(reading.level).toBe(c.level);
  });

  it('gets the same level from the resolver, with a link only when not danger', async () => {
    const r = await resolve(c.target);
    expect(r.safety.level).toBe(c.level);
    expect(r.link).toBe(reading.url);
  });

  it("gets the same level on this page's read path", async () => {
    const view = candidateView((await resolve(c.target)).candidates[0]!, 0, 'en');
    expect(view.level).toBe(c.level);
    expect(view.href === null).toBe(c.level === 'danger');
  });

  it('gets the same level from deep-link build (toAppLinks), or its refusal', () => {
    if (c.level === 'danger') {
      expect(() => toAppLinks(c.target)).toThrowError(
        expect.objectContaining({ code: expect.stringMatching(/^(unsafe_target|unknown_target)$/) }),
      );
    } else {
      const links = toAppLinks(c.target);
      expect(links.level).toBe(c.level);
      expect(links.web).toBe(reading.url);
    }
  });

  it('gets the same level from deep-link parse of a wrapped target, or no link', () => {
    const parsed = parseAppLink(intentFor(c.target));
    if (c.level === 'danger') {
      expect(parsed === null || 'danger' in parsed).toBe(true);
    } else {
      expect(parsed).not.toBeNull();
      expect(parsed && 'level' in parsed ? parsed.level : null).toBe(c.level);
      expect(parsed && 'webUrl' in parsed ? parsed.webUrl : null).toBe(reading.url);
    }
  });

  it('gets the same verdict from poster targets: refused when danger, else the judged URL in the code', async () => {
    const rendering = renderPoster({ target: c.target, title: '海报' });
    if (c.level === 'danger') {
      await expect(rendering).rejects.toSatisfy((e) =>
        ['unsafe_target', 'invalid_target'].includes(String(errorCode(e))),
      );
    } else {
      expect((await rendering).payload).toBe(reading.url);
    }
  });

  it('gets the same level from token decode, and no token is made for a danger target', () => {
    if (c.level === 'danger') {
      expect(() => encodeToken(c.target, { form: 'url' })).toThrowError(
        expect.objectContaining({ code: expect.stringMatching(/^(unsafe_target|invalid_target)$/) }),
      );
      if ('token' in c && c.token) expect(decodeToken(c.token).level).toBe('danger');
    } else {
      expect(decodeToken(encodeToken(c.target, { form: 'url' })).level).toBe(c.level);
    }
  });
});
