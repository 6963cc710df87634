import {readFile} from 'node:fs/promises';
import type {Page} from '@playwright/test';
import {expect, test} from './support/test';
import {collectErrors, gotoHydrated, reloadHydrated, scrollToDay, studyFor} from './support/site';
import {pdfPageCount, pdfText} from './support/pdf';

const WEEK_10 = '/weeks/week-10/go';
// Monday 2 March 2026, and the Wednesday two days later; mid-day UTC is the same date in both zones.
const MONDAY = new Date('2026-03-02T11:00:00Z');
const WEDNESDAY = new Date('2026-03-04T11:00:00Z');

/** Exports the followed plan's schedule and returns the UIDs in the file. */
async function exportSchedule(page: Page): Promise<string[]> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', {name: 'Add the schedule to your calendar'}).click();
  const text = await readFile((await (await download).path())!, 'utf8');
  return [...text.matchAll(/^UID:(.+)$/gm)].map((match) => match[1]!.trim());
}

async function followFromToday(page: Page): Promise<void> {
  await gotoHydrated(page, WEEK_10);
  await page.getByRole('button', {name: 'Follow this plan'}).click();
  const dialog = page.getByRole('dialog', {name: /^Follow Week 10/});
  await expect(dialog).toBeVisible();
  // The start date defaults to the reader's today.
  await expect(dialog.getByLabel('Start date (Day 1)')).toHaveValue('2026-03-02');
  await expect(dialog.getByRole('radio', {name: 'This week only'})).toBeChecked();
  await expect(dialog.getByRole('checkbox', {name: 'Sunday'})).toBeChecked();
  await dialog.getByRole('button', {name: 'Follow', exact: true}).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('You follow this plan from Mon, 2 Mar 2026.')).toBeVisible();
}

