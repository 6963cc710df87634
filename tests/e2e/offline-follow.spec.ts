import {expect, test, type Page} from '@playwright/test';
import {gotoHydrated} from './support/site';

/** Whether the service worker has kept `route` for offline use (any of its caches). */
const isKept = (page: Page, route: string) => page.evaluate(async (url) => (await caches.match(url)) !== undefined, route);

async function openControlled(page: Page, route: string): Promise<void> {
  await gotoHydrated(page, route, {waitUntil: 'networkidle'});
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {timeout: 60_000});
}

/** Follows the 16-week guide from Week 10 on, from Week 10's page: Weeks 10, 11 and 13 are the plans followed. */
async function followFromWeek10(page: Page): Promise<void> {
  await page.getByRole('button', {name: 'Follow this plan'}).click();
  const dialog = page.getByRole('dialog', {name: /^Follow Week 10/});
  await dialog.getByRole('radio', {name: /^The 16-week guide from this week/}).check();
  await dialog.getByRole('button', {name: 'Follow', exact: true}).click();
  await expect(dialog).toBeHidden();
}

test('a followed plan is kept for offline use without being opened, and forgotten once unfollowed', async ({context, page}) => {
  await openControlled(page, '/weeks/week-10/go');
  expect(await isKept(page, '/weeks/week-13/go')).toBe(false);
  await followFromWeek10(page);
  await expect.poll(() => isKept(page, '/weeks/week-13/go'), {timeout: 30_000}).toBe(true);
  // The plan's own chunks are loaded through the worker once the follow is known: wait until that settles.
  await page.waitForLoadState('networkidle');

  await context.setOffline(true);
  await gotoHydrated(page, '/weeks/week-13/go');
  await expect(page.getByRole('heading', {level: 1})).toBeVisible();
  const firstTick = page.getByRole('checkbox', {name: /^Done: /}).first();
  await firstTick.check();
  await expect(firstTick).toBeChecked();
  await context.setOffline(false);

  // Unfollowing forgets the plans never opened.
  await gotoHydrated(page, '/weeks/week-10/go', {waitUntil: 'networkidle'});
  await page
    .getByRole('button', {name: /^Stop following/})
    .first()
    .click();
  await expect.poll(() => isKept(page, '/weeks/week-11/go'), {timeout: 30_000}).toBe(false);
  // Opened while followed: it stays.
  expect(await isKept(page, '/weeks/week-13/go')).toBe(true);
});
