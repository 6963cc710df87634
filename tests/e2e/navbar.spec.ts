import {expect, test} from './support/test';
import {collectErrors, gotoHydrated} from './support/site';

test.use({viewport: {width: 390, height: 844}});

test('on a phone, the menu button opens the plan sidebar and the site menu, and a link there opens its page', async ({page}) => {
  const errors = collectErrors(page);
  await gotoHydrated(page, '/weeks/week-10/go');
  await page.getByRole('button', {name: 'Toggle navigation bar'}).click();

  // On a doc page the menu opens on the docs sidebar, with a way back to the site's own links.
  const menu = page.locator('.navbar-sidebar');
  await expect(menu.getByRole('link', {name: '16-Week Roadmap'})).toBeVisible();
  await menu.getByRole('button', {name: /Back to main menu/}).click();
  await menu.getByRole('link', {name: '14-day plan'}).click();

  await expect(page).toHaveURL(/\/intensive\/senior-go-14-days$/);
  await expect(page.getByRole('heading', {level: 1})).toBeVisible();
  await expect(menu).not.toBeVisible();
  expect(errors).toEqual([]);
});
