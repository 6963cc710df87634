import type {Page} from '@playwright/test';
import {expect, test, withoutServiceWorker} from './support/test';
import {collectErrors, gotoHydrated, scrollToDay, studyFor} from './support/site';

const WEEK_10 = '/weeks/week-10/go';

async function createLink(page: Page): Promise<{link: string; ticked: string[]}> {
  await gotoHydrated(page, WEEK_10, {waitUntil: 'networkidle'});
  const ticks = page.locator('[data-plan-day="1"]').getByRole('checkbox', {name: /^Done: /});
  const ticked: string[] = [];
  for (const index of [0, 1]) {
    await ticks.nth(index).check();
    ticked.push((await ticks.nth(index).getAttribute('data-progress-item')) ?? '');
  }
  await page.getByRole('button', {name: 'Move my progress'}).click();
  const field = page.getByRole('textbox', {name: 'Link to your progress'});
  await expect(field).toHaveValue(/#move=4\./);
  return {link: await field.inputValue(), ticked};
}

test('ticks made in one browser arrive in another through the link, after a confirmation', async ({browser, page}) => {
  const {link, ticked} = await createLink(page);
  expect(ticked).toEqual([expect.stringMatching(/^d1-/), expect.stringMatching(/^d1-/)]);
  // The fragment never reaches a server.
  expect(new URL(link).pathname).toBe('/');

  // The QR code library loads when asked for, and draws the same link.
  await page.getByRole('button', {name: 'Show QR code'}).click();
  await expect(page.getByRole('img', {name: /^QR code of the link/})).toBeVisible();

  const other = await withoutServiceWorker(await browser.newContext());
  const phone = await other.newPage();
  const errors = collectErrors(phone);
  await gotoHydrated(phone, link);
  const dialog = phone.getByRole('dialog', {name: 'Progress from your other device'});
  await expect(dialog).toContainText('Merging adds 2 ticks.');
  await expect(dialog.getByRole('listitem')).toHaveText(['Week 10 · Go: 2 ticks']);
  // Nothing is stored before the reader confirms.
  expect(await phone.evaluate(() => Object.keys(localStorage).length)).toBe(0);
  await dialog.getByRole('button', {name: 'Merge progress'}).click();
  await expect(dialog.getByRole('status')).toContainText('Imported: 2 ticks added.');
  await dialog.getByRole('button', {name: 'Close'}).click();
  await expect(dialog).toBeHidden();
  // Playwright learns of the page's history.replaceState by an event of its own, which may come after the dialog is
  // gone: read the address until it has.
  await expect.poll(() => new URL(phone.url()).hash).toBe('');

  await gotoHydrated(phone, WEEK_10, {waitUntil: 'networkidle'});
  await scrollToDay(phone, 1);
  for (const itemId of ticked) await expect(phone.locator(`[data-progress-item="${itemId}"]`).first()).toBeChecked();
  expect(errors).toEqual([]);
  await other.close();
});

test('a link cut off when copied changes nothing and says why', async ({browser, page}) => {
  const {link, ticked} = await createLink(page);
  const other = await withoutServiceWorker(await browser.newContext());
  const phone = await other.newPage();
  await gotoHydrated(phone, link.slice(0, -12));
  const dialog = phone.getByRole('dialog', {name: 'Progress from your other device'});
  await expect(dialog).toContainText('This progress link is damaged or incomplete');
  await expect(dialog).toContainText('Nothing was changed.');
  await expect(dialog.getByRole('button', {name: 'Merge progress'})).toHaveCount(0);
  await dialog.getByRole('button', {name: 'Close'}).click();
  expect(await phone.evaluate(() => localStorage.getItem('go-study-plans'))).toBeNull();

  await gotoHydrated(phone, WEEK_10, {waitUntil: 'networkidle'});
  await expect(phone.locator(`[data-progress-item="${ticked[0]}"]`).first()).not.toBeChecked();
  await other.close();
});

test('"review later" marks travel in the link and in an export file, and join the queue on the other device', async ({browser, page}, testInfo) => {
  await gotoHydrated(page, WEEK_10, {waitUntil: 'networkidle'});
  const toggle = page.locator('[data-plan-day="2"] [data-review-toggle]').first();
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', {name: 'Move my progress'}).click();
  const field = page.getByRole('textbox', {name: 'Link to your progress'});
  await expect(field).toHaveValue(/#move=4\./);
  const link = await field.inputValue();
  const download = page.waitForEvent('download');
  await page.getByRole('button', {name: 'Export progress'}).first().click();
  const file = testInfo.outputPath('progress.json');
  await (await download).saveAs(file);

  const other = await withoutServiceWorker(await browser.newContext());
  const phone = await other.newPage();
  const errors = collectErrors(phone);
  await gotoHydrated(phone, link);
  const dialog = phone.getByRole('dialog', {name: 'Progress from your other device'});
  await expect(dialog).toContainText('1 "review later" mark is added.');
  await dialog.getByRole('button', {name: 'Merge progress'}).click();
  await expect(dialog.getByRole('status')).toContainText('Review later: 1 mark added.');
  await dialog.getByRole('button', {name: 'Close'}).click();
  await gotoHydrated(phone, '/review');
  await expect(phone.locator('[data-review-card="d2-b1"]')).toBeVisible();

  // The export file carries the same mark; importing it where the mark already is changes nothing.
  await gotoHydrated(phone, WEEK_10, {waitUntil: 'networkidle'});
  await phone.locator('[data-progress-import]').first().setInputFiles(file);
  await expect(phone.getByRole('status').filter({hasText: /^Imported: 0 ticks added\.$/})).toBeVisible();
  await scrollToDay(phone, 2);
  await expect(phone.locator('[data-plan-day="2"] [data-review-toggle]').first()).toHaveAttribute('aria-pressed', 'true');
  expect(errors).toEqual([]);
  await other.close();
});

for (const timezoneId of ['Europe/Berlin', 'America/New_York']) {
  test.describe(`in ${timezoneId}`, () => {
    test.use({timezoneId, locale: 'en-GB'});

    test('a followed plan, the time log and a paused timer arrive on the other device through the link', async ({browser, page}) => {
      // Monday 2 March 2026, mid-day UTC: the same date in both zones.
      const monday = new Date('2026-03-02T11:00:00Z');
      await page.clock.install({time: monday});
      await gotoHydrated(page, WEEK_10);
      await page.getByRole('button', {name: 'Follow this plan'}).click();
      const follow = page.getByRole('dialog', {name: /^Follow Week 10/});
      await follow.getByRole('button', {name: 'Follow', exact: true}).click();
      await expect(follow).toBeHidden();

      // Half an hour on Day 1's first block, then paused: a run in the time log, and a timer with 30 minutes left.
      await gotoHydrated(page, '/today');
      const day1 = page.locator('[data-follow] [data-today-day="1"]');
      await day1
        .getByRole('button', {name: /^Start \d+/})
        .first()
        .click();
      // Pause shows first: the running controls load on demand.
      const pause = day1.getByRole('button', {name: /^Pause/}).first();
      await expect(pause).toBeVisible();
      // A run is timed from when it started: the clock moves on the half hour (see studyFor).
      await studyFor(page, 30);
      await pause.click();
      await expect(page.locator('[data-time-spent] [data-heatmap-text]')).toContainText('Timed study on 1 of these days, 30 min in all');

      await gotoHydrated(page, WEEK_10, {waitUntil: 'networkidle'});
      await page.getByRole('button', {name: 'Move my progress'}).click();
      const field = page.getByRole('textbox', {name: 'Link to your progress'});
      await expect(field).toHaveValue(/#move=4\./);
      const link = await field.inputValue();

      const other = await withoutServiceWorker(await browser.newContext({timezoneId, locale: 'en-GB'}));
      const phone = await other.newPage();
      await phone.clock.install({time: new Date(monday.getTime() + 60 * 60_000)});
      const errors = collectErrors(phone);
      await gotoHydrated(phone, link);
      const dialog = phone.getByRole('dialog', {name: 'Progress from your other device'});
      await expect(dialog).toContainText('It also adds 1 followed plan, 1 timer run of the time log, 1 paused timer.');
      await dialog.getByRole('button', {name: 'Merge progress'}).click();
      await expect(dialog.getByRole('status')).toContainText('Time: 1 timer run added to the time log; 1 paused timer added.');
      await dialog.getByRole('button', {name: 'Close'}).click();

      await gotoHydrated(phone, '/today');
      await expect(phone.locator('[data-follow] [data-today-day="1"]')).toBeVisible();
      await expect(phone.locator('[data-time-spent] [data-heatmap-text]')).toContainText('Timed study on 1 of these days, 30 min in all');
      await expect(phone.locator('[data-time-spent] rect[data-date="2026-03-02"]')).toHaveAttribute('data-level', '1');
      // The timer arrived paused with its half hour left, to resume where it stopped.
      await expect(
        phone
          .locator('[data-follow] [data-today-day="1"]')
          .getByRole('button', {name: /^Resume/})
          .first(),
      ).toBeVisible();
      expect(errors).toEqual([]);
      await other.close();
    });
  });
}
