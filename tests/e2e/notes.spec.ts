import type {Page} from '@playwright/test';
import {expect, test, withoutServiceWorker} from './support/test';
import {pdfPageCount, pdfText} from './support/pdf';
import {collectErrors, gotoHydrated, reloadHydrated, scrollToDay} from './support/site';
import {expectNoViolationsInEitherScheme} from './support/axe';

const WEEK_10 = '/weeks/week-10/go';
const NOTE = 'Day 2 recall:\n  <b>select</b> picks a ready case at random & "default" never blocks.';

const dayNotes = (page: Page, day: number) => page.locator(`[data-plan-day="${day}"]`).getByRole('textbox', {name: `Notes for day ${day}`});

async function writeNote(page: Page, day: number, text: string): Promise<void> {
  const field = dayNotes(page, day);
  await field.click();
  await field.fill(text);
  await expect(page.locator(`[data-plan-day="${day}"]`).getByRole('status').filter({hasText: 'Saved'})).toBeVisible();
}

test.describe('notes on a plan day', () => {
  test('a note on Week 10 Day 2 survives a reload, prints on the one page, and moves to a fresh browser by export and import', async ({
    page,
    browser,
  }, testInfo) => {
    test.slow();
    const errors = collectErrors(page);
    await gotoHydrated(page, WEEK_10);
    await writeNote(page, 2, NOTE);
    await expect(page.locator('[data-plan-day="2"]').getByRole('link', {name: '1 note'})).toBeVisible();

    await reloadHydrated(page);
    await expect(dayNotes(page, 2)).toHaveValue(NOTE);
    await expect(page.locator('[data-plan-day="2"]').getByRole('link', {name: '1 note'})).toBeVisible();
    await expect(page.locator('[data-plan-day="3"]').getByRole('link', {name: /^\d+ notes?$/})).toHaveCount(0);

    // "Print this day" with the dialog stubbed: what the browser would print, and how many sheets.
    await page.evaluate(() => {
      window.print = () => {};
    });
    for (const format of ['A4', 'Letter'] as const) {
      await page.emulateMedia({media: 'screen'});
      await page
        .locator('[data-plan-day="2"]')
        .getByRole('button', {name: /^Print this day/})
        .click();
      await expect(page.locator('html')).toHaveAttribute('data-print-day', '2');
      await page.emulateMedia({media: 'print'});
      // innerText follows the print styles: the note is laid out, line breaks and spaces as typed.
      expect(await page.locator('[data-plan-day="2"] [data-print-note]').innerText()).toBe(NOTE);
      const body = await page.evaluate(() => document.body.innerText);
      expect(body).toContain('picks a ready case at random');
      expect(body, 'the editable field is not printed beside the note').not.toContain('Notes for day');
      const pdf = await page.pdf({format, printBackground: false});
      expect(pdfPageCount(pdf), `day 2 on ${format}`).toBe(1);
      // On the paper itself, not only laid out: the note takes the room it needs and the ruled lines the rest.
      expect(pdfText(pdf, testInfo.outputPath(`day-note-${format}.pdf`))).toContain('Notes Day 2 recall: <b>select</b> picks a ready case at random');
    }
    await page.emulateMedia({media: 'screen'});

    const download = page.waitForEvent('download');
    await page.getByRole('button', {name: 'Export progress'}).first().click();
    const file = testInfo.outputPath('progress.json');
    await (await download).saveAs(file);

    const fresh = await withoutServiceWorker(await browser.newContext());
    const other = await fresh.newPage();
    await gotoHydrated(other, WEEK_10);
    await scrollToDay(other, 2);
    await expect(dayNotes(other, 2)).toHaveValue('');
    await other.locator('[data-progress-import]').first().setInputFiles(file);
    await expect(other.getByRole('status').filter({hasText: 'Notes: 1 note added.'})).toBeVisible();
    await expect(dayNotes(other, 2)).toHaveValue(NOTE);
    await reloadHydrated(other);
    await scrollToDay(other, 2);
    await expect(dayNotes(other, 2)).toHaveValue(NOTE);
    await fresh.close();
    expect(errors).toEqual([]);
  });

  test('a long note still prints the day on one page', async ({page}, testInfo) => {
    await gotoHydrated(page, WEEK_10);
    const long = Array.from({length: 80}, (_, line) => `line ${line + 1}: goroutines, channels and the memory model`).join('\n');
    await writeNote(page, 2, long);
    await page.evaluate(() => {
      window.print = () => {};
    });
    await page
      .locator('[data-plan-day="2"]')
      .getByRole('button', {name: /^Print this day/})
      .click();
    await page.emulateMedia({media: 'print'});
    expect(await page.evaluate(() => document.body.innerText)).toContain('line 1: goroutines');
    const pdf = await page.pdf({format: 'A4', printBackground: false});
    expect(pdfPageCount(pdf)).toBe(1);
    const text = pdfText(pdf, testInfo.outputPath('long-day-note.pdf'));
    expect(text).toContain('line 1: goroutines');
    expect(text, 'cut at the end of the page').not.toContain('line 80:');
  });
});

