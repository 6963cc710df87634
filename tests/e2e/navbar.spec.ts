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

test('on a phone, a link in the menu’s plan sidebar opens its page and closes the menu, and no page on the way builds a collator', async ({page}) => {
  // The first `localeCompare` (or `Intl.Collator`) of a page builds ICU's collation tables: 15–30 ms of a phone's main
  // thread, inside the task that ends hydration. Nothing on a doc page needs one (src/theme/DocSidebar/Mobile).
  await page.addInitScript(() => {
    const calls: string[] = [];
    (window as unknown as {collatorCalls: string[]}).collatorCalls = calls;
    const localeCompare = String.prototype.localeCompare;
    String.prototype.localeCompare = function (this: string, ...args: Parameters<typeof localeCompare>) {
      calls.push(`localeCompare ${new Error().stack?.split('\n')[2]?.trim() ?? ''}`);
      return localeCompare.apply(this, args);
    };
    const Collator = Intl.Collator;
    Intl.Collator = new Proxy(Collator, {
      construct(target, args: ConstructorParameters<typeof Collator>) {
        calls.push(`new Intl.Collator ${new Error().stack?.split('\n')[2]?.trim() ?? ''}`);
        return new target(...args);
      },
    });
  });
  const errors = collectErrors(page);
  const collatorCalls = () => page.evaluate(() => (window as unknown as {collatorCalls: string[]}).collatorCalls);

  await gotoHydrated(page, '/weeks/week-10/go');
  await page.getByRole('button', {name: 'Toggle navigation bar'}).click();
  const menu = page.locator('.navbar-sidebar');
  // The plan sidebar is the menu's first view, with the page marked as the current one.
  await expect(menu.getByRole('link', {name: 'Go', exact: true}).first()).toHaveAttribute('aria-current', 'page');
  expect(await collatorCalls()).toEqual([]);

  await menu.getByRole('link', {name: '16-Week Roadmap'}).click();
  await expect(page).toHaveURL(/\/roadmap\/roadmap-16-weeks$/);
  await expect(menu).not.toBeVisible();
  expect(await collatorCalls()).toEqual([]);
  expect(errors).toEqual([]);
});
