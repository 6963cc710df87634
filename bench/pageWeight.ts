import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {gzipSync} from 'node:zlib';
import type {Page} from '@playwright/test';
import {withServedBuild} from './servedBuild';

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

/** The entry bundle every page loads before anything else: `main` and `runtime~main`, as paths under `buildDir`. */
export function entryBundleFiles(buildDir: string): string[] {
  const dir = path.join(buildDir, 'assets', 'js');
  const files = readdirSync(dir).filter((name) => /^(main|runtime~main)\.[0-9a-f]+\.js$/.test(name));
  if (files.length !== 2) throw new Error(`Expected main and runtime~main in ${dir}, found: ${files.join(', ') || 'none'}.`);
  return files.sort().map((name) => path.join(dir, name));
}

/**
 * Records the scripts of `origin` that `page` requests from now on; call the result once the page is hydrated and the
 * network is quiet. Route prefetches (`<link rel=prefetch>`, which Chromium reports as type "other") are left out:
 * they are for the next page, not this one. What the page requested is what its HTML names plus the route's chunks
 * the runtime loads, so nothing here has to know how Docusaurus maps routes to chunks.
 */
export function recordScripts(page: Page, origin: string): () => string[] {
  const requested = new Set<string>();
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (request.resourceType() === 'script' && url.origin === origin) requested.add(url.pathname);
  });
  return () => [...requested].sort();
}

/** The weight of `route` given the script paths it requested, sized from the built files in `buildDir`. */
export function pageWeight(buildDir: string, route: string, files: readonly string[]): PageWeight {
  const scripts = files.map((file) => ({file, gzipBytes: gzipSize(path.join(buildDir, decodeURIComponent(file)))}));
  return {route, scripts, gzipBytes: scripts.reduce((sum, script) => sum + script.gzipBytes, 0)};
}

/**
 * Loads each route of `buildDir` in Chromium and sums the scripts it requested (see recordScripts). Sizes are read
 * from the built files rather than the wire, so the two sites compare on the same compression.
 */
export async function measurePages(buildDir: string, routes: readonly string[]): Promise<PageWeight[]> {
  return withServedBuild(buildDir, async (browser, server) => {
    const results: PageWeight[] = [];
    for (const route of routes) {
      // A fresh context each time: no cache, no service worker, no stored state from the previous page.
      const context = await browser.newContext({serviceWorkers: 'block'});
      const page = await context.newPage();
      const requested = recordScripts(page, server.origin);
      await page.goto(`${server.origin}${route}`, {waitUntil: 'networkidle'});
      await page.waitForSelector('html[data-has-hydrated="true"]', {timeout: 60_000});
      await page.waitForLoadState('networkidle');
      await context.close();
      results.push(pageWeight(buildDir, route, requested()));
    }
    return results;
  });
}