for (const timezoneId of ['Europe/Berlin', 'America/New_York']) {
  test.describe(`following Week 10 in ${timezoneId}`, () => {
    test.use({timezoneId, locale: 'en-GB'});

    test('two days later: Day 3 today, Days 1–2 overdue; shift makes Day 1 today; ticking counts', async ({page}) => {
      const errors = collectErrors(page);
      await page.clock.install({time: MONDAY});
      await followFromToday(page);

      await page.clock.setSystemTime(WEDNESDAY);
      await gotoHydrated(page, '/today');
      const follow = page.locator('[data-follow]');
      const day3 = follow.locator('[data-today-day="3"]');
      await expect(day3.getByRole('heading', {level: 3})).toHaveText('Day 3: Notification System: Requirements & Channels');
      await expect(day3.getByRole('checkbox')).toHaveCount(4);
      await expect(day3.getByRole('button', {name: /^Start \d+/})).toHaveCount(4);
      await expect(day3.locator('[data-day-progress]')).toHaveText(/^0 of 4 done/);

      const overdue = follow.locator('[data-overdue]');
      await expect(overdue.getByRole('heading')).toHaveText('Overdue: 8 unticked items');
      await expect(overdue.locator('[data-overdue-item]')).toHaveCount(8);
      await expect(overdue.getByRole('listitem').first()).toContainText('Day 1:');
      for (const sentence of [
        'Keep the dates: the overdue items show under today until you tick them.',
        'The oldest unfinished day becomes today’s, and every later day moves by the same number of days.',
        'Leave them unticked and go on with today’s day.',
      ]) {
        await expect(overdue.getByText(sentence)).toBeVisible();
      }
      await expect(follow.locator('[data-forecast]')).toContainText('Scheduled to end on Sun, 8 Mar 2026.');

      const exported = await exportSchedule(page);
      expect(exported).toHaveLength(19); // Days 3–7: four blocks a day, three on Day 7

      await overdue.getByRole('button', {name: 'Shift'}).click();
      const day1 = follow.locator('[data-today-day="1"]');
      await expect(day1).toBeVisible();
      await expect(follow.locator('[data-overdue]')).toHaveCount(0);
      // Day 3 moved two days later, and so did the last day.
      await expect(follow.locator('[data-forecast]')).toContainText('Scheduled to end on Tue, 10 Mar 2026.');
      // Exported again after the shift: the same events move (same UIDs), and Days 1–2 are added.
      const again = await exportSchedule(page);
      expect(again).toHaveLength(27);
      expect(again).toEqual(expect.arrayContaining(exported));

      await day1.getByRole('checkbox').first().check();
      await expect(day1.locator('[data-day-progress]')).toHaveText(/^1 of 4 done/);
      // Where the time went: the tick counts today and starts the streak; a timer's minutes colour today's cell.
      const spent = page.locator('[data-time-spent]');
      await expect(spent.locator('[data-streak]')).toContainText('Streak: 1 day');
      await expect(spent.locator('tr[data-date="2026-03-04"] td').last()).toHaveText('1');
      await expect(spent.locator('rect[data-date="2026-03-04"]')).toHaveAttribute('data-level', '0');
      await day1
        .getByRole('button', {name: /^Start \d+/})
        .first()
        .click();
      // The running controls load on demand: the reader sees Pause before the half hour starts.
      const pause = day1.getByRole('button', {name: /^Pause/}).first();
      await expect(pause).toBeVisible();
      // Half an hour of study. A run is timed from when it started, so the clock jumps there (as the block timer's
      // own tests do) rather than firing 1,800 one-second countdown ticks, which the block timer's tests cover.
      await studyFor(page, 30);
      await pause.click();
      await expect(spent.locator('rect[data-date="2026-03-04"]')).toHaveAttribute('data-level', '1');
      await expect(spent.locator('[data-heatmap-text]')).toContainText('Timed study on 1 of these days, 30 min in all');

      await reloadHydrated(page);
      await expect(follow.locator('[data-today-day="1"] [data-day-progress]')).toHaveText(/^1 of 4 done/);
      await expect(spent.locator('rect[data-date="2026-03-04"]')).toHaveAttribute('data-level', '1');

      // The home page's Today card says the same.
      await gotoHydrated(page, '/');
      await expect(page.locator('[data-today-card]')).toContainText('Week 10 · Go — Day 1:');
      expect(errors).toEqual([]);
    });
  });
}

