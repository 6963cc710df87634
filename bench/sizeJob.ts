/**
 * JavaScript weight, side by side with stock Docusaurus: per page, the entry bundle as the guide grows, and what the
 * entry bundle is made of. Builds copies of the site (never the site's own build/), so nothing here needs Lighthouse.
 */
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {STATS_FILE_ENV, type BundleStats, type StatsModule} from './bundleStats';
import {coldBuild, type Measured} from './build';
import {UsageError, copySite, machine, round, siteDir, withLock, write} from './common';
import type {Options} from './options';
import {attributePage, pageAttributionMarkdown} from './pageAttribution';
import {entryBundleFiles, gzipSize, measurePages, type PageWeight} from './pageWeight';
import {writeStockSite} from './stock';
import {syntheticPlanFile} from './synthetic';
import {firstSearchWeight, type SearchWeight} from './searchWeight';
import {firstVisitWeight, type FirstVisitWeight} from './firstVisit';

/** Doc pages both sites have: a week page (the heaviest kind) and the roadmap. */
const COMPARED_ROUTES = ['/weeks/week-10/go', '/roadmap/roadmap-16-weeks', '/intensive/senior-go-14-days'];
/** Pages only this site has, reported for the record. */
const SITE_ONLY_ROUTES = ['/', '/today'];
/** The config a bench copy of the site is built with: the site's own plus the stats writer. */
const BENCH_CONFIG = 'docusaurus.bench.config.ts';
/** How many groups of the entry bundle's attribution are listed. */
const ATTRIBUTION_ROWS = 15;

interface SizeBudgets {
  /** Largest allowed ratio of this site's JavaScript to stock Docusaurus's, per compared page. */
  maxRatioToStock: number;
  /** Largest allowed entry bundle growth per added plan beyond stock Docusaurus's own growth, in bytes (gzip). */
  maxEntryGrowthOverStockPerPlanBytes: number;
  /** Largest allowed download of a reader's first search query, KiB (gzip), at any number of plans. */
  maxFirstSearchKiB: number;
  /** Largest allowed first visit to a plan page, service worker included, as a ratio of what the page alone moves. */
  maxFirstVisitRatio: number;
}

function loadSizeBudgets(): SizeBudgets {
  const file = path.join(__dirname, 'budgets.json');
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as {sizes?: Partial<SizeBudgets>};
  const sizes = parsed.sizes;
  if (
    typeof sizes?.maxRatioToStock !== 'number' ||
    typeof sizes.maxEntryGrowthOverStockPerPlanBytes !== 'number' ||
    typeof sizes.maxFirstSearchKiB !== 'number' ||
    typeof sizes.maxFirstVisitRatio !== 'number'
  ) {
    throw new UsageError(
      'bench/budgets.json must hold {"sizes": {"maxRatioToStock", "maxEntryGrowthOverStockPerPlanBytes", "maxFirstSearchKiB", "maxFirstVisitRatio"}}.',
    );
  }
  return {
    maxRatioToStock: sizes.maxRatioToStock,
    maxEntryGrowthOverStockPerPlanBytes: sizes.maxEntryGrowthOverStockPerPlanBytes,
    maxFirstSearchKiB: sizes.maxFirstSearchKiB,
    maxFirstVisitRatio: sizes.maxFirstVisitRatio,
  };
}

/** A first visit's bytes with the service worker, as a ratio of the page's own. */
const visitRatio = (visit: FirstVisitWeight): number => round(visit.visitBytes / visit.pageBytes, 2);

/** The entry bundle every page loads before anything else: `main` and `runtime~main`, gzip. */
function entryBytes(buildDir: string): number {
  return entryBundleFiles(buildDir).reduce((sum, file) => sum + gzipSize(file), 0);
}

/** Adds `plans` synthetic weekly plans to the docs of the site copy in `dir`. */
function addSyntheticPlans(dir: string, plans: number): void {
  for (let index = 0; index < plans; index += 1) {
    const plan = syntheticPlanFile(index);
    mkdirSync(path.dirname(path.join(dir, plan.path)), {recursive: true});
    writeFileSync(path.join(dir, plan.path), plan.text);
  }
}

