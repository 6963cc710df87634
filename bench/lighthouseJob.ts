/** Lighthouse on every plan page, mobile and desktop, checked against the budgets. */
import {cpSync, existsSync, mkdtempSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {check, loadBudgets} from './budgets';
import {coldBuild, type Measured} from './build';
import {UsageError, kib, machine, median, planPages, round, siteDir, withLock, write} from './common';
import {chromiumPath, launchBrowser, runLighthouse, type FormFactor, type PageMetrics} from './lighthouse';
import type {Options} from './options';
import {serveStatic} from './server';
import {VALIDATOR_DOCUMENTS, describeValidator, validatorTiming} from './validatorJob';

const FORM_FACTORS: FormFactor[] = ['mobile', 'desktop'];

/** Per-metric medians over runs; audit failures and foreign requests are the union of all runs. */
export function medianOf(runs: PageMetrics[]): PageMetrics {
  const numbers = (pick: (metrics: PageMetrics) => number) => median(runs.map(pick));
  return {
    performance: numbers((m) => m.performance),
    accessibility: numbers((m) => m.accessibility),
    bestPractices: numbers((m) => m.bestPractices),
    seo: numbers((m) => m.seo),
    lcpMs: numbers((m) => m.lcpMs),
    tbtMs: numbers((m) => m.tbtMs),
    mainThreadMs: numbers((m) => m.mainThreadMs),
    cls: numbers((m) => m.cls),
    jsTransferBytes: numbers((m) => m.jsTransferBytes),
    totalTransferBytes: numbers((m) => m.totalTransferBytes),
    foreignRequests: [...new Set(runs.flatMap((m) => m.foreignRequests))],
    failedAudits: [...new Set(runs.flatMap((m) => m.failedAudits))],
  };
}

export async function pageRun(options: Options): Promise<number> {
  const rules = loadBudgets();
  const pages = planPages();
  chromiumPath();
  const host = machine();

  let build: Measured | null = null;
  if (options.build) {
    console.log('Cold production build…');
    build = await withLock(options.buildLock, () => coldBuild(siteDir));
    console.log(`  built in ${build.seconds.toFixed(1)} s, peak ${build.peakRssMiB ?? '?'} MiB`);
  }
  const buildDir = path.join(siteDir, 'build');
  if (!existsSync(path.join(buildDir, 'index.html'))) throw new UsageError('No build in build/: run without --no-build.');
  // Served from a private copy, so builds started by others meanwhile cannot change what is measured.
  const served = mkdtempSync(path.join(os.tmpdir(), 'plans-bench-'));
  cpSync(buildDir, served, {recursive: true});

  console.log(`Validator: checking ${VALIDATOR_DOCUMENTS} generated plans…`);
  const validator = validatorTiming();
  console.log(`  ${describeValidator(validator)}`);

  const server = await serveStatic(served);
  const browser = await launchBrowser();
  const results: {page: string; route: string; formFactor: FormFactor; runs: PageMetrics[]; median: PageMetrics; misses: string[]}[] = [];
  try {
    for (const page of pages) {
      const url = `${server.origin}${page.route}`;
      const probe = await fetch(url);
      if (!probe.ok) throw new Error(`${page.file} should be served at ${page.route}, but that URL answers ${probe.status}.`);
      for (const formFactor of FORM_FACTORS) {
        const runs: PageMetrics[] = [];
        for (let run = 1; run <= options.runs; run += 1) {
          process.stdout.write(`Lighthouse ${formFactor} ${page.route} run ${run}/${options.runs}…\r`);
          runs.push(await runLighthouse(url, formFactor, browser));
        }
        const metrics = medianOf(runs);
        results.push({page: page.file, route: page.route, formFactor, runs, median: metrics, misses: check(rules, formFactor, metrics)});
      }
    }
  } finally {
    await browser.kill();
    await server.close();
    rmSync(served, {recursive: true, force: true});
  }

  const date = new Date().toISOString();
  const missed = results.filter((result) => result.misses.length);
  const audits = [...new Set(results.flatMap((result) => result.median.failedAudits.map((audit) => `${result.route}: ${audit}`)))];
  const markdown = [
    `### Plan pages (Lighthouse, median of ${options.runs})`,
    '',
    `${date.slice(0, 10)} · ${host.cpu}, ${host.memoryGiB} GiB RAM · Node ${host.node} · Lighthouse ${host.lighthouse} · ${host.chromium} · gzip static server on 127.0.0.1`,
    '',
    build ? `Cold build: **${build.seconds.toFixed(1)} s**, peak memory ${build.peakRssMiB ?? 'n/a'} MiB. ` : 'Build not measured (`--no-build`). ',
    `Validator: ${describeValidator(validator)}`,
    '',
    '| Page | Mode | Perf | A11y | Best pr. | SEO | LCP (s) | TBT (ms) | CLS | JS (KiB gzip) | Total (KiB) | Budgets |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
    ...results.map(
      ({route, formFactor, median: m, misses}) =>
        `| ${route} | ${formFactor} | ${m.performance} | ${m.accessibility} | ${m.bestPractices} | ${m.seo} | ${(m.lcpMs / 1000).toFixed(2)} | ${Math.round(m.tbtMs)} | ${round(m.cls, 3)} | ${kib(m.jsTransferBytes).toFixed(1)} | ${kib(m.totalTransferBytes).toFixed(1)} | ${misses.length ? `missed: ${misses.join('; ')}` : 'met'} |`,
    ),
    '',
    ...(audits.length ? ['Failed audits (accessibility, best practices, SEO):', '', ...audits.map((audit) => `- ${audit.replace(/\|/g, '\\|')}`), ''] : []),
  ].join('\n');
  write('latest', {date, machine: host, budgets: rules, build, validator, pages: results}, markdown);
  if (missed.length) console.error(`\n${missed.length} of ${results.length} page/mode results missed a budget.`);
  return missed.length ? 1 : 0;
}
