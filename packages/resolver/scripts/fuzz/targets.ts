/**
 * The public decoders under fuzz and what each must hold for any input: it returns or throws only
 * its package's typed error with a documented code; every link it gives is http(s); a link said to
 * belong to a platform is on that platform's own host; the short-link follower asks the network only
 * for public targets; canonicalize is idempotent.
 */
import {
  CANONICAL_URL_ERROR_CODES,
  canonicalize,
  type FetchLike,
  type FetchResponseLike,
  identify,
  inspectHost,
  isCanonicalUrlError,
  judgeTarget,
  type LinkIdentity,
  PLATFORM_IDS,
  platformOf,
  targetProblem,
  tryPlatformOf,
} from '@sharekit/canonical-url';
import { DEEP_LINK_ERROR_CODES, isDeepLinkError, isUnsafeAppLink, parseAppLink } from '@sharekit/deep-link';
import {
  decodeToken,
  findTokens,
  isShareTokenError,
  parseShareText,
  SHARE_TOKEN_ERROR_CODES,
  sharekitTokens,
} from '@sharekit/share-token';
import { mulberry32 } from '../../../../test-utils/prng.js';
import { resolve } from '../../src/index.js';
import { FRAGMENTS } from './inputs.js';

/** A problem found with one input, or null. */
export type Check = string | null;

export interface Target {
  readonly name: string;
  run(input: string): Check | Promise<Check>;
}

const PLATFORMS = new Set<string>(PLATFORM_IDS);

function typed(error: unknown, guard: (e: unknown) => boolean, codes: object, name: string): Check {
  if (guard(error) && Object.hasOwn(codes, (error as { code: string }).code)) return null;
  const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return `threw an undocumented error (${name} expected): ${what.slice(0, 200)}`;
}

/** A link given out: http(s), and on the claimed platform's own host when one is claimed. */
function checkLink(url: unknown, where: string, platform?: string | null): Check {
  if (url === null || url === undefined) return null;
  if (typeof url !== 'string') return `${where}: a link that is not a string`;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `${where}: a link that does not parse: ${url.slice(0, 200)}`;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    return `${where}: a ${parsed.protocol} link`;
  if (platform && PLATFORMS.has(platform)) {
    const owner = tryPlatformOf(url);
    if (owner !== platform)
      return `${where}: ${platform} link on host ${parsed.hostname} (belongs to ${owner})`;
  }
  return null;
}

function checkIdentity(identity: LinkIdentity | null | undefined, where: string): Check {
  if (!identity) return null;
  return first(
    checkLink(identity.url, `${where}.identity`, identity.platform),
    checkJudged(identity.url, `${where}.identity.url`),
  );
}

/** A link a reader gives as safe to open is never one the judge refuses (look-alike host, private address, …). */
function checkJudged(url: string | null, where: string): Check {
  return url !== null && judgeTarget(url).level === 'danger'
    ? `${where}: a link the judge refuses ${url.slice(0, 200)}`
    : null;
}

function first(...checks: Check[]): Check {
  for (const c of checks) if (c !== null) return c;
  return null;
}

function shareTokenError(e: unknown): Check {
  return typed(e, isShareTokenError, SHARE_TOKEN_ERROR_CODES, 'ShareTokenError');
}
function canonicalError(e: unknown): Check {
  return typed(e, isCanonicalUrlError, CANONICAL_URL_ERROR_CODES, 'CanonicalUrlError');
}

/** A resolution: links are http(s), never to a lookalike, never given for danger. */
function checkResolution(r: Awaited<ReturnType<typeof resolve>>): Check {
  for (const [i, c] of r.candidates.entries()) {
    if (c.link === null) continue;
    const bad = checkLink(c.link, `candidates[${i}].link`, c.identity?.platform);
    if (bad) return bad;
    if (c.safety.level === 'danger') return `candidates[${i}]: a link for a danger target: ${c.link}`;
    const host = new URL(c.link).hostname;
    let warnings: readonly string[] = [];
    try {
      warnings = inspectHost(host).warnings;
    } catch {
      warnings = [];
    }
    if (warnings.some((w) => w.startsWith('lookalike:'))) {
      return `candidates[${i}]: a link to a lookalike host ${host} (${c.safety.level})`;
    }
  }
  if (r.link !== (r.candidates[0]?.link ?? null)) return 'top-level link differs from the first candidate';
  return null;
}

const HOSTILE_TARGETS = [
  'http://127.0.0.1/',
  'http://0x7f000001/',
  'http://2130706433../',
  'http://[::ffff:169.254.169.254]/',
  'http://localhost./',
  'http://metadata.google.internal/',
  'http://10.0.0.1:8080/',
  'javascript:alert(1)',
  'https://item.taobao.com.evil.example/item.htm?id=1',
  'https://item.taobao.com/item.htm?id=634567890123',
  '//b23.tv/x',
  '/relative',
];

