import {createReadStream} from 'node:fs';
import {stat} from 'node:fs/promises';
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import path from 'node:path';
import zlib from 'node:zlib';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
};

/** Already-compressed formats gain nothing from gzip. */
const COMPRESSIBLE = /^(text\/|application\/(json|xml|manifest\+json)|image\/svg\+xml)/;

export interface StaticServer {
  origin: string;
  /** What the server has sent so far: requests answered and body bytes (compressed, as sent). */
  served(): {requests: number; bytes: number; lastRequestAt: number};
  close(): Promise<void>;
}

/**
 * Resolves a URL path the way a static host does for a `trailingSlash: false` Docusaurus build:
 * `/weeks/week-09/go` → `weeks/week-09/go.html`, `/` → `index.html`, directories → their `index.html`.
 */
async function resolveFile(root: string, urlPath: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const relative = path.normalize(decoded).replace(/^([/\\])+/, '');
  const base = path.join(root, relative);
  if (base !== root && !base.startsWith(root + path.sep)) return null;
  const candidates = [base, `${base}.html`, path.join(base, 'index.html')];
  for (const candidate of candidates) {
    const info = await stat(candidate).catch(() => null);
    if (info?.isFile()) return candidate;
  }
  return null;
}

/**
 * A small gzip static server on loopback, so Lighthouse measures compressed transfer sizes
 * as a real static host would serve them. The port is chosen by the OS.
 */
export async function serveStatic(rootDir: string): Promise<StaticServer> {
  const root = path.resolve(rootDir);
  const served = {requests: 0, bytes: 0, lastRequestAt: Date.now()};
  const server = http.createServer(async (request, response) => {
    served.requests += 1;
    served.lastRequestAt = Date.now();
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    let file = await resolveFile(root, url.pathname);
    let status = 200;
    if (!file) {
      status = 404;
      file = await resolveFile(root, '/404.html');
    }
    if (!file || (request.method !== 'GET' && request.method !== 'HEAD')) {
      response.writeHead(file ? 405 : 404, {'Content-Type': 'text/plain; charset=utf-8'});
      response.end(file ? 'Method not allowed' : 'Not found');
      return;
    }
    // Validators, as static hosts send them: a page asked again with `no-cache` (the service worker keeping it) costs a
    // 304, not the page again.
    const info = await stat(file);
    const etag = `"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
    if (status === 200 && request.headers['if-none-match'] === etag) {
      response.writeHead(304, {ETag: etag});
      response.end();
      return;
    }
    const type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    const gzip = COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    // Hashed bundles never change under their name; pages must be revalidated, as on a static host.
    const immutable = url.pathname.startsWith('/assets/');
    response.writeHead(status, {
      'Content-Type': type,
      'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      'X-Content-Type-Options': 'nosniff',
      ETag: etag,
      Vary: 'Accept-Encoding',
      ...(gzip ? {'Content-Encoding': 'gzip'} : {}),
    });
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    const stream = createReadStream(file);
    stream.on('error', () => response.destroy());
    const body = gzip ? stream.pipe(zlib.createGzip()) : stream;
    body.on('data', (chunk: Buffer) => {
      served.bytes += chunk.length;
    });
    body.pipe(response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const {port} = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    served: () => ({...served}),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