/** Builds a copy of the site with `plans` synthetic weekly plans added; returns the copy and its build/. */
async function buildSiteCopy(options: Options, plans: number, statsFile: string | null): Promise<{dir: string; buildDir: string; build: Measured}> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'plans-size-'));
  copySite(dir);
  addSyntheticPlans(dir, plans);
  writeFileSync(
    path.join(dir, BENCH_CONFIG),
    `import config from './docusaurus.config';\nimport bundleStatsPlugin from './bench/bundleStats';\n\nexport default {...config, plugins: [...(config.plugins ?? []), bundleStatsPlugin]};\n`,
  );
  if (statsFile) process.env[STATS_FILE_ENV] = statsFile;
  try {
    const build = await withLock(options.buildLock, () => coldBuild(dir, undefined, BENCH_CONFIG));
    return {dir, buildDir: path.join(dir, 'build'), build};
  } finally {
    delete process.env[STATS_FILE_ENV];
  }
}

/**
 * A stats module's leaf modules: a concatenation is counted by its parts. Style sheets are left out: their source
 * goes to the one CSS file, not to the entry bundle's JavaScript whose gzip size is shared out.
 */
function leaves(module: StatsModule): StatsModule[] {
  if (module.modules?.length) return module.modules.flatMap(leaves);
  return /\.css(\?.*)?$/.test((module.name ?? '').replace(/\|.*$/, '')) ? [] : [module];
}

