/**
 * Main-thread work of the plan pages, side by side with stock Docusaurus built from the same docs, in one run (the
 * machine's load then weighs on both sides alike):
 *
 * - elements of each plan page's server HTML (everything in it is parsed, hydrated and, on screen, painted);
 * - Lighthouse mobile on Week 10 and the 14-day plan: TBT, main-thread work and the performance score, the median of
 *   alternating runs (site, stock, site, …);
 * - the time from a tap to the next paint under 4× CPU throttling, from the Event Timing API, for the plan page's own
 *   interactions and, beside them, a stock page's (the colour-mode switch, a sidebar category).
 */
import {cpSync, existsSync, mkdtempSync, readFileSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {chromium, expect as baseExpect, type Browser, type Locator, type Page} from '@playwright/test';
import {countElementsInFile} from '../tests/support/htmlElements';
import {chromiumArgs} from '../tests/support/chromium';
import {coldBuild} from './build';
import {UsageError, machine, median, planPages, round, siteDir, withLock, write} from './common';
import {chromiumPath, launchBrowser, runLighthouse, type PageMetrics} from './lighthouse';
import type {Options} from './options';
import {serveStatic, type StaticServer} from './server';
import {writeStockSite} from './stock';

/** Pages Lighthouse compares: a week (the kind most read) and the longest plan. */
const LIGHTHOUSE_ROUTES = ['/weeks/week-10/go', '/intensive/senior-go-14-days'];
/** Where the interactions are measured, on both sites. */
const INTERACTION_ROUTE = '/weeks/week-10/go';
/** How much slower than this machine the page's CPU is made, as Lighthouse's mobile profile does. */
const CPU_SLOWDOWN = 4;
/** Event Timing's lowest threshold: interactions that take less leave no entry at all. */
const EVENT_THRESHOLD_MS = 16;

interface MainThreadBudgets {
  /** Largest TBT allowed, as a ratio of stock's on the same page and run. */
  maxTbtRatioToStock: number;
  /** Largest main-thread work allowed, as a ratio of stock's. */
  maxMainThreadRatioToStock: number;
  /** Lowest performance score allowed, as points above stock's (0: at least stock's). */
  minPerformanceAboveStock: number;
  /** Longest time from a tap to the next paint, for every interaction of the plan page. */
  maxInteractionMs: number;
  /** Largest element count allowed, as a ratio of stock's for the same page. */
  maxElementRatioToStock: number;
}

function loadBudgets(): MainThreadBudgets {
  const file = path.join(__dirname, 'budgets.json');
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as {mainThread?: Partial<MainThreadBudgets>; serverElements?: {maxRatioToStock?: number}};
  const budgets = {...parsed.mainThread, maxElementRatioToStock: parsed.serverElements?.maxRatioToStock};
  const missing = ['maxTbtRatioToStock', 'maxMainThreadRatioToStock', 'minPerformanceAboveStock', 'maxInteractionMs', 'maxElementRatioToStock'].filter(
    (key) => typeof budgets[key as keyof MainThreadBudgets] !== 'number',
  );
  if (missing.length) throw new UsageError(`bench/budgets.json lacks numbers for ${missing.join(', ')} (under "mainThread" and "serverElements").`);
  return budgets as MainThreadBudgets;
}

type Side = 'site' | 'stock';

const expect = baseExpect.configure({timeout: 30_000});

/** One interaction: what to press and what shows that it happened. */
interface Interaction {
  name: string;
  side: Side;
  /** Waits until the page answers clicks. */
  ready(page: Page): Promise<void>;
  target(page: Page): Locator;
  /** Resolves once the interaction's effect is on screen; throws if it never is. */
  effect(page: Page, target: Locator): Promise<void>;
}

/** This site marks <html> once hydrated and its first effects have run (see tests/e2e/support/site.ts). */
const siteReady = async (page: Page) => expect(page.locator('html')).toHaveAttribute('data-page-interactive', 'true', {timeout: 60_000});
/** Stock Docusaurus enables its colour-mode button once hydrated. */
const colourModeButton = (page: Page) => page.locator('.navbar button[title*="mode" i]').first();
const stockReady = async (page: Page) => expect(colourModeButton(page)).toBeEnabled({timeout: 60_000});

const INTERACTIONS: Interaction[] = [
  {
    name: 'tick',
    side: 'site',
    ready: siteReady,
    target: (page) => page.getByRole('checkbox', {name: /^Done: /}).first(),
    effect: (_page, target) => expect(target).toBeChecked(),
  },
  {
    name: '4h/6h toggle',
    side: 'site',
    ready: siteReady,
    target: (page) => page.getByRole('radio', {name: /^6-hour plan/}).first(),
    effect: (page) => expect(page.locator('html')).toHaveAttribute('data-plan-variant', '6h'),
  },
  {
    name: 'note',
    side: 'site',
    ready: siteReady,
    target: (page) => page.getByRole('button', {name: /^Add note on /}).first(),
    effect: (page) => expect(page.getByRole('textbox', {name: /^Note on /}).first()).toBeVisible(),
  },
  {
    name: 'timer start',
    side: 'site',
    ready: siteReady,
    target: (page) => page.getByRole('button', {name: /^Start \d/}).first(),
    effect: (page) => expect(page.locator('[data-timer-status="running"]').first()).toBeVisible(),
  },
  {
    name: 'follow',
    side: 'site',
    ready: siteReady,
    target: (page) => page.getByRole('button', {name: 'Follow this plan'}).first(),
    effect: (page) => expect(page.getByRole('dialog')).toBeVisible(),
  },
  {
    name: 'colour-mode switch (stock)',
    side: 'stock',
    ready: stockReady,
    target: colourModeButton,
    effect: (page) => expect(page.locator('html')).toHaveAttribute('data-theme', 'dark'),
  },
  {
    name: 'sidebar category (stock)',
    side: 'stock',
    ready: stockReady,
    target: (page) => page.locator('.theme-doc-sidebar-menu [aria-expanded="false"]').first(),
    effect: async (page) => expect(page.locator('.theme-doc-sidebar-menu [aria-expanded="true"]').first()).toBeVisible(),
  },
];

interface InteractionParts {
  inputDelayMs: number;
  processingMs: number;
  presentationMs: number;
}

/** One run of an interaction: the longest Event Timing entry of it, or null when it left none. */
interface InteractionRun {
  durationMs: number | null;
  /**
   * Where the longest entry's time went (Event Timing): waiting for the main thread before the handlers ran, the
   * handlers, and from their end to the next paint. A long wait says the page was still busy (hydrating, effects), not
   * that the control is slow.
   */
  parts?: InteractionParts;
  /** Why the run measured nothing: its visible effect never showed (the message of the failed wait). */
  failure?: string;
}

/** How long a run waits for the interaction's effect: code loaded on demand arrives late under 4× throttling. */
const EFFECT_TIMEOUT_MS = 30_000;

/**
 * Moves the mouse to the middle of `target` and presses there, as a reader's pointer does. Not `locator.click()`:
 * Playwright checks the hit target from inside the page, with listeners of its own on the pointer and mouse events,
 * and under 4× throttling those listeners ran for 40–64 ms within the press (measured on the tick, the note button and
 * Follow), which Event Timing counted as the page's. A press that lands on something else leaves no visible effect,
 * so the run fails instead of measuring the wrong control.
 */
async function pressLikeAUser(page: Page, target: Locator): Promise<void> {
  await expect(target).toBeEnabled();
  const box = await target.boundingBox();
  if (!box) throw new Error('The control to press is not on screen.');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.up();
}

/** Loads the page, slows its CPU, presses the target and reads the Event Timing entries the press left. */
async function measureInteraction(browser: Browser, origin: string, interaction: Interaction): Promise<InteractionRun> {
  // Wide enough for stock's navbar colour-mode button and sidebar, which a phone's width folds into a menu.
  const context = await browser.newContext({viewport: {width: 1280, height: 900}, serviceWorkers: 'block'});
  context.setDefaultTimeout(EFFECT_TIMEOUT_MS);
  try {
    const page = await context.newPage();
    await page.goto(`${origin}${INTERACTION_ROUTE}`);
    await interaction.ready(page);
    const target = interaction.target(page);
    await target.scrollIntoViewIfNeeded();
    // Scripts for the page are strings: functions would pass through this script's TypeScript loader, which adds
    // helpers the page lacks.
    await page.evaluate(`
      window.benchEventEntries = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          window.benchEventEntries.push({
            duration: entry.duration,
            interactionId: entry.interactionId,
            inputDelayMs: entry.processingStart - entry.startTime,
            processingMs: entry.processingEnd - entry.processingStart,
            presentationMs: entry.startTime + entry.duration - entry.processingEnd,
          });
        }
      }).observe({type: 'event', durationThreshold: ${EVENT_THRESHOLD_MS}});
    `);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', {rate: CPU_SLOWDOWN});
    await pressLikeAUser(page, target);
    try {
      await interaction.effect(page, target);
    } catch (error) {
      return {durationMs: null, failure: (error instanceof Error ? error.message : String(error)).split('\n')[0]!};
    }
    // Entries arrive after the paint that follows the interaction: two frames after the effect shows, they are in.
    await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 100))))');
    const entries = (await page.evaluate('window.benchEventEntries')) as ({duration: number; interactionId: number} & InteractionParts)[];
    const longest = entries.filter((entry) => entry.interactionId > 0).sort((a, b) => b.duration - a.duration)[0];
    await cdp.send('Emulation.setCPUThrottlingRate', {rate: 1});
    if (!longest) return {durationMs: null};
    const {inputDelayMs, processingMs, presentationMs} = longest;
    return {durationMs: longest.duration, parts: {inputDelayMs, processingMs, presentationMs}};
  } finally {
    await context.close();
  }
}

