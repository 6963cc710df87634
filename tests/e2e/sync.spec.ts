import {randomBytes} from 'node:crypto';
import {readFileSync} from 'node:fs';
import path from 'node:path';
import type {Browser, BrowserContext, Page} from '@playwright/test';
import {expect, test, withoutServiceWorker} from './support/test';
import {gistApiUrl} from '../support/gistApiPort';
import {repoRoot} from '../support/seeds';
import {expectNoViolationsInEitherScheme} from './support/axe';
import {gotoHydrated, reloadHydrated} from './support/site';

/**
 * "Sync across devices" end to end: two browser profiles (contexts) on one origin, and the fake Gist API the e2e
 * configuration starts on loopback (tests/support/fakeGistApiServer.ts). Each test has its own token and GitHub user,
 * so tests running side by side never share a gist. Each page runs on a controlled clock: sync spaces its writes
 * (src/sync/engine.ts, WRITE_LIMITS), and the tests move the page's time past that spacing instead of waiting for it.
 */

const WEEK_10 = '/weeks/week-10/go';
const API = gistApiUrl();
/** Past the debounce and the spacing between two writes, so the next write is due. */
const WRITE_DUE_MS = 30_000;

interface Learner {
  token: string;
  login: string;
}

async function control(pathname: string, body: unknown): Promise<unknown> {
  const response = await fetch(`${API}/__fake${pathname}`, {method: 'POST', body: JSON.stringify(body)});
  expect(response.status, `fake API control ${pathname}`).toBe(200);
  return response.json();
}

/** A new GitHub user with a token of the given classic scopes (null: a fine-grained token). */
async function newLearner(scopes: string | null = 'gist'): Promise<Learner> {
  const learner = {token: `ghp_${randomBytes(18).toString('hex')}`, login: `learner-${randomBytes(4).toString('hex')}`};
  await control('/tokens', {...learner, scopes});
  return learner;
}

async function gistsOf(learner: Learner): Promise<{id: string; files: Record<string, string>}[]> {
  return (await control('/gists', {login: learner.login})) as {id: string; files: Record<string, string>}[];
}

interface Device {
  context: BrowserContext;
  page: Page;
  /** Every request the page made: URL and headers. */
  requests: {url: string; headers: Record<string, string>; fromServiceWorker: boolean}[];
  /** Console lines and page errors. */
  console: string[];
}

/**
 * A browser with the site open on Week 10. The first test's devices have the service worker as any visitor does, to
 * show that API responses never come from it; the others go without it, as most specs do (./support/test.ts).
 */
