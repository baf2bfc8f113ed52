import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSafeFetch, type Lookup, resolveShortLink } from '../src/node.js';
import { codeOf } from './helpers.js';

/** A local server on 127.0.0.1 (the only address these tests talk to). */
let server: Server;
let port = 0;
const requests: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    if (req.url === '/short') {
      res.writeHead(302, { location: `http://item.example:${port}/item` });
      res.end();
    } else if (req.url === '/to-metadata') {
      res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' });
      res.end();
    } else {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html>item</html>');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
});

/** A fake resolver: every name in the table, nothing else; it records what it was asked. */
function fakeLookup(table: Record<string, string[]>): { lookup: Lookup; asked: string[] } {
  const asked: string[] = [];
  const lookup: Lookup = async (hostname) => {
    asked.push(hostname);
    return (table[hostname] ?? []).map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
  return { lookup, asked };
}

const init = { method: 'GET', redirect: 'manual', headers: {} } as const;

describe('safeFetch checks the address it connects to (issue 15, finding 2)', () => {
  it('refuses a public-looking name whose DNS answer is private, before connecting', async () => {
    const { lookup, asked } = fakeLookup({ 'shop.example': ['10.0.0.7'] });
    const before = requests.length;
    expect(await codeOf(createSafeFetch({ lookup })('http://shop.example/item', init))).toBe(
      'blocked_target',
    );
    expect(asked).toEqual(['shop.example']);
    expect(requests.length).toBe(before);
  });

  it('refuses a name when any one of its DNS answers is loopback', async () => {
    const { lookup } = fakeLookup({ 'mixed.example': ['::1', '127.0.0.1'] });
    expect(await codeOf(createSafeFetch({ lookup })('https://mixed.example/', init))).toBe('blocked_target');
  });

  it('refuses IP literals in any spelling without asking DNS', async () => {
    const { lookup, asked } = fakeLookup({});
    const fetch = createSafeFetch({ lookup });
    for (const url of ['http://127.0.0.1/', 'http://0x7f000001/', 'http://2130706433../', 'http://[::1]/']) {
      expect(await codeOf(fetch(url, init))).toBe('blocked_target');
    }
    expect(asked).toEqual([]);
  });

  it('refuses the local test server itself by default', async () => {
    const before = requests.length;
    expect(await codeOf(createSafeFetch()(`http://127.0.0.1:${port}/`, init))).toBe('blocked_target');
    expect(requests.length).toBe(before);
  });

  it('follows a short link through the local server when allowPrivateNetwork is set', async () => {
    const { lookup } = fakeLookup({ 'short.example': ['127.0.0.1'], 'item.example': ['127.0.0.1'] });
    const fetch = createSafeFetch({ lookup, allowPrivateNetwork: true });
    const result = await resolveShortLink(`http://short.example:${port}/short`, {
      fetch,
      allowPrivateNetwork: true,
    });
    expect(result.url).toBe(`http://item.example:${port}/item`);
    expect(result.hops.map((h) => [h.status, h.via])).toEqual([
      [302, 'location'],
      [200, 'final'],
    ]);
  });

  it('refuses a redirect to the metadata address even when the first hop was allowed', async () => {
    const { lookup } = fakeLookup({ 'short.example': ['127.0.0.1'] });
    // The fetch may reach the private test server, but the resolver's own policy stays strict.
    const fetch = createSafeFetch({ lookup, allowPrivateNetwork: true });
    const first = await fetch(`http://short.example:${port}/to-metadata`, init);
    expect(first.status).toBe(302);
    expect(first.headers.get('location')).toBe('http://169.254.169.254/latest/meta-data/');
    const { fetch: strict } = { fetch: createSafeFetch({ lookup }) };
    expect(await codeOf(strict('http://169.254.169.254/latest/meta-data/', init))).toBe('blocked_target');
  });
});
