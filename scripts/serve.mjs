#!/usr/bin/env node
// A plain static file server for the built app (dist/), like an intranet web server: files as they
// are, no rewrite rules, no fallback to index.html. Node's standard library only.
//
//   node scripts/serve.mjs [--dir dist] [--base /] [--host 127.0.0.1] [--port 8080]
//
// --base serves the folder under a sub-path (the end-to-end tests use /intranet/encours/);
// --port 0 picks a free port. `startServer({ gzip: true })` compresses text and wasm for clients
// that accept it, as most web servers are set up to (the browser benchmark measures both).

import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
};

/** What a compressing server compresses. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.wasm', '.css', '.json', '.svg', '.txt', '.webmanifest']);

/** '/a/b', 'a/b/' or '/a/b/' -> '/a/b/'. */
const normaliseBase = (base) => `/${base}/`.replace(/\/+/g, '/');

/** Starts the server; resolves to the node http.Server once it listens. */
export function startServer({ dir = 'dist', base = '/', host = '127.0.0.1', port = 8080, gzip = false } = {}) {
  const root = path.resolve(dir);
  base = normaliseBase(base);
  /** Compressed files, by path and modification time. */
  const compressed = new Map();

  const server = createServer(async (req, res) => {
    const send = (status, body, headers = {}) => {
      res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return send(405, 'method not allowed\n', { allow: 'GET, HEAD' });
    }
    const url = new URL(req.url, 'http://localhost');
    let pathname;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return send(400, 'bad request\n');
    }
    // The sub-path itself without its slash: redirect, as static servers do for a folder.
    if (`${pathname}/` === base) return send(301, '', { location: base + url.search });
    if (!pathname.startsWith(base)) return send(404, 'not found\n');

    const file = path.join(root, pathname.slice(base.length));
    if (file !== root && !file.startsWith(root + path.sep)) return send(404, 'not found\n');
    let target = file;
    let info = await stat(target).catch(() => null);
    if (info?.isDirectory()) {
      if (!pathname.endsWith('/')) return send(301, '', { location: `${url.pathname}/${url.search}` });
      target = path.join(target, 'index.html');
      info = await stat(target).catch(() => null);
    }
    if (!info?.isFile()) return send(404, 'not found\n');

    const ext = path.extname(target).toLowerCase();
    const headers = {
      'content-type': TYPES[ext] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
    };
    if (gzip && COMPRESSIBLE.has(ext) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
      const key = `${target}:${info.mtimeMs}`;
      if (!compressed.has(key)) compressed.set(key, gzipSync(await readFile(target), { level: 6 }));
      const body = compressed.get(key);
      res.writeHead(200, { ...headers, 'content-encoding': 'gzip', vary: 'accept-encoding', 'content-length': body.length });
      return res.end(req.method === 'HEAD' ? undefined : body);
    }
    res.writeHead(200, { ...headers, 'content-length': info.size });
    if (req.method === 'HEAD') return res.end();
    createReadStream(target).pipe(res);
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

function parseArgs(argv) {
  const options = {};
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    const key = { '--dir': 'dir', '--base': 'base', '--host': 'host', '--port': 'port' }[flag];
    if (!key || value === undefined) {
      console.error(`usage: node scripts/serve.mjs [--dir DIR] [--base /SUB/PATH/] [--host HOST] [--port PORT]`);
      process.exit(2);
    }
    options[key] = key === 'port' ? Number(value) : value;
  }
  return options;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const options = parseArgs(process.argv.slice(2));
  const dir = options.dir ?? 'dist';
  const index = await stat(path.join(dir, 'index.html')).catch(() => null);
  if (!index) {
    console.error(`${dir}/index.html is missing: build the app first (npm run build).`);
    process.exit(1);
  }
  try {
    const server = await startServer(options);
    const { address, port } = server.address();
    const base = normaliseBase(options.base ?? '/');
    console.log(`Encours: serving ${path.resolve(dir)} at http://${address}:${port}${base}  (Ctrl-C to stop)`);
    for (const signal of ['SIGINT', 'SIGTERM']) {
      process.on(signal, () => {
        server.closeAllConnections();
        server.close(() => process.exit(0));
      });
    }
  } catch (error) {
    console.error(`cannot serve on ${options.host ?? '127.0.0.1'}:${options.port ?? 8080}: ${error.message}`);
    process.exit(1);
  }
}