async function openDevice(browser: Browser, timezoneId = 'UTC', now?: Date, serviceWorker: 'installed' | 'absent' = 'absent'): Promise<Device> {
  const made = await browser.newContext({timezoneId});
  const context = serviceWorker === 'installed' ? made : await withoutServiceWorker(made);
  const page = await context.newPage();
  const device: Device = {context, page, requests: [], console: []};
  page.on('request', (request) => {
    void request.allHeaders().then((headers) => device.requests.push({url: request.url(), headers, fromServiceWorker: false}));
  });
  page.on('response', (response) => {
    if (response.fromServiceWorker()) device.requests.push({url: response.url(), headers: {}, fromServiceWorker: true});
  });
  page.on('console', (message) => device.console.push(`${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => device.console.push(`pageerror: ${error.message}`));
  await page.clock.install(now ? {time: now} : undefined);
  await gotoHydrated(page, WEEK_10);
  return device;
}

const syncButton = (page: Page) => page.getByRole('button', {name: 'Sync across devices'});
const status = (page: Page) => page.locator('[data-sync-status]');
const alert = (page: Page) => page.locator('[data-sync-error]');
const day1Ticks = (page: Page) => page.locator('[data-plan-day="1"]').getByRole('checkbox', {name: /^Done: /});

async function turnOnSync(page: Page, token: string): Promise<void> {
  await syncButton(page).click();
  await page.getByLabel('GitHub token').fill(token);
  await page.getByRole('button', {name: 'Start syncing'}).click();
  await expect(status(page)).toHaveText('Synced just now.');
}

/** Moves the page's clock past the write spacing; the sync that was waiting runs. */
async function letSyncWrite(page: Page): Promise<void> {
  await page.clock.fastForward(WRITE_DUE_MS);
  await expect(status(page)).toHaveText(/^Synced (just now|1 minute ago)\.$/);
}

/** The tab comes back to the front: the site hears `focus` and syncs (headless tabs are always "visible"). */
async function regainFocus(page: Page): Promise<void> {
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
}

async function tickedItems(page: Page): Promise<string[]> {
  const ticks = day1Ticks(page);
  const ticked: string[] = [];
  for (let index = 0; index < (await ticks.count()); index++) {
    if (await ticks.nth(index).isChecked()) ticked.push((await ticks.nth(index).getAttribute('data-progress-item')) ?? '');
  }
  return ticked;
}

test('the build under test sends its API requests to the fake Gist API (npm run build:test)', () => {
  const html = readFileSync(path.join(repoRoot, 'build', 'index.html'), 'utf8');
  const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
  expect(policy, `build/ was not built with GIST_API_URL=${API}: run npm run build:test`).toContain(`connect-src 'self' ${API}`);
});

test('A turns sync on and ticks; B turns it on with the same token and shows them; the token goes only to the API, in Authorization', async ({browser}) => {
  // Two browsers, each hydrating a plan page twice or more: twice a one-browser test's work on a busy two-core machine.
  test.slow();
  const learner = await newLearner();
  const a = await openDevice(browser, 'UTC', undefined, 'installed');
  await turnOnSync(a.page, learner.token);
  await expect(syncButton(a.page)).toHaveAttribute('aria-expanded', 'true');
  await day1Ticks(a.page).nth(0).check();
  await day1Ticks(a.page).nth(1).check();
  const ticked = await tickedItems(a.page);
  await letSyncWrite(a.page);
  const gists = await gistsOf(learner);
  expect(gists).toHaveLength(1);
  const file = gists[0]!.files['go-study-plans-progress.json']!;
  for (const item of ticked) expect(file).toContain(item);

  const b = await openDevice(browser, 'Asia/Kolkata', undefined, 'installed');
  await turnOnSync(b.page, learner.token);
  expect(await tickedItems(b.page)).toEqual(ticked);
  // Still one gist: B found A's by listing.
  expect(await gistsOf(learner)).toHaveLength(1);

  // After a reload, B syncs by itself (the token is kept in this browser only).
  await reloadHydrated(b.page);
  await expect(status(b.page)).toHaveText(/^Synced /);

  for (const device of [a, b]) {
    const carrying = device.requests.filter(
      (request) => request.url.includes(learner.token) || Object.values(request.headers).some((value) => value.includes(learner.token)),
    );
    expect(carrying.length).toBeGreaterThan(0);
    for (const request of carrying) {
      expect(new URL(request.url).origin).toBe(API);
      expect(request.url).not.toContain(learner.token);
      expect(Object.entries(request.headers).filter(([, value]) => value.includes(learner.token))).toEqual([['authorization', `Bearer ${learner.token}`]]);
    }
    expect(device.requests.filter((request) => request.fromServiceWorker && request.url.startsWith(API))).toEqual([]);
    expect(device.console.join('\n')).not.toContain(learner.token);
    expect(await device.page.content()).not.toContain(learner.token);
    // No console errors: the CSP lets the page reach the API and nothing blocks.
    expect(device.console.filter((line) => line.startsWith('error') || line.startsWith('pageerror'))).toEqual([]);
  }
  await a.context.close();
  await b.context.close();
});

// An untick is a versioned removal (a tombstone): made after B saw A's tick, it wins on both devices.
test('B unticks one; A shows the untick after it regains focus', async ({browser}) => {
  test.slow();
  const learner = await newLearner();
  const a = await openDevice(browser);
  await turnOnSync(a.page, learner.token);
  await day1Ticks(a.page).nth(0).check();
  await letSyncWrite(a.page);
  const b = await openDevice(browser);
  await turnOnSync(b.page, learner.token);
  await expect(day1Ticks(b.page).nth(0)).toBeChecked();
  await day1Ticks(b.page).nth(0).uncheck();
  await letSyncWrite(b.page);
  await regainFocus(a.page);
  await expect(day1Ticks(a.page).nth(0)).not.toBeChecked();
});

test('both devices edit offline, come back online, and end equal with no typed text lost', async ({browser}) => {
  // Two browsers (see the first two-device test).
  test.slow();
  const learner = await newLearner();
  const a = await openDevice(browser);
  await turnOnSync(a.page, learner.token);
  const b = await openDevice(browser);
  await turnOnSync(b.page, learner.token);

  await a.context.setOffline(true);
  await b.context.setOffline(true);
  await day1Ticks(a.page).nth(0).check();
  await a.page.getByRole('textbox', {name: 'Notes for day 1'}).fill('Laptop: heaps and the two-pointer trick');
  await day1Ticks(b.page).nth(2).check();
  await b.page.getByRole('textbox', {name: 'Notes for day 2'}).fill('Phone: channels on the train');
  await a.page.clock.fastForward(WRITE_DUE_MS);
  await expect(status(a.page)).toContainText('you are offline');
  await b.page.clock.fastForward(WRITE_DUE_MS);
  await expect(status(b.page)).toContainText('you are offline');

  await a.context.setOffline(false);
  await expect(status(a.page)).toHaveText('Synced just now.');
  await b.context.setOffline(false);
  await expect(status(b.page)).toHaveText('Synced just now.');
  // A hears of B's changes when it syncs next: when the learner comes back to it.
  await regainFocus(a.page);
  for (const page of [a.page, b.page]) {
    await expect(day1Ticks(page).nth(0)).toBeChecked();
    await expect(day1Ticks(page).nth(2)).toBeChecked();
    await expect(page.getByRole('textbox', {name: 'Notes for day 1'})).toHaveValue('Laptop: heaps and the two-pointer trick');
    await expect(page.getByRole('textbox', {name: 'Notes for day 2'})).toHaveValue('Phone: channels on the train');
  }
  expect(await tickedItems(a.page)).toEqual(await tickedItems(b.page));
  await a.context.close();
  await b.context.close();
});

test('a revoked token (401) is said in words, and the page keeps working', async ({browser}) => {
  const learner = await newLearner();
  const a = await openDevice(browser);
  await turnOnSync(a.page, learner.token);
  await control('/revoke', {token: learner.token});
  await day1Ticks(a.page).nth(0).check();
  await a.page.clock.fastForward(WRITE_DUE_MS);
  await expect(alert(a.page)).toContainText('GitHub no longer accepts your token');
  await expect(a.page.getByLabel('GitHub token')).toBeVisible();
  await expect(day1Ticks(a.page).nth(0)).toBeChecked();
  expect(await a.page.content()).not.toContain(learner.token);
  await a.context.close();
});

test('a deleted gist (404): A offers to create a new one, and does', async ({browser}) => {
  const learner = await newLearner();
  const a = await openDevice(browser);
  await turnOnSync(a.page, learner.token);
  const [first] = await gistsOf(learner);
  await control('/delete', {gistId: first!.id});
  await regainFocus(a.page);
  await expect(alert(a.page)).toContainText('the gist holding your progress is gone from GitHub');
  await a.page.getByRole('button', {name: 'Create a new gist'}).click();
  await a.page.clock.fastForward(WRITE_DUE_MS);
  // The status said "Synced" before the gist was lost too: the new gist itself is what to wait for.
  await expect.poll(async () => (await gistsOf(learner)).map((gist) => gist.id)).toEqual([expect.not.stringMatching(`^${first!.id}$`)]);
  await expect(alert(a.page)).toBeEmpty();
  await expect(status(a.page)).toHaveText(/^Synced /);
  await a.context.close();
});

/**
 * A rate limit that resets at 12:45 in `timeZone`, at least an hour from now (the fake API refuses until then, by its
 * real clock), and the moment 45 minutes before it for the page's clock: the reset is later the same day there, so the
 * status gives the time alone, whatever the hour this test runs at.
 */
function resetAtLunchtime(timeZone: string): {resetAt: number; pageNow: Date} {
  const lunchtime = new Intl.DateTimeFormat('en-GB', {timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23'});
  let resetMs = Math.ceil((Date.now() + 60 * 60_000) / (15 * 60_000)) * 15 * 60_000;
  while (lunchtime.format(resetMs) !== '12:45') resetMs += 15 * 60_000;
  return {resetAt: resetMs / 1000, pageNow: new Date(resetMs - 45 * 60_000)};
}

for (const timezoneId of ['UTC', 'America/Los_Angeles']) {
  test(`the rate limit (403): A says when it resets, in local time (${timezoneId}), and keeps working locally`, async ({browser}) => {
    const learner = await newLearner();
    const {resetAt, pageNow} = resetAtLunchtime(timezoneId);
    const a = await openDevice(browser, timezoneId, pageNow);
    await turnOnSync(a.page, learner.token);
    await control('/rate-limit', {login: learner.login, resetAt, status: 403});
    await day1Ticks(a.page).nth(0).check();
    await a.page.clock.fastForward(WRITE_DUE_MS);
    await expect(status(a.page)).toContainText(`GitHub's rate limit for your account is reached until 12:45. Your progress is kept here`);
    await day1Ticks(a.page).nth(1).check();
    await reloadHydrated(a.page);
    await expect(day1Ticks(a.page).nth(0)).toBeChecked();
    await expect(day1Ticks(a.page).nth(1)).toBeChecked();
    await a.context.close();
  });
}

