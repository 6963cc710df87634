import AxeBuilder from '@axe-core/playwright';
import {expect, type Page} from '@playwright/test';

/** What every scan holds a page to: WCAG 2.1 A and AA, and axe's best practices. */
export const A11Y_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/**
 * An axe scan of `page` that reports every violation, every node of each, as the default scan does, in a fraction
 * of its time. By default AxeBuilder runs `axe.runPartial` and hands the result of every rule on every element,
 * passes included, to a new blank page for `axe.finishRun`: on a plan page of 2,000–3,000 elements moving that
 * data took 30–60 s of a minute-long scan on a busy two-core machine, the rules themselves about 5 s. Legacy mode
 * runs `axe.run` in the page itself (the site has no frames, the one thing the partial mode adds), and
 * `resultTypes: ['violations']` keeps the violations whole while passes and incomplete results carry one example
 * each; no test reads those.
 */
export function axeScan(page: Page): AxeBuilder {
  return new AxeBuilder({page}).setLegacyMode(true).options({resultTypes: ['violations']});
}

/**
 * Scans the page as it stands in light mode, then switched to dark as the reader's system would switch it, and
 * fails on any violation in either: one visit to a state checks both schemes.
 */
export async function expectNoViolationsInEitherScheme(page: Page): Promise<void> {
  const violations: string[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({colorScheme: scheme});
    await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
    const results = await axeScan(page).withTags(A11Y_TAGS).analyze();
    violations.push(
      ...results.violations.map((violation) => `${scheme} mode: ${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`),
    );
  }
  expect(violations).toEqual([]);
}
