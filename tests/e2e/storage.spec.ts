import {readFileSync} from 'node:fs';
import type {Page} from '@playwright/test';
import {expect, test} from './support/test';
import {collectErrors, focusRing, gotoHydrated, reloadHydrated, tabTo} from './support/site';
import {A11Y_TAGS, axeScan} from './support/axe';

const WEEK_10 = '/weeks/week-10/go';
const STORAGE_KEY = 'go-study-plans';
const BACKUP_PREFIX = `${STORAGE_KEY}:backup:`;

const tick = (page: Page, name: string) => page.getByRole('checkbox', {name: `Done: ${name}`}).first();
/** The site-wide notice about saving, among the page's other status regions. */
const notice = (page: Page, text: string | RegExp) => page.locator('[data-storage-notice]').getByText(text);

/** Fills localStorage with junk until not even one more character fits; returns how many junk keys it took. */
async function fillStorage(page: Page): Promise<number> {
  return page.evaluate(() => {
    let count = 0;
    for (let size = 1024 * 1024; size >= 1; size = Math.floor(size / 2)) {
      const chunk = 'x'.repeat(size);
      for (;;) {
        try {
          localStorage.setItem(`junk-${count}`, chunk);
          count += 1;
        } catch {
          break;
        }
      }
    }
    return count;
  });
}

/**
 * Puts `raw` under the store's key before the site's scripts run, on the first load only: a page
 * still hydrating would otherwise write (and back up) over a value set after it loaded.
 */
async function seedStore(page: Page, raw: string): Promise<void> {
  await page.addInitScript(
    ([key, value]) => {
      if (sessionStorage.getItem('seeded')) return;
      localStorage.setItem(key!, value!);
      sessionStorage.setItem('seeded', 'yes');
    },
    [STORAGE_KEY, raw],
  );
}

const stored = (page: Page) => page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY);

test.describe('when storage is full', () => {
  test('a tick shows the notice and still shows ticked; once space is freed, the next tick saves everything', async ({page}) => {
    const errors = collectErrors(page);
    await gotoHydrated(page, WEEK_10);
    await expect(tick(page, 'Block 1 · Requirements')).toBeVisible();
    expect(await fillStorage(page)).toBeGreaterThan(0);

    await tick(page, 'Block 1 · Requirements').click();
    await expect(tick(page, 'Block 1 · Requirements')).toBeChecked();
    await expect(page.getByRole('status').filter({hasText: 'Not saved: this browser’s storage for this site is full.'})).toBeVisible();
    await expect(notice(page, /last until you close this tab/)).toBeVisible();
    expect(JSON.parse((await stored(page)) ?? '{}').progress?.['weeks/week-10/go']).toBeUndefined();

    await page.evaluate(() => {
      for (const key of Object.keys(localStorage)) if (key.startsWith('junk-')) localStorage.removeItem(key);
    });
    await tick(page, 'Block 2 · High-Level Design').click();
    await expect(notice(page, /^Saved again:/)).toBeVisible();
    await expect(notice(page, /storage for this site is full/)).toHaveCount(0);
    expect(Object.keys(JSON.parse((await stored(page))!).progress['weeks/week-10/go']).sort()).toEqual(['d1-b1', 'd1-b2']);

    await reloadHydrated(page);
    await expect(tick(page, 'Block 1 · Requirements')).toBeChecked();
    await expect(page.locator('[data-storage-notice]')).not.toBeVisible();
    expect(errors).toEqual([]);
  });
});

test.describe('when storage is blocked', () => {
  test('the same notice shows, and ticks, the 4h/6h choice and timers still work for the visit', async ({page}) => {
    await page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        configurable: true,
        get() {
          throw new DOMException('Access is denied for this document.', 'SecurityError');
        },
      });
    });
    const errors = collectErrors(page);
    await gotoHydrated(page, WEEK_10);
    await tick(page, 'Block 1 · Requirements').click();
    await expect(tick(page, 'Block 1 · Requirements')).toBeChecked();
    await expect(page.getByRole('status').filter({hasText: 'Not saved: this browser does not let this site store data.'})).toBeVisible();
    await expect(page.locator('[data-plan-day="1"]').getByText('1/4 done')).toBeVisible();

    await page
      .getByRole('radio', {name: /6-hour plan/})
      .first()
      .check();
    await expect(page.locator('[data-plan-day="1"]').getByText('1/5 done')).toBeVisible();
    await page
      .getByRole('button', {name: /^Start \d/})
      .first()
      .click();
    await expect(page.locator('[data-timer-panel]')).toBeVisible();
    // One notice, whatever wrote.
    await expect(notice(page, /does not let this site store data/)).toHaveCount(1);
    expect(errors).toEqual([]);
  });
});

