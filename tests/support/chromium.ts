import {existsSync} from 'node:fs';
import {chromium} from '@playwright/test';

/** Flags for running Chromium headless as root on a build machine, with no calls home. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export const noChromiumMessage = [
  'The browser tests need Chromium, and none was found.',
  'Install one of:',
  '  sudo apt-get install chromium          (Debian/Ubuntu system package)',
  "  npx playwright install chromium        (Playwright's own build)",
  'or point CHROMIUM_PATH at an existing Chromium or Chrome executable.',
].join('\n');

/**
 * CHROMIUM_PATH, then a system Chromium (Playwright's own download is often blocked on build machines),
 * then Playwright's bundled one if it was installed. Returns an error message instead of a path when none exists.
 */
export function findChromium(): {path: string} | {error: string} {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? {path: fromEnv} : {error: `CHROMIUM_PATH is set to ${fromEnv}, but no file exists there.`};
  const found = ['/usr/bin/chromium', '/usr/bin/chromium-browser', chromium.executablePath()].find((candidate) => existsSync(candidate));
  return found ? {path: found} : {error: noChromiumMessage};
}
