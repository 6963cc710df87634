/**
 * The absolute JavaScript budgets of bench/budgets.json (`bundles`) and what must stay out of the entry bundle, checked
 * on the production build by tests/e2e/bundle-budgets.spec.ts, so an upgrade that undoes the site's bundle shaping
 * fails `npm test` with the number and the budget.
 */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import type {PageWeight} from './pageWeight';

/** Budgets in KiB as a static host transfers them (gzip). */
export interface BundleBudgets {
  /** The entry bundle, `main` + `runtime~main`, that every page loads. */
  entryKiB: number;
  /** All the JavaScript one plan page loads until it is hydrated and idle, the entry bundle included. */
  planPageKiB: number;
}

export const BUDGETS_FILE = path.join(__dirname, 'budgets.json');

/** The `bundles` budgets of bench/budgets.json; throws a message naming what is missing. */
export function loadBundleBudgets(file = BUDGETS_FILE): BundleBudgets {
  const bundles = (JSON.parse(readFileSync(file, 'utf8')) as {bundles?: Partial<BundleBudgets>}).bundles;
  if (typeof bundles?.entryKiB !== 'number' || typeof bundles.planPageKiB !== 'number') {
    throw new Error(`${path.basename(file)} must hold {"bundles": {"entryKiB": <number>, "planPageKiB": <number>}}.`);
  }
  return {entryKiB: bundles.entryKiB, planPageKiB: bundles.planPageKiB};
}

const kibText = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

/** Every budget the measured sizes exceed, each as a sentence with the number and the budget. */
export function bundleBudgetMisses(measured: {entryBytes: number; planPages: readonly PageWeight[]}, budgets: BundleBudgets): string[] {
  const misses: string[] = [];
  if (measured.entryBytes > budgets.entryKiB * 1024) {
    misses.push(`The entry bundle is ${kibText(measured.entryBytes)} gzip, over its budget of ${budgets.entryKiB} KiB (bench/budgets.json bundles.entryKiB).`);
  }
  for (const page of measured.planPages) {
    if (page.gzipBytes > budgets.planPageKiB * 1024) {
      misses.push(
        `${page.route} loads ${kibText(page.gzipBytes)} of JavaScript gzip, over its budget of ${budgets.planPageKiB} KiB (bench/budgets.json bundles.planPageKiB).`,
      );
    }
  }
  return misses;
}

/**
 * Libraries the site loads only where they are needed (see plugins/bundle-shaping), each with a string its built
 * code keeps through minification (a class name or property key, never a local name) and the installed file that
 * proves it does: a unit test checks each marker is really in its library, so finding none is not a vacuous pass.
 */
export const KEPT_OUT_OF_ENTRY = [
  {library: 'Prism (prism-react-renderer)', marker: 'lookbehind', request: 'prism-react-renderer'},
  {library: 'mark.js', marker: 'data-markjs', request: 'mark.js'},
  {library: 'the whole of tslib', marker: '__esDecorate', request: 'tslib'},
] as const;

/** The libraries of KEPT_OUT_OF_ENTRY whose marker the entry bundle's code contains. */
export function librariesIn(entryCode: string): string[] {
  return KEPT_OUT_OF_ENTRY.filter(({marker}) => entryCode.includes(marker)).map(({library}) => library);
}
