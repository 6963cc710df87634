/**
 * The site's benchmark, run on demand (timings are too noisy for `npm test`).
 *
 *   npm run bench                    cold build, Lighthouse on every plan page, validator timing, then the size
 *                                    report (JavaScript per page beside stock Docusaurus, entry growth per plan,
 *                                    entry bundle attribution); budgets for both
 *   npm run bench -- --no-lighthouse the size report only
 *   npm run bench -- --main-thread-only
 *                                    plan pages beside stock Docusaurus on the existing build/: server HTML elements,
 *                                    Lighthouse TBT and main-thread work, tap-to-next-paint under 4× CPU throttling
 *   npm run bench -- --scale 500     build cost with 100, 250 … 500 synthetic plan pages
 *   npm run bench -- --build-cost --plans 192 --runs 3
 *                                    build time and peak memory beside stock Docusaurus, 192 plans added to both
 *
 * Results go to bench/results/; the exit code is 1 when a budget is missed.
 */
import {buildCostRun} from './buildCostJob';
import {UsageError} from './common';
import {pageRun} from './lighthouseJob';
import {mainThreadRun} from './mainThreadJob';
import {USAGE, parseArgs} from './options';
import {scaleRun} from './scaleJob';
import {sizeRun} from './sizeJob';

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  if (options.scale !== null) return scaleRun(options, options.scale);
  if (options.buildCost) return buildCostRun(options);
  if (options.mainThreadOnly) return mainThreadRun(options);
  const pages = options.lighthouse ? await pageRun(options) : 0;
  // After the page run, which leaves its cold build in build/.
  const mainThread = options.lighthouse && options.mainThread ? await mainThreadRun(options) : 0;
  const sizes = await sizeRun(options);
  return Math.max(pages, mainThread, sizes);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) console.error(`${error.message}\n\n${USAGE}`);
    else console.error(`Benchmark failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
