#!/usr/bin/env node
// Serves the built page (apps/demo/dist) on localhost and prints its URL. No dependencies.
//   node scripts/serve.mjs [--port 5178] [--dir dist]
// Also imported by the browser tests (`serve({ port: 0 })` picks a free port).
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Starts a static server for `dir` on 127.0.0.1. Resolves to `{ url, port, close }`.
 * @param {{ dir?: string, port?: number, host?: string }} [options]
 */
export function serve(options = {}) {
  const dir = resolve(options.dir ?? join(here, '..', 'dist'));
  const host = options.host ?? '127.0.0.1';
  if (!existsSync(join(dir, 'index.html'))) {
    return Promise.reject(new Error(`${dir}/index.html is missing: build the page first (vite build)`));
  }
  const server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    let path;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (path.endsWith('/')) path += 'index.html';
    const file = normalize(join(dir, path));
    if (file !== dir && !file.startsWith(dir + sep)) {
      res.writeHead(403).end();
      return;
    }
    let stat;
    try {
      stat = statSync(file);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    if (!stat.isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-length': stat.size,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-cache',
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 5178, host, () => {
      server.off('error', fail);
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      ok({
        url: `http://${host}:${port}/`,
        port,
        close: () => new Promise((done) => server.close(() => done(undefined))),
      });
    });
  });
}

async function main() {
  const args = process.argv.slice(2);
  const opt = (name) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const wanted = Number(opt('--port') ?? process.env.PORT ?? 5178);
  const dir = opt('--dir');
  let started = null;
  // Try the wanted port, then the next few, so a second copy still starts.
  for (let port = wanted; port < wanted + 10 && started === null; port++) {
    try {
      started = await serve({ port, ...(dir ? { dir } : {}) });
    } catch (error) {
      if (error?.code !== 'EADDRINUSE') throw error;
    }
  }
  if (started === null) throw new Error(`no free port from ${wanted} to ${wanted + 9}`);
  console.log(`\nsharekit demo: ${started.url}\n(press Ctrl+C to stop)`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
