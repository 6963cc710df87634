import {createHash} from 'node:crypto';
import {cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {createServer} from 'node:http';
import type {AddressInfo} from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {repoRoot} from '../../support/seeds';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** A copy of the production build served on its own loopback origin, so a test can publish a new version of it. */
export interface BuildCopy {
  /** Origin of the server, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** Folder holding the copy; the server reads it on every request. */
  dir: string;
  close(): Promise<void>;
}

/** The file a URL path is answered with, as `docusaurus serve` does with `trailingSlash: false`: `/a/b` from `a/b.html` or `a/b/index.html`. */
function fileFor(dir: string, pathname: string): string | undefined {
  const relative = decodeURIComponent(pathname).replace(/^\/+/, '');
  const candidates = [relative, `${relative}.html`, path.join(relative, 'index.html')];
  return candidates
    .map((candidate) => path.join(dir, candidate))
    .find((file) => file.startsWith(dir + path.sep) && existsSync(file) && statSync(file).isFile());
}

/**
 * Copies build/ to a temporary folder and serves it on a free port. Every response says `no-cache`, so the browser
 * asks again each time and sees whatever the folder holds now, as after a deployment.
 */
export async function serveBuildCopy(): Promise<BuildCopy> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'go-study-plans-build-'));
  cpSync(path.join(repoRoot, 'build'), dir, {recursive: true});
  const server = createServer((request, response) => {
    const {pathname} = new URL(request.url ?? '/', 'http://localhost');
    const file = fileFor(dir, pathname);
    const status = file ? 200 : 404;
    const served = file ?? path.join(dir, '404.html');
    response.writeHead(status, {
      'Content-Type': CONTENT_TYPES[path.extname(served)] ?? 'application/octet-stream',
      'Cache-Control': 'no-cache',
    });
    response.end(request.method === 'HEAD' ? undefined : readFileSync(served));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const {port} = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    dir,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
      rmSync(dir, {recursive: true, force: true});
    },
  };
}

/**
 * Publishes a new version of one page in the copy: `edit` rewrites its HTML, and the service worker's precache
 * manifest gets the page's new revision (an MD5 of the file, as Workbox computes it at build time). The service
 * worker script then differs byte for byte, which is what makes a browser install it as an update.
 */
export function publishPageChange(copy: BuildCopy, pagePath: string, edit: (html: string) => string): void {
  const url = pagePath.replace(/^\//, '');
  const htmlFile = path.join(copy.dir, `${url}.html`);
  const swFile = path.join(copy.dir, 'sw.js');
  const md5 = (text: string) => createHash('md5').update(text).digest('hex');

  const before = readFileSync(htmlFile, 'utf8');
  const after = edit(before);
  if (after === before) throw new Error(`publishPageChange: the edit left ${url}.html unchanged`);
  writeFileSync(htmlFile, after);

  const entry = (revision: string) => JSON.stringify({revision, url});
  const sw = readFileSync(swFile, 'utf8');
  if (!sw.includes(entry(md5(before)))) throw new Error(`publishPageChange: sw.js has no precache entry ${entry(md5(before))}`);
  writeFileSync(swFile, sw.replace(entry(md5(before)), entry(md5(after))));
}
