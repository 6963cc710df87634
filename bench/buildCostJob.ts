/**
 * Build cost beside stock Docusaurus: cold builds of a copy of the site and of stock Docusaurus with the same docs, both
 * with the same generated plans added, taking turns, so that the load of a shared machine weighs on both alike.
 */
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {coldBuild, type Measured} from './build';
import {UsageError, copySite, machine, median, round, siteDir, withLock, write} from './common';
import type {Options} from './options';
import {writeStockSite} from './stock';
import {syntheticPlanFile} from './synthetic';

interface BuildCostBudgets {
  /** Largest allowed ratio of the site's build time to stock Docusaurus's, same docs and generated plans. */
  maxTimeRatioToStock: number;
  /** Largest allowed ratio of the site's peak memory (process tree) to stock Docusaurus's. */
  maxMemoryRatioToStock: number;
}

function loadBudgets(): BuildCostBudgets {
  const parsed = JSON.parse(readFileSync(path.join(__dirname, 'budgets.json'), 'utf8')) as {buildCost?: Partial<BuildCostBudgets>};
  const budgets = parsed.buildCost;
  if (typeof budgets?.maxTimeRatioToStock !== 'number' || typeof budgets.maxMemoryRatioToStock !== 'number') {
    throw new UsageError('bench/budgets.json must hold {"buildCost": {"maxTimeRatioToStock", "maxMemoryRatioToStock"}}.');
  }
  return {maxTimeRatioToStock: budgets.maxTimeRatioToStock, maxMemoryRatioToStock: budgets.maxMemoryRatioToStock};
}

function addSyntheticPlans(dir: string, plans: number): void {
  for (let index = 0; index < plans; index += 1) {
    const plan = syntheticPlanFile(index);
    mkdirSync(path.dirname(path.join(dir, plan.path)), {recursive: true});
    writeFileSync(path.join(dir, plan.path), plan.text);
  }
}

/** `--build-cost`: `--runs` pairs of cold builds with the largest `--plans` count added; medians of the ratios. */
export async function buildCostRun(options: Options): Promise<number> {
  const budgets = loadBudgets();
  const plans = Math.max(...options.plans);
  const site = mkdtempSync(path.join(os.tmpdir(), 'plans-cost-site-'));
  const stock = mkdtempSync(path.join(os.tmpdir(), 'plans-cost-stock-'));
  const runs: {site: Measured; stock: Measured}[] = [];
  try {
    copySite(site);
    writeStockSite(siteDir, stock);
    addSyntheticPlans(site, plans);
    addSyntheticPlans(stock, plans);
    for (let run = 0; run < options.runs; run += 1) {
      // Alternating which goes first, so neither always follows the other's leftovers (page cache, a busy neighbour).
      const order = run % 2 === 0 ? (['stock', 'site'] as const) : (['site', 'stock'] as const);
      const measured: Partial<Record<'site' | 'stock', Measured>> = {};
      for (const which of order) {
        console.log(`Build cost, run ${run + 1} of ${options.runs}: ${which === 'site' ? 'this site' : 'stock Docusaurus'} with ${plans} plans added…`);
        measured[which] = await withLock(options.buildLock, () => coldBuild(which === 'site' ? site : stock));
        console.log(
          `  ${measured[which]!.seconds.toFixed(1)} s, ${measured[which]!.cpuSeconds?.toFixed(1) ?? '?'} s of CPU, peak ${measured[which]!.peakRssMiB ?? '?'} MiB`,
        );
      }
      runs.push({site: measured.site!, stock: measured.stock!});
    }
  } finally {
    rmSync(site, {recursive: true, force: true});
    rmSync(stock, {recursive: true, force: true});
  }

  const timeRatio = round(median(runs.map((run) => run.site.seconds / run.stock.seconds)), 2);
  const memoryRatios = runs.flatMap((run) => (run.site.peakRssMiB && run.stock.peakRssMiB ? [run.site.peakRssMiB / run.stock.peakRssMiB] : []));
  const memoryRatio = memoryRatios.length ? round(median(memoryRatios), 2) : null;
  const cpuRatios = runs.flatMap((run) => (run.site.cpuSeconds && run.stock.cpuSeconds ? [run.site.cpuSeconds / run.stock.cpuSeconds] : []));
  const cpuRatio = cpuRatios.length ? round(median(cpuRatios), 2) : null;
  const cpu = (measured: Measured) => measured.cpuSeconds?.toFixed(1) ?? 'n/a';
  const missed = [
    ...(timeRatio > budgets.maxTimeRatioToStock ? [`build time ${timeRatio}× > ${budgets.maxTimeRatioToStock}×`] : []),
    ...(memoryRatio !== null && memoryRatio > budgets.maxMemoryRatioToStock ? [`peak memory ${memoryRatio}× > ${budgets.maxMemoryRatioToStock}×`] : []),
  ];
  const date = new Date().toISOString();
  const host = machine();
  const markdown = [
    `### Build cost beside stock Docusaurus, ${plans} plans added`,
    '',
    `${date.slice(0, 10)} · ${host.cpu}, ${host.memoryGiB} GiB RAM · Node ${host.node} · cold builds (\`docusaurus clear\` first), taking turns`,
    '',
    '| Run | This site (s) | Stock (s) | Time ratio | CPU, this site / stock (s) | CPU ratio | This site (MiB) | Stock (MiB) | Memory ratio |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...runs.map(
      (run, index) =>
        `| ${index + 1} | ${run.site.seconds.toFixed(1)} | ${run.stock.seconds.toFixed(1)} | ${(run.site.seconds / run.stock.seconds).toFixed(2)}× | ${cpu(run.site)} / ${cpu(run.stock)} | ${run.site.cpuSeconds && run.stock.cpuSeconds ? `${(run.site.cpuSeconds / run.stock.cpuSeconds).toFixed(2)}×` : 'n/a'} | ${run.site.peakRssMiB ?? 'n/a'} | ${run.stock.peakRssMiB ?? 'n/a'} | ${run.site.peakRssMiB && run.stock.peakRssMiB ? `${(run.site.peakRssMiB / run.stock.peakRssMiB).toFixed(2)}×` : 'n/a'} |`,
    ),
    '',
    `Median ratios: build time **${timeRatio}×** (budget ${budgets.maxTimeRatioToStock}×), peak memory **${memoryRatio ?? 'n/a'}×** (budget ${budgets.maxMemoryRatioToStock}×). ${missed.length ? `Missed: ${missed.join('; ')}.` : 'Met.'}`,
    '',
    // Not a budget: the issue's is wall time. It tells a change that saved work from one that only waited less.
    `CPU time (user and system, every process of the build): median ratio **${cpuRatio ?? 'n/a'}×**, beside the time ratio: work saved shows in both, waiting saved in time only.`,
    '',
  ].join('\n');
  write('build-cost', {date, machine: host, plans, runs, timeRatio, cpuRatio, memoryRatio, budgets}, markdown);
  return missed.length ? 1 : 0;
}