interface InteractionResult {
  name: string;
  side: Side;
  /** Median of the runs that left an entry; null when none did. */
  medianMs: number | null;
  runs: InteractionRun[];
}

interface LighthouseComparison {
  route: string;
  site: PageMetrics;
  stock: PageMetrics;
}

const fmtMs = (ms: number) => `${Math.round(ms).toLocaleString('en')} ms`;
const ratioText = (ours: number, theirs: number) => (theirs > 0 ? `${(ours / theirs).toFixed(2)}×` : 'n/a');

export async function mainThreadRun(options: Options): Promise<number> {
  const budgets = loadBudgets();
  chromiumPath();
  const host = machine();
  const buildDir = path.join(siteDir, 'build');
  if (!existsSync(path.join(buildDir, 'index.html'))) throw new UsageError('No build in build/: run `npm run build` first, or the bench without --no-build.');
  const temps: string[] = [];
  const servers: StaticServer[] = [];
  try {
    // Served from a private copy, so builds started by others meanwhile cannot change what is measured.
    const siteCopy = mkdtempSync(path.join(os.tmpdir(), 'plans-main-thread-site-'));
    temps.push(siteCopy);
    cpSync(buildDir, siteCopy, {recursive: true});
    console.log('Main thread: building stock Docusaurus with the same docs…');
    const stockDir = mkdtempSync(path.join(os.tmpdir(), 'plans-main-thread-stock-'));
    temps.push(stockDir);
    writeStockSite(siteDir, stockDir);
    await withLock(options.buildLock, () => coldBuild(stockDir));
    const stockBuild = path.join(stockDir, 'build');

    const elements = planPages().map(({route}) => {
      const site = countElementsInFile(path.join(siteCopy, `${route}.html`)).total;
      const stock = countElementsInFile(path.join(stockBuild, `${route}.html`)).total;
      return {route, site, stock, ratio: round(site / stock, 2)};
    });

    for (const row of elements) console.log(`Elements ${row.route}: ${row.site} (stock ${row.stock}, ${row.ratio}×)`);
    const site = await serveStatic(siteCopy);
    servers.push(site);
    const stock = await serveStatic(stockBuild);
    servers.push(stock);
    const origins: Record<Side, string> = {site: site.origin, stock: stock.origin};

    const lighthouse: LighthouseComparison[] = [];
    const lighthouseBrowser = await launchBrowser();
    try {
      for (const route of LIGHTHOUSE_ROUTES) {
        const runs: Record<Side, PageMetrics[]> = {site: [], stock: []};
        for (let run = 1; run <= options.runs; run += 1) {
          // Alternating, and each side first every other run: a burst of load elsewhere falls on both sides.
          const order: Side[] = run % 2 ? ['site', 'stock'] : ['stock', 'site'];
          for (const side of order) {
            process.stdout.write(`Lighthouse mobile ${side} ${route} run ${run}/${options.runs}…\r`);
            runs[side].push(await runLighthouse(`${origins[side]}${route}`, 'mobile', lighthouseBrowser));
          }
        }
        const medianOf = (list: PageMetrics[]): PageMetrics => {
          const pick = (key: 'performance' | 'tbtMs' | 'mainThreadMs') => median(list.map((metrics) => metrics[key]));
          return {...list[0]!, performance: pick('performance'), tbtMs: pick('tbtMs'), mainThreadMs: pick('mainThreadMs')};
        };
        const compared = {route, site: medianOf(runs.site), stock: medianOf(runs.stock)};
        lighthouse.push(compared);
        console.log(
          `Lighthouse ${route}: TBT ${fmtMs(compared.site.tbtMs)} / stock ${fmtMs(compared.stock.tbtMs)}, main thread ${fmtMs(compared.site.mainThreadMs)} / ${fmtMs(compared.stock.mainThreadMs)}, performance ${compared.site.performance} / ${compared.stock.performance}`,
        );
      }
    } finally {
      await lighthouseBrowser.kill();
    }

    const interactions: InteractionResult[] = [];
    const browser = await chromium.launch({executablePath: chromiumPath(), args: chromiumArgs});
    try {
      for (const interaction of INTERACTIONS) {
        const runs: InteractionRun[] = [];
        for (let run = 1; run <= options.runs; run += 1) {
          process.stdout.write(`Interaction ${interaction.name} run ${run}/${options.runs}…                    \r`);
          runs.push(await measureInteraction(browser, origins[interaction.side], interaction));
        }
        const measured = runs.flatMap((run) => (run.durationMs === null || run.failure ? [] : [run.durationMs]));
        interactions.push({name: interaction.name, side: interaction.side, medianMs: measured.length ? median(measured) : null, runs});
        console.log(
          `Interaction ${interaction.name}: ${runs.map((run) => run.failure ?? (run.durationMs === null ? 'no entry' : fmtMs(run.durationMs))).join(', ')}`,
        );
      }
    } finally {
      await browser.close();
    }

    const misses = [
      ...elements
        .filter((row) => row.ratio > budgets.maxElementRatioToStock)
        .map((row) => `${row.route}: ${row.site} elements, ${row.ratio}× stock > ${budgets.maxElementRatioToStock}×`),
      ...lighthouse.flatMap(({route, site: ours, stock: theirs}) => [
        ...(ours.tbtMs > budgets.maxTbtRatioToStock * theirs.tbtMs
          ? [`${route}: TBT ${ratioText(ours.tbtMs, theirs.tbtMs)} stock > ${budgets.maxTbtRatioToStock}×`]
          : []),
        ...(ours.mainThreadMs > budgets.maxMainThreadRatioToStock * theirs.mainThreadMs
          ? [`${route}: main-thread work ${ratioText(ours.mainThreadMs, theirs.mainThreadMs)} stock > ${budgets.maxMainThreadRatioToStock}×`]
          : []),
        ...(ours.performance < theirs.performance + budgets.minPerformanceAboveStock
          ? [`${route}: performance ${ours.performance} < stock's ${theirs.performance}`]
          : []),
      ]),
      ...interactions.filter((result) => result.runs.some((run) => run.failure)).map((result) => `${result.name}: its effect was not seen in every run`),
      ...interactions
        .filter((result) => result.side === 'site' && result.medianMs !== null && result.medianMs > budgets.maxInteractionMs)
        .map((result) => `${result.name}: ${fmtMs(result.medianMs!)} to next paint > ${budgets.maxInteractionMs} ms`),
    ];

    const date = new Date().toISOString();
    const interactionCell = (result: InteractionResult) => {
      const failed = result.runs.filter((run) => run.failure);
      if (failed.length) return `effect not seen in ${failed.length} of ${result.runs.length} runs: ${failed[0]!.failure!.replace(/\|/g, '\\|')}`;
      const silent = result.runs.filter((run) => run.durationMs === null).length;
      const value = result.medianMs === null ? `under ${EVENT_THRESHOLD_MS} ms` : fmtMs(result.medianMs);
      return `${value}${silent ? ` (${silent} of ${result.runs.length} runs left no entry: under ${EVENT_THRESHOLD_MS} ms)` : ''}`;
    };
    const partsCell = (result: InteractionResult) => {
      const parts = result.runs.flatMap((run) => (run.parts && !run.failure ? [run.parts] : []));
      if (!parts.length) return '—';
      const of = (key: keyof InteractionParts) => fmtMs(median(parts.map((part) => part[key])));
      return `${of('inputDelayMs')} / ${of('processingMs')} / ${of('presentationMs')}`;
    };
    const markdown = [
      '### Main-thread work, side by side with stock Docusaurus',
      '',
      `${date.slice(0, 10)} · ${host.cpu}, ${host.memoryGiB} GiB RAM · ${host.chromium} · both sites served from 127.0.0.1 in the same run; stock is stock Docusaurus with the same docs (bench/stock.ts).`,
      '',
      '**Server HTML elements per plan page** (parse5):',
      '',
      '| Page | This site | Stock | Ratio |',
      '|---|---:|---:|---:|',
      ...elements.map((row) => `| ${row.route} | ${row.site.toLocaleString('en')} | ${row.stock.toLocaleString('en')} | ${row.ratio.toFixed(2)}× |`),
      '',
      `**Lighthouse mobile** (simulated throttling), median of ${options.runs} alternating runs per side:`,
      '',
      '| Page | TBT site / stock | Ratio | Main-thread work site / stock | Ratio | Performance site / stock |',
      '|---|---:|---:|---:|---:|---:|',
      ...lighthouse.map(
        ({route, site: ours, stock: theirs}) =>
          `| ${route} | ${fmtMs(ours.tbtMs)} / ${fmtMs(theirs.tbtMs)} | ${ratioText(ours.tbtMs, theirs.tbtMs)} | ${fmtMs(ours.mainThreadMs)} / ${fmtMs(theirs.mainThreadMs)} | ${ratioText(ours.mainThreadMs, theirs.mainThreadMs)} | ${ours.performance} / ${theirs.performance} |`,
      ),
      '',
      `**Tap to next paint** under ${CPU_SLOWDOWN}× CPU throttling (Event Timing, \`durationThreshold: ${EVENT_THRESHOLD_MS}\`; longest entry of the interaction, median of ${options.runs} runs, each on a freshly loaded ${INTERACTION_ROUTE} at 1280 px wide; every run waits for the visible effect: the tick drawn, the variant switched, the field or dialog shown, the readout running):`,
      '',
      '| Interaction | Page | Time to next paint | Waiting / handlers / to paint (medians) |',
      '|---|---|---:|---:|',
      ...interactions.map(
        (result) => `| ${result.name} | ${result.side === 'site' ? 'this site' : 'stock'} | ${interactionCell(result)} | ${partsCell(result)} |`,
      ),
      '',
      misses.length ? `Budgets missed: ${misses.join('; ')}.` : 'Main-thread budgets met.',
      '',
    ].join('\n');
    write('main-thread', {date, machine: host, budgets, elements, lighthouse, interactions, misses}, markdown);
    return misses.length ? 1 : 0;
  } finally {
    for (const server of servers) await server.close();
    for (const dir of temps) rmSync(dir, {recursive: true, force: true});
  }
}
