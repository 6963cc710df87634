import {expect, test} from './support/test';
import {gotoHydrated} from './support/site';

// The worker's own requests (keeping pages for offline use) must stay on this host too.
test.use({serviceWorker: 'installed'});

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

test('using every feature (pages, search, 4h/6h, timers, ticks, print, progress and calendar export, code) sends no request beyond this host', async ({
  context,
  page,
}) => {
  const requested: string[] = [];
  // On the context, so worker and prefetch requests are recorded as well as the page's own.
  context.on('request', (request) => requested.push(request.url()));

  await gotoHydrated(page, '/', {waitUntil: 'networkidle'});
  await page.getByRole('link', {name: '14-day plan'}).first().click();
  await expect(page).toHaveURL(/\/intensive\/senior-go-14-days/);
  await expect(page.locator('[data-plan-id="intensive/senior-go-14-days"]')).toBeVisible();

  // The URL changes before the new page has rendered; a shortcut pressed in between can be lost, so press again until it lands.
  const search = page.getByRole('combobox', {name: 'Search'}).or(page.getByRole('textbox', {name: 'Search'}));
  await expect(async () => {
    await page.keyboard.press('Control+k');
    await expect(search).toBeFocused({timeout: 1_000});
  }).toPass({timeout: 20_000});
  await page.keyboard.type('rate limiter');
  // The index is fetched on first use: on a busy machine that takes longer than an assertion's default wait.
  await expect(page.getByRole('option').first()).toBeVisible({timeout: 20_000});
  await page.keyboard.press('Enter');
  await page.waitForLoadState('networkidle');

  await gotoHydrated(page, '/weeks/week-13/go', {waitUntil: 'networkidle'});
  await page
    .getByRole('radio', {name: /6-hour plan/})
    .first()
    .check();
  await page.getByRole('button', {name: 'Add to calendar', exact: true}).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('dialog').getByRole('button', {name: 'Download .ics'}).click()]);
  expect(download.suggestedFilename()).toMatch(/\.ics$/);
  await page.keyboard.press('Escape');

  await page.evaluate(() => {
    window.print = () => {};
  });
  const day1 = page.locator('[data-plan-day="1"]');
  await day1
    .getByRole('button', {name: /^Start \d/})
    .first()
    .click();
  await day1
    .getByRole('checkbox', {name: /^Done: /})
    .first()
    .check();
  await day1.getByRole('button', {name: /^Print this day/}).click();
  const [progressFile] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', {name: 'Export progress'}).click()]);
  expect(progressFile.suggestedFilename()).toMatch(/\.json$/);
  await page.getByRole('button', {name: /^Pause, /}).click();

  // The one page with a code block loads the highlighter on demand.
  await gotoHydrated(page, '/topic-banks/machine-coding-bank', {waitUntil: 'networkidle'});

  await gotoHydrated(page, '/search?q=goroutine', {waitUntil: 'networkidle'});
  await gotoHydrated(page, '/roadmap/roadmap-16-weeks', {waitUntil: 'networkidle'});

  expect(requested.length).toBeGreaterThan(10);
  const elsewhere = requested.filter((url) => {
    const {protocol, hostname} = new URL(url);
    return !['data:', 'blob:'].includes(protocol) && !LOCAL_HOSTS.has(hostname);
  });
  expect(elsewhere).toEqual([]);
});
