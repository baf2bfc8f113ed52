/// <reference types="node" />
/**
 * @sharekit/canonical-url/node — the main entry plus `safeFetch`, a fetch for `resolveShortLink`
 * that checks the address it actually connects to: DNS answers included, so a public-looking name
 * that resolves to a private, loopback or link-local address is refused before any connection.
 */
import { lookup as dnsLookup } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';
import { Readable } from 'node:stream';
import { addressRange, targetProblem } from './address.js';
import { CanonicalUrlError, preview } from './errors.js';
import type { FetchLike, FetchResponseLike } from './resolve.js';

/** One DNS answer. */
export interface LookupAnswer {
  readonly address: string;
  /** 4 or 6. */
  readonly family: number;
}

/** Resolves a host name to its addresses (the system resolver by default; a fake in tests). */
export type Lookup = (hostname: string) => Promise<readonly LookupAnswer[]>;

/** Options of `createSafeFetch`. */
export interface SafeFetchOptions {
  /**
   * Connect to private, loopback, link-local and internal addresses and any port — only for services
   * that run inside your own network. @default false
   */
  readonly allowPrivateNetwork?: boolean;
  /** How host names become addresses. @default the system resolver (`dns.lookup`, every answer) */
  readonly lookup?: Lookup;
}

const systemLookup: Lookup = (hostname) =>
  new Promise((resolve, reject) => {
    dnsLookup(hostname, { all: true, verbatim: true }, (error, answers) =>
      error ? reject(error) : resolve(answers),
    );
  });

function blocked(url: string, why: string): CanonicalUrlError {
  return new CanonicalUrlError('blocked_target', `refused to connect for ${preview(url)}: ${why}`);
}

type LookupCallback = (
  error: Error | null,
  address: string | { address: string; family: number }[],
  family?: number,
) => void;

/** Node's `lookup` hook: every answer must be public, or none is used. */
function checkedLookup(url: string, lookup: Lookup, allowPrivate: boolean) {
  return (hostname: string, options: { all?: boolean }, callback: LookupCallback): void => {
    lookup(hostname).then(
      (answers) => {
        if (answers.length === 0) {
          callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), '');
          return;
        }
        const bad = allowPrivate ? undefined : answers.find((a) => addressRange(a.address) !== 'unicast');
        if (bad) {
          callback(
            blocked(url, `${hostname} resolves to ${addressRange(bad.address)} address ${bad.address}`),
            '',
          );
          return;
        }
        const list = answers.map((a) => ({ address: a.address, family: a.family }));
        const first = list[0] as { address: string; family: number };
        if (options.all) callback(null, list);
        else callback(null, first.address, first.family);
      },
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), ''),
    );
  };
}

const NULL_BODY = new Set([101, 204, 205, 304]);

function toResponse(res: http.IncomingMessage): FetchResponseLike {
  const headers = new Headers();
  for (const [name, value] of Object.entries(res.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  const status = res.statusCode ?? 0;
  if (NULL_BODY.has(status) || status < 200) {
    res.resume();
    return { status, headers, body: null, text: async () => '' };
  }
  const body = Readable.toWeb(res) as ReadableStream<Uint8Array>;
  return new Response(body, { status, headers });
}

/**
 * Makes a fetch for `resolveShortLink` / `resolve` that goes only to public addresses: the URL is
 * checked (http(s), port 80/443, no private IP literal in any spelling, no internal name), then every
 * DNS answer for its host, then the address the socket really connected to. Redirects are never
 * followed by the fetch itself (`resolveShortLink` reads `Location` and checks each hop).
 * Refusals reject with `CanonicalUrlError` code `blocked_target`.
 * @example
 * import { createSafeFetch, resolveShortLink } from '@sharekit/canonical-url/node';
 * const { url } = await resolveShortLink('https://b23.tv/TUMG3e5', { fetch: createSafeFetch() });
 */
export function createSafeFetch(options: SafeFetchOptions = {}): FetchLike {
  const allowPrivate = options.allowPrivateNetwork === true;
  const lookup = options.lookup ?? systemLookup;
  return (url, init) =>
    new Promise<FetchResponseLike>((resolve, reject) => {
      const problem = targetProblem(url, { allowPrivateNetwork: allowPrivate });
      if (problem !== null) {
        reject(blocked(url, problem));
        return;
      }
      const target = new URL(url);
      const request = target.protocol === 'https:' ? https.request : http.request;
      const req = request(target, {
        method: 'GET',
        headers: init.headers,
        agent: false,
        lookup: checkedLookup(url, lookup, allowPrivate) as never,
        ...(init.signal ? { signal: init.signal } : {}),
      });
      req.on('socket', (socket: Socket) => {
        socket.once('connect', () => {
          const address = socket.remoteAddress;
          if (!allowPrivate && (address === undefined || addressRange(address) !== 'unicast')) {
            req.destroy(blocked(url, `connected to ${address ?? 'an unknown address'}`));
          }
        });
      });
      req.on('response', (res) => resolve(toResponse(res)));
      req.on('error', reject);
      req.end();
    });
}

/**
 * `createSafeFetch()` with the defaults: public addresses only, the system resolver.
 * @example
 * import { safeFetch } from '@sharekit/canonical-url/node';
 * await resolveShortLink('https://m.tb.cn/h.3m5PFm3', { fetch: safeFetch });
 */
export const safeFetch: FetchLike = createSafeFetch();

export * from './index.js';
