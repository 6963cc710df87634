import type {Page} from '@playwright/test';
import {expect, test} from './support/test';
import {seedPlans} from '../support/seeds';
import {gotoHydrated} from './support/site';

/** Waits until the page is hydrated: the search shortcut is a client-side listener. */
async function openPlan(page: Page, route: string) {
  await gotoHydrated(page, route, {waitUntil: 'networkidle'});
}

test('Ctrl+K focuses the search box from anywhere on the page', async ({page}) => {
  await openPlan(page, '/weeks/week-09/go');
  const search = page.getByRole('combobox', {name: 'Search'}).or(page.getByRole('textbox', {name: 'Search'}));
  await expect(search).not.toBeFocused();
  await page.keyboard.press('Control+k');
  await expect(search).toBeFocused();
});

test('searching "presigned" from another page lands on Week 11, Day 3', async ({page}) => {
  await openPlan(page, '/weeks/week-09/go');
  await page.keyboard.press('Control+k');
  await expect(page.getByRole('combobox', {name: 'Search'}).or(page.getByRole('textbox', {name: 'Search'}))).toBeFocused();
  await page.keyboard.type('presigned');

  // The term is in one block of Week 11 (Day 3, Block 4); other pages only link to that day.
  // The index is fetched on first use: on a busy machine that takes longer than an assertion's default wait.
  const planHits = page.getByRole('option').filter({hasText: 'Week 11'});
  await expect(planHits.first()).toBeVisible({timeout: 20_000});
  const options = await page.getByRole('option').allTextContents();
  const target = options.findIndex((text) => text.includes('Week 11') && !text.includes('Overview'));
  expect(target, `a Week 11 day result among: ${options.join(' | ')}`).toBeGreaterThanOrEqual(0);
  // Keyboard only: the first option is active once results show; step down to the plan hit.
  for (let step = 0; step < target; step += 1) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');

  await expect(page).toHaveURL(/\/weeks\/week-11\/go(\?[^#]*)?#day-3\b/);
  const hash = decodeURIComponent(new URL(page.url()).hash.slice(1));
  const landed = page.locator(`[id="${hash}"]`);
  await expect(landed).toBeInViewport();
  // The anchor is the day heading or a heading inside that day's section, never another day's.
  await expect(page.locator('section[data-plan-day="3"]').locator(`[id="${hash}"]`)).toHaveCount(1);
  // highlightSearchTermsOnTargetPage marks the term where the reader lands.
  await expect(
    page
      .locator('section[data-plan-day="3"] mark')
      .filter({hasText: /presigned/i})
      .first(),
  ).toBeVisible();
});

test('the search index links every day of every plan by its anchor', async ({request}) => {
  const response = await request.get('/search-index.json');
  expect(response.ok()).toBe(true);
  const index = (await response.json()) as {documents: {u: string; h?: string}[]}[];
  const anchors = new Set(index.flatMap((part) => part.documents.filter((doc) => doc.h).map((doc) => `${doc.u}${doc.h}`)));
  const expected = seedPlans.flatMap((plan) => Array.from({length: plan.days}, (_, day) => `${plan.route}#day-${day + 1}`));
  expect(expected.filter((anchor) => !anchors.has(anchor))).toEqual([]);
});

test('a result under a plan’s overview heading comes from the overview, not from the days below it', async ({request}) => {
  const response = await request.get('/search-index.json');
  const index = (await response.json()) as {documents: {u: string; h?: string; t?: string}[]}[];
  const documents = index.flatMap((part) => part.documents);
  const textUnder = (url: string, hash: string) =>
    documents
      .filter((doc) => doc.u === url && doc.h === hash && doc.t)
      .map((doc) => doc.t)
      .join(' ');
  // S3StorageProvider is named once, in Week 11, Day 3; the overview table lists the day's topic.
  expect(textUnder('/weeks/week-11/go', '#weekly-overview-table')).toMatch(/File storage service/i);
  expect(textUnder('/weeks/week-11/go', '#weekly-overview-table')).not.toMatch(/S3StorageProvider/);
  expect(documents.some((doc) => doc.u === '/weeks/week-11/go' && /^#day-3\b/.test(doc.h ?? '') && /S3StorageProvider/.test(doc.t ?? ''))).toBe(true);
  expect(textUnder('/intensive/senior-go-14-days', '#at-a-glance')).toMatch(/Morning focus/);
  expect(textUnder('/intensive/senior-go-14-days', '#at-a-glance')).not.toMatch(/Garbage collection mechanics/);
});

test('the search index holds the plans’ words, not the labels of their controls', async ({request}) => {
  const index = (await (await request.get('/search-index.json')).json()) as {documents: {u: string; t?: string}[]}[];
  const planTexts = index.flatMap((part) => part.documents).filter((doc) => /^\/(weeks|intensive)\//.test(doc.u) && doc.t);
  expect(planTexts.some((doc) => /Goroutine extension/.test(doc.t!))).toBe(true);
  // Tick boxes are named "Done: <item>", timer buttons "Start 1 h, <item>"; neither belongs in results.
  expect(planTexts.filter((doc) => /\bDone: |\bStart \d+ (h|min)\b/.test(doc.t!)).map((doc) => doc.t!.slice(0, 80))).toEqual([]);
});
