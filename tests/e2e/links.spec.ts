import {expect, test} from './support/test';
import {builtPages} from './support/site';

/** Paths that are files, not pages: checked for status only. */
const fileExtension = /\.(?:xml|txt|json|png|svg|jpe?g|webp|ico|pdf|css|js)$/i;

test('every internal link from the home page leads to a page that loads, and every #anchor exists there', async ({page, baseURL}) => {
  test.setTimeout(180_000);
  const origin = new URL(baseURL ?? '').origin;
  const queue = ['/'];
  const visited = new Set<string>();
  const idsByPath = new Map<string, Set<string>>();
  const anchorLinks: {from: string; path: string; hash: string}[] = [];
  const problems: string[] = [];

  while (queue.length > 0) {
    const path = queue.shift() ?? '/';
    if (visited.has(path)) continue;
    visited.add(path);

    if (fileExtension.test(path)) {
      const response = await page.request.get(path);
      if (response.status() !== 200) problems.push(`${path}: status ${response.status()}`);
      continue;
    }
    const response = await page.goto(path);
    if (response?.status() !== 200) {
      problems.push(`${path}: status ${response?.status() ?? 'none'}`);
      continue;
    }
    const {ids, hrefs} = await page.evaluate(() => ({
      ids: Array.from(document.querySelectorAll('[id]'), (element) => element.id),
      hrefs: Array.from(document.querySelectorAll('a[href]'), (anchor) => (anchor as HTMLAnchorElement).href),
    }));
    idsByPath.set(path, new Set(ids));

    for (const href of hrefs) {
      const url = new URL(href);
      if (url.origin !== origin) continue;
      if (url.hash.length > 1) anchorLinks.push({from: path, path: url.pathname, hash: decodeURIComponent(url.hash.slice(1))});
      if (!visited.has(url.pathname)) queue.push(url.pathname);
    }
  }

  for (const link of anchorLinks) {
    const ids = idsByPath.get(link.path);
    if (ids && !ids.has(link.hash)) problems.push(`${link.from} links to ${link.path}#${link.hash}, but no element there has that id`);
  }
  // The search results page is reached through the search box, not a link.
  const unreachable = builtPages().filter((route) => route !== '/search' && !visited.has(route));
  expect(unreachable, 'pages in the sitemap that no link leads to').toEqual([]);
  expect([...new Set(problems)]).toEqual([]);
});
