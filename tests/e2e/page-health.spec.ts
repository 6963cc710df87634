import {expect, test} from '@playwright/test';
import {builtPages, gotoHydrated} from './support/site';

// React reports hydration mismatches as these minified errors in production builds.
const hydrationMessage = /hydrat|Minified React error #(418|423|425)/i;

for (const route of builtPages()) {
  test(`${route} loads without errors, hydration warnings or requests to other origins`, async ({page, baseURL}) => {
    const problems: string[] = [];
    const otherOrigins: string[] = [];
    page.on('console', (message) => {
      const isHydration = hydrationMessage.test(message.text());
      if (message.type() === 'error' || (message.type() === 'warning' && isHydration)) {
        problems.push(`console ${message.type()}: ${message.text()}`);
      }
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== new URL(baseURL ?? '').origin) {
        otherOrigins.push(request.url());
      }
    });

    const response = await gotoHydrated(page, route, {waitUntil: 'networkidle'});
    expect(response?.status()).toBe(200);
    expect(problems).toEqual([]);
    expect(otherOrigins).toEqual([]);
  });
}