test('a classic token with more than the gist scope is refused and not kept; a fine-grained one is taken with a note', async ({browser}) => {
  const broad = await newLearner('gist, repo');
  const a = await openDevice(browser);
  await syncButton(a.page).click();
  await a.page.getByLabel('GitHub token').fill(broad.token);
  await a.page.getByRole('button', {name: 'Start syncing'}).click();
  await expect(a.page.getByRole('alert').filter({hasText: 'can do more than sync needs'})).toContainText('repo');
  expect(await a.page.evaluate(() => Object.keys(localStorage).filter((key) => key.includes('sync')))).toEqual([]);

  const fine = await newLearner(null);
  await a.page.getByLabel('GitHub token').fill(fine.token);
  await a.page.getByRole('button', {name: 'Start syncing'}).click();
  await expect(a.page.getByText('This is a fine-grained token')).toBeVisible();
  await expect(status(a.page)).toHaveText('Synced just now.');
  await a.context.close();
});

test('the sync panel works by keyboard, with labels, and has no axe violations in light or dark', async ({browser}) => {
  // Two axe scans of a whole plan page.
  test.slow();
  const a = await openDevice(browser);
  await syncButton(a.page).focus();
  await a.page.keyboard.press('Enter');
  const field = a.page.getByLabel('GitHub token');
  await expect(field).toBeVisible();
  await expect(a.page.getByRole('link', {name: 'fine-grained token'})).toHaveAttribute('href', 'https://github.com/settings/personal-access-tokens/new');
  await expect(a.page.getByRole('link', {name: 'classic token'})).toHaveAttribute('href', /^https:\/\/github\.com\/settings\/tokens\/new\?scopes=gist/);
  await field.focus();
  await a.page.keyboard.type('not a token');
  await a.page.keyboard.press('Enter');
  await expect(a.page.getByRole('alert').filter({hasText: 'no spaces'})).toBeVisible();
  await expectNoViolationsInEitherScheme(a.page);
  await a.context.close();
});

