import {readFileSync} from 'node:fs';
import path from 'node:path';
import type {Page} from '@playwright/test';
import {expect, test, withoutServiceWorker} from './support/test';
import {parsePlan} from '../../plugins/plan-model/parse';
import type {PlanModel, PlanVariant} from '../../plugins/plan-model/types';
import {repoRoot, seedPlans, type SeedPlan} from '../support/seeds';
import {pdfPageCount} from './support/pdf';
import {focusRing, gotoHydrated, tabTo} from './support/site';

const formats = ['A4', 'Letter'] as const;

function planOf(seed: SeedPlan): PlanModel {
  const {plan} = parsePlan(readFileSync(path.join(repoRoot, seed.doc), 'utf8'));
  if (!plan) throw new Error(`${seed.doc} is not a plan the parser recognises.`);
  return plan;
}

/** Day heading text as the page shows it: weekly titles are the whole heading, intensive ones follow "Day N:". */
function dayHeading(plan: PlanModel, day: number): string {
  const found = plan.days.find((candidate) => candidate.number === day);
  if (!found) throw new Error(`Day ${day} missing from ${plan.title}.`);
  return plan.kind === 'weekly' ? found.title : `Day ${day}: ${found.title}`;
}

/** What would reach the paper: the page's text with print styles applied (display:none drops out of innerText). */
async function printedText(page: Page): Promise<string> {
  return page.evaluate(() => document.body.innerText.replace(/\s+/g, ' '));
}

/** Leading text of each item that shows an empty print tick box. */
async function tickBoxItems(page: Page): Promise<string[]> {
  return page.locator('[data-plan-item]').evaluateAll((items) =>
    items
      .filter((item) => {
        if ((item as HTMLElement).offsetParent === null) return false;
        const box = getComputedStyle(item, '::before');
        return box.content !== 'none' && box.borderTopStyle === 'solid' && parseFloat(box.width) > 0;
      })
      .map((item) => (item.textContent ?? '').trim().slice(0, 40)),
  );
}

/** Pressing "Print this day" with the dialog stubbed: the page stays in the state the browser would print. */
async function pressPrint(page: Page, day: number): Promise<void> {
  await page.emulateMedia({media: 'screen'});
  await page
    .locator(`[data-plan-day="${day}"]`)
    .getByRole('button', {name: /^Print this day/})
    .click();
  await expect(page.locator('html')).toHaveAttribute('data-print-day', String(day));
  await page.emulateMedia({media: 'print'});
}

for (const seed of seedPlans) {
  const plan = planOf(seed);
  const variants: PlanVariant[] = plan.kind === 'weekly' ? ['4h', '6h'] : ['4h'];

  for (const variant of variants) {
    const label = plan.kind === 'weekly' ? `${variant} plan` : 'plan';
    test(`${seed.route} (${label}): every day prints alone on one A4 and one Letter page`, async ({page}) => {
      test.slow();
      await gotoHydrated(page, `${seed.route}?plan=${variant}`);
      await expect(page.locator('html')).toHaveAttribute('data-plan-variant', variant);
      await page.evaluate(() => {
        window.print = () => {};
      });
      expect(plan.days).toHaveLength(seed.days);
      const week = /week-(\d+)/.exec(seed.route)?.[1];

      for (const day of plan.days) {
        await test.step(`day ${day.number}`, async () => {
          await pressPrint(page, day.number);

          const text = await printedText(page);
          expect(text).toContain(dayHeading(plan, day.number));
          expect(text).toContain(plan.title);
          if (week) expect(text).toContain(`Week ${week}`);
          if (plan.kind === 'weekly') {
            expect(text).toContain(variant === '4h' ? '4-hour plan' : '6-hour plan');
            expect(text).not.toContain(variant === '4h' ? '6-hour plan' : '4-hour plan');
          }
          for (const other of plan.days.filter((candidate) => candidate.number !== day.number)) {
            expect(text, `day ${other.number}'s title printed with day ${day.number}`).not.toContain(dayHeading(plan, other.number));
          }
          expect(text).not.toMatch(/Print this day|Start \d/);

          // One empty box per block (and per 6-hour addition when that plan is chosen); per topic and practice item.
          const boxes = await tickBoxItems(page);
          if ('blocks' in day) {
            const expected = variant === '6h' ? day.blocks.length + day.additions.length : day.blocks.length;
            expect(boxes, `tick boxes of day ${day.number}`).toHaveLength(expected);
            for (const addition of day.additions) {
              if (variant === '6h') expect(text).toContain(addition.label);
            }
          } else {
            const expected = day.sessions.reduce((sum, session) => sum + session.topics.length + session.practice.length, 0);
            expect(boxes, `tick boxes of day ${day.number}`).toHaveLength(expected);
          }

          // The notes are ruled across the sheet, not in a stub at its left edge.
          const ruled = await page.locator(`[data-plan-day="${day.number}"]`).evaluate((section) => {
            const notes = section.querySelector('[data-print-current] > :last-child');
            return (notes?.getBoundingClientRect().width ?? 0) / section.getBoundingClientRect().width;
          });
          expect(ruled, `width of day ${day.number}'s ruled notes, as a share of the sheet`).toBeGreaterThan(0.9);

          // Each PDF is a print job: Chromium fires "afterprint" when it ends and the button clears its state,
          // so the first paper size prints the state checked above and the day is pressed again for the next.
          for (const [index, format] of formats.entries()) {
            if (index > 0) await pressPrint(page, day.number);
            const pdf = await page.pdf({format, printBackground: false});
            expect(pdfPageCount(pdf), `day ${day.number} on ${format}`).toBe(1);
            await expect(page.locator('html'), 'the page is restored after printing').not.toHaveAttribute('data-print-day');
          }
        });
      }
    });
  }
}

