import {execFile} from 'node:child_process';
import {cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {expect, test} from './support/test';
import {repoRoot} from '../support/seeds';

/**
 * The contributor's path from CONTRIBUTING.md, end to end, on a copy of the site: scaffold Week 12,
 * see validation point at the TODO lines, fill them in, validate clean, build, find the week in the
 * sidebar and on the roadmap. The same copy also gains a Week 01 before it builds, to show the home
 * page and the navbar follow the plan files, and a Week 15 that is a plan file alone (no category, nothing else
 * edited), to show the roadmap lists a new plan file by itself. One build serves them all: it is the slow part.
 */

/** What a site build needs; build output and caches stay behind. */
const siteFiles = ['docusaurus.config.ts', 'sidebars.ts', 'package.json', 'tsconfig.json', 'src', 'static', 'docs', 'plugins', 'scripts'];

const bin = (name: string) => path.join(repoRoot, 'node_modules', '.bin', name);

function run(command: string, args: string[], cwd: string, timeout = 60_000): Promise<{code: number; stdout: string; stderr: string}> {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      // No persistent cache: the copy must not write into the real site's bundler cache.
      {cwd, env: {...process.env, GITHUB_ACTIONS: '', DOCUSAURUS_NO_PERSISTENT_CACHE: 'true'}, maxBuffer: 64 * 1024 * 1024, timeout},
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({code, stdout, stderr});
      },
    );
  });
}

/** What a contributor would write for Week 12, one topic per day. */
const topics = [
  'Observability Basics',
  'Structured Logging',
  'Metrics with Prometheus',
  'Distributed Tracing',
  'Alerting & SLOs',
  'Observability Mock Design',
  'Weekly Review & Mock Interview',
];

function fillIn(plan: string): string {
  return plan
    .replace(/TODO: topic of day (\d)/g, (_, day: string) => topics[Number(day) - 1]!)
    .replace('TODO: first area, e.g. System Design', 'Observability')
    .replace('TODO: second area, e.g. DSA', 'DSA')
    .replace('TODO: what a learner can do by the end of the week.', 'Instrument a Go service with logs, metrics and traces.')
    .replace('TODO: for example 2–3 problems/day.', '2–3 problems/day.')
    .replace(/TODO: /g, '');
}

/** Week 01 as a contributor would add it: a plan file and the week's sidebar entry, nothing else. */
function addWeek01(siteDir: string): void {
  const week = path.join(siteDir, 'docs/weeks/week-01');
  mkdirSync(week);
  const category = JSON.parse(readFileSync(path.join(siteDir, 'docs/weeks/week-09/_category_.json'), 'utf8')) as {link: {slug: string; description: string}};
  const week01Category = {
    ...category,
    label: 'Week 01',
    position: 1,
    link: {...category.link, slug: '/weeks/week-01', description: 'Week 01 of the 16-week guide.'},
  };
  writeFileSync(path.join(week, '_category_.json'), `${JSON.stringify(week01Category, null, 2)}\n`);
  const plan = readFileSync(path.join(siteDir, 'docs/weeks/week-09/go.md'), 'utf8');
  const firstGoal = 'Learn structured approach to **system design interviews**.';
  expect(plan).toContain(firstGoal);
  writeFileSync(path.join(week, 'go.md'), plan.replace(firstGoal, 'Set up the Go toolchain and write a first tested package.'));
}

/** Week 15: the Week 13 plan under a new folder, nothing else touched (not even a _category_.json). */
function addBareWeek15(siteDir: string): void {
  mkdirSync(path.join(siteDir, 'docs/weeks/week-15'));
  cpSync(path.join(siteDir, 'docs/weeks/week-13/go.md'), path.join(siteDir, 'docs/weeks/week-15/go.md'));
}

/**
 * A second track of Week 14 written as people write plans, not shaped like the seeds: code fences and a
 * table that end the block lists, `Block 2: Label (60 min)`, "Do everything…, plus:", prose additions
 * and one without a duration. It is the validator's realistic fixture, added as a contributor would.
 */
function addRealisticWeek14(siteDir: string): void {
  const week = path.join(siteDir, 'docs/weeks/week-14');
  mkdirSync(week);
  writeFileSync(path.join(week, '_category_.json'), `${JSON.stringify({label: 'Week 14', position: 14}, null, 2)}\n`);
  cpSync(path.join(repoRoot, 'plugins/plan-validator/__fixtures__/weeks/week-14/node.md/realistic-variants.md'), path.join(week, 'node.md'));
}

