// inspectHost: what a host is and what is suspicious about it.

import { CanonicalUrlError, preview } from './errors.js';
import { rowForHost } from './host.js';
import { ipLiteralOf, isInternalName, stripTrailingDots } from './ip-literal.js';
import { isMixedScript, lookalikes } from './lookalike.js';
import { toUnicodeHost } from './punycode.js';
import { whatwgPreprocess, writtenScheme } from './scheme.js';
import type { PlatformId } from './types.js';

/** A warning about a host. `lookalike:<platform>` names the platform it imitates. */
/**
 * A warning about a host. `ip-literal`: an IP address in any spelling (`2130706433`, `0x7f000001..`,
 * `[::ffff:127.0.0.1]`), whatever its range; `private-network`: a name that only resolves inside a
 * network (`localhost`, `.internal`, a single label); `lookalike:<platform>` names the platform it
 * imitates.
 */
export type HostWarning =
  | 'ip-literal'
  | 'private-network'
  | 'idn-mixed-script'
  | 'idn'
  | `lookalike:${PlatformId}`;

/** What `inspectHost` found. */
export interface HostReport {
  /** The host in ASCII (punycode), lower case, without a trailing dot. */
  readonly host: string;
  /** The host with punycode labels decoded, for display. */
  readonly unicodeHost: string;
  /** The platform the host really belongs to, or `null`. */
  readonly platform: PlatformId | null;
  readonly warnings: readonly HostWarning[];
}

/** The longest host or URL `inspectHost` reads. */
export const MAX_HOST_INPUT = 8192;

/**
 * The host of a bare host or a URL as the URL parser reads it (WHATWG host parsing): lower case, trailing
 * dots kept, `''` for none. Throws the URL parser's `TypeError` when the text does not parse.
 */
export function readHost(text: string): string {
  // Only a scheme followed by `//` has a host: `localhost:8080` is a host and port.
  const pre = whatwgPreprocess(text);
  const scheme = writtenScheme(pre);
  const hasScheme = scheme !== null && pre.startsWith('//', scheme.length + 1);
  const parsed = new URL(hasScheme ? text : `http://${text}`);
  let host = parsed.hostname;
  // An app link's host (its URL has no origin) is opaque to the URL parser (no IDNA, no IPv4 reading):
  // read it again as a web host, so that one that is no valid web host (`x.xn--pokxncvks75dyfm.tb.cn`,
  // bad punycode) is refused. (`file:` has no origin either; its host is read the web's way already.)
  if (host && parsed.origin === 'null') host = new URL(`http://${host}/`).hostname;
  return host.toLowerCase();
}

/** Parses a bare host or a URL into a normalised ASCII host (WHATWG host parsing). */
export function parseHost(hostOrUrl: string): string {
  if (typeof hostOrUrl !== 'string') {
    throw new CanonicalUrlError('invalid_input', `expected a host string, found ${typeof hostOrUrl}`);
  }
  if (hostOrUrl.length > MAX_HOST_INPUT) {
    throw new CanonicalUrlError(
      'too_long',
      `expected at most ${MAX_HOST_INPUT} characters, found ${hostOrUrl.length}`,
    );
  }
  let host: string;
  try {
    host = readHost(hostOrUrl.trim());
  } catch (cause) {
    throw new CanonicalUrlError('invalid_url', `expected a host or URL, found ${preview(hostOrUrl)}`, {
      cause,
    });
  }
  if (!host) throw new CanonicalUrlError('invalid_url', `no host in ${preview(hostOrUrl)}`);
  return stripTrailingDots(host);
}

/**
 * Says what a host is and what is suspicious about it: an IP literal, a mixed-script IDN, or a
 * look-alike of a platform domain (one edit away from it, containing it, or spelling it with
 * confusable characters) that does not belong to the platform.
 * @example
 * inspectHost('item.taobao.com.evil.example').warnings // ['lookalike:taobao']
 * inspectHost('xn--tobao-3ve.com').warnings           // ['idn', 'idn-mixed-script', 'lookalike:taobao']
 * inspectHost('item.taobao.com')                      // { platform: 'taobao', warnings: [] }
 */
export function inspectHost(hostOrUrl: string): HostReport {
  return reportHost(parseHost(hostOrUrl));
}

/** `inspectHost` of a host the URL parser already normalised (lower-case ASCII, no trailing dots). */
export function reportHost(host: string): HostReport {
  const unicodeHost = toUnicodeHost(host);
  const row = rowForHost(host);
  const warnings: HostWarning[] = [];
  if (ipLiteralOf(host) !== null) warnings.push('ip-literal');
  else if (isInternalName(host)) warnings.push('private-network');
  if (unicodeHost !== host) {
    warnings.push('idn');
    if (unicodeHost.split('.').some(isMixedScript)) warnings.push('idn-mixed-script');
  }
  if (!row) for (const id of lookalikes(host, unicodeHost)) warnings.push(`lookalike:${id}`);
  return { host, unicodeHost, platform: row?.id ?? null, warnings };
}
