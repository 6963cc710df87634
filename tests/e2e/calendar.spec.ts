import {readFileSync} from 'node:fs';
import path from 'node:path';
import type {Page} from '@playwright/test';
import {expect, test} from './support/test';
import ICAL from 'ical.js';
import {parsePlan} from '../../plugins/plan-model/parse';
import {repoRoot} from '../support/seeds';
import {gotoHydrated} from './support/site';
import {axeScan} from './support/axe';

// A zone with a daylight-saving change inside the exported week (Europe switches on 29 March 2026).
test.use({timezoneId: 'Europe/Berlin', locale: 'en-GB'});

const week11 = parsePlan(readFileSync(path.join(repoRoot, 'docs/weeks/week-11/go.md'), 'utf8')).plan;

async function downloadedEvents(page: Page, submit: () => Promise<void>) {
  const [download] = await Promise.all([page.waitForEvent('download'), submit()]);
  const text = readFileSync(await download.path(), 'utf8');
  const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((event) => new ICAL.Event(event));
  return {name: download.suggestedFilename(), events};
}

test('a week exported by keyboard holds every block of the 6-hour plan, at 09:00 Berlin time on both sides of the DST change', async ({page}) => {
  if (week11?.kind !== 'weekly') throw new Error('Week 11 should parse as a weekly plan');
  await gotoHydrated(page, '/weeks/week-11/go', {waitUntil: 'networkidle'});

  const trigger = page.getByRole('button', {name: 'Add to calendar', exact: true});
  await trigger.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', {name: 'Add this plan to your calendar'});
  await expect(dialog).toBeVisible();
  const date = dialog.getByLabel('Date of Day 1');
  await expect(date).toBeFocused();
  await date.fill('2026-03-27');
  await dialog.getByLabel('Daily start time').fill('09:00');
  const fourHours = dialog.getByRole('radio', {name: /4-hour plan/});
  await fourHours.focus();
  await page.keyboard.press('ArrowDown');
  await expect(dialog.getByRole('radio', {name: /6-hour plan/})).toBeChecked();

  const {name, events} = await downloadedEvents(page, () => dialog.getByRole('button', {name: 'Download .ics'}).press('Enter'));
  expect(name).toBe('weeks-week-11-go.ics');
  const itemCount = week11.days.reduce((sum, day) => sum + day.blocks.length + day.additions.length, 0);
  expect(events).toHaveLength(itemCount);

  const firstOfDay = (day: number) => events.find((event) => event.summary.includes(`Day ${day}:`))!;
  // Friday before the switch: 09:00 CET = 08:00 UTC; Monday after it: 09:00 CEST = 07:00 UTC.
  expect(firstOfDay(1).startDate.toJSDate().toISOString()).toBe('2026-03-27T08:00:00.000Z');
  expect(firstOfDay(4).startDate.toJSDate().toISOString()).toBe('2026-03-30T07:00:00.000Z');
  expect(firstOfDay(1).description).toContain('/weeks/week-11/go#day-1');

  await expect(dialog).toBeHidden();
  await expect(trigger).toBeFocused();
  await expect(page.getByRole('status').filter({hasText: 'Downloaded weeks-week-11-go.ics'})).toBeVisible();
});

test('the dialog keeps focus off the page behind it, closes on Escape and gives focus back', async ({page}) => {
  await gotoHydrated(page, '/weeks/week-11/go', {waitUntil: 'networkidle'});
  const trigger = page.getByRole('button', {name: 'Add this day to calendar'}).nth(2);
  await trigger.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', {name: 'Add Day 3 to your calendar'});
  await expect(dialog).toBeVisible();
  // A modal <dialog> makes the page behind it inert. Past its last control, Tab may visit the browser's
  // own controls (the page then has no focus) before coming back; it never reaches the page itself.
  const whereIsFocus = () => dialog.evaluate((element) => (!document.hasFocus() ? 'browser' : element.contains(document.activeElement) ? 'dialog' : 'page'));
  const visits: string[] = [];
  for (const key of ['Tab', 'Shift+Tab']) {
    for (let step = 0; step < 16; step += 1) {
      await page.keyboard.press(key);
      visits.push(await whereIsFocus());
    }
  }
  expect(visits).not.toContain('page');
  // It went round: back into the dialog after its last control.
  expect(visits.slice(visits.indexOf('browser'))).toContain('dialog');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(trigger).toBeFocused();
});

test('a click beside the dialog closes it; a click inside does not', async ({page}) => {
  await gotoHydrated(page, '/weeks/week-11/go', {waitUntil: 'networkidle'});
  await page.getByRole('button', {name: 'Add to calendar', exact: true}).click();
  const dialog = page.getByRole('dialog', {name: 'Add this plan to your calendar'});
  await dialog.getByRole('heading').click();
  await expect(dialog).toBeVisible();
  await page.mouse.click(5, 5);
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', {name: 'Add to calendar', exact: true})).toBeFocused();
});

test('the 14-day plan exports a Morning and an Evening session per day', async ({page}) => {
  await gotoHydrated(page, '/intensive/senior-go-14-days', {waitUntil: 'networkidle'});
  await page.getByRole('button', {name: 'Add to calendar', exact: true}).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Date of Day 1').fill('2026-06-01');
  await dialog.getByLabel('Morning session starts at').fill('07:00');
  await dialog.getByLabel(/Evening session starts at/).fill('14:00');
  const {events} = await downloadedEvents(page, () => dialog.getByRole('button', {name: 'Download .ics'}).click());
  expect(events).toHaveLength(28);
  expect(events[0]!.summary).toMatch(/^Morning .*Day 1:/);
  expect(events[1]!.summary).toMatch(/^Evening .*Day 1:/);
  expect(events[1]!.startDate.toJSDate().toISOString()).toBe('2026-06-01T12:00:00.000Z');
});

test('the open dialog has no accessibility violations in light or dark mode', async ({page}) => {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({colorScheme: scheme});
    await gotoHydrated(page, '/intensive/senior-go-14-days', {waitUntil: 'networkidle'});
    await page.getByRole('button', {name: 'Add to calendar', exact: true}).click();
    await page.getByRole('dialog').getByLabel('Date of Day 1').fill('2026-06-01');
    await page
      .getByRole('dialog')
      .getByLabel(/Evening session starts at/)
      .fill('08:00');
    // The overlap is explained while typing, and again as an alert when the reader tries to download.
    await expect(page.getByRole('dialog').getByText('The evening session would overlap the morning')).toBeVisible();
    await page.getByRole('dialog').getByRole('button', {name: 'Download .ics'}).click();
    await expect(page.getByRole('dialog').getByRole('alert')).toContainText('The evening session would overlap the morning');
    const results = await axeScan(page).include('dialog').analyze();
    expect(results.violations.map((violation) => `${scheme}: ${violation.id}: ${violation.help}`)).toEqual([]);
  }
});
