/**
 * Conformance of the parse layer against the WHATWG URL test data (web-platform-tests
 * `urltestdata.json`). The data is not shipped with the package: it is read from
 * `../shared/corpora/url/` (or `$SHAREKIT_SHARED/corpora/url/`) when present, and the suite is
 * reported as skipped otherwise.
 *
 * What is checked, for every test whose `base` is null (an absolute URL on its own):
 * - an expected failure is a `CanonicalUrlError` (`invalid_url` or `unsupported_scheme`), never
 *   another exception — except inputs with no scheme at all, which the parse layer reads as
 *   `https://<input>` by design; those must agree with WHATWG parsing of that completed string;
 * - an http(s) result has the same host, port, path, query and fragment as WHATWG's, after the
 *   documented extra normalisation (trailing host dot, escape case, unreserved escapes);
 * - any other scheme is refused with `unsupported_scheme`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isCanonicalUrlError } from '../src/errors.js';
import { stripTrailingDots } from '../src/ip-literal.js';
import { whatwgPreprocess } from '../src/scheme.js';
import { normalizeEscapes, parseUrl } from '../src/url.js';

const here = dirname(fileURLToPath(import.meta.url));
const shared = process.env.SHAREKIT_SHARED ?? join(here, '..', '..', '..', '..', 'shared');
const file = join(shared, 'corpora', 'url', 'urltestdata.json');
const present = existsSync(file);

interface Case {
  input: string;
  base: string | null;
  failure?: boolean;
  protocol?: string;
  hostname?: string;
  port?: string;
  pathname?: string;
  search?: string;
  hash?: string;
}

const cases: Case[] = present
  ? (JSON.parse(readFileSync(file, 'utf8')) as unknown[]).filter(
      (c): c is Case => typeof c === 'object' && c !== null && (c as Case).base === null,
    )
  : [];

const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;

/**
 * Where this layer knowingly differs from the current test data, and why. Each is asserted to be
 * refused with a typed `invalid_url`, so a change in behaviour shows up here.
 * - Node 20's URL parser (ada 2.x) predates the spec change that accepts `xn--` labels that are
 *   not valid punycode; it throws, so the layer refuses them.
 * - A host made only of dots (`http://./`) is valid WHATWG but empty once the trailing dots are
 *   stripped: not a link anyone can click, so it is refused.
 * - A domain whose last label is numeric once its trailing dots go (`http://foo.09..`) is valid WHATWG
 *   only because of the dots; without them the parser reads it as a broken IPv4 address. Stripping the
 *   dots and keeping the host would write a link that does not parse (issue 15, finding 10), so it is
 *   refused like `2130706433..`'s cousins that do not resolve to an address.
 */
const KNOWN_DEVIATIONS = new Set([
  'http://a.b.c.xn--pokxncvks',
  'http://10.0.0.xn--pokxncvks',
  'http://a.b.c.XN--pokxncvks',
  'http://a.b.c.Xn--pokxncvks',
  'http://10.0.0.XN--pokxncvks',
  'http://10.0.0.xN--pokxncvks',
  'https://xn--/',
  'http://./',
  'http://../',
  'http://foo.09..',
]);

function expectedFromWhatwg(url: URL) {
  return {
    host: stripTrailingDots(url.hostname.toLowerCase()),
    port: url.port,
    path: normalizeEscapes(url.pathname || '/'),
    query: normalizeEscapes(url.search.slice(1))
      .split('&')
      .filter((p) => p !== ''),
    fragment: url.hash.length > 1 ? normalizeEscapes(url.hash.slice(1)) : '',
  };
}

function actual(input: string) {
  const p = parseUrl(input, 1 << 20);
  return { host: p.host, port: p.port, path: p.path, query: p.query.map((q) => q.raw), fragment: p.fragment };
}

describe.skipIf(!present)('WHATWG urltestdata.json: the parse layer', () => {
  it('has the test data', () => {
    expect(cases.length).toBeGreaterThan(400);
  });

  it.each(cases.map((c, i) => [i, JSON.stringify(c.input).slice(0, 60), c] as const))(
    'case %i %s',
    (_i, _label, c) => {
      if (KNOWN_DEVIATIONS.has(c.input)) {
        let code: string | undefined;
        try {
          parseUrl(c.input, 1 << 20);
        } catch (error) {
          code = isCanonicalUrlError(error) ? error.code : String(error);
        }
        expect(code).toBe('invalid_url');
        return;
      }
      const text = whatwgPreprocess(c.input);
      const hasScheme = SCHEME.exec(text) !== null && !(SCHEME.exec(text)?.[0] ?? '').includes('.');
      if (c.failure) {
        if (!hasScheme) {
          // Scheme-less input is completed to https by design.
          let completed: URL | null = null;
          try {
            completed = new URL(text.startsWith('//') ? `https:${text}` : `https://${text}`);
          } catch {}
          if (completed && stripTrailingDots(completed.hostname) !== '') {
            expect(actual(c.input)).toEqual(expectedFromWhatwg(completed));
            return;
          }
        }
        let thrown: unknown;
        try {
          parseUrl(c.input, 1 << 20);
        } catch (error) {
          thrown = error;
        }
        expect(isCanonicalUrlError(thrown), String(thrown)).toBe(true);
        expect(['invalid_url', 'unsupported_scheme']).toContain((thrown as { code: string }).code);
        return;
      }
      if (c.protocol === 'http:' || c.protocol === 'https:') {
        expect(actual(c.input)).toEqual(expectedFromWhatwg(new URL(c.input)));
        // And the parse agrees with the test data itself, not only with this runtime's URL.
        expect(actual(c.input).host).toBe(stripTrailingDots((c.hostname ?? '').toLowerCase()));
        expect(actual(c.input).port).toBe(c.port);
        return;
      }
      let code: string | undefined;
      try {
        parseUrl(c.input, 1 << 20);
      } catch (error) {
        code = isCanonicalUrlError(error) ? error.code : String(error);
      }
      expect(code).toBe(hasScheme ? 'unsupported_scheme' : code);
    },
  );
});
