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

/** Debian's package `chromium-headless-shell`: the same engine, without the full browser around it (see findChromium). */
const HEADLESS_SHELL_PATH = '/usr/bin/chromium-headless-shell';

/**
 * CHROMIUM_PATH, then a system Chromium (Playwright's own download is often blocked on build machines), then
 * Playwright's bundled one if it was installed. Returns an error message instead of a path when none exists.
 *
 * With `headlessShell`, Chromium's headless shell comes first when it is installed: the end-to-end suite runs in it,
 * as Playwright runs headless tests in its own copy of that shell. It is the same Blink and V8 as the full browser,
 * without the browser's UI layer drawn off-screen; the suite takes about 60% of the time in it (7.6 against
 * 12.4 minutes on two cores). Lighthouse and the screenshots keep the full browser, as a reader's is. A window to
 * watch tests in (`--headed`) needs the full one: `CHROMIUM_PATH=/usr/bin/chromium`.
 */
export function findChromium({headlessShell = false}: {headlessShell?: boolean} = {}): {path: string} | {error: string} {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? {path: fromEnv} : {error: `CHROMIUM_PATH is set to ${fromEnv}, but no file exists there.`};
  const candidates = [...(headlessShell ? [HEADLESS_SHELL_PATH] : []), '/usr/bin/chromium', '/usr/bin/chromium-browser', chromium.executablePath()];
  const found = candidates.find((candidate) => existsSync(candidate));
  return found ? {path: found} : {error: noChromiumMessage};
}