test('"Stop syncing" forgets the token and can delete the gist', async ({browser}) => {
  const learner = await newLearner();
  const a = await openDevice(browser);
  await turnOnSync(a.page, learner.token);
  await a.page.getByRole('button', {name: 'Stop syncing'}).click();
  await a.page.getByLabel(/Also delete the gist on GitHub/).check();
  await a.page.getByRole('group', {name: 'Stop syncing'}).getByRole('button', {name: 'Stop syncing'}).click();
  await expect(a.page.getByLabel('GitHub token')).toBeVisible();
  expect(await a.page.evaluate(() => Object.keys(localStorage).filter((key) => key.includes('sync')))).toEqual([]);
  expect(await gistsOf(learner)).toEqual([]);
  await a.context.close();
});

test('another open tab starts syncing when sync is turned on in one, and stops when it is stopped there, without a reload', async ({browser}) => {
  const learner = await newLearner();
  const a = await openDevice(browser);
  // A second tab of the same browser, open before sync is turned on (the clock is the browser's, shared by its tabs).
  const other = await a.context.newPage();
  await gotoHydrated(other, WEEK_10);
  await syncButton(other).click();
  await expect(other.getByLabel('GitHub token')).toBeVisible();

  await turnOnSync(a.page, learner.token);
  // Only a tab whose own sync runs shows a status: the other tab started by itself.
  await expect(status(other)).toHaveText(/^Synced /);
  await expect(other.getByRole('button', {name: 'Sync now'})).toBeVisible();

  await a.page.getByRole('button', {name: 'Stop syncing'}).click();
  await a.page.getByRole('group', {name: 'Stop syncing'}).getByRole('button', {name: 'Stop syncing'}).click();
  await expect(a.page.getByLabel('GitHub token')).toBeVisible();
  await expect(other.getByLabel('GitHub token')).toBeVisible();
  await expect(other.getByRole('button', {name: 'Sync now'})).toHaveCount(0);
  await a.context.close();
});
