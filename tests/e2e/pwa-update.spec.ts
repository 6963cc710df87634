import {existsSync, readFileSync, readdirSync, rmSync} from 'node:fs';
import path from 'node:path';
import type {Page} from '@playwright/test';
import {expect, test} from './support/test';
import {collectErrors, gotoHydrated, reloadHydrated, waitForHydration} from './support/site';
import {publishPageChange, serveBuildCopy, type BuildCopy} from './support/buildCopy';

// The subject is the service worker: how a new version is announced and taken.
test.use({serviceWorker: 'installed'});

const PLAN_PAGE = '/weeks/week-10/go';
const NEW_VERSION_TEXT = 'This page changed after your first visit';

type MarkedWindow = Window & {loadedBeforeUpdate?: boolean};

let site: BuildCopy;

// A new version installs while the test waits; a busy machine needs time for that.
test.describe.configure({timeout: 120_000});

test.beforeEach(async () => {
  // Each test publishes its own new version, on an origin (and so a service worker) of its own.
  site = await serveBuildCopy();
});

test.afterEach(async () => {
  await site.close();
});

/** Opens the plan page on the copy and waits until its service worker, with the whole site precached, controls the tab. */
async function openControlled(page: Page): Promise<void> {
  await gotoHydrated(page, `${site.url}${PLAN_PAGE}`);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {timeout: 60_000});
  // The worker keeps the opened page for offline use as soon as it takes the tab; a version published before that copy
  // is made would be the copy (and the "old" version a reload shows would already be the new one).
  await expect.poll(() => page.evaluate(async (url) => (await caches.match(url)) !== undefined, PLAN_PAGE), {timeout: 60_000}).toBe(true);
  // A full page load would clear this; the prompt must leave it in place.
  await page.evaluate(() => {
    (window as MarkedWindow).loadedBeforeUpdate = true;
  });
}

/** Publishes a new version of the plan page (and so a new service worker), and has the browser look for it. */
async function publishAndCheckForUpdate(page: Page): Promise<void> {
  publishPageChange(site, PLAN_PAGE, (html) => html.replace('<body>', `<body><p id="new-version">${NEW_VERSION_TEXT}</p>`));
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    await registration?.update();
  });
  // Installed (the changed page fetched into the cache) and waiting for the reader.
  await expect
    .poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting?.state ?? 'none'), {timeout: 60_000})
    .toBe('installed');
}

/** The script chunk holding the prompt (the plugin loads it only once a new worker waits), found by the prompt's name. */
function promptChunk(): string {
  const scripts = path.join(site.dir, 'assets', 'js');
  const chunk = readdirSync(scripts).find((name) => readFileSync(path.join(scripts, name), 'utf8').includes('Site update'));
  if (!chunk) throw new Error('No script in the build holds the update prompt ("Site update")');
  return chunk;
}

const stillFirstLoad = (page: Page) => page.evaluate(() => (window as MarkedWindow).loadedBeforeUpdate === true);

test('a new version is announced by a small prompt, and the page reloads only when the reader presses Reload', async ({page}) => {
  const errors = collectErrors(page);
  await openControlled(page);
  await publishAndCheckForUpdate(page);

  const prompt = page.getByRole('status', {name: 'Site update'});
  await expect(prompt).toBeVisible({timeout: 30_000});
  await expect(prompt).toContainText('Update available');
  expect(await stillFirstLoad(page)).toBe(true);
  await expect(page.getByText(NEW_VERSION_TEXT)).toHaveCount(0);

  await prompt.getByRole('button', {name: 'Reload'}).click();
  await expect(page.getByText(NEW_VERSION_TEXT)).toBeVisible({timeout: 30_000});
  expect(await stillFirstLoad(page)).toBe(false);
  await expect(page.getByRole('heading', {level: 1})).toBeVisible();
  // The new version is in charge now: nothing is waiting, so nothing is announced again.
  expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null)).toBeNull();
  await waitForHydration(page);
  await expect(prompt).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('"Later" dismisses the prompt without reloading; the next page load offers it again', async ({page}) => {
  await openControlled(page);
  await publishAndCheckForUpdate(page);

  const prompt = page.getByRole('status', {name: 'Site update'});
  await prompt.getByRole('button', {name: 'Later'}).click({timeout: 30_000});
  await expect(prompt).toHaveCount(0);
  expect(await stillFirstLoad(page)).toBe(true);
  await expect(page.getByText(NEW_VERSION_TEXT)).toHaveCount(0);

  // Still the old version until the reader chooses Reload: the waiting worker does not take over on a page load.
  await reloadHydrated(page);
  await expect(prompt).toBeVisible({timeout: 30_000});
  await expect(prompt).toHaveCount(1);
  await expect(page.getByText(NEW_VERSION_TEXT)).toHaveCount(0);
  await prompt.getByRole('button', {name: 'Reload'}).click();
  await expect(page.getByText(NEW_VERSION_TEXT)).toBeVisible({timeout: 30_000});
});