/** Who a module belongs to: its npm package, else its folder in the site (two levels), else what the bundler named it. */
export function ownerOf(name: string): string {
  const normalized = name.replace(/^.*!/, '').replace(/\|.*$/, '');
  const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(normalized);
  if (inPackage) return inPackage[1]!;
  const relative = normalized.replace(/^\.\//, '').replace(/ \+ \d+ modules$/, '');
  if (/^(src|plugins)\//.test(relative))
    return relative
      .split('/')
      .slice(0, 3)
      .join('/')
      .replace(/\.(tsx?|jsx?|css)$/, '');
  if (relative.startsWith('.docusaurus/')) return 'generated (.docusaurus: routes, registry, config, global data)';
  return relative;
}

export interface Attribution {
  owner: string;
  sourceBytes: number;
  /** The entry bundle's gzip size shared out by source size: an estimate, the minifier and gzip treat code unevenly. */
  estimatedGzipBytes: number;
}

/** The entry bundle's modules grouped by owner, largest first, with the entry's gzip size shared out among them. */
export function attributeEntry(stats: BundleStats, entryGzipBytes: number): Attribution[] {
  const entryChunks = new Set(stats.chunks.filter((chunk) => chunk.initial).map((chunk) => String(chunk.id)));
  const bytes = new Map<string, number>();
  for (const module of stats.modules) {
    if (!module.chunks?.some((chunk) => entryChunks.has(String(chunk)))) continue;
    for (const leaf of leaves(module)) {
      const owner = ownerOf(leaf.name ?? '(unnamed)');
      bytes.set(owner, (bytes.get(owner) ?? 0) + leaf.size);
    }
  }
  const total = [...bytes.values()].reduce((sum, size) => sum + size, 0);
  return [...bytes]
    .map(([owner, sourceBytes]) => ({owner, sourceBytes, estimatedGzipBytes: total ? (entryGzipBytes * sourceBytes) / total : 0}))
    .sort((a, b) => b.sourceBytes - a.sourceBytes);
}

const kibText = (bytes: number) => (bytes / 1024).toFixed(1);

export async function sizeRun(options: Options): Promise<number> {
  const budgets = loadSizeBudgets();
  const host = machine();
  const temps: string[] = [];
  try {
    console.log('Size: building the site as it is (with bundler stats)…');
    const statsFile = path.join(os.tmpdir(), `plans-size-stats-${process.pid}.json`);
    const site = await buildSiteCopy(options, 0, statsFile);
    temps.push(site.dir);
    const stats = JSON.parse(readFileSync(statsFile, 'utf8')) as BundleStats;
    rmSync(statsFile, {force: true});
    const sitePages = await measurePages(site.buildDir, [...COMPARED_ROUTES, ...SITE_ONLY_ROUTES]);
    const siteEntry = entryBytes(site.buildDir);
    const siteSearch = await firstSearchWeight(site.buildDir);
    const siteVisit = await firstVisitWeight(site.buildDir);

    console.log('Size: building stock Docusaurus with the same docs…');
    const stockDir = mkdtempSync(path.join(os.tmpdir(), 'plans-stock-'));
    temps.push(stockDir);
    writeStockSite(siteDir, stockDir);
    await withLock(options.buildLock, () => coldBuild(stockDir));
    const stockPages = await measurePages(path.join(stockDir, 'build'), COMPARED_ROUTES);
    const stockEntry = entryBytes(path.join(stockDir, 'build'));
    rmSync(path.join(stockDir, 'build'), {recursive: true, force: true});

    const growth: {plans: number; entryBytes: number; search: SearchWeight; visit: FirstVisitWeight; build: Measured}[] = [
      {plans: 0, entryBytes: siteEntry, search: siteSearch, visit: siteVisit, build: site.build},
    ];
    for (const plans of options.plans) {
      console.log(`Size: building with ${plans} generated plans added…`);
      const grown = await buildSiteCopy(options, plans, null);
      temps.push(grown.dir);
      growth.push({
        plans,
        entryBytes: entryBytes(grown.buildDir),
        search: await firstSearchWeight(grown.buildDir),
        visit: await firstVisitWeight(grown.buildDir),
        build: grown.build,
      });
      rmSync(grown.dir, {recursive: true, force: true});
    }
    const largest = growth[growth.length - 1]!;
    const perPlan = largest.plans ? (largest.entryBytes - siteEntry) / largest.plans : 0;

    // Docusaurus's own entry grows with every page (route table, chunk map, the docs' global data): stock Docusaurus
    // with the same generated plans shows how much of the growth any Docusaurus site has.
    let stockGrowth: {plans: number; entryBytes: number; build: Measured} | null = null;
    if (largest.plans) {
      console.log(`Size: building stock Docusaurus with ${largest.plans} generated plans added…`);
      addSyntheticPlans(stockDir, largest.plans);
      const build = await withLock(options.buildLock, () => coldBuild(stockDir));
      stockGrowth = {plans: largest.plans, entryBytes: entryBytes(path.join(stockDir, 'build')), build};
    }
    const stockPerPlan = stockGrowth ? (stockGrowth.entryBytes - stockEntry) / stockGrowth.plans : null;

    const compared = COMPARED_ROUTES.map((route) => {
      const ours = sitePages.find((page) => page.route === route)!;
      const stock = stockPages.find((page) => page.route === route)!;
      return {route, site: ours.gzipBytes, stock: stock.gzipBytes, ratio: round(ours.gzipBytes / stock.gzipBytes, 3)};
    });
    const attribution = attributeEntry(stats, siteEntry);
    const pageChunks = COMPARED_ROUTES.map((route) => ({
      route,
      chunks: attributePage(
        sitePages.find((page) => page.route === route)!,
        stats,
      ),
    }));
    const misses = [
      ...compared.filter((row) => row.ratio > budgets.maxRatioToStock).map((row) => `${row.route}: ${row.ratio}× stock > ${budgets.maxRatioToStock}×`),
      ...(stockPerPlan !== null && perPlan > stockPerPlan + budgets.maxEntryGrowthOverStockPerPlanBytes
        ? [`entry growth ${round(perPlan, 1)} B per plan > stock's ${round(stockPerPlan, 1)} B + ${budgets.maxEntryGrowthOverStockPerPlanBytes} B`]
        : []),
      ...growth
        .filter((row) => row.search.gzipBytes / 1024 > budgets.maxFirstSearchKiB)
        .map((row) => `first search at ${row.plans} plans added: ${kibText(row.search.gzipBytes)} KiB > ${budgets.maxFirstSearchKiB} KiB`),
      ...growth
        .filter((row) => visitRatio(row.visit) > budgets.maxFirstVisitRatio)
        .map((row) => `first visit at ${row.plans} plans added: ${visitRatio(row.visit)}× the page alone > ${budgets.maxFirstVisitRatio}×`),
    ];

    const date = new Date().toISOString();
    const siteOnly = (page: PageWeight) => `| ${page.route} | ${kibText(page.gzipBytes)} | — | — |`;
    const markdown = [
      '### JavaScript per page, side by side with stock Docusaurus',
      '',
      `${date.slice(0, 10)} · ${host.cpu} · Node ${host.node} · ${host.chromium} · gzip -9 of the files each page requests itself until hydrated and idle (route prefetches not counted)`,
      '',
      '| Page | This site (KiB) | Stock Docusaurus, same docs (KiB) | Ratio |',
      '|---|---:|---:|---:|',
      ...compared.map((row) => `| ${row.route} | ${kibText(row.site)} | ${kibText(row.stock)} | ${row.ratio.toFixed(2)}× |`),
      ...sitePages.filter((page) => SITE_ONLY_ROUTES.includes(page.route)).map(siteOnly),
      '',
      `Entry bundle (\`main\` + \`runtime~main\`): this site **${kibText(siteEntry)} KiB**, stock ${kibText(stockEntry)} KiB.`,
      '',
      `| Plans added | Entry bundle (KiB) | Growth (B) | First search "${siteSearch.query}" (KiB, files) | First visit to ${siteVisit.route}: page alone → with the worker (KiB) | Build (s) | Build peak memory (MiB) |`,
      '|---:|---:|---:|---:|---:|---:|---:|',
      ...growth.map(
        (row) =>
          `| ${row.plans} | ${kibText(row.entryBytes)} | ${row.entryBytes - siteEntry} | ${kibText(row.search.gzipBytes)} (${row.search.files.length}) | ${kibText(row.visit.pageBytes)} → ${kibText(row.visit.visitBytes)} (${visitRatio(row.visit)}×) | ${round(row.build.seconds, 1)} | ${row.build.peakRssMiB ?? '—'} |`,
      ),
      ...(stockGrowth
        ? [
            `| stock, ${stockGrowth.plans} | ${kibText(stockGrowth.entryBytes)} | ${stockGrowth.entryBytes - stockEntry} | no search | no worker | ${round(stockGrowth.build.seconds, 1)} | ${stockGrowth.build.peakRssMiB ?? '—'} |`,
          ]
        : []),
      '',
      `Growth per plan: **${round(perPlan, 1)} B** gzip (28 plans: ${kibText(perPlan * 28)} KiB).` +
        (stockGrowth && stockPerPlan !== null
          ? ` Stock Docusaurus with the same ${stockGrowth.plans} generated plans: ${kibText(stockEntry)} → ${kibText(stockGrowth.entryBytes)} KiB, **${round(stockPerPlan, 1)} B** per plan (its route table, chunk map and the docs' global data); this site grows ${round(perPlan - stockPerPlan, 1)} B per plan more than that.`
          : ''),
      '',
      `Entry bundle by package or folder (source size from the bundler's stats; gzip shared out by source size, an estimate):`,
      '',
      '| Package or folder | Source (KiB) | ≈ gzip (KiB) |',
      '|---|---:|---:|',
      ...attribution.slice(0, ATTRIBUTION_ROWS).map((row) => `| ${row.owner} | ${kibText(row.sourceBytes)} | ${kibText(row.estimatedGzipBytes)} |`),
      `| ${attribution.length - Math.min(ATTRIBUTION_ROWS, attribution.length)} more | ${kibText(attribution.slice(ATTRIBUTION_ROWS).reduce((sum, row) => sum + row.sourceBytes, 0))} | ${kibText(attribution.slice(ATTRIBUTION_ROWS).reduce((sum, row) => sum + row.estimatedGzipBytes, 0))} |`,
      '',
      `Each compared page's own chunks (beyond the entry bundle), by module:`,
      '',
      ...pageChunks.flatMap(({route, chunks}) => pageAttributionMarkdown(route, chunks)),
      misses.length
        ? `Size budgets missed: ${misses.join('; ')}`
        : `Size budgets met (≤ ${budgets.maxRatioToStock}× stock, entry growth ≤ stock's + ${budgets.maxEntryGrowthOverStockPerPlanBytes} B per plan, first search ≤ ${budgets.maxFirstSearchKiB} KiB, first visit ≤ ${budgets.maxFirstVisitRatio}× the page alone).`,
      '',
    ].join('\n');
    write(
      'sizes',
      {
        date,
        machine: host,
        budgets,
        pages: {site: sitePages, stock: stockPages},
        compared,
        entry: {site: siteEntry, stock: stockEntry},
        growth,
        perPlan,
        stockGrowth,
        stockPerPlan,
        attribution,
        pageChunks,
      },
      markdown,
    );
    return misses.length ? 1 : 0;
  } finally {
    for (const dir of temps) rmSync(dir, {recursive: true, force: true});
  }
}
