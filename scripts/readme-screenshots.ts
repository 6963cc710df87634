/**
 * Regenerates the README screenshots from the production build: `npm run build`, then
 * `npx tsx scripts/readme-screenshots.ts [output folder]` (default static/img/readme).
 * Serves build/ itself on a free loopback port.
 */
import {spawn} from 'node:child_process';
import {mkdirSync} from 'node:fs';
import {createServer} from 'node:net';
import path from 'node:path';
import {chromium} from '@playwright/test';
import {chromiumArgs, findChromium} from '../tests/support/chromium';

const root = path.resolve(__dirname, '..');
const outDir = path.resolve(process.argv[2] ?? path.join(root, 'static', 'img', 'readme'));

/** Each shot scrolls its anchor to the top of the viewport. */
const shots = [
  {file: 'week-light.png', route: '/weeks/week-10/go', anchor: 'weekly-overview-table', width: 1280, height: 900, colorScheme: 'light'},
  {file: 'day-mobile-dark.png', route: '/weeks/week-10/go', anchor: 'day-2', width: 390, height: 900, colorScheme: 'dark'},
] as const;

/** A port nothing listens on, so the shots never come from another checkout's server. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('No free port.'))));
    });
  });
}

async function waitForServer(origin: string): Promise<void> {
  for (let attempt = 0; attempt < 60; attempt++) {
    try {
      if ((await fetch(origin)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`The preview server did not start on ${origin}.`);
}

async function main(): Promise<void> {
  const found = findChromium();
  if ('error' in found) throw new Error(found.error);
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const server = spawn(path.join(root, 'node_modules', '.bin', 'docusaurus'), ['serve', '--no-open', '--port', String(port), '--host', '127.0.0.1'], {
    cwd: root,
    stdio: 'ignore',
  });
  const browser = await chromium.launch({executablePath: found.path, args: chromiumArgs});
  try {
    await waitForServer(origin);
    mkdirSync(outDir, {recursive: true});
    for (const shot of shots) {
      const context = await browser.newContext({viewport: {width: shot.width, height: shot.height}, colorScheme: shot.colorScheme});
      const page = await context.newPage();
      await page.goto(`${origin}${shot.route}`, {waitUntil: 'networkidle'});
      await page.locator(`#${shot.anchor}`).evaluate((element) => element.scrollIntoView({block: 'start'}));
      await page.screenshot({path: path.join(outDir, shot.file)});
      await context.close();
      console.log(path.join(outDir, shot.file));
    }
  } finally {
    await browser.close();
    server.kill();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
