import {expect, test} from './support/test';
import {collectErrors, gotoHydrated} from './support/site';
import {expectNoViolationsInEitherScheme} from './support/axe';

const WEEK_10 = '/weeks/week-10/go';
const DAY_MS = 24 * 60 * 60 * 1000;

for (const timezoneId of ['Europe/Berlin', 'America/New_York']) {
  test.describe(`review queue in ${timezoneId}`, () => {
    test.use({timezoneId});

    test('mark a block, review it Good, it leaves today and comes back days later', async ({page}) => {
      const errors = collectErrors(page);
      // Late morning local time, so "today" is the same day in both zones.
      const start = new Date('2026-03-10T10:00:00Z');
      await page.clock.install({time: start});
      await gotoHydrated(page, WEEK_10);
      const toggle = page.locator('[data-plan-day="2"] [data-review-toggle]').first();
      await expect(toggle).toHaveAccessibleName(/^Review later for Block 1/);
      await toggle.click();
      await expect(toggle).toHaveAttribute('aria-pressed', 'true');

      await gotoHydrated(page, '/');
      await expect(page.getByRole('link', {name: '1 to review today'})).toBeVisible();
      await page.getByRole('link', {name: '1 to review today'}).click();
      await expect(page).toHaveURL(/\/review$/);
      const card = page.locator('[data-review-card="d2-b1"]');
      await expect(card).toBeVisible();
      await expect(card.getByRole('link', {name: /Day 2$/})).toHaveAttribute('href', /\/weeks\/week-10\/go#day-2$/);

      await card.getByRole('button', {name: 'Good'}).click();
      await expect(page.getByRole('status').filter({hasText: /: Good\. Next review on /})).toBeVisible();
      await expect(card).toHaveCount(0);
      await expect(page.getByText('Nothing to review today.')).toBeVisible();
      const next = page.locator('[data-review-later="d2-b1"] time');
      const dueIso = await next.getAttribute('datetime');
      const due = Date.parse(dueIso!);
      expect(due - start.getTime()).toBeGreaterThanOrEqual(DAY_MS);
      expect(due - start.getTime()).toBeLessThan(30 * DAY_MS);

      // Ticking the block changes nothing in the queue: ticks and reviews are independent.
      await gotoHydrated(page, WEEK_10);
      await page.locator('[data-plan-day="2"] [data-plan-item="d2-b1"] input[type="checkbox"]').check();

      await page.clock.setSystemTime(new Date(due + 60_000));
      await gotoHydrated(page, '/review');
      await expect(page.locator('[data-review-card="d2-b1"]')).toBeVisible();
      await gotoHydrated(page, '/');
      await expect(page.getByRole('link', {name: '1 to review today'})).toBeVisible();

      // Unmarking takes it out of the queue.
      await gotoHydrated(page, WEEK_10);
      await page.locator('[data-plan-day="2"] [data-review-toggle]').first().click();
      await gotoHydrated(page, '/review');
      await expect(page.getByText('Nothing to review today.')).toBeVisible();
      await expect(page.locator('[data-review-later]')).toHaveCount(0);
      expect(errors).toEqual([]);
    });
  });
}

test('/review has no axe violations with a card due, in light or dark mode', async ({page}) => {
  await page.emulateMedia({colorScheme: 'light'});
  await gotoHydrated(page, WEEK_10);
  await page.locator('[data-plan-day="2"] [data-review-toggle]').first().click();
  await gotoHydrated(page, '/review');
  await expect(page.locator('[data-review-card]')).toHaveCount(1);
  await expectNoViolationsInEitherScheme(page);
});
