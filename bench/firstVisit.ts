import type {Browser} from '@playwright/test';
import {withServedBuild} from './servedBuild';
import type {StaticServer} from './server';

/** The page a first visitor is measured on: a weekly plan, as most visits are. */
export const FIRST_VISIT_ROUTE = '/weeks/week-10/go';

/** What a first visit moved, counted at the server (gzip, as sent), with the service worker and without it. */
export interface FirstVisitWeight {
  route: string;
  /** The page alone: a browser without a service worker, until the network is quiet. */
  pageBytes: number;
  /** A first visit as it is: the service worker installs, takes the tab and keeps what it keeps, until quiet. */
  visitBytes: number;
  visitRequests: number;
}

/** Resolves once the server has answered nothing for `quietMs` (the page, its worker and its prefetches are done). */
async function quiet(server: StaticServer, quietMs: number): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() - server.served().lastRequestAt < quietMs) {
    if (Date.now() > deadline) throw new Error('the page never went quiet');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function visit(browser: Browser, server: StaticServer, route: string, withWorker: boolean) {
  const context = await browser.newContext({serviceWorkers: withWorker ? 'allow' : 'block'});
  const before = server.served();
  try {
    const page = await context.newPage();
    await page.goto(`${server.origin}${route}`, {waitUntil: 'networkidle'});
    await page.waitForSelector('html[data-page-interactive="true"]', {timeout: 60_000});
    if (withWorker) await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {timeout: 60_000});
    await quiet(server, 3_000);
    const after = server.served();
    return {bytes: after.bytes - before.bytes, requests: after.requests - before.requests};
  } finally {
    await context.close();
  }
}

/** A first visit to `route` in a fresh browser, against the page's own needs: what the worker adds behind it. */
export async function firstVisitWeight(buildDir: string, route = FIRST_VISIT_ROUTE): Promise<FirstVisitWeight> {
  return withServedBuild(buildDir, async (browser, server) => {
    const page = await visit(browser, server, route, false);
    const withWorker = await visit(browser, server, route, true);
    return {route, pageBytes: page.bytes, visitBytes: withWorker.bytes, visitRequests: withWorker.requests};
  });
}
