import {readFileSync} from 'node:fs';
import type {Page} from '@playwright/test';
import {expect, test} from './support/test';
import {collectErrors, gotoHydrated, reloadHydrated} from './support/site';

const WEEK_09 = '/weeks/week-09/go';
const INTENSIVE = '/intensive/senior-go-14-days';
const ROADMAP = '/roadmap/roadmap-16-weeks';

const tick = (page: Page, name: string) => page.getByRole('checkbox', {name: `Done: ${name}`});
/** The "done/total" a progress bar announces. */

test.describe('ticks', () => {
  test('survive reload and navigation, by keyboard, with day and week totals', async ({page}) => {
    const errors = collectErrors(page);
    await gotoHydrated(page, WEEK_09);
    const block1 = tick(page, 'Block 1 · Concepts').first();
    await block1.focus();
    await page.keyboard.press('Space');
    await expect(block1).toBeChecked();
    await tick(page, 'Block 2 · Template Creation').click();
    await expect(page.locator('[data-plan-day="1"]').getByRole('progressbar', {name: 'Day 1 (4 h plan) progress'})).toHaveAttribute(
      'aria-valuetext',
      '2/4 done',
    );
    await expect(page.locator('[data-plan-day="1"]').getByText('2/4 done')).toBeVisible();
    await expect(page.locator('[data-plan-progress]').getByText('2/25 done')).toBeVisible();

    await reloadHydrated(page);
    await expect(tick(page, 'Block 1 · Concepts').first()).toBeChecked();
    await expect(tick(page, 'Block 2 · Template Creation')).toBeChecked();

    await gotoHydrated(page, INTENSIVE);
    await tick(page, 'Go Memory Model').click();
    await page.getByRole('link', {name: 'Roadmap', exact: true}).first().click();
    await expect(page).toHaveURL(ROADMAP);
    await expect(page.locator('[data-week="9"]').getByText('2/25 done')).toBeVisible();
    await expect(
      page
        .locator('[data-roadmap="intensive"]')
        .getByText(/^1\/\d+ done$/)
        .first(),
    ).toBeVisible();

    await page.goBack();
    await expect(tick(page, 'Go Memory Model')).toBeChecked();
    expect(errors).toEqual([]);
  });

  test('count the 6-hour additions only in the 6-hour plan', async ({page}) => {
    await gotoHydrated(page, WEEK_09);
    await tick(page, 'Block 1 · Concepts').first().click();
    await page
      .getByRole('radio', {name: /6-hour plan/})
      .first()
      .check();
    await tick(page, 'Practice').first().click();
    await expect(page.locator('[data-plan-day="1"]').getByText('2/5 done')).toBeVisible();
    await page
      .getByRole('radio', {name: /4-hour plan/})
      .first()
      .check();
    await expect(page.locator('[data-plan-day="1"]').getByText('1/4 done')).toBeVisible();
  });

  test('appear in a second tab without a reload', async ({context}) => {
    const first = await context.newPage();
    const second = await context.newPage();
    await gotoHydrated(first, WEEK_09);
    await gotoHydrated(second, WEEK_09);
    // The reader of the second tab has the day in view.
    await tick(second, 'Block 3 · DSA').first().scrollIntoViewIfNeeded();
    await first.bringToFront();
    await tick(first, 'Block 3 · DSA').first().click();
    await expect(tick(second, 'Block 3 · DSA').first()).toBeChecked();
    await expect(second.locator('[data-plan-progress]').getByText('1/25 done')).toBeVisible();
  });

  test('continue where you left off, on the home page', async ({page}) => {
    await gotoHydrated(page, '/');
    await expect(page.getByRole('heading', {name: 'Continue where you left off'})).toHaveCount(0);
    await gotoHydrated(page, '/weeks/week-13/go#day-3');
    await tick(page, 'Block 1 · Design').nth(2).click();
    await gotoHydrated(page, '/');
    await expect(page.getByRole('heading', {name: 'Continue where you left off'})).toBeVisible();
    await page.getByRole('link', {name: 'Continue with day 3'}).click();
    await expect(page).toHaveURL('/weeks/week-13/go#day-3');
  });
});

