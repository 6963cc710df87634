import {existsSync} from 'node:fs';
import path from 'node:path';
import {chromium, defineConfig, devices} from '@playwright/test';

// E2E_PORT lets two checkouts on one machine run their suites side by side.
const port = Number(process.env.E2E_PORT ?? 4173);
const baseURL = `http://127.0.0.1:${port}`;
const isCI = Boolean(process.env.CI);

/** Exits with a message a newcomer can act on, rather than a stack trace from deep inside the runner. */
function fail(message: string): never {
  console.error(`\n${message}\n`);
  process.exit(1);
}

/**
 * A system Chromium first (Playwright's own download is often blocked or unwanted on build machines),
 * then Playwright's bundled one if it was installed.
 */
function findChromium(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) fail(`CHROMIUM_PATH is set to ${fromEnv}, but no file exists there.`);
    return fromEnv;
  }
  const candidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser', chromium.executablePath()];
  const found = candidates.find((candidate) => existsSync(candidate));
  if (found) return found;
  return fail(
    [
      'The end-to-end tests need Chromium, and none was found.',
      'Install one of:',
      '  sudo apt-get install chromium          (Debian/Ubuntu system package)',
      '  npx playwright install chromium        (Playwright\'s own build)',
      'or point CHROMIUM_PATH at an existing Chromium or Chrome executable.',
    ].join('\n'),
  );
}

if (!existsSync(path.join(__dirname, 'build', 'index.html'))) {
  fail('No production build found in build/. Run `npm run build` first (`npm test` does this for you).');
}

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  // The machines that run this have two cores; more workers only slow each page down.
  workers: 2,
  forbidOnly: isCI,
  retries: 0,
  // Reports for .ci/run to count; outside test-results/, which Playwright empties when it starts.
  reporter: isCI ? [['list'], ['json', {outputFile: 'test-reports/playwright.json'}]] : [['list']],
  use: {
    ...devices['Desktop Chrome'],
    baseURL,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: findChromium(),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    // The production build, because hydration (and its errors) only happens there.
    command: `npx docusaurus serve --no-open --port ${port} --host 127.0.0.1`,
    url: baseURL,
    reuseExistingServer: !isCI,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
