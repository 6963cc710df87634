import {chromium, type Browser} from '@playwright/test';
import {chromiumArgs, findChromium} from '../tests/support/chromium';
import {serveStatic, type StaticServer} from './server';

/**
 * Serves `buildDir` as a static host does (bench/server.ts) and launches Chromium beside it for `use`; both are closed
 * when it settles. The page measurements of the bench (JavaScript per page, a first search, a first visit) share it.
 */
export async function withServedBuild<T>(buildDir: string, use: (browser: Browser, server: StaticServer) => Promise<T>): Promise<T> {
  const found = findChromium();
  if ('error' in found) throw new Error(found.error);
  const server = await serveStatic(buildDir);
  const browser = await chromium.launch({executablePath: found.path, args: chromiumArgs});
  try {
    return await use(browser, server);
  } finally {
    await browser.close();
    await server.close();
  }
}
