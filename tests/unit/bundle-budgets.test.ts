import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {KEPT_OUT_OF_ENTRY, bundleBudgetMisses, librariesIn, loadBundleBudgets} from '../../bench/bundleBudgets';
import type {PageWeight} from '../../bench/pageWeight';

const repoRoot = path.resolve(__dirname, '../..');
const weekPage = (gzipBytes: number): PageWeight => ({route: '/weeks/week-10/go', scripts: [], gzipBytes});

describe('bundleBudgetMisses', () => {
  it('passes sizes within the budgets, up to and including the budget itself', () => {
    expect(bundleBudgetMisses({entryBytes: 113 * 1024, planPages: [weekPage(150 * 1024), weekPage(157 * 1024)]}, {entryKiB: 113, planPageKiB: 157})).toEqual(
      [],
    );
  });

  it('fails once a budget is lowered below the measured size, with the number and the budget', () => {
    // Sizes measured on the build of 2026-12-06: entry 113,959 B, the week 10 page 154,912 B.
    const measured = {entryBytes: 113_959, planPages: [weekPage(154_912)]};
    expect(bundleBudgetMisses(measured, loadBundleBudgets())).toEqual([]);
    expect(bundleBudgetMisses(measured, {entryKiB: 110, planPageKiB: 150})).toEqual([
      'The entry bundle is 111.3 KiB gzip, over its budget of 110 KiB (bench/budgets.json bundles.entryKiB).',
      '/weeks/week-10/go loads 151.3 KiB of JavaScript gzip, over its budget of 150 KiB (bench/budgets.json bundles.planPageKiB).',
    ]);
  });
});

describe('loadBundleBudgets', () => {
  it('reads the budgets from bench/budgets.json', () => {
    const budgets = loadBundleBudgets();
    expect(budgets.entryKiB).toBeGreaterThan(0);
    expect(budgets.planPageKiB).toBeGreaterThan(budgets.entryKiB);
  });

  it('names what is missing rather than checking against nothing', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'budgets-'));
    try {
      const file = path.join(dir, 'budgets.json');
      writeFileSync(file, JSON.stringify({bundles: {entryKiB: 113}}));
      expect(() => loadBundleBudgets(file)).toThrow('budgets.json must hold {"bundles": {"entryKiB": <number>, "planPageKiB": <number>}}.');
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
  });
});

describe('the libraries kept out of the entry bundle', () => {
  // tslib as Docusaurus's utils-common requires it, the module plugins/bundle-shaping re-points.
  const fromDir = (request: string) => (request === 'tslib' ? path.join(repoRoot, 'node_modules/@docusaurus/utils-common') : repoRoot);

  it.each(KEPT_OUT_OF_ENTRY)('$library is found by its marker in the installed library, so its absence means something', ({library, request}) => {
    const code = readFileSync(require.resolve(request, {paths: [fromDir(request)]}), 'utf8');
    expect(librariesIn(code)).toContain(library);
  });

  it('finds none in code that has none of them', () => {
    expect(librariesIn('(()=>{const e=document.querySelector("main");e.insertBefore(null,null)})();')).toEqual([]);
  });
});
