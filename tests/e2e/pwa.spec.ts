import {mkdtempSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {expect, test, withoutServiceWorker} from './support/test';
import type {Page} from '@playwright/test';
import {chromiumArgs, findChromium} from '../support/chromium';
import {collectErrors, gotoHydrated, scrollToDay, watchPageHealth} from './support/site';

// The subject is the service worker: offline pages, and what installing the app needs.
test.use({serviceWorker: 'installed'});

/** Whether the service worker has kept `route` for offline use (any of its caches). */
const isKept = (page: Page, route: string) => page.evaluate(async (url) => (await caches.match(url)) !== undefined, route);

test('the app shell, every page opened (by a link inside the site too) and searches already made work with no network; pages never opened are not downloaded', async ({
  context,
  page,
}) => {
  const errors = collectErrors(page);
  await gotoHydrated(page, '/', {waitUntil: 'networkidle'});
  // The service worker takes the tab once installed.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {timeout: 60_000});

  // Opened by a link: no HTML is fetched by the page, so the worker is asked to keep it.
  await page.getByRole('link', {name: 'Roadmap', exact: true}).first().click();
  await expect(page).toHaveURL(/\/roadmap\/roadmap-16-weeks$/);
  // The address changes at once; the page is open (and the worker told) once its content shows.
  await expect(page.getByRole('heading', {level: 1, name: '16-Week Roadmap'})).toBeVisible();
  await gotoHydrated(page, '/weeks/week-10/go', {waitUntil: 'networkidle'});
  // The learner's first record: from now on the app shell (Today, notes, review) has something to show offline.
  await page
    .getByRole('checkbox', {name: /^Done: /})
    .first()
    .check();
  await page.keyboard.press('Control+k');
  await page.keyboard.type('presigned');
  await expect(page.getByRole('option').filter({hasText: 'Week 11'}).first()).toBeVisible();
  await gotoHydrated(page, '/search?q=goroutine', {waitUntil: 'networkidle'});
  await expect(page.getByRole('link', {name: /Week|Day/}).first()).toBeVisible();
  await expect.poll(() => isKept(page, '/roadmap/roadmap-16-weeks'), {timeout: 30_000}).toBe(true);
  // Asked for once the learner kept a record.
  await expect.poll(() => isKept(page, '/today'), {timeout: 30_000}).toBe(true);
  expect(await isKept(page, '/weeks/week-13/go')).toBe(false);

  await context.setOffline(true);

  await gotoHydrated(page, '/weeks/week-10/go');
  await expect(page.getByRole('heading', {level: 1})).toBeVisible();
  // Fully rendered and hydrated: the plan's days, its tick boxes and the timers' buttons work.
  await expect(page.locator('[data-plan-day="7"]')).toBeAttached();
  await scrollToDay(page, 1);
  await expect(page.getByRole('checkbox', {name: /^Done: /}).first()).toBeChecked();
  const secondTick = page.getByRole('checkbox', {name: /^Done: /}).nth(1);
  await secondTick.check();
  await expect(secondTick).toBeChecked();

  await gotoHydrated(page, '/roadmap/roadmap-16-weeks');
  await expect(page.getByRole('heading', {level: 1})).toBeVisible();
  await expect(page.getByRole('link', {name: /Week 10/}).first()).toBeVisible();

  await page.keyboard.press('Control+k');
  await page.keyboard.type('presigned');
  await expect(page.getByRole('option').filter({hasText: 'Week 11'}).first()).toBeVisible();

  await gotoHydrated(page, '/search?q=goroutine');
  await expect(page.getByRole('link', {name: /Week|Day/}).first()).toBeVisible();

  await gotoHydrated(page, '/today');
  await expect(page.getByRole('heading', {level: 1})).toBeVisible();

  // Offline fetches that fail are expected to log nothing: the cache answers every request of these pages.
  expect(errors).toEqual([]);
});

/** Width and height of a PNG, from its IHDR chunk (always first, right after the 8-byte signature). */
function pngSize(bytes: Buffer): string {
  expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
  return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
}

test('the web app manifest names the site and offers 192, 512 and maskable icons that load at their stated sizes', async ({page, request}) => {
  await gotoHydrated(page, '/');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBe('/manifest.json');
  const manifestResponse = await request.get(href!);
  expect(manifestResponse.status()).toBe(200);
  const manifest = (await manifestResponse.json()) as {
    name: string;
    short_name: string;
    start_url: string;
    display: string;
    theme_color: string;
    icons: {src: string; sizes: string; purpose: string}[];
  };
  expect(manifest).toMatchObject({name: 'Go Study Plans', short_name: 'Go Plans', start_url: '/', display: 'standalone', theme_color: '#00758f'});
  // Short enough to sit under an icon on a phone's home screen.
  expect(manifest.short_name.length).toBeLessThanOrEqual(12);
  expect(manifest.icons.map((icon) => `${icon.sizes} ${icon.purpose}`).sort()).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);
  for (const icon of manifest.icons) {
    const response = await request.get(icon.src);
    expect(response.status(), icon.src).toBe(200);
    expect(response.headers()['content-type']).toBe('image/png');
    expect(pngSize(await response.body()), icon.src).toBe(icon.sizes);
  }

  // The browser's own colour for its toolbar and the installed app's title bar, in the light and the dark theme.
  const themeColors = await page
    .locator('meta[name="theme-color"]')
    .evaluateAll((metas) => Object.fromEntries(metas.map((meta) => [meta.getAttribute('media'), meta.getAttribute('content')])));
  expect(themeColors).toEqual({'(prefers-color-scheme: light)': manifest.theme_color, '(prefers-color-scheme: dark)': '#1b1b1d'});
});

test('Chromium finds nothing that stops the site being installed, once its service worker controls the page', async ({playwright, baseURL}) => {
  // Precaching the whole site first can take a while on a busy machine.
  test.slow();
  // Lighthouse 12 dropped its PWA category; its installability audit asked Chromium the same question over the
  // DevTools protocol. Playwright's usual browser contexts are incognito, where Chromium answers "in-incognito"
  // whatever the site does, so this test opens an ordinary profile of its own.
  const chromium = findChromium({headlessShell: true});
  if ('error' in chromium) throw new Error(chromium.error);
  const profile = mkdtempSync(path.join(os.tmpdir(), 'go-study-plans-profile-'));
  const context = await playwright.chromium.launchPersistentContext(profile, {executablePath: chromium.path, args: chromiumArgs, baseURL});
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await gotoHydrated(page, '/');
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {timeout: 60_000});
    const cdp = await context.newCDPSession(page);
    const {errors: manifestErrors} = await cdp.send('Page.getAppManifest');
    expect(manifestErrors).toEqual([]);
    const {installabilityErrors} = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
  } finally {
    await context.close();
    rmSync(profile, {recursive: true, force: true});
  }
});

test('a browser without the service worker API gets every page with nothing registered and nothing logged', async ({browser, baseURL}) => {
  // What tests/e2e/support/test.ts gives every spec that is not about the worker.
  const context = await withoutServiceWorker(await browser.newContext());
  const page = await context.newPage();
  const health = watchPageHealth(page, baseURL);
  const workerScripts: string[] = [];
  context.on('request', (request) => {
    if (new URL(request.url()).pathname === '/sw.js') workerScripts.push(request.url());
  });
  await gotoHydrated(page, '/weeks/week-10/go', {waitUntil: 'networkidle'});
  expect(await page.evaluate(() => 'serviceWorker' in navigator)).toBe(false);
  expect(workerScripts).toEqual([]);
  expect(health.problems).toEqual([]);
  await context.close();
});