test.describe('stored data cut off mid-write', () => {
  const cutOff = '{"version":1,"variant":null,"timers":{},"autoAdvance":false,"progress":{"weeks/week-10/go":{"d1-b1":1767600000000,"d1-b3":17';

  test('is kept under a backup key after the first tick, readable ticks show, and the reader can download it', async ({page}, testInfo) => {
    const errors = collectErrors(page);
    await seedStore(page, cutOff);
    await gotoHydrated(page, WEEK_10);

    await expect(page.getByRole('status').filter({hasText: 'Some saved data could not be read.'})).toBeVisible();
    await expect(notice(page, /1 tick was recovered from it/)).toBeVisible();
    await tick(page, 'Block 1 · Requirements').scrollIntoViewIfNeeded();
    await expect(tick(page, 'Block 1 · Requirements')).toBeChecked();

    await tick(page, 'Block 2 · High-Level Design').click();
    const storage = await page.evaluate(() => ({...localStorage}));
    const backupKeys = Object.keys(storage).filter((key) => key.startsWith(BACKUP_PREFIX));
    expect(backupKeys).toHaveLength(1);
    expect(storage[backupKeys[0]!]).toBe(cutOff);
    expect(Object.keys(JSON.parse(storage[STORAGE_KEY]!).progress['weeks/week-10/go']).sort()).toEqual(['d1-b1', 'd1-b2']);
    await expect(notice(page, new RegExp(`kept in this browser \\(under “${backupKeys[0]}”\\)`))).toBeVisible();

    const download = page.waitForEvent('download');
    await page.getByRole('button', {name: 'Download the damaged data'}).click();
    const file = testInfo.outputPath('damaged.txt');
    await (await download).saveAs(file);
    expect(readFileSync(file, 'utf8')).toBe(cutOff);
    expect(errors).toEqual([]);
  });
});

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`the notice in ${scheme} mode`, () => {
    test.use({colorScheme: scheme});

    test('has no axe violations, is reached and dismissed by keyboard with a visible focus ring, and is not printed', async ({page}) => {
      await seedStore(page, '{"theme":"dark"}');
      await gotoHydrated(page, WEEK_10);
      await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
      await expect(notice(page, /was not written by this site/)).toBeVisible();

      const results = await axeScan(page).withTags(A11Y_TAGS).analyze();
      expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);

      await page.emulateMedia({media: 'print'});
      await expect(page.locator('[data-storage-notice]')).toBeHidden();
      await page.emulateMedia({media: 'screen'});

      const dismiss = page.getByRole('button', {name: 'Dismiss the damaged data notice'});
      await tabTo(page, dismiss, 10);
      expect((await focusRing(dismiss)).outline).toMatch(/^solid [1-9]/);
      await page.keyboard.press('Enter');
      await expect(page.locator('[data-storage-notice]')).not.toBeVisible();
    });
  });
}

test.describe('a version-4 timer (it copied labels)', () => {
  test('migrates on the first page: the panel names it from the plan, and Start next reads the next block from the plan', async ({page}) => {
    const now = Date.parse('2026-01-05T09:00:00Z');
    await page.clock.install({time: now});
    const link = (itemId: string, next: unknown = null) => ({itemId, label: `old copy of ${itemId}`, durationMs: 1, maxMs: 1, next});
    const stored = {
      version: 4,
      timers: {
        [`${WEEK_10}#d1-b2`.slice(1)]: {
          planId: WEEK_10.slice(1),
          itemId: 'd1-b2',
          label: 'old copy of d1-b2',
          durationMs: 60 * 60_000,
          maxMs: 60 * 60_000,
          elapsedMs: 0,
          runningSince: now - 60 * 60_000 - 5_000,
          finishedAt: null,
          next: link('d1-b3', link('d1-b4')),
        },
      },
      progress: {},
    };
    await page.addInitScript(([key, value]) => localStorage.getItem(key) ?? localStorage.setItem(key, value), [STORAGE_KEY, JSON.stringify(stored)] as const);
    await gotoHydrated(page, '/roadmap/roadmap-16-weeks');
    const panel = page.getByRole('complementary', {name: 'Active timer'});
    await expect(panel.getByRole('link')).toHaveText('Block 2 · High-Level Design');
    await expect(page.locator('[aria-live="assertive"]')).toHaveText("Time's up: Block 2 · High-Level Design");
    await panel.getByRole('button', {name: 'Start next: Block 3 · DSA'}).click();
    await expect(panel.locator('[data-timer-panel-clock]')).toHaveText('60:00');
    const saved = await page.evaluate((key) => localStorage.getItem(key) ?? '', STORAGE_KEY);
    expect(saved).not.toContain('old copy');
    expect(JSON.parse(saved)).toMatchObject({version: 8, timers: {'weeks/week-10/go#d1-b3': {next: ['d1-b4'], durationMs: 60 * 60_000}}});
  });
});