test.describe('the Today page', () => {
  test.use({timezoneId: 'America/New_York', locale: 'en-GB'});

  test('today’s day is the plan’s own: details, review and note controls, its notes, and Print this day prints it alone', async ({page}, testInfo) => {
    const errors = collectErrors(page);
    await page.clock.install({time: MONDAY});
    await followFromToday(page);
    await page.clock.setSystemTime(WEDNESDAY);
    await gotoHydrated(page, '/today');
    const day3 = page.locator('[data-follow] [data-today-day="3"]');
    // The block's details come from the plan, as on its page.
    await expect(day3.getByText('Functional and non-functional requirements.')).toBeVisible();
    await expect(day3.getByRole('button', {name: /Review later/})).toHaveCount(4);
    await day3.getByLabel('Notes for day 3').fill('Fan-out on write or on read?');
    await day3.getByLabel('Notes for day 3').blur();
    await gotoHydrated(page, WEEK_10);
    await scrollToDay(page, 3);
    // The same note, on the plan page's Day 3: one store, one plan id.
    await expect(page.getByLabel('Notes for day 3')).toHaveValue('Fan-out on write or on read?');
    await gotoHydrated(page, '/today');
    await page.evaluate(() => {
      window.print = () => undefined;
    });
    await day3.getByRole('button', {name: /^Print this day/}).click();
    const pdf = await page.pdf({format: 'A4'});
    expect(pdfPageCount(pdf)).toBe(1);
    const text = pdfText(pdf, testInfo.outputPath('today-day-3.pdf'));
    expect(text).toContain('Day 3: Notification System: Requirements & Channels');
    expect(text).toContain('Block 1 · Requirements');
    expect(text).toContain('Fan-out on write or on read?');
    expect(text).not.toContain('Overdue');
    expect(errors).toEqual([]);
  });

  test('before the start date: starts in N days, with a link to Day 1; stop following keeps ticks', async ({page}) => {
    const errors = collectErrors(page);
    // 22:30 on Sunday 1 March in New York is already Monday in UTC: the reader's date counts.
    await page.clock.install({time: new Date('2026-03-02T03:30:00Z')});
    await gotoHydrated(page, WEEK_10);
    await page.getByRole('button', {name: 'Follow this plan'}).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByLabel('Start date (Day 1)')).toHaveValue('2026-03-01');
    await dialog.getByLabel('Start date (Day 1)').fill('2026-03-04');
    await dialog.getByRole('button', {name: 'Follow', exact: true}).click();
    await gotoHydrated(page, '/today');
    await expect(page.getByText('Starts in 3 days (Wed, 4 Mar 2026).')).toBeVisible();
    await expect(page.getByRole('link', {name: /^Read Day 1:/})).toHaveAttribute('href', /\/weeks\/week-10\/go#day-1$/);

    await gotoHydrated(page, WEEK_10);
    await page.locator('[data-progress-item="d1-b1"]').first().check();
    await page.getByRole('button', {name: 'Stop following'}).click();
    await expect(page.getByText('Stopped following. Your ticks are kept.')).toBeVisible();
    await reloadHydrated(page);
    await expect(page.locator('[data-progress-item="d1-b1"]').first()).toBeChecked();
    await gotoHydrated(page, '/today');
    await expect(page.getByText(/You follow no plan yet/)).toBeVisible();
    expect(errors).toEqual([]);
  });
});

test.describe('the Today page with storage that fails', () => {
  test.use({timezoneId: 'Europe/Berlin', locale: 'en-GB'});

  test('corrupted storage: the page still works and following saves after a backup copy', async ({page}) => {
    const errors = collectErrors(page);
    await page.clock.install({time: MONDAY});
    await page.addInitScript(() => {
      if (!sessionStorage.getItem('seeded')) localStorage.setItem('go-study-plans', '{"version":2,"follows":[{"id":"f-1","planIds":["weeks/week-10/go"],"sta');
      sessionStorage.setItem('seeded', 'yes');
    });
    await gotoHydrated(page, '/today');
    await expect(page.getByText(/You follow no plan yet/)).toBeVisible();
    await followFromToday(page);
    await gotoHydrated(page, '/today');
    await expect(page.locator('[data-today-day="1"]')).toBeVisible();
    expect(await page.evaluate(() => Object.keys(localStorage).some((key) => key.startsWith('go-study-plans:backup:')))).toBe(true);
    expect(errors).toEqual([]);
  });

  test('full storage: following works for this visit, and the notice says it is not saved', async ({page}) => {
    const errors = collectErrors(page);
    await page.clock.install({time: MONDAY});
    await gotoHydrated(page, WEEK_10);
    await page.evaluate(() => {
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key: string, value: string) {
        if (key === 'go-study-plans') throw new DOMException('full', 'QuotaExceededError');
        return setItem.call(this, key, value);
      };
    });
    await page.getByRole('button', {name: 'Follow this plan'}).click();
    await page.getByRole('dialog').getByRole('button', {name: 'Follow', exact: true}).click();
    await expect(page.getByText('You follow this plan from Mon, 2 Mar 2026.')).toBeVisible();
    await expect(
      page
        .locator('[data-storage-notice]')
        .getByText(/storage for this site is full/)
        .first(),
    ).toBeVisible();
    // Client-side navigation keeps the in-memory state: Today shows the plan for this visit.
    await page.getByRole('link', {name: 'Today', exact: true}).first().click();
    await expect(page.locator('[data-today-day="1"]')).toBeVisible();
    expect(errors).toEqual([]);
  });
});
