import type {Page} from '@playwright/test';
import {expect, test} from './support/test';
import {collectErrors, gotoHydrated} from './support/site';

// The subject is what the service worker downloads for offline use, and when.
test.use({serviceWorker: 'installed'});

/** Whether the service worker has kept `route` for offline use (any of its caches). */
const isKept = (page: Page, route: string) => page.evaluate(async (url) => (await caches.match(url)) !== undefined, route);

async function openControlled(page: Page, route: string): Promise<void> {
  await gotoHydrated(page, route, {waitUntil: 'networkidle'});
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {timeout: 60_000});
}

/** From the build's list: all it names, and what of it this browser does not keep yet, in bytes. */
async function guideSizes(page: Page): Promise<{all: number; notKept: number}> {
  return page.evaluate(async () => {
    const list = (await (await fetch('/offline-guide.json')).json()) as Record<'pages' | 'files', {path: string; bytes: number}[]>;
    const sizes = {all: 0, notKept: 0};
    for (const entry of [...list.pages, ...list.files]) {
      sizes.all += entry.bytes;
      if (!(await caches.match(entry.path))) sizes.notKept += entry.bytes;
    }
    return sizes;
  });
}

test('"Keep the whole guide offline" shows its size first, then every page and search work with no network', async ({context, page}) => {
  const errors = collectErrors(page);
  await openControlled(page, '/roadmap/roadmap-16-weeks');
  const keep = page.getByRole('button', {name: /^Keep the whole guide offline/});
  await expect(keep).toHaveAccessibleName(/^Keep the whole guide offline \(\d+(\.\d)? (kB|MB)\)$/);
  await expect(keep).toHaveAttribute('aria-disabled', 'false');
  const [, size, unit] = /\(([\d.]+) (kB|MB)\)/.exec((await keep.textContent()) ?? '') ?? [];
  const shownBytes = Number(size) * (unit === 'MB' ? 1_000_000 : 1_000);
  // The size shown is what was not kept when it was asked (the shell may still be arriving), to the precision it is
  // written with: no more than the whole list, no less than what is still missing now.
  const precision = unit === 'MB' ? 50_000 : 500;
  const {all, notKept} = await guideSizes(page);
  expect(shownBytes).toBeLessThan(all + precision);
  expect(shownBytes).toBeGreaterThan(notKept - precision);
  expect(await isKept(page, '/weeks/week-13/go')).toBe(false);

  await keep.click();
  const status = page.getByRole('status').filter({hasText: /whole guide|Downloading/});
  await expect(status).toHaveText('The whole guide is kept offline: every page, and search, work with no network.');
  await expect(keep).toHaveAccessibleName('Keep the whole guide offline');
  await expect(keep).toHaveAttribute('aria-disabled', 'true');
  await expect(keep).toBeFocused();

  await context.setOffline(true);
  for (const [route, title] of [
    ['/weeks/week-13/go', 'Go Track'],
    ['/topic-banks/projects', 'Projects'],
    ['/intensive/senior-go-14-days', /14-Day/],
  ] as const) {
    await gotoHydrated(page, route);
    await expect(page.getByRole('heading', {level: 1})).toHaveText(title);
  }
  // Searched for the first time, offline: every piece of the index is there.
  await page.keyboard.press('Control+k');
  await page.keyboard.type('presigned');
  await expect(page.getByRole('option').filter({hasText: 'Week 11'}).first()).toBeVisible();
  await page.keyboard.press('Escape');

  // Later, still offline, the roadmap says the guide is kept and offers nothing to download.
  await gotoHydrated(page, '/roadmap/roadmap-16-weeks');
  await expect(page.getByRole('status').filter({hasText: /whole guide/})).toHaveText(/^The whole guide is kept offline/);
  await expect(page.getByRole('button', {name: 'Keep the whole guide offline'})).toHaveAttribute('aria-disabled', 'true');
  expect(errors).toEqual([]);
});

test('a first visit downloads the page, not the app shell; the learner’s first tick asks for the shell', async ({page}) => {
  await openControlled(page, '/weeks/week-10/go');
  // The worker has kept the page itself: the page told it, and nothing else was asked for.
  await expect.poll(() => isKept(page, '/weeks/week-10/go'), {timeout: 30_000}).toBe(true);
  for (const route of ['/', '/today', '/notes', '/review', '/search']) expect(await isKept(page, route), route).toBe(false);

  await page
    .getByRole('checkbox', {name: /^Done: /})
    .first()
    .check();
  for (const route of ['/', '/today', '/notes', '/review', '/search']) {
    await expect.poll(() => isKept(page, route), {timeout: 30_000, message: route}).toBe(true);
  }
});

test.describe('with Save-Data on', () => {
  test.beforeEach(async ({context}) => {
    // Desktop Chromium never sets it; a phone on a data-saving setting does.
    await context.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, 'connection', {configurable: true, get: () => ({saveData: true, effectiveType: '4g'})});
    });
  });

  test('nothing is fetched ahead for offline use, but a plan the learner follows and the whole guide asked for are', async ({page}) => {
    await openControlled(page, '/weeks/week-10/go');
    await page.getByRole('button', {name: 'Follow this plan'}).click();
    const dialog = page.getByRole('dialog', {name: /^Follow Week 10/});
    await dialog.getByRole('radio', {name: /^The 16-week guide from this week/}).check();
    await dialog.getByRole('button', {name: 'Follow', exact: true}).click();
    await expect(dialog).toBeHidden();
    // Asked for: the followed plans are kept, though never opened.
    await expect.poll(() => isKept(page, '/weeks/week-13/go'), {timeout: 30_000}).toBe(true);
    // Not asked for: the app shell is not fetched, and nor are pages of plans not followed.
    for (const route of ['/today', '/notes', '/review', '/search', '/weeks/week-09/go', '/topic-banks/projects']) {
      expect(await isKept(page, route), route).toBe(false);
    }

    await gotoHydrated(page, '/roadmap/roadmap-16-weeks', {waitUntil: 'networkidle'});
    const keep = page.getByRole('button', {name: /^Keep the whole guide offline \(/});
    await expect(keep).toHaveAttribute('aria-disabled', 'false');
    await keep.click();
    await expect(page.getByRole('status').filter({hasText: /whole guide|Downloading/})).toHaveText(/^The whole guide is kept offline/);
    expect(await isKept(page, '/today')).toBe(true);
    expect(await isKept(page, '/topic-banks/projects')).toBe(true);
  });
});