test.describe('notes on an item', () => {
  const ITEM_NOTE = 'Geohash cells: also query the 8 neighbours, & "surge" is priced per cell.';

  /** Opens the item's note with its small button and types into it. */
  async function writeItemNote(page: Page, day: number, item: string, text: string): Promise<void> {
    const dayLocator = page.locator(`[data-plan-day="${day}"]`);
    await dayLocator.getByRole('button', {name: new RegExp(`^Add note on ${item}`)}).click();
    const field = dayLocator.getByRole('textbox', {name: new RegExp(`^Note on ${item}`)});
    await field.fill(text);
    await field.blur();
    await expect(field.locator('xpath=..').getByRole('status')).toHaveText('Saved');
  }

  async function printDay(page: Page, day: number): Promise<void> {
    await page.evaluate(() => {
      window.print = () => {};
    });
    await page.emulateMedia({media: 'screen'});
    await page
      .locator(`[data-plan-day="${day}"]`)
      .getByRole('button', {name: /^Print this day/})
      .click();
    await expect(page.locator('html')).toHaveAttribute('data-print-day', String(day));
    await page.emulateMedia({media: 'print'});
  }

  test('a note on a Week 10 Day 2 block prints under its block, on the one page', async ({page}, testInfo) => {
    const errors = collectErrors(page);
    await gotoHydrated(page, WEEK_10);
    await writeItemNote(page, 2, 'Block 1', ITEM_NOTE);
    for (const format of ['A4', 'Letter'] as const) {
      // Making a PDF ends the print (afterprint), so each sheet size starts from the button again.
      await printDay(page, 2);
      const pdf = await page.pdf({format, printBackground: false});
      expect(pdfPageCount(pdf), `day 2 on ${format}`).toBe(1);
      const text = pdfText(pdf, testInfo.outputPath(`week-10-day-2-${format}.pdf`));
      const note = text.indexOf(`Note: ${ITEM_NOTE}`);
      expect(note, `the note on ${format}: ${text}`).toBeGreaterThan(-1);
      // Under its own block: after Block 1's text, before Block 2.
      expect(text.indexOf('Driver locations, matching algorithm, pricing.')).toBeLessThan(note);
      expect(text.indexOf('Block 2')).toBeGreaterThan(note);
      expect(text, 'the buttons and the editable field are not printed').not.toMatch(/Add note|Review later/);
    }
    expect(errors).toEqual([]);
  });

  test('long notes on every item of the day are cut to a few lines, and the day still prints on one page', async ({page}, testInfo) => {
    test.slow();
    await gotoHydrated(page, `${WEEK_10}?plan=6h`);
    const long = Array.from({length: 40}, (_, line) => `line ${line + 1}: a long thought about matching riders and drivers`).join('\n');
    await writeNote(page, 2, long);
    for (const item of ['Block 1', 'Block 2', 'Block 3', 'Block 4', 'Scaling considerations']) await writeItemNote(page, 2, item, long);
    for (const format of ['A4', 'Letter'] as const) {
      // Making a PDF ends the print (afterprint), so each sheet size starts from the button again.
      await printDay(page, 2);
      const pdf = await page.pdf({format, printBackground: false});
      expect(pdfPageCount(pdf), `day 2 on ${format}`).toBe(1);
      const text = pdfText(pdf, testInfo.outputPath(`week-10-day-2-long-${format}.pdf`));
      expect(text.match(/Note: line 1: a long thought/g), format).toHaveLength(5);
      expect(text.match(/line 1: a long thought/g), `the day's own note too, on ${format}`).toHaveLength(6);
      expect(text, format).not.toContain('line 40:');
    }
  });
});

test.describe('the notes page', () => {
  test('lists notes by plan and day, finds them by text, and links back to the day', async ({page}) => {
    const errors = collectErrors(page);
    await gotoHydrated(page, WEEK_10);
    await writeNote(page, 2, NOTE);
    await writeNote(page, 4, 'Benchmarks: b.Loop, not b.N');
    await gotoHydrated(page, '/notes');
    const days = page.locator('[data-notes-day]');
    await expect(days).toHaveCount(2);
    await expect(days.first()).toContainText('picks a ready case at random');

    await page.getByRole('searchbox', {name: 'Search notes'}).fill('b.loop');
    await expect(days).toHaveCount(1);
    await expect(page.getByRole('status').filter({hasText: '1 note matches.'})).toBeVisible();
    await page.getByRole('searchbox', {name: 'Search notes'}).fill('');
    await expect(days).toHaveCount(2);

    await days
      .first()
      .getByRole('link', {name: /^Day 2/})
      .click();
    await expect(page).toHaveURL(/\/weeks\/week-10\/go#day-2$/);
    await expect(dayNotes(page, 2)).toHaveValue(NOTE);
    expect(errors).toEqual([]);
  });

  test('has no axe violations with notes listed, in light or dark mode', async ({page}) => {
    // Four full axe passes (a plan page and /notes, each in both schemes): slow on a busy machine.
    test.slow();
    await page.emulateMedia({colorScheme: 'light'});
    await gotoHydrated(page, WEEK_10);
    await writeNote(page, 2, NOTE);
    await expectNoViolationsInEitherScheme(page);
    await gotoHydrated(page, '/notes');
    await expect(page.locator('[data-notes-day]')).toHaveCount(1);
    await expectNoViolationsInEitherScheme(page);
  });
});
