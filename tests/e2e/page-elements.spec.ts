import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {expect, test} from '@playwright/test';
import {countElements} from '../support/htmlElements';
import {repoRoot} from '../support/seeds';
import {builtPages} from './support/site';

interface ElementBudget {
  /** Elements stock Docusaurus's page of the same Markdown has (measured by `npm run bench`). */
  stock: number;
  /** Most elements this site's page may have. */
  max: number;
}

const budgetFile = path.join(repoRoot, 'bench', 'budgets.json');
const budgets = (JSON.parse(readFileSync(budgetFile, 'utf8')) as {serverElements?: {pages?: Record<string, ElementBudget>}}).serverElements?.pages ?? {};

/** The built HTML file of a page path (clean URLs: `/weeks/week-10/go` is `weeks/week-10/go.html`). */
function htmlFile(route: string): string {
  const file = path.join(repoRoot, 'build', `${route}.html`);
  return existsSync(file) ? file : path.join(repoRoot, 'build', route, 'index.html');
}

/** Every built page that renders a plan (the plan wrapper names its plan in `data-plan-id`). */
const planPages = builtPages().filter((route) => /data-plan-id=/.test(readFileSync(htmlFile(route), 'utf8')));

// Every element of the server HTML is parsed, hydrated and most of it painted at load: on a phone that is main-thread
// time. The count is deterministic, so a change that adds markup per item fails here, without a Lighthouse run.
test('every plan page has an element budget', () => {
  expect(planPages.length, 'plan pages found in the build').toBeGreaterThan(0);
  const missing = planPages.filter((route) => !budgets[route]);
  expect(missing, `plan pages without an entry under serverElements.pages in ${path.relative(repoRoot, budgetFile)}`).toEqual([]);
});

for (const [route, budget] of Object.entries(budgets)) {
  test(`${route}: its server HTML stays within ${budget.max} elements`, () => {
    expect(planPages, `${route} is budgeted but is not a plan page of the build`).toContain(route);
    const {total, byTag} = countElements(readFileSync(htmlFile(route), 'utf8'));
    const largest = Object.entries(byTag)
      .sort(([, a], [, b]) => b - a)
      .slice(0, 6)
      .map(([tag, count]) => `${count} ${tag}`)
      .join(', ');
    expect(
      total,
      `${route} has ${total} elements (${largest}); its budget is ${budget.max} (stock Docusaurus: ${budget.stock}, ${(total / budget.stock).toFixed(2)}× stock)`,
    ).toBeLessThanOrEqual(budget.max);
  });
}
