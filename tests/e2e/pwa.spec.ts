import {expect, test} from '@playwright/test';
import {collectErrors} from './support/site';

test('after one visit to the home page, a never-visited plan page, the roadmap and search work with no network', async ({context, page}) => {
  const errors = collectErrors(page);
  await page.goto('/', {waitUntil: 'networkidle'});
  // The service worker precaches the whole site while installing, then takes the tab.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {timeout: 60_000});

  await context.setOffline(true);

  await page.goto('/weeks/week-10/go');
  await expect(page.getByRole('heading', {level: 1})).toBeVisible();
  // Fully rendered and hydrated: the plan's days, its tick boxes and the timers' buttons work.
  await expect(page.locator('[data-plan-day="7"]')).toBeAttached();
  const firstTick = page.getByRole('checkbox', {name: /^Done: /}).first();
  await firstTick.check();
  await expect(firstTick).toBeChecked();

  await page.goto('/roadmap/roadmap-16-weeks');
  await expect(page.getByRole('heading', {level: 1})).toBeVisible();
  await expect(page.getByRole('link', {name: /Week 10/}).first()).toBeVisible();

  await page.keyboard.press('Control+k');
  await page.keyboard.type('presigned');
  await expect(page.getByRole('option').filter({hasText: 'Week 11'}).first()).toBeVisible();

  await page.goto('/search?q=goroutine');
  await expect(page.getByRole('link', {name: /Week|Day/}).first()).toBeVisible();

  // Offline fetches that fail are expected to log nothing: the cache answers every request of these pages.
  expect(errors).toEqual([]);
});

test('the web app manifest names the site and offers 192, 512 and maskable icons that load', async ({page, request}) => {
  await page.goto('/');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBe('/manifest.json');
  const manifest = (await (await request.get(href!)).json()) as {
    name: string;
    short_name: string;
    start_url: string;
    display: string;
    icons: {src: string; sizes: string; purpose: string}[];
  };
  expect(manifest).toMatchObject({name: 'Go Study Plans', start_url: '/', display: 'standalone'});
  expect(manifest.short_name.length).toBeLessThanOrEqual(12);
  expect(manifest.icons.map((icon) => `${icon.sizes} ${icon.purpose}`).sort()).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);
  for (const icon of manifest.icons) {
    const response = await request.get(icon.src);
    expect(response.headers()['content-type']).toBe('image/png');
  }
  const themeColors = await page.locator('meta[name="theme-color"]').evaluateAll((metas) => metas.map((meta) => meta.getAttribute('media')));
  expect(themeColors.sort()).toEqual(['(prefers-color-scheme: dark)', '(prefers-color-scheme: light)']);
});
