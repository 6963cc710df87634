import {expect, test} from '@playwright/test';
import {builtPages, gotoHydrated} from './support/site';

/** A plan page: its 4-hour and 6-hour variants render different content after hydration, so each is visited. */
const isPlanPage = (route: string): boolean => /^\/(weeks\/week-\d+\/[^/]+|intensive\/[^/]+)$/.test(route);

/**
 * Every page of the built site, each plan in both variants, and a search with results: whatever a reader can
 * open. A console error or warning of any kind fails the page, React's hydration messages (#418 and the like:
 * server HTML a browser parsed into another tree than React rendered) among them.
 */
const visits = [...builtPages().flatMap((route) => (isPlanPage(route) ? [route, `${route}?plan=4h`, `${route}?plan=6h`] : [route])), '/search?q=goroutine'];

for (const route of visits) {
  test(`${route} loads and hydrates without console errors or warnings, or requests to other origins`, async ({page, baseURL}) => {
    const problems: string[] = [];
    const otherOrigins: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== new URL(baseURL ?? '').origin) {
        otherOrigins.push(request.url());
      }
    });

    // React reports a hydration mismatch while hydrating: once the page is interactive, every such message has been logged.
    const response = await gotoHydrated(page, route, {waitUntil: 'networkidle'});
    expect(response?.status()).toBe(200);
    expect(problems).toEqual([]);
    expect(otherOrigins).toEqual([]);
  });
}