test.describe('reset, export and import', () => {
  test('export, reset this week, import: the later reset stands and says so; into a browser whose data was cleared, every tick comes back exactly', async ({
    page,
  }, testInfo) => {
    await gotoHydrated(page, WEEK_09);
    for (const name of ['Block 1 · Concepts', 'Block 4 · Review']) await tick(page, name).first().click();
    await tick(page, 'Block 2 · Design Exercises').click();
    const before = await page.evaluate(() => localStorage.getItem('go-study-plans'));
    const stored = JSON.parse(before!).progress;

    const download = page.waitForEvent('download');
    await page.getByRole('button', {name: 'Export progress'}).first().click();
    const file = testInfo.outputPath('progress.json');
    await (await download).saveAs(file);
    const exported = JSON.parse(readFileSync(file, 'utf8'));
    expect(exported).toMatchObject({app: 'go-study-plans', version: 7, progress: stored, follows: [], review: {}, timerRuns: [], detached: []});
    // Each tick goes with the text of its item, so an import after a plan edit puts it on that item.
    expect(Object.keys(exported.stamps['weeks/week-09/go']).sort()).toEqual(Object.keys(stored['weeks/week-09/go']).sort());

    await page.getByRole('button', {name: 'Reset this week'}).click();
    await page.getByRole('button', {name: 'Yes, reset'}).click();
    await expect(page.getByRole('status').filter({hasText: 'Reset this week: 3 ticks removed.'})).toBeVisible();
    await expect(tick(page, 'Block 1 · Concepts').first()).not.toBeChecked();

    // The reset came after the file was made: as between two devices, the later change wins, and the import says so.
    await page.locator('[data-progress-import]').first().setInputFiles(file);
    await expect(page.getByRole('status').filter({hasText: 'Left as they are here: 3 ticks of the file, removed here after the file was made'})).toBeVisible();
    await expect(tick(page, 'Block 1 · Concepts').first()).not.toBeChecked();

    // A browser whose data was cleared has no later change: the file brings everything back.
    await page.evaluate(() => localStorage.clear());
    await reloadHydrated(page);
    await page.locator('[data-progress-import]').first().setInputFiles(file);
    await expect(page.getByRole('status').filter({hasText: 'Imported: 3 ticks added.'})).toBeVisible();
    await expect(tick(page, 'Block 1 · Concepts').first()).toBeChecked();
    const after = JSON.parse((await page.evaluate(() => localStorage.getItem('go-study-plans')))!).progress;
    expect(after).toEqual(stored);
  });

  test('a malformed file changes nothing and says why', async ({page}) => {
    await gotoHydrated(page, WEEK_09);
    await tick(page, 'Block 1 · Concepts').first().click();
    const before = await page.evaluate(() => localStorage.getItem('go-study-plans'));
    await gotoHydrated(page, ROADMAP);
    await page
      .locator('[data-progress-import]')
      .first()
      .setInputFiles({name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"app":"something-else","progress":{}}')});
    await expect(page.getByRole('alert').filter({hasText: 'Import failed: This is not a Go Study Plans progress export'})).toBeVisible();
    await page
      .locator('[data-progress-import]')
      .first()
      .setInputFiles({name: 'cut.json', mimeType: 'application/json', buffer: Buffer.from('{"app":"go-study-plans","version":1,"progress":{')});
    await expect(page.getByRole('alert').filter({hasText: /not valid JSON .* Nothing was changed\./})).toBeVisible();
    expect(await page.evaluate(() => localStorage.getItem('go-study-plans'))).toBe(before);
    await gotoHydrated(page, WEEK_09);
    await tick(page, 'Block 1 · Concepts').first().scrollIntoViewIfNeeded();
    await expect(tick(page, 'Block 1 · Concepts').first()).toBeChecked();
  });
});

test.describe('roadmap', () => {
  test('shows the present weeks and the missing ones, and the 14-day plan', async ({page}) => {
    await gotoHydrated(page, ROADMAP);
    for (const week of [9, 10, 11, 13]) {
      const card = page.locator(`[data-week="${week}"]`);
      await expect(card).toHaveAttribute('data-status', 'present');
      await expect(card.getByRole('link', {name: 'Go', exact: true})).toHaveAttribute('href', `/weeks/week-${String(week).padStart(2, '0')}/go`);
      await expect(card).toContainText(/4 h plan: \d+ h/);
      await expect(card).toContainText(/6 h plan: \d+ h/);
    }
    for (const week of [1, 2, 3, 4, 5, 6, 7, 8, 12, 14, 15, 16]) {
      const card = page.locator(`[data-week="${week}"]`);
      await expect(card).toHaveAttribute('data-status', 'missing');
      await expect(card).toContainText('Open for contribution');
      await expect(card.locator('code')).toHaveText(`npm run new-week -- --week ${week} --track go`);
    }
    await expect(page.getByRole('link', {name: 'Day 14: Interview Preparation (Coding & Behavioral)'})).toHaveAttribute('href', `${INTENSIVE}#day-14`);
  });
});
