import type {Browser, BrowserContext, Page} from '@playwright/test';
import {expect, test, withoutServiceWorker} from './support/test';
import {collectErrors, gotoHydrated, scrollToDay} from './support/site';

const WEEK_10 = '/weeks/week-10/go';
const day1 = (page: Page) => page.locator('[data-plan-day="1"]');
const ticks = (page: Page) => day1(page).getByRole('checkbox', {name: /^Done: /});
const reviewButtons = (page: Page) => day1(page).getByRole('button', {name: /^Review later/});
const firstNote = (page: Page) =>
  day1(page)
    .getByRole('textbox', {name: /^Note on /})
    .first();

/** Two browser profiles on one origin, as a laptop and a phone. */
async function twoDevices(browser: Browser): Promise<{laptop: Page; phone: Page; contexts: BrowserContext[]; errors: string[][]}> {
  // Without the service worker, as most specs (./support/test.ts): moving progress never goes through it.
  const contexts = [await withoutServiceWorker(await browser.newContext()), await withoutServiceWorker(await browser.newContext())];
  const [laptop, phone] = await Promise.all(contexts.map((context) => context.newPage()));
  return {laptop: laptop!, phone: phone!, contexts, errors: [collectErrors(laptop!), collectErrors(phone!)]};
}

/** The reader's own "Move my progress" link of this device. */
async function linkOf(page: Page): Promise<string> {
  await gotoHydrated(page, WEEK_10, {waitUntil: 'networkidle'});
  await page.getByRole('button', {name: 'Move my progress'}).click();
  const field = page.getByRole('textbox', {name: 'Link to your progress'});
  await expect(field).toHaveValue(/#move=4\./);
  return field.inputValue();
}

/** Opens another device's link and merges it; returns what the dialog said before merging. */
async function openLink(page: Page, link: string): Promise<string> {
  await gotoHydrated(page, link);
  const dialog = page.getByRole('dialog', {name: 'Progress from your other device'});
  await expect(dialog.getByRole('button', {name: 'Merge progress'})).toBeVisible();
  const offer = (await dialog.textContent()) ?? '';
  await dialog.getByRole('button', {name: 'Merge progress'}).click();
  await expect(dialog.getByRole('status')).toContainText('Imported:');
  await dialog.getByRole('button', {name: 'Close'}).click();
  await expect(dialog).toBeHidden();
  return offer;
}

async function writeFirstNote(page: Page, text: string): Promise<void> {
  await scrollToDay(page, 1);
  const field = firstNote(page);
  await field.fill(text);
  await field.blur();
  await expect(field.locator('xpath=..').getByRole('status')).toHaveText('Saved');
}

/** Everything that travels, as this device stores it (the device's own id, clock and settings left out). */
async function travelling(page: Page): Promise<unknown> {
  return page.evaluate(() => {
    const stored = JSON.parse(localStorage.getItem('go-study-plans') ?? '{}');
    return {
      progress: stored.progress,
      dayNotes: stored.dayNotes,
      itemNotes: stored.itemNotes,
      review: stored.review,
      follows: stored.follows,
      stamps: stored.sync?.stamps,
      notes: stored.sync?.notes,
    };
  });
}

async function expectDay1(page: Page, ticked: boolean[], note: string, marked: boolean[]): Promise<void> {
  await gotoHydrated(page, WEEK_10, {waitUntil: 'networkidle'});
  await scrollToDay(page, 1);
  for (const [index, checked] of ticked.entries()) await expect(ticks(page).nth(index)).toBeChecked({checked});
  await expect(firstNote(page)).toHaveValue(note);
  for (const [index, pressed] of marked.entries()) await expect(reviewButtons(page).nth(index)).toHaveAttribute('aria-pressed', String(pressed));
}

test('an untick, a corrected note and a removed mark travel both ways; both devices end the same, and again changes nothing', async ({browser}) => {
  test.slow();
  const {laptop, phone, contexts, errors} = await twoDevices(browser);

  // Laptop: ticks blocks 1–3, a note with a typo on block 1, block 3 marked "review later"; the phone merges its link.
  await gotoHydrated(laptop, WEEK_10, {waitUntil: 'networkidle'});
  for (const index of [0, 1, 2]) await ticks(laptop).nth(index).check();
  await day1(laptop)
    .getByRole('button', {name: /^Add note on /})
    .first()
    .click();
  await writeFirstNote(laptop, 'Heap problems: teh two-pointer trick');
  await reviewButtons(laptop).nth(2).click();
  await expect(reviewButtons(laptop).nth(2)).toHaveAttribute('aria-pressed', 'true');
  await openLink(phone, await linkOf(laptop));

  // Phone: block 2 was not really done, the typo is corrected, the mark removed, block 4 ticked; the laptop merges.
  await expectDay1(phone, [true, true, true, false], 'Heap problems: teh two-pointer trick', [false, false, true]);
  await ticks(phone).nth(1).uncheck();
  await writeFirstNote(phone, 'Heap problems: the two-pointer trick');
  await reviewButtons(phone).nth(2).click();
  await expect(reviewButtons(phone).nth(2)).toHaveAttribute('aria-pressed', 'false');
  await ticks(phone).nth(3).check();
  const offer = await openLink(laptop, await linkOf(phone));
  expect(offer).toContain('Changed later on the other device, so merging unticks 1 item, removes 1 "review later" mark, takes the newer text of 1 note.');

  await expectDay1(laptop, [true, false, true, true], 'Heap problems: the two-pointer trick', [false, false, false]);
  expect(await travelling(laptop)).toEqual(await travelling(phone));

  // A second exchange changes nothing, either way.
  const before = await travelling(laptop);
  await gotoHydrated(phone, await linkOf(laptop));
  await expect(phone.getByRole('dialog', {name: 'Progress from your other device'})).toContainText('Everything in this link is already in this browser.');
  await openLink(laptop, await linkOf(phone));
  expect(await travelling(laptop)).toEqual(before);
  expect(await travelling(phone)).toEqual(before);

  expect(errors).toEqual([[], []]);
  await Promise.all(contexts.map((context) => context.close()));
});

test('a note edited on both devices without syncing keeps both texts, on both, and says so', async ({browser}) => {
  test.slow();
  const {laptop, phone, contexts, errors} = await twoDevices(browser);
  await gotoHydrated(laptop, WEEK_10, {waitUntil: 'networkidle'});
  await day1(laptop)
    .getByRole('button', {name: /^Add note on /})
    .first()
    .click();
  await writeFirstNote(laptop, 'Heaps: sift down');
  await openLink(phone, await linkOf(laptop));

  await gotoHydrated(laptop, WEEK_10, {waitUntil: 'networkidle'});
  await writeFirstNote(laptop, 'Heaps: sift down in O(log n)');
  await gotoHydrated(phone, WEEK_10, {waitUntil: 'networkidle'});
  await writeFirstNote(phone, 'Heaps: sift down, then up');

  const offer = await openLink(phone, await linkOf(laptop));
  expect(offer).toContain('1 note was changed on both devices: both texts are kept, one under the other.');
  await openLink(laptop, await linkOf(phone));
  for (const page of [laptop, phone]) {
    await gotoHydrated(page, WEEK_10, {waitUntil: 'networkidle'});
    await scrollToDay(page, 1);
    await expect(firstNote(page)).toHaveValue(/Heaps: sift down in O\(log n\)/);
    await expect(firstNote(page)).toHaveValue(/Heaps: sift down, then up/);
  }
  expect(await travelling(laptop)).toEqual(await travelling(phone));
  expect(errors).toEqual([[], []]);
  await Promise.all(contexts.map((context) => context.close()));
});

test('set-aside records deleted or re-attached on one device leave the other device too, also those the previous version stored', async ({browser}) => {
  test.slow();
  const {laptop, phone, contexts, errors} = await twoDevices(browser);
  const planId = 'weeks/week-10/go';
  // As the previous version of the site stored them: both devices set the same two records aside after an edit, each
  // under the moment it saw the edit.
  const setAside = (itemId: string, text: string, note: string, at: number) => ({
    key: `${planId}#${itemId}@${at}`,
    planId,
    itemId,
    text,
    fingerprint: text.toLowerCase(),
    detachedAt: at,
    tick: Date.UTC(2026, 10, 2, 9),
    note,
    review: null,
    runs: [],
  });
  for (const [page, at] of [
    [laptop, Date.UTC(2026, 10, 3, 8)],
    [phone, Date.UTC(2026, 10, 4, 19)],
  ] as const) {
    await gotoHydrated(page, '/notes');
    await page.evaluate((state) => localStorage.setItem('go-study-plans', JSON.stringify(state)), {
      version: 7,
      detached: [setAside('d1-b8', 'Chaos engineering drills', 'Blast radius first', at), setAside('d1-b9', 'Load shedding', 'Drop early', at)],
    });
    await gotoHydrated(page, '/notes');
    await expect(page.locator('#detached [data-detached-record]')).toHaveCount(2);
  }

  // Phone: deletes one, and puts the other back on Day 1's first block.
  const chaos = phone.locator('#detached [data-detached-record="Chaos engineering drills"]');
  await chaos.getByRole('button', {name: 'Delete "Chaos engineering drills"', exact: true}).click();
  await chaos.getByRole('button', {name: 'Delete for good: "Chaos engineering drills"'}).click();
  const shedding = phone.locator('#detached [data-detached-record="Load shedding"]');
  await shedding.getByLabel('Re-attach to').selectOption({index: 1});
  await shedding.getByRole('button', {name: 'Re-attach "Load shedding"'}).click();
  await expect(phone.locator('#detached').getByRole('status')).toHaveText(/^Re-attached to "/);
  await expect(phone.locator('[data-detached-record]')).toHaveCount(0);

  const offer = await openLink(laptop, await linkOf(phone));
  expect(offer).toContain('deletes 2 set-aside records');
  await gotoHydrated(laptop, '/notes');
  await expect(laptop.getByRole('heading', {name: 'Notes'}).first()).toBeVisible();
  await expect(laptop.locator('[data-detached-record]')).toHaveCount(0);
  await gotoHydrated(laptop, WEEK_10, {waitUntil: 'networkidle'});
  await scrollToDay(laptop, 1);
  await expect(firstNote(laptop)).toHaveValue('Drop early');
  await expect(ticks(laptop).first()).toBeChecked();

  // The laptop's own link changes nothing on the phone: the records stay gone there too.
  await openLink(phone, await linkOf(laptop));
  await gotoHydrated(phone, '/notes');
  await expect(phone.locator('[data-detached-record]')).toHaveCount(0);
  const stored = (page: Page) => page.evaluate(() => JSON.parse(localStorage.getItem('go-study-plans') ?? '{}').detached);
  expect(await stored(laptop)).toEqual([]);
  expect(await stored(phone)).toEqual([]);
  expect(await travelling(laptop)).toEqual(await travelling(phone));
  expect(errors).toEqual([[], []]);
  await Promise.all(contexts.map((context) => context.close()));
});