/** A fetch that answers from memory, deterministically per input, with redirects to hostile targets. */
function hostileFetch(input: string, problems: string[]): FetchLike {
  let h = 0;
  for (let i = 0; i < input.length; i++) h = (Math.imul(h, 31) + input.charCodeAt(i)) | 0;
  const r = mulberry32(h);
  return (url) => {
    const problem = targetProblem(url);
    if (problem !== null) problems.push(`fetch asked for a blocked target ${url.slice(0, 120)} (${problem})`);
    const pickTarget = () =>
      r() < 0.6
        ? (HOSTILE_TARGETS[Math.floor(r() * HOSTILE_TARGETS.length)] as string)
        : `https://${FRAGMENTS[Math.floor(r() * FRAGMENTS.length)]}${input.slice(0, 60)}`;
    const kind = Math.floor(r() * 6);
    const location = pickTarget();
    const response: FetchResponseLike =
      kind <= 2
        ? {
            status: [301, 302, 307][kind] as number,
            headers: { get: (n) => (n === 'location' ? location : null) },
            text: async () => '',
          }
        : kind === 3
          ? {
              status: 200,
              headers: { get: () => null },
              text: async () =>
                `<script>var url = '${location}';</script><meta http-equiv="refresh" content="0;url=${location}">`,
            }
          : kind === 4
            ? ({ status: 302 } as unknown as FetchResponseLike)
            : { status: 200, headers: { get: () => null }, text: async () => input };
    return Promise.resolve(response);
  };
}

export const TARGETS: readonly Target[] = [
  {
    name: 'parseShareText',
    run(input) {
      let matches: ReturnType<typeof parseShareText>;
      try {
        matches = parseShareText(input, { sharekitTokens });
      } catch (e) {
        return shareTokenError(e);
      }
      for (const [i, m] of matches.entries()) {
        const bad = first(
          checkLink(m.url, `[${i}].url`),
          checkLink(m.canonicalUrl, `[${i}].canonicalUrl`),
          checkIdentity(m.identity, `[${i}]`),
          checkJudged(m.url, `[${i}].url`),
        );
        if (bad) return bad;
      }
      return null;
    },
  },
  {
    name: 'findTokens',
    run(input) {
      try {
        for (const [i, m] of findTokens(input).entries()) {
          const bad = first(checkLink(m.url, `[${i}].url`), checkIdentity(m.identity, `[${i}]`));
          if (bad) return bad;
        }
      } catch (e) {
        return shareTokenError(e);
      }
      return null;
    },
  },
  {
    name: 'decodeToken',
    run(input) {
      try {
        const d = decodeToken(input);
        return first(checkLink(d.url, 'url'), checkIdentity(d.identity, 'token'));
      } catch (e) {
        return shareTokenError(e);
      }
    },
  },
  {
    name: 'identify',
    run(input) {
      try {
        return checkIdentity(identify(input), 'identify');
      } catch (e) {
        return canonicalError(e);
      }
    },
  },
  {
    name: 'canonicalize',
    run(input) {
      let once: string;
      try {
        once = canonicalize(input);
      } catch (e) {
        return canonicalError(e);
      }
      const bad = checkLink(once, 'canonicalize');
      if (bad) return bad;
      try {
        const twice = canonicalize(once);
        return twice === once ? null : `not idempotent: ${once.slice(0, 120)} → ${twice.slice(0, 120)}`;
      } catch (e) {
        return `canonicalize refuses its own output ${once.slice(0, 120)}: ${String(e).slice(0, 120)}`;
      }
    },
  },
  {
    name: 'parseAppLink',
    run(input) {
      try {
        const r = parseAppLink(input);
        if (r === null || isUnsafeAppLink(r)) return null;
        return first(checkLink(r.webUrl, 'webUrl', r.platform), checkJudged(r.webUrl, 'webUrl'));
      } catch (e) {
        return typed(e, isDeepLinkError, DEEP_LINK_ERROR_CODES, 'DeepLinkError');
      }
    },
  },
  {
    name: 'inspectHost (judge)',
    run(input) {
      try {
        const report = inspectHost(input);
        // A host with escapes is an app link's opaque host, never a web host the resolver links.
        if (report.platform === null || report.host.includes('%')) return null;
        let owner: string | null;
        try {
          owner = platformOf(`https://${report.host}/`);
        } catch {
          return null; // not a web host (an app link's opaque host): the resolver never links it
        }
        return owner === report.platform ? null : `inspectHost says ${report.platform} for ${report.host}`;
      } catch (e) {
        return canonicalError(e);
      }
    },
  },
  {
    name: 'judgeTarget',
    run(input) {
      try {
        const r = judgeTarget(input);
        if (r.url !== null && (r.level as string) === 'danger')
          return `a URL to open for a danger target: ${r.url}`;
        return first(checkLink(r.url, 'url', r.identity?.platform), checkIdentity(r.identity, 'judge'));
      } catch (e) {
        return `judgeTarget threw on a string: ${String(e).slice(0, 200)}`;
      }
    },
  },
  {
    name: 'resolve (text)',
    async run(input) {
      try {
        return checkResolution(await resolve(input));
      } catch (e) {
        return `resolve threw: ${String(e).slice(0, 200)}`;
      }
    },
  },
  {
    name: 'resolve (text, hostile fetch)',
    async run(input) {
      const problems: string[] = [];
      try {
        const r = await resolve(input, { fetch: hostileFetch(input, problems), timeoutMs: 2000 });
        return problems[0] ?? checkResolution(r);
      } catch (e) {
        return `resolve threw: ${String(e).slice(0, 200)}`;
      }
    },
  },
];
