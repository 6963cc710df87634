import {readFileSync, readdirSync} from 'node:fs';
import path from 'node:path';
import {expect, test} from './support/test';
import {bundleBudgetMisses, librariesIn, loadBundleBudgets} from '../../bench/bundleBudgets';
import {planPages} from '../../bench/planPages';
import {entryBundleFiles, gzipSize, pageWeight, recordScripts} from '../../bench/pageWeight';
import {repoRoot} from '../support/seeds';
import {docsDir, docsFiles} from '../support/docs';
import {planModules} from '../../plugins/plan-data/modules';
import {FactsCache} from '../../plugins/plan-validator/cache';
import {PLAN_IDS_FILE, planModuleFile} from '../../plugins/plan-model/ids';
import {waitForHydration} from './support/site';

/**
 * The weight the site promises, on the build `npm test` has just made: the budgets in bench/budgets.json (`bundles`,
 * gzip KiB) and the libraries plugins/bundle-shaping keeps out of the entry bundle. A miss names the number and the
 * budget. Speed is not measured here; `npm run bench` does that.
 */

const buildDir = path.join(repoRoot, 'build');
const budgets = loadBundleBudgets();

/**
 * The plan modules the build bundled, made again from the docs as the plan-data plugin made them (the files it leaves
 * in `.docusaurus/` are stand-ins; the bundler got the text from its loader). Page models and ids depend on the docs'
 * text alone, not on their titles or permalinks.
 */
let planModuleTexts: ReadonlyMap<string, string> | undefined;
function planModuleText(name: string): string {
  planModuleTexts ??= planModules(
    docsFiles().map((docPath) => ({
      docPath,
      displayPath: `docs/${docPath}`,
      bytes: readFileSync(path.join(docsDir, docPath)),
      permalink: '',
      title: '',
      docModule: `@site/docs/${docPath}`,
    })),
    new FactsCache(null),
    true,
  ).modules;
  const text = planModuleTexts.get(name);
  if (text === undefined) throw new Error(`the plan data has no module ${name}`);
  return text;
}

test('the entry bundle stays within its budget, without Prism, mark.js or the whole of tslib', () => {
  const files = entryBundleFiles(buildDir);
  const entryBytes = files.reduce((sum, file) => sum + gzipSize(file), 0);
  expect(bundleBudgetMisses({entryBytes, planPages: []}, budgets)).toEqual([]);
  expect(librariesIn(files.map((file) => readFileSync(file, 'utf8')).join('\n'))).toEqual([]);
});

for (const {route} of planPages()) {
  test(`${route} loads JavaScript within its budget`, async ({page, baseURL}) => {
    // What the browser loads: the scripts the HTML names, then the route's chunks the runtime fetches.
    const requested = recordScripts(page, new URL(baseURL!).origin);
    await page.goto(route);
    await waitForHydration(page);
    // Root loads the store's read path after hydration; the page's JavaScript is complete once the network is quiet.
    await page.waitForLoadState('networkidle');
    const weight = pageWeight(buildDir, route, requested());
    expect(weight.scripts.length).toBeGreaterThan(2);
    expect(bundleBudgetMisses({entryBytes: 0, planPages: [weight]}, budgets)).toEqual([]);
  });
}

/** The longest plain string in a plan's days: a line of the plan that the page's chunk holds as text. */
function longestLine(value: unknown): string {
  if (typeof value === 'string') return /^[\w ,.()/-]+$/.test(value) ? value : '';
  const children = Array.isArray(value) ? value : value && typeof value === 'object' ? Object.values(value) : [];
  return children.map(longestLine).reduce((longest, line) => (line.length > longest.length ? line : longest), '');
}

test("each plan's text is in one JavaScript file: its page's chunk, which Today and the timer panel load by id", () => {
  const scripts = readdirSync(path.join(buildDir, 'assets/js'))
    // The summaries quote a few lines of each plan (an intensive plan's practice problems) for the pages that list plans.
    .filter((name) => name.endsWith('.js') && !name.startsWith('plan-summaries.'))
    .map((name) => readFileSync(path.join(buildDir, 'assets/js', name), 'utf8'));
  for (const {route} of planPages()) {
    const model = JSON.parse(planModuleText(planModuleFile(route.slice(1)))) as {days: unknown};
    const line = longestLine(model.days);
    expect(line.length, route).toBeGreaterThan(20);
    // Two would be the page's chunk and a copy of it (or a chunk of the model alone) made for loading the plan by id.
    expect(scripts.filter((script) => script.includes(line)).length, `${route}: "${line}"`).toBe(1);
  }
});

test('the list of plan ids, loaded when the store may hold records of a moved plan, is in one JavaScript file', () => {
  const ids = planModuleText(PLAN_IDS_FILE);
  expect(JSON.parse(ids)).toContain('weeks/week-10/go');
  const holding = readdirSync(path.join(buildDir, 'assets/js')).filter(
    (name) => name.endsWith('.js') && readFileSync(path.join(buildDir, 'assets/js', name), 'utf8').includes(ids),
  );
  // More would be a copy in every plan page's chunk (under every size threshold), growing with the guide on each.
  expect(holding).toHaveLength(1);
});
