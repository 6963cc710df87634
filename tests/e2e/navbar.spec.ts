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

test('on a phone, the navbar and its menu draw the mark and the search magnifier in the page, loading no image for them', async ({page}) => {
  // An SVG file in an <img> or a CSS background is a document of its own, which the browser builds on the page's main
  // thread: 5–12 ms of a load each (src/theme/Logo, src/theme/SearchBar/styles.module.css).
  const errors = collectErrors(page);
  await gotoHydrated(page, '/weeks/week-10/go');
  const navbar = page.locator('nav.navbar');
  const home = navbar.getByRole('link', {name: 'Go Study Plans'});
  await expect(home.locator('svg')).toBeVisible();
  expect((await home.locator('svg').boundingBox())?.height).toBe(32);
  const search = navbar.getByRole('combobox', {name: 'Search'});
  await expect(search).toBeVisible();
  expect(await search.evaluate((input) => getComputedStyle(input).backgroundImage)).toBe('none');
  // The magnifier's lens: a ring drawn by the field's box, in the field's text colour.
  const lens = await search.evaluate((input) => {
    const ring = getComputedStyle(input.parentElement!, '::before');
    return {border: ring.borderTopWidth, radius: ring.borderTopLeftRadius, colour: ring.borderTopColor, text: getComputedStyle(input).color};
  });
  expect({border: lens.border, radius: lens.radius}).toEqual({border: '2px', radius: '50%'});
  expect(lens.colour).toBe(lens.text);

  await page.getByRole('button', {name: 'Toggle navigation bar'}).click();
  const menu = page.locator('.navbar-sidebar');
  await expect(menu.getByRole('link', {name: 'Go Study Plans'}).locator('svg')).toBeVisible();
  expect(await page.locator('.navbar img, .navbar-sidebar img').count()).toBe(0);
  expect(errors).toEqual([]);
});
