import {readFileSync} from 'node:fs';
import path from 'node:path';
import {expect, type Locator, type Page, type Response} from '@playwright/test';
import {repoRoot} from '../../support/seeds';

/** Every page of the production build, as URL paths, taken from the sitemap the build writes. */
export function builtPages(): string[] {
  const sitemap = readFileSync(path.join(repoRoot, 'build', 'sitemap.xml'), 'utf8');
  const paths = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1] ?? '').pathname);
  return [...new Set(paths)].sort();
}

/** Headings in document order as `{level, text, id}`. */
export async function headingOutline(page: Page): Promise<{level: number; text: string; id: string}[]> {
  return page.locator('h1, h2, h3, h4, h5, h6').evaluateAll((elements) =>
    elements.map((element) => ({
      level: Number(element.tagName.slice(1)),
      text: (element.textContent ?? '').replace(/\u200b/g, '').trim(),
      id: element.id,
    })),
  );
}

/** Presses Tab until `target` has focus; fails if it is not reachable within `limit` presses. */
export async function tabTo(page: Page, target: Locator, limit = 150): Promise<void> {
  const handle = await target.elementHandle();
  for (let presses = 0; presses < limit; presses++) {
    if (await page.evaluate((element) => document.activeElement === element, handle)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Not reachable with ${limit} Tab presses`);
}

/** What marks focus on an element: an outline or a box shadow, as computed. */
export async function focusRing(element: Locator): Promise<{outline: string; boxShadow: string}> {
  return element.evaluate((node) => {
    const style = getComputedStyle(node);
    return {outline: `${style.outlineStyle} ${style.outlineWidth}`, boxShadow: style.boxShadow};
  });
}

/** Page errors and console errors from now on; React reports hydration mismatches as console errors (#418, #423, #425). */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return errors;
}

/**
 * What a page does wrong from now on that a reader never sees: console errors and warnings of any kind (React's
 * hydration messages, #418 and the like, among them), uncaught page errors, and requests to any origin but
 * `baseURL`'s (data: and blob: URLs stay in the page). Read the lists once the page is interactive: React reports a
 * hydration mismatch while hydrating, so by then every such message has been logged.
 */
export function watchPageHealth(page: Page, baseURL: string | undefined): {problems: string[]; otherOrigins: string[]} {
  const problems: string[] = [];
  const otherOrigins: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== new URL(baseURL ?? '').origin) otherOrigins.push(request.url());
  });
  return {problems, otherOrigins};
}

/** Headings that skip a level (an h2 followed by an h4), each as `h2 "text" → h4 "text"`. */
export function skippedHeadingLevels(outline: {level: number; text: string}[]): string[] {
  return outline.flatMap((heading, index) => {
    const previous = outline[index - 1];
    return previous && heading.level > previous.level + 1 ? [`h${previous.level} "${previous.text}" → h${heading.level} "${heading.text}"`] : [];
  });
}

/**
 * Waits until the page is interactive, as a reader does before clicking: React has hydrated it and the effects of
 * its first render have run (a shared `?plan=` is stored, stored ticks and notes are shown). The site's Root sets
 * `<html data-page-interactive="true">` from its last effect, which runs after those of every component below it.
 * Before that a click reaches no handler, and what the page shows is still the server's render.
 */
export async function waitForHydration(page: Page): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('data-page-interactive', 'true');
}

/**
 * Scrolls a plan's day into view, as a reader does before looking at it. A day hydrates, and shows what is stored for
 * it, when it comes near the viewport (src/components/HydrateWhenNear); until then it is the server's HTML.
 */
export async function scrollToDay(page: Page, day: number): Promise<void> {
  await page.locator(`[data-plan-day="${day}"]`).first().scrollIntoViewIfNeeded();
}

/** Scrolls through every day of a plan page, as a reader looking over all of it does (see scrollToDay). */
export async function scrollThroughDays(page: Page): Promise<void> {
  for (const day of await page.locator('[data-plan-day]').all()) await day.scrollIntoViewIfNeeded();
}

/** `page.goto`, then waits until the page is interactive (see waitForHydration). */
export async function gotoHydrated(page: Page, url: string, options?: Parameters<Page['goto']>[1]): Promise<Response | null> {
  const response = await page.goto(url, options);
  await waitForHydration(page);
  return response;
}

/** `page.reload`, then waits until the page is interactive (see waitForHydration). */
export async function reloadHydrated(page: Page): Promise<void> {
  await page.reload();
  await waitForHydration(page);
}

/**
 * `minutes` of study with a timer running: the page's clock (installed with `page.clock`) moves on that far, as a
 * laptop's does when it wakes, without firing the timers due meanwhile. A run is timed from when it started, so the
 * next tick shows the time gone by. `fastForward` would fire them all, the bundler's two-minute chunk-load timeout
 * among them: a chunk still arriving (the timer panel, loaded as the timer starts) would then fail, and the page with it.
 */
export async function studyFor(page: Page, minutes: number): Promise<void> {
  const now = await page.evaluate(() => Date.now());
  await page.clock.setSystemTime(now + minutes * 60_000);
}
