import {readFileSync} from 'node:fs';
import path from 'node:path';
import {expect, test} from './support/test';
import {bundleBudgetMisses, librariesIn, loadBundleBudgets} from '../../bench/bundleBudgets';
import {planPages} from '../../bench/planPages';
import {entryBundleFiles, gzipSize, pageWeight, recordScripts} from '../../bench/pageWeight';
import {repoRoot} from '../support/seeds';
import {waitForHydration} from './support/site';

/**
 * The weight the site promises, on the build `npm test` has just made: the budgets in bench/budgets.json (`bundles`,
 * gzip KiB) and the libraries plugins/bundle-shaping keeps out of the entry bundle. A miss names the number and the
 * budget. Speed is not measured here; `npm run bench` does that.
 */

const buildDir = path.join(repoRoot, 'build');
const budgets = loadBundleBudgets();

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
