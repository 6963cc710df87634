import path from 'node:path';
import {gzipSize} from './pageWeight';
import {withServedBuild} from './servedBuild';

/** A word the seed plans and every generated plan use, so a grown guide has many pages to match. */
export const BENCH_QUERY = 'channels';

/** What a first search cost: the files it fetched (gzip, as a static host serves them) and their total. */
export interface SearchWeight {
  query: string;
  files: {file: string; gzipBytes: number}[];
  gzipBytes: number;
}

/**
 * The bytes a reader's first search downloads: a fresh browser opens the home page and waits until it is quiet, then
 * types the query into the search box and waits for the results and a quiet network. Only requests made after the page
 * settled count (the search's loader, index pieces and the results' fragments), from this site's origin.
 */
export async function firstSearchWeight(buildDir: string, query = BENCH_QUERY): Promise<SearchWeight> {
  return withServedBuild(buildDir, async (browser, server) => {
    const context = await browser.newContext({serviceWorkers: 'block'});
    const page = await context.newPage();
    await page.goto(`${server.origin}/`, {waitUntil: 'networkidle'});
    await page.waitForSelector('html[data-has-hydrated="true"]', {timeout: 60_000});
    const requested = new Set<string>();
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.origin === server.origin) requested.add(url.pathname);
    });
    await page.keyboard.press('Control+k');
    await page.keyboard.type(query);
    await page.getByRole('option').first().waitFor({timeout: 60_000});
    await page.waitForLoadState('networkidle');
    await context.close();
    const files = [...requested].sort().map((file) => ({file, gzipBytes: gzipSize(path.join(buildDir, decodeURIComponent(file)))}));
    return {query, files, gzipBytes: files.reduce((sum, file) => sum + file.gzipBytes, 0)};
  });
}