test('while a block timer runs the prompt waits, and it shows once the timer is paused', async ({page}) => {
  await openControlled(page);
  const timers = page.locator('[data-plan-day="1"]');
  await timers
    .getByRole('button', {name: /^Start \d/})
    .first()
    .click();
  const pause = page.getByRole('button', {name: /^Pause, /}).first();
  await expect(pause).toBeVisible();

  await publishAndCheckForUpdate(page);
  // The prompt's script has arrived and run, and React has had two frames to commit whatever it renders.
  const chunk = promptChunk();
  await expect
    .poll(() => page.evaluate((name) => performance.getEntriesByType('resource').some((entry) => entry.name.endsWith(`/${name}`)), chunk), {timeout: 30_000})
    .toBe(true);
  await expect(page.locator('#pwa-popup-container')).toBeAttached();
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const prompt = page.getByRole('status', {name: 'Site update'});
  await expect(prompt).toHaveCount(0);

  await pause.click();
  await expect(prompt).toBeVisible({timeout: 30_000});
  expect(await stillFirstLoad(page)).toBe(true);

  // Starting a timer again hides it until that timer stops as well.
  await page
    .getByRole('button', {name: /^Resume, /})
    .first()
    .click();
  await expect(prompt).toHaveCount(0);
  await page
    .getByRole('button', {name: /^Pause, /})
    .first()
    .click();
  await expect(prompt).toBeVisible();
  expect(await stillFirstLoad(page)).toBe(true);
});

test('a page kept before a deploy still opens offline after it, with its own code, though the deploy removed that code', async ({context, page}) => {
  const errors = collectErrors(page);
  await openControlled(page);
  // A learner who studies keeps records: the worker then keeps the app shell, whose code plan pages' links preload.
  await page
    .getByRole('checkbox', {name: /^Done: /})
    .first()
    .check();
  await expect.poll(() => page.evaluate(async () => (await caches.match('/today')) !== undefined), {timeout: 30_000}).toBe(true);
  const KEPT_PAGE = '/weeks/week-11/go';
  await gotoHydrated(page, `${site.url}${KEPT_PAGE}`, {waitUntil: 'networkidle'});
  await expect.poll(() => page.evaluate(async (url) => (await caches.match(url)) !== undefined, KEPT_PAGE), {timeout: 30_000}).toBe(true);
  // The scripts this version of the page runs, by content-hashed name.
  const scripts = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((entry) => new URL(entry.name).pathname)
      .filter((name) => name.startsWith('/assets/js/')),
  );
  expect(scripts.length).toBeGreaterThan(2);
  await gotoHydrated(page, `${site.url}${PLAN_PAGE}`);

  // The deploy: a new version, and (as a host that serves only the latest build does) none of the old scripts.
  await publishAndCheckForUpdate(page);
  for (const script of scripts) rmSync(path.join(site.dir, script), {force: true});
  expect(scripts.filter((script) => existsSync(path.join(site.dir, script)))).toEqual([]);
  const prompt = page.getByRole('status', {name: 'Site update'});
  await prompt.getByRole('button', {name: 'Reload'}).click({timeout: 30_000});
  await expect(page.getByText(NEW_VERSION_TEXT)).toBeVisible({timeout: 30_000});
  await waitForHydration(page);

  // Week 11 was kept by the earlier version: offline, its copy and that version's scripts are what the worker has.
  await context.setOffline(true);
  await gotoHydrated(page, `${site.url}${KEPT_PAGE}`);
  await expect(page.getByRole('heading', {level: 1})).toBeVisible();
  const firstTick = page.getByRole('checkbox', {name: /^Done: /}).first();
  await firstTick.check();
  await expect(firstTick).toBeChecked();
  expect(errors).toEqual([]);
});
