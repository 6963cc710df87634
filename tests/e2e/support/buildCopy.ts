import {createHash} from 'node:crypto';
import {execFile} from 'node:child_process';
import {cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync} from 'node:fs';
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

/** A build folder served on loopback. */
export interface ServedFolder {
  /** Origin of the server, e.g. `http://127.0.0.1:41234`. */
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Serves a build folder on `port` (0: any free one). Every response says `no-cache`, so the browser asks again each
 * time and sees whatever the folder holds now, as after a deployment.
 */
export async function serveFolder(dir: string, port = 0): Promise<ServedFolder> {
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
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    port: address.port,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

/** Copies build/ to a temporary folder and serves it on a free port (see serveFolder). */
export async function serveBuildCopy(): Promise<BuildCopy> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'go-study-plans-build-'));
  cpSync(path.join(repoRoot, 'build'), dir, {recursive: true});
  const served = await serveFolder(dir);
  return {
    url: served.url,
    dir,
    close: async () => {
      await served.close();
      rmSync(dir, {recursive: true, force: true});
    },
  };
}

/** What a site build needs; build output and caches stay behind. */
const SITE_FILES = ['docusaurus.config.ts', 'sidebars.ts', 'package.json', 'tsconfig.json', 'src', 'static', 'docs', 'plugins'];

/** A production build of an edited copy of the site. */
export interface EditedBuild {
  /** The built site, ready for serveFolder. */
  dir: string;
  remove(): void;
}

/**
 * Builds a copy of the site after contributor edits: `edits` maps a file (relative to the site) to a function
 * rewriting its text, or to null to delete it; `renames` moves files (old path → new path) after the edits.
 * Rejects with the build's output when it fails.
 */
export async function buildEditedSite(edits: Record<string, ((text: string) => string) | null>, renames: Record<string, string> = {}): Promise<EditedBuild> {
  const site = mkdtempSync(path.join(os.tmpdir(), 'go-study-plans-edited-'));
  const remove = () => rmSync(site, {recursive: true, force: true});
  try {
    for (const entry of SITE_FILES) {
      if (existsSync(path.join(repoRoot, entry))) cpSync(path.join(repoRoot, entry), path.join(site, entry), {recursive: true});
    }
    symlinkSync(path.join(repoRoot, 'node_modules'), path.join(site, 'node_modules'), 'dir');
    for (const [file, edit] of Object.entries(edits)) {
      const target = path.join(site, file);
      if (edit === null) rmSync(target);
      else writeFileSync(target, edit(readFileSync(target, 'utf8')));
    }
    for (const [from, to] of Object.entries(renames)) {
      mkdirSync(path.dirname(path.join(site, to)), {recursive: true});
      renameSync(path.join(site, from), path.join(site, to));
    }
    const dir = path.join(site, 'out');
    await new Promise<void>((resolve, reject) => {
      execFile(
        path.join(repoRoot, 'node_modules', '.bin', 'docusaurus'),
        ['build', '--out-dir', dir],
        // No persistent cache: the copy must not write into the real site's bundler cache.
        {cwd: site, env: {...process.env, DOCUSAURUS_NO_PERSISTENT_CACHE: 'true'}, maxBuffer: 64 * 1024 * 1024, timeout: 280_000},
        (error, stdout, stderr) => (error ? reject(new Error(`The edited site did not build:\n${stdout}\n${stderr}`)) : resolve()),
      );
    });
    return {dir, remove};
  } catch (error) {
    remove();
    throw error;
  }
}

/** `text` with `from` replaced by `to`; throws unless `from` occurs exactly once, so an edit never silently misses. */
export function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at === -1 || text.indexOf(from, at + 1) !== -1) throw new Error(`replaceOnce: expected exactly one ${JSON.stringify(from)}`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

/**
 * Publishes a new version of one page in the copy: `edit` rewrites its HTML, and the service worker's precache entry
 * for the app shell gets a new revision, as the build gives it when any built file changes (plugins' PWA options in
 * docusaurus.config.ts). The service worker script then differs byte for byte, which is what makes a browser install
 * it as an update.
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

  const sw = readFileSync(swFile, 'utf8');
  const shellEntry = /\{"revision":"([0-9a-f]+)","url":"manifest\.json"\}/;
  const found = shellEntry.exec(sw);
  if (!found) throw new Error('publishPageChange: sw.js has no precache entry for manifest.json');
  const revision = md5(`${found[1]}${md5(after)}`).slice(0, found[1]!.length);
  writeFileSync(swFile, sw.replace(found[0], JSON.stringify({revision, url: 'manifest.json'})));
}