test.describe('contributing a week', () => {
  test.describe.configure({timeout: 360_000, mode: 'serial'});

  let siteDir = '';
  test.beforeAll(() => {
    siteDir = mkdtempSync(path.join(os.tmpdir(), 'contribute-e2e-'));
    for (const entry of siteFiles) {
      if (existsSync(path.join(repoRoot, entry))) cpSync(path.join(repoRoot, entry), path.join(siteDir, entry), {recursive: true});
    }
    symlinkSync(path.join(repoRoot, 'node_modules'), path.join(siteDir, 'node_modules'), 'dir');
    addWeek01(siteDir);
    addRealisticWeek14(siteDir);
    addBareWeek15(siteDir);
  });
  test.afterAll(() => {
    if (siteDir) rmSync(siteDir, {recursive: true, force: true});
  });

  test('scaffold Week 12, fix what validation reports, and see it built into the sidebar and roadmap', async () => {
    const planPath = path.join(siteDir, 'docs/weeks/week-12/go.md');

    const scaffold = await run(bin('tsx'), ['scripts/new-week.ts', '--week', '12', '--track', 'go'], siteDir);
    expect(scaffold.stderr).toBe('');
    expect(scaffold.code).toBe(0);
    expect(scaffold.stdout).toContain('Created docs/weeks/week-12/go.md');

    // Validation fails, and every problem is a TODO on the line where it sits.
    const plan = readFileSync(planPath, 'utf8');
    const first = await run(bin('tsx'), ['scripts/validate.ts'], siteDir);
    expect(first.code).toBe(1);
    // The scaffold's problems (the Week 14 added beside it has one warning of its own, an addition without a duration).
    const problems = first.stdout.split('\n').filter((line) => /^docs\/weeks\/week-12\/\S+:\d+:\d+ {2}(error|warning) {2}/.test(line));
    expect(problems.length).toBeGreaterThan(0);
    const planLines = plan.split('\n');
    for (const problem of problems) {
      const [, file, line, column, message] = /^(\S+):(\d+):(\d+) {2}\w+ {2}(.*)$/.exec(problem)!;
      expect(message, problem).toMatch(/^Leftover "TODO/);
      const source = file === 'docs/weeks/week-12/go.md' ? planLines : readFileSync(path.join(siteDir, file!), 'utf8').split('\n');
      expect(source[Number(line) - 1]!.slice(Number(column) - 1), problem).toMatch(/^TODO/);
    }
    const day3 = planLines.findIndex((text) => text.startsWith('### Day 3 – ')) + 1;
    expect(first.stdout).toContain(`docs/weeks/week-12/go.md:${day3}:13  error  Leftover "TODO: topic of day 3"`);

    writeFileSync(planPath, fillIn(plan));
    const second = await run(bin('tsx'), ['scripts/validate.ts'], siteDir);
    expect(second.stdout).not.toMatch(/ {2}error {2}/);
    expect(second.code).toBe(0);

    const build = await run(bin('docusaurus'), ['build'], siteDir, 300_000);
    expect(build.code, `${build.stdout}\n${build.stderr}`.slice(-3000)).toBe(0);

    const page = readFileSync(path.join(siteDir, 'build/weeks/week-12/go.html'), 'utf8');
    expect(page).toContain('Metrics with Prometheus');
    expect(page).toMatch(/id=["']?day-7["'\s>]/);
    // The sidebar lists the week, with the page marked current.
    expect(page).toMatch(
      /<a[^>]*aria-current=["']?page["']?[^>]*href=["']?\/weeks\/week-12\/go["'\s>]|<a[^>]*href=["']?\/weeks\/week-12\/go["']?[^>]*aria-current=["']?page/,
    );
    expect(page).toContain('Week 12');

    const roadmap = readFileSync(path.join(siteDir, 'build/roadmap/roadmap-16-weeks.html'), 'utf8');
    // The roadmap's week grid is generated from the plans: Week 12's card is present, links the page and shows its goals.
    const card = /data-week=["']?12["']?[\s\S]*?(?=data-week=|$)/.exec(roadmap)?.[0] ?? '';
    expect(card).toMatch(/data-status=["']?present/);
    expect(card).toMatch(/href=["']?\/weeks\/week-12\/go["'\s>]/);
    expect(card).toContain('Observability');
    // Every page's sidebar shows the new week's category.
    expect(roadmap).toContain('Week 12');
    expect(existsSync(path.join(siteDir, 'build/weeks/week-12.html'))).toBe(true);
  });

  test('a new plan file appears on the roadmap with no other edit', () => {
    const html = readFileSync(path.join(siteDir, 'build/roadmap/roadmap-16-weeks.html'), 'utf8');
    // The minifier may drop attribute quotes.
    expect(html).toMatch(/data-week="?15"? data-status="?present"?/);
    expect(html).toMatch(/href="?\/weeks\/week-15\/go"?/);
    expect(html).toMatch(/data-week="?16"? data-status="?missing"?/);
  });

  test('a new Week 01 shows on the home page, behind the Start button and the navbar, with no code change', async ({browser}) => {
    // The built HTML as a reader without JavaScript gets it: what the server sends already names the week.
    const context = await browser.newContext({javaScriptEnabled: false});
    const page = await context.newPage();
    await page.setContent(readFileSync(path.join(siteDir, 'build/index.html'), 'utf8'));

    const start = page.getByRole('link', {name: /^Start with Week/});
    await expect(start).toHaveText('Start with Week 01');
    await expect(start).toHaveAttribute('href', '/weeks/week-01/go');

    const plans = page.getByRole('region', {name: 'The plans'}).getByRole('list').getByRole('link');
    await expect(plans.first()).toContainText('Week 01 · Go');
    // Its one-line summary is the first goal the contributor wrote.
    await expect(plans.first()).toContainText('Set up the Go toolchain and write a first tested package.');
    // Weeks in order, then the scaffolded Week 12 in its place, then the 14-day plan.
    const names = await plans.evaluateAll((links) => links.map((link) => link.querySelector('span')?.textContent));
    expect(names).toEqual([
      'Week 01 · Go',
      'Week 09 · Go',
      'Week 10 · Go',
      'Week 11 · Go',
      'Week 12 · Go',
      'Week 13 · Go',
      'Week 14 · Node.js',
      'Week 15 · Go',
      'Intensive 14-Day Senior Golang Engineer Study Plan',
    ]);

    // Every page's navbar opens the weekly plans at Week 01, as the home page does.
    for (const built of ['build/index.html', 'build/roadmap/roadmap-16-weeks.html', 'build/weeks/week-12/go.html']) {
      await page.setContent(readFileSync(path.join(siteDir, built), 'utf8'));
      await expect(page.getByRole('navigation', {name: 'Main'}).getByRole('link', {name: 'Weekly plans'}), built).toHaveAttribute('href', '/weeks/week-01/go');
      await expect(page.getByRole('navigation', {name: 'Main'}).getByRole('link', {name: '14-day plan'}), built).toHaveAttribute(
        'href',
        '/intensive/senior-go-14-days',
      );
    }
    await context.close();
  });

  test('a week written with code fences, tables and free-form additions gets a tick box and timer for every block and addition', async ({browser}) => {
    const context = await browser.newContext({javaScriptEnabled: false});
    const page = await context.newPage();
    await page.setContent(readFileSync(path.join(siteDir, 'build/weeks/week-14/node.html'), 'utf8'));
    const blocks = [3, 3, 3, 3, 3, 3, 3];
    const additions = [2, 2, 2, 2, 2, 2, 1];
    const untimed = new Set(['d4-a2']);
    for (let day = 1; day <= 7; day += 1) {
      const ids = [
        ...Array.from({length: blocks[day - 1]!}, (_, index) => `d${day}-b${index + 1}`),
        ...Array.from({length: additions[day - 1]!}, (_, index) => `d${day}-a${index + 1}`),
      ];
      await expect(page.locator(`[data-plan-item^="d${day}-"]`)).toHaveCount(ids.length);
      for (const id of ids) {
        const item = page.locator(`[data-plan-item="${id}"]`);
        await expect(item.locator(`input[type=checkbox][data-progress-item="${id}"]`), id).toHaveCount(1);
        await expect(item.getByRole('button', {name: /^Start/}), id).toHaveCount(untimed.has(id) ? 0 : 1);
      }
    }
    // The diagram and the code sample that ended the Markdown lists render inside the blocks they follow.
    await expect(page.locator('[data-plan-item="d1-b2"]')).toContainText('redeliver');
    await expect(page.locator('[data-plan-item="d2-b2"]')).toContainText('type Job = {id: string; attempts: number; payload: unknown};');
    await expect(page.locator('[data-plan-item="d3-b1"] table')).toContainText('4–8 s');
    // The overview's planned time counts every block, and every timed addition in the 6-hour plan.
    const day1 = page.locator('[data-plan-overview] tr', {hasText: 'Queues and delivery guarantees'});
    await expect(day1).toContainText('3 h – 3 h 15');
    await expect(day1).toContainText('4 h 30 – 4 h 45');
    await context.close();
  });
});
