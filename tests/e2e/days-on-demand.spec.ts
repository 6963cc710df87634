import type {Page} from '@playwright/test';
import {expect, test} from './support/test';
import {collectErrors, gotoHydrated, scrollThroughDays, scrollToDay} from './support/site';

// A day hydrates when the reader nears it (src/components/HydrateWhenNear): these check what the reader of a long
// plan on a phone meets further down, where the page's first render left the server's HTML alone.
const PLAN = '/intensive/senior-go-14-days';
const NOTE = 'Compare with the sharded map from day 3';

test.use({viewport: {width: 412, height: 823}});

const day = (page: Page, number: number) => page.locator(`[data-plan-day="${number}"]`);
const firstTick = (page: Page, number: number) =>
  day(page, number)
    .getByRole('checkbox', {name: /^Done: /})
    .first();

async function keepRecordsFarDown(page: Page): Promise<void> {
  await gotoHydrated(page, PLAN);
  await firstTick(page, 12).check();
  await day(page, 11)
    .getByRole('button', {name: /^Add note on /})
    .first()
    .click();
  const note = day(page, 11).getByRole('textbox', {name: /^Note on /});
  await note.fill(NOTE);
  await note.blur();
  await expect(day(page, 11).getByRole('status').filter({hasText: 'Saved'})).toBeVisible();
}

test('a day far down a phone’s page shows what is stored for it once the reader scrolls to it', async ({page}) => {
  const errors = collectErrors(page);
  await keepRecordsFarDown(page);
  await gotoHydrated(page, PLAN);
  await scrollToDay(page, 12);
  await expect(firstTick(page, 12)).toBeChecked();
  await scrollToDay(page, 11);
  await expect(day(page, 11).getByRole('textbox', {name: /^Note on /})).toHaveValue(NOTE);
  expect(errors).toEqual([]);
});

test('a day reached by keyboard before it was scrolled to answers the first key', async ({page}) => {
  const errors = collectErrors(page);
  await gotoHydrated(page, PLAN);
  // Focus lands in day 13 straight from the top of the page (as a screen reader's list of form fields does).
  await firstTick(page, 13).focus();
  await page.keyboard.press('Space');
  await expect(firstTick(page, 13)).toBeChecked();
  expect(errors).toEqual([]);
});

test('“Print this day” on a day reached by keyboard from the top prints that day with its note', async ({page}) => {
  const errors = collectErrors(page);
  await keepRecordsFarDown(page);
  await gotoHydrated(page, PLAN);
  await page.evaluate(() => {
    window.print = () => {};
  });
  const print = day(page, 11).getByRole('button', {name: /^Print this day/});
  await print.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('data-print-day', '11');
  await page.emulateMedia({media: 'print'});
  const printed = await page.evaluate(() => document.body.innerText);
  expect(printed).toContain(NOTE);
  expect(printed).toContain('Day 11: Cloud Native Development');
  expect(errors).toEqual([]);
});

test('every day of a weekly plan keeps its own 4h/6h choice once the reader has scrolled through them all', async ({page}) => {
  const errors = collectErrors(page);
  await gotoHydrated(page, '/weeks/week-10/go');
  await scrollThroughDays(page);
  const days = page.locator('[data-plan-day]');
  const count = await days.count();
  expect(count).toBeGreaterThan(2);
  for (let index = 0; index < count; index += 1) {
    await expect(days.nth(index).getByRole('radio', {name: /4-hour plan/})).toBeChecked();
  }
  expect(errors).toEqual([]);
});

test('a search result opened in a new tab marks its words in a day that hydrates after the page', async ({page}) => {
  const errors = collectErrors(page);
  // As a result's link opens when the reader opens it in a new tab: a full load, the day below the page's first screen.
  await gotoHydrated(page, '/weeks/week-11/go?highlight=presigned#day-3');
  await scrollToDay(page, 3);
  const marked = day(page, 3)
    .locator('mark')
    .filter({hasText: /presigned/i});
  await expect(marked.first()).toBeVisible();
  // Hydrated with its marks put back: its controls answer.
  const tick = firstTick(page, 3);
  await tick.check();
  await expect(tick).toBeChecked();
  expect(errors).toEqual([]);
});