test('"Print this day" works from the keyboard, with a visible focus ring', async ({page}) => {
  await gotoHydrated(page, '/weeks/week-10/go');
  await page.evaluate(() => {
    (window as unknown as {printed: number}).printed = 0;
    window.print = () => {
      (window as unknown as {printed: number}).printed += 1;
    };
  });
  const button = page.locator('[data-plan-day="2"]').getByRole('button', {name: 'Print this day (day 2)'});
  await tabTo(page, button);
  const ring = await focusRing(button);
  expect(ring.outline !== 'none 0px' || ring.boxShadow !== 'none', `no focus indicator: ${JSON.stringify(ring)}`).toBe(true);
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('data-print-day', '2');
  expect(await page.evaluate(() => (window as unknown as {printed: number}).printed)).toBe(1);
});

test.describe("whole-page print (the browser's own Print)", () => {
  const week = seedPlans.find((seed) => seed.kind === 'week')!;

  test('without JavaScript prints the plan alone: no site chrome or controls, one day per page', async ({browser}) => {
    const context = await browser.newContext({javaScriptEnabled: false});
    const page = await context.newPage();
    await page.goto(week.route);
    await page.emulateMedia({media: 'print'});
    for (const selector of [
      '.navbar',
      '.theme-doc-sidebar-container',
      '.table-of-contents',
      '.footer',
      '.theme-doc-breadcrumbs',
      '.pagination-nav',
      '.theme-edit-this-page',
      'button',
      '[data-print="hide"]',
    ]) {
      const shown = await page.locator(selector).evaluateAll((elements) => elements.filter((element) => (element as HTMLElement).offsetParent !== null).length);
      expect(shown, `${selector} printed`).toBe(0);
    }
    const breaks = await page.locator('[data-plan-day]').evaluateAll((days) => days.map((day) => getComputedStyle(day).breakBefore));
    expect(breaks).toHaveLength(week.days);
    expect(breaks.slice(1).every((value) => value === 'page')).toBe(true);
    const pages = pdfPageCount(await page.pdf({format: 'A4', printBackground: false}));
    expect(pages).toBeGreaterThanOrEqual(week.days);
    await context.close();
  });

  test('is black on white even in the dark theme, with link addresses written out', async ({browser}) => {
    const context = await withoutServiceWorker(await browser.newContext({colorScheme: 'dark'}));
    const page = await context.newPage();
    await gotoHydrated(page, week.route);
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.emulateMedia({media: 'print', colorScheme: 'dark'});
    const colours = await page.evaluate(() => {
      const seen = new Set<string>();
      for (const element of Array.from(document.querySelectorAll<HTMLElement>('article *'))) {
        if (element.offsetParent !== null && element.innerText?.trim()) seen.add(getComputedStyle(element).color);
      }
      return {text: [...seen], background: getComputedStyle(document.body).backgroundColor};
    });
    expect(colours.text).toEqual(['rgb(0, 0, 0)']);
    expect(colours.background).toMatch(/^rgb\(255, 255, 255\)$|^rgba\(0, 0, 0, 0\)$/);

    const internal = page.locator('.theme-doc-markdown a[href^="/"]').first();
    await expect(internal).toHaveCSS('text-decoration-line', 'underline');
    // The plans link only within the site today; a link elsewhere must carry its address onto the paper.
    const after = await page.evaluate(() => {
      const link = document.createElement('a');
      link.href = 'https://go.dev/ref/mem';
      link.textContent = 'The Go Memory Model';
      document.querySelector('.theme-doc-markdown p')!.append(link);
      return getComputedStyle(link, '::after').content;
    });
    expect(after).toBe('" (https://go.dev/ref/mem)"');
    await context.close();
  });
});
