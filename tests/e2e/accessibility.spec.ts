import {expect, test} from './support/test';
import {builtPages, gotoHydrated, headingOutline, skippedHeadingLevels, watchPageHealth} from './support/site';
import {A11Y_TAGS, axeScan, expectNoViolationsInEitherScheme} from './support/axe';

/** Every page of the production build, from its sitemap, as paths, and the search page showing results. */
const pages = [...builtPages(), '/search?q=goroutine'];

test('the sitemap lists the plan pages', () => {
  expect(pages).toEqual(expect.arrayContaining(['/weeks/week-09/go', '/intensive/senior-go-14-days', '/roadmap/roadmap-16-weeks', '/search']));
});

// One load of each page checks what a reader never sees fail: it loads and hydrates cleanly (the plan pages'
// ?plan= variants are visited in page-health.spec.ts), its heading outline, and axe. The page is scanned in light
// mode, then switched to dark as the reader's system would switch it (the site follows the system's scheme until the
// reader picks one), and scanned again.
test.use({colorScheme: 'light'});
for (const pagePath of pages) {
  test(`${pagePath} loads and hydrates without console errors or warnings or requests to other origins, has one h1 and no skipped heading levels, and no axe violations in light or dark mode`, async ({
    page,
    baseURL,
  }) => {
    const health = watchPageHealth(page, baseURL);
    const response = await gotoHydrated(page, pagePath, {waitUntil: 'networkidle'});
    expect(response?.status()).toBe(200);
    expect(health.problems).toEqual([]);
    expect(health.otherOrigins).toEqual([]);

    // Screen-reader users navigate by heading level; a skipped level reads as missing content.
    if (pagePath.startsWith('/search?')) await expect(page.locator('main article').first()).toBeVisible();
    const outline = await headingOutline(page);
    expect(outline.filter((heading) => heading.level === 1).map((heading) => heading.text)).toHaveLength(1);
    expect(outline[0]?.level, 'the first heading should be the h1').toBe(1);
    expect(skippedHeadingLevels(outline)).toEqual([]);

    // Interactive state too: a running timer and a ticked item must stay accessible.
    const start = page.getByRole('button', {name: /^Start \d/}).first();
    if (await start.count()) await start.click();
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({colorScheme: scheme});
      await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
      const results = await axeScan(page).withTags(A11Y_TAGS).analyze();
      const summary = results.violations.map(
        (violation) =>
          `${scheme} mode: ${violation.id}: ${violation.nodes
            .map((node) => node.target.join(' '))
            .slice(0, 3)
            .join(', ')}`,
      );
      expect(summary).toEqual([]);
    }
  });
}

/** A reader who follows Week 10 from Monday 2 March 2026 and opens the site on Wednesday: overdue items, today's day, timers. */
const FOLLOWING = JSON.stringify({
  version: 2,
  progress: {'weeks/week-10/go': {'d1-b1': Date.parse('2026-03-02T12:00:00Z')}},
  follows: [
    {
      id: 'f-a11y',
      planIds: ['weeks/week-10/go'],
      start: '2026-03-02',
      variant: null,
      weekdays: [0, 1, 2, 3, 4, 5, 6],
      shifts: [],
      skipBefore: 0,
      catchUpBefore: 0,
    },
  ],
});

test.describe('following a plan', () => {
  test.use({colorScheme: 'light', timezoneId: 'Europe/Berlin'});
  for (const pagePath of ['/today', '/']) {
    test(`${pagePath} with a followed plan has no axe violations in light or dark mode`, async ({page}) => {
      await page.clock.install({time: new Date('2026-03-04T11:00:00Z')});
      await page.addInitScript((stored) => window.localStorage.setItem('go-study-plans', stored), FOLLOWING);
      await gotoHydrated(page, pagePath);
      await expect(page.locator(pagePath === '/today' ? '[data-overdue]' : '[data-today-card]')).toBeVisible();
      // Today's day is built from the plan's own module, which arrives after the page: check it too.
      if (pagePath === '/today') await expect(page.locator('[data-today-day] [data-plan-item]').first()).toBeVisible();
      const start = page.getByRole('button', {name: /^Start \d/}).first();
      if (await start.count()) await start.click();
      await expectNoViolationsInEitherScheme(page);
    });
  }
});

test('"Move my progress" with its QR code, and the merge dialog it opens, have no axe violations in light or dark mode', async ({page}) => {
  await page.emulateMedia({colorScheme: 'light'});
  await gotoHydrated(page, '/weeks/week-10/go', {waitUntil: 'networkidle'});
  await page
    .getByRole('checkbox', {name: /^Done: /})
    .first()
    .check();
  await page.getByRole('button', {name: 'Move my progress'}).click();
  await page.getByRole('button', {name: 'Show QR code'}).click();
  await expect(page.getByRole('img', {name: /^QR code/})).toBeVisible();
  await expectNoViolationsInEitherScheme(page);
  const link = await page.getByRole('textbox', {name: 'Link to your progress'}).inputValue();
  await page.evaluate(() => localStorage.clear());
  await gotoHydrated(page, link);
  await expect(page.getByRole('dialog')).toContainText('Merging adds 1 tick.');
  await expectNoViolationsInEitherScheme(page);
});

test('/notes listing records of a plan no longer on the site, with its Delete confirmation, has no axe violations in light or dark mode', async ({page}) => {
  await page.emulateMedia({colorScheme: 'light'});
  const stored = JSON.stringify({
    version: 6,
    progress: {'weeks/week-08/rust': {'d1-b1': Date.UTC(2026, 2, 4)}},
    dayNotes: {'weeks/week-08/rust': {'1': 'Lifetimes'}},
  });
  await page.addInitScript((value) => window.localStorage.setItem('go-study-plans', value), stored);
  await gotoHydrated(page, '/notes');
  await expect(page.locator('[data-orphaned-plan="weeks/week-08/rust"]')).toContainText('1 tick, 1 note');
  await expectNoViolationsInEitherScheme(page);
  await page.getByRole('button', {name: 'Delete what is kept for weeks/week-08/rust'}).click();
  await expect(page.getByRole('button', {name: 'Delete for good'})).toBeFocused();
  await expectNoViolationsInEitherScheme(page);
});
