import {test as base, type BrowserContext} from '@playwright/test';

/**
 * The site's service worker installs in every new browser context and keeps the app shell and the pages opened: CPU
 * spent in every test, by tests that have nothing to do with it. In a
 * context made with `withoutServiceWorker` the browser has no service worker API, as on a plain-HTTP address or in
 * a browser without it, and the site takes its ordinary path for that: it registers nothing and logs nothing.
 * (Playwright's own `serviceWorkers: 'block'` replaces the API with a stub that logs a warning and resolves
 * nothing, which the site then reports as a failed registration: console checks would have to tolerate both.)
 */
export async function withoutServiceWorker(context: BrowserContext): Promise<BrowserContext> {
  await context.addInitScript(() => {
    // The API is an accessor on the prototype; without it, `'serviceWorker' in navigator` is false, as the site checks.
    Reflect.deleteProperty(Navigator.prototype, 'serviceWorker');
  });
  return context;
}

/** Whether a test's browser context has the service worker: only the specs about it (pwa, pwa-update, offline, …) opt in. */
export interface ServiceWorkerOption {
  serviceWorker: 'installed' | 'absent';
}

/**
 * Playwright's `test` for this site: the `context` (and so the `page`) has no service worker unless a spec says
 * `test.use({serviceWorker: 'installed'})`. plan-edits and move-progress make their own contexts for each deployment
 * and import Playwright's `test` as it is.
 */
export const test = base.extend<ServiceWorkerOption>({
  serviceWorker: ['absent', {option: true}],
  context: async ({context, serviceWorker}, use) => {
    await use(serviceWorker === 'absent' ? await withoutServiceWorker(context) : context);
  },
});

export {expect} from '@playwright/test';
