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
  // A plan's results are titled by their place in the guide (16-Week Guide › Week 11 › …); a topic bank's section may
  // also be named after a week.
  const target = options.findIndex((text) => /Guide › Week 11\b/.test(text) && !text.includes('Overview'));
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

/** What the search index holds for one page, read through the index's own browser API as the search box reads it. */
interface IndexedPage {
  url: string;
  content: string;
  anchors: {id: string}[];
  sub_results: {url: string; excerpt: string}[];
}

/** The pages a query finds (every indexed page for `null`), with their data, from the built index in the browser. */
async function searchIndex(page: Page, query: string | null): Promise<IndexedPage[]> {
  if (!page.url().startsWith('http')) await gotoHydrated(page, '/');
  // Imported from this site, as the search box does: the page's Content-Security-Policy allows it (an inline script
  // would not be).
  return page.evaluate(async (words) => {
    type Found = {results: {data(): Promise<IndexedPage>}[]};
    const pagefindUrl = '/pagefind/pagefind.js';
    const pagefind = (await import(/* webpackIgnore: true */ pagefindUrl)) as {search(query: string | null): Promise<Found>};
    const found = await pagefind.search(words);
    return Promise.all(found.results.map((result) => result.data()));
  }, query);
}

test('the search index links every day of every plan by its anchor', async ({page}) => {
  const indexed = await searchIndex(page, null);
  const anchors = new Set(indexed.flatMap((doc) => doc.anchors.map((anchor) => `${doc.url}#${anchor.id}`)));
  const expected = seedPlans.flatMap((plan) => Array.from({length: plan.days}, (_, day) => `${plan.route}#day-${day + 1}`));
  expect(expected.filter((anchor) => !anchors.has(anchor))).toEqual([]);
});

test('a result under a plan’s overview heading comes from the overview, not from the days below it', async ({page}) => {
  const sectionsFound = async (query: string, url: string) =>
    (await searchIndex(page, query)).filter((doc) => doc.url === url).flatMap((doc) => doc.sub_results.map((sub) => new URL(sub.url, 'http://site').hash));
  // S3StorageProvider is named once, in Week 11, Day 3; the overview table lists the day's topic.
  expect(await sectionsFound('File storage service', '/weeks/week-11/go')).toContain('#weekly-overview-table');
  const s3 = await sectionsFound('S3StorageProvider', '/weeks/week-11/go');
  expect(s3).not.toContain('#weekly-overview-table');
  expect(s3.some((hash) => /^#day-3\b/.test(hash))).toBe(true);
  expect(await sectionsFound('Morning focus', '/intensive/senior-go-14-days')).toContain('#at-a-glance');
  expect(await sectionsFound('Garbage collection mechanics', '/intensive/senior-go-14-days')).not.toContain('#at-a-glance');
});

test('the search index holds the plans’ words, not the labels of their controls', async ({page}) => {
  const planTexts = (await searchIndex(page, null)).filter((doc) => /^\/(weeks|intensive)\//.test(doc.url)).map((doc) => doc.content);
  expect(planTexts.some((text) => /Goroutine extension/.test(text))).toBe(true);
  // Tick boxes are named "Done: <item>", timer buttons "Start 1 h, <item>"; neither belongs in results.
  expect(planTexts.filter((text) => /\bDone: |\bStart \d+ (h|min)\b/.test(text)).map((text) => text.slice(0, 80))).toEqual([]);
});
