import {existsSync} from 'node:fs';
import path from 'node:path';
import {defineConfig, devices} from '@playwright/test';
import {chromiumArgs, findChromium} from './tests/support/chromium';
import {gistApiPort} from './tests/support/gistApiPort';

// E2E_PORT lets two checkouts on one machine run their suites side by side.
const port = Number(process.env.E2E_PORT ?? 4173);
const baseURL = `http://127.0.0.1:${port}`;
// The fake Gist API (tests/support/fakeGistApiServer.ts). The site under test must be built pointing at it:
// `npm run build:test` bakes GIST_API_URL=http://127.0.0.1:<GIST_API_PORT> into the build (`npm test` does this).
const apiPort = gistApiPort();
const isCI = Boolean(process.env.CI);

/** Exits with a message a newcomer can act on, rather than a stack trace from deep inside the runner. */
function fail(message: string): never {
  console.error(`\n${message}\n`);
  process.exit(1);
}

const chromiumFound = findChromium({headlessShell: true});
if ('error' in chromiumFound) fail(chromiumFound.error);

if (!existsSync(path.join(__dirname, 'build', 'index.html'))) {
  fail('No production build found in build/. Run `npm run build:test` first (`npm test` does this for you).');
}

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  // The machines that run this have two cores; more workers only slow each page down.
  workers: 2,
  // Tests, not files, are shared out between the workers: one long file (an axe scan of every page in both themes,
  // every day printed) would otherwise keep one worker busy after the other has run out of work. Each test has its
  // own browser context; a file whose tests depend on each other says so (`mode: 'serial'`).
  fullyParallel: true,
  forbidOnly: isCI,
  retries: 0,
  // Limits only catch a hang; they are not assertions about speed (that is `npm run bench`). They are sized for a
  // two-core machine also running a build: axe over a long plan page alone can then take well over half a minute.
  timeout: 120_000,
  expect: {timeout: 20_000},
  // Reports for .ci/run to count; outside test-results/, which Playwright empties when it starts.
  reporter: isCI ? [['list'], ['json', {outputFile: 'test-reports/playwright.json'}]] : [['list']],
  use: {
    ...devices['Desktop Chrome'],
    baseURL,
    // A failed test keeps its trace of actions, console and network, and a screenshot of where it stopped. The trace's
    // DOM snapshots and screencast are left out: taken for every action of every test (and thrown away when it
    // passes), they cost a sixth of the suite's time on two cores.
    trace: {mode: 'retain-on-failure', snapshots: false, screenshots: false},
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromiumFound.path,
      args: chromiumArgs,
    },
  },
  webServer: [
    {
      // The production build, because hydration (and its errors) only happens there.
      command: `npx docusaurus serve --no-open --port ${port} --host 127.0.0.1`,
      url: baseURL,
      reuseExistingServer: !isCI,
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      // GitHub's Gist API as the sync tests need it, on loopback: no test reaches the internet.
      command: `npx tsx tests/support/fakeGistApiServer.ts --port ${apiPort}`,
      url: `http://127.0.0.1:${apiPort}/__fake/health`,
      reuseExistingServer: !isCI,
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
