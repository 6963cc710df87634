import {readFileSync} from 'node:fs';
import path from 'node:path';
import {gzipSync} from 'node:zlib';
import {chromium} from '@playwright/test';
import {chromiumArgs, findChromium} from '../tests/support/chromium';
import {serveStatic} from './server';

/** One script a page loaded, with its size as a static host serves it (gzip). */
export interface ScriptFile {
  file: string;
  gzipBytes: number;
}

/** The JavaScript a page requests itself, from navigation until it is hydrated and the network is quiet. */
export interface PageWeight {
  route: string;
  scripts: ScriptFile[];
  gzipBytes: number;
}

/** Gzip size of a built file at the level a static host typically uses. */
export function gzipSize(file: string): number {
  return gzipSync(readFileSync(file), {level: 9}).length;
}

/**
 * Loads each route of `buildDir` in Chromium and sums the scripts it requested. Route prefetches (`<link rel=prefetch>`,
 * which Chromium reports as type "other") are left out: they are for the next page, not this one. Sizes are read from
 * the built files rather than the wire, so the two sites compare on the same compression.
 */
export async function measurePages(buildDir: string, routes: readonly string[]): Promise<PageWeight[]> {
  const found = findChromium();
  if ('error' in found) throw new Error(found.error);
  const server = await serveStatic(buildDir);
  const browser = await chromium.launch({executablePath: found.path, args: chromiumArgs});
  try {
    const results: PageWeight[] = [];
    for (const route of routes) {
      // A fresh context each time: no cache, no service worker, no stored state from the previous page.
      const context = await browser.newContext({serviceWorkers: 'block'});
      const page = await context.newPage();
      const requested = new Set<string>();
      page.on('request', (request) => {
        const url = new URL(request.url());
        if (request.resourceType() === 'script' && url.origin === server.origin) requested.add(url.pathname);
      });
      await page.goto(`${server.origin}${route}`, {waitUntil: 'networkidle'});
      await page.waitForSelector('html[data-has-hydrated="true"]', {timeout: 60_000});
      await page.waitForLoadState('networkidle');
      await context.close();
      const scripts = [...requested].sort().map((file) => ({file, gzipBytes: gzipSize(path.join(buildDir, decodeURIComponent(file)))}));
      results.push({route, scripts, gzipBytes: scripts.reduce((sum, script) => sum + script.gzipBytes, 0)});
    }
    return results;
  } finally {
    await browser.close();
    await server.close();
  }
}
