/**
 * The site's benchmark, run on demand (timings are too noisy for `npm test`).
 *
 *   npm run bench                    cold build, Lighthouse on every plan page, validator timing, budgets
 *   npm run bench -- --scale 500     build cost with 100, 250 … 500 synthetic plan pages
 *
 * Results go to bench/results/; the exit code is 1 when a budget is missed.
 */
import {execFileSync} from 'node:child_process';
import {cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {WEEKS_IN_GUIDE} from '../plugins/plan-model/location';
import {collectAnchors, validatePlanFile} from '../plugins/plan-validator';
import {acquireLock, coldBuild, type Measured} from './build';
import {chromiumPath, launchBrowser, runLighthouse, type FormFactor, type PageMetrics} from './lighthouse';
import {serveStatic} from './server';
import {syntheticWeeklyPlan} from './synthetic';

const siteDir = path.resolve(__dirname, '..');
const resultsDir = path.join(__dirname, 'results');
const FORM_FACTORS: FormFactor[] = ['mobile', 'desktop'];
const SCALE_STEPS = [100, 250, 500];
/** Generated plans the validator is timed on. */
const VALIDATOR_DOCUMENTS = 1000;

class UsageError extends Error {}

interface Options {
  runs: number;
  scale: number | null;
  buildLock: string | null;
  build: boolean;
}

const USAGE = `Usage: npm run bench -- [options]
  --runs <n>          Lighthouse runs per page and form factor; the median is reported (default 3)
  --scale <n>         instead: build with 100, 250 … n synthetic plan pages and report build cost
  --no-build          measure the existing build/ instead of a cold build (build time is not reported)
  --build-lock <file> take an exclusive flock on <file> around each build (machines shared with other builds)`;

function parseArgs(argv: string[]): Options {
  const options: Options = {runs: 3, scale: null, buildLock: null, build: true};
  const positive = (flag: string, value: string | undefined): number => {
    const number = Number(value);
    if (!value || !Number.isInteger(number) || number < 1) throw new UsageError(`${flag} needs a whole number of at least 1, got "${value ?? ''}".`);
    return number;
  };
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index]!;
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? argv[++index];
    if (flag === '--runs') options.runs = positive(flag, value());
    else if (flag === '--scale') options.scale = positive(flag, value());
    else if (flag === '--build-lock') {
      const file = value();
      if (!file) throw new UsageError('--build-lock needs a file path.');
      options.buildLock = file;
    } else if (flag === '--no-build') options.build = false;
    else if (flag === '--help' || flag === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else throw new UsageError(`Unknown option "${arg}".`);
  }
  return options;
}

interface Rule {
  formFactor: FormFactor | 'all';
  metric: keyof Budgeted;
  min?: number;
  max?: number;
}

/** The metrics a budget can name: page metrics plus sizes in KiB, as budgets are written. */
type Budgeted = Omit<PageMetrics, 'foreignRequests' | 'failedAudits'> & {jsTransferKiB: number; totalTransferKiB: number};

function loadBudgets(): Rule[] {
  const file = path.join(__dirname, 'budgets.json');
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as {budgets?: Rule[]};
  if (!Array.isArray(parsed.budgets) || parsed.budgets.some((rule) => typeof rule.metric !== 'string' || (rule.min === undefined && rule.max === undefined))) {
    throw new UsageError(`${path.relative(siteDir, file)} must hold {"budgets": [{"formFactor", "metric", "min" or "max"}]}.`);
  }
  return parsed.budgets;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** Per-metric medians over runs; audit failures and foreign requests are the union of all runs. */
function medianOf(runs: PageMetrics[]): PageMetrics {
  const numbers = (pick: (metrics: PageMetrics) => number) => median(runs.map(pick));
  return {
    performance: numbers((m) => m.performance),
    accessibility: numbers((m) => m.accessibility),
    bestPractices: numbers((m) => m.bestPractices),
    seo: numbers((m) => m.seo),
    lcpMs: numbers((m) => m.lcpMs),
    tbtMs: numbers((m) => m.tbtMs),
    cls: numbers((m) => m.cls),
    jsTransferBytes: numbers((m) => m.jsTransferBytes),
    totalTransferBytes: numbers((m) => m.totalTransferBytes),
    foreignRequests: [...new Set(runs.flatMap((m) => m.foreignRequests))],
    failedAudits: [...new Set(runs.flatMap((m) => m.failedAudits))],
  };
}

/** The page's URL path, as Docusaurus derives it from the file's folder and its `id`/`slug` front matter. */
function routeOf(docsRelative: string, source: string): string {
  const frontMatter = /^---\n([\s\S]*?)\n---/.exec(source)?.[1] ?? '';
  const field = (name: string) => new RegExp(`^${name}:\\s*['"]?([^'"\\n]+?)['"]?\\s*$`, 'm').exec(frontMatter)?.[1];
  const slug = field('slug');
  if (slug?.startsWith('/')) return slug;
  const folder = path.posix.dirname(docsRelative);
  return `/${path.posix.join(folder, slug ?? field('id') ?? path.posix.basename(docsRelative, path.posix.extname(docsRelative)))}`;
}

/** Every plan page: docs/weeks/<week>/<track>.md and docs/intensive/<plan>.md. */
function planPages(): {file: string; route: string}[] {
  const docs = path.join(siteDir, 'docs');
  const files: string[] = [];
  const markdown = (name: string) => /\.mdx?$/.test(name) && !name.startsWith('_');
  for (const week of readdirSync(path.join(docs, 'weeks'), {withFileTypes: true})) {
    if (!week.isDirectory()) continue;
    for (const name of readdirSync(path.join(docs, 'weeks', week.name)).filter(markdown)) files.push(`weeks/${week.name}/${name}`);
  }
  for (const name of readdirSync(path.join(docs, 'intensive')).filter(markdown)) files.push(`intensive/${name}`);
  return files.sort().map((file) => ({file: `docs/${file}`, route: routeOf(file, readFileSync(path.join(docs, file), 'utf8'))}));
}

/** Every docs page with the anchors it will have, as `npm run validate` gives the validator. */
function knownDocs(): Map<string, ReadonlySet<string>> {
  const docs = path.join(siteDir, 'docs');
  const known = new Map<string, ReadonlySet<string>>();
  for (const file of readdirSync(docs, {recursive: true, encoding: 'utf8'})) {
    const relative = file.split(path.sep).join('/');
    if (/\.mdx?$/.test(relative)) known.set(relative, collectAnchors(relative, readFileSync(path.join(docs, file), 'utf8')));
  }
  return known;
}

/** Runs the validator over generated weekly plans, and checks each passed: a failing plan would time the error path. */
function validatorTiming(): {documents: number; totalMs: number; cpuMs: number; perDocumentMs: number; checker: string} {
  const known = knownDocs();
  const documents = Array.from({length: VALIDATOR_DOCUMENTS}, (_, index) => ({
    path: `weeks/week-${String((index % WEEKS_IN_GUIDE) + 1).padStart(2, '0')}/go.md`,
    source: syntheticWeeklyPlan(index),
  }));
  // CPU time is reported beside wall time: on a shared machine the wall clock also counts other jobs.
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const results = documents.map((document) => validatePlanFile({...document, knownDocs: known}));
  const totalMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  results.forEach((diagnostics, index) => {
    const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
    if (errors.length) {
      throw new Error(
        `Synthetic plan ${index} fails validation (${errors.map((e) => `${e.line}:${e.column} ${e.message}`).join('; ')}): the generator no longer matches the plan format.`,
      );
    }
  });
  return {
    documents: documents.length,
    totalMs: round(totalMs, 1),
    cpuMs: round((cpu.user + cpu.system) / 1000, 1),
    perDocumentMs: round(totalMs / documents.length, 3),
    checker: 'validatePlanFile',
  };
}

const round = (value: number, digits = 0) => Math.round(value * 10 ** digits) / 10 ** digits;
const kib = (bytes: number) => bytes / 1024;

function machine() {
  const cpus = os.cpus();
  let chromium = 'unknown';
  try {
    chromium = execFileSync(chromiumPath(), ['--version'], {encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore']}).trim();
  } catch {
    // Reported as unknown; the Lighthouse run itself will say what is wrong.
  }
  const lighthouse = (JSON.parse(readFileSync(require.resolve('lighthouse/package.json'), 'utf8')) as {version: string}).version;
  return {
    cpu: `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}`,
    memoryGiB: round(os.totalmem() / 1024 ** 3, 1),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    lighthouse,
    chromium,
  };
}

/** Copies the site without its outputs; node_modules entries are linked, the bundler cache stays private. */
function copySite(target: string): void {
  const skip = new Set(['node_modules', 'build', '.docusaurus', '.git', 'test-results', 'playwright-report', 'test-reports']);
  for (const entry of readdirSync(siteDir)) {
    if (skip.has(entry)) continue;
    cpSync(path.join(siteDir, entry), path.join(target, entry), {
      recursive: true,
      filter: (source) => !source.startsWith(resultsDir),
    });
  }
  const modules = path.join(target, 'node_modules');
  mkdirSync(modules);
  for (const entry of readdirSync(path.join(siteDir, 'node_modules'))) {
    if (entry !== '.cache') symlinkSync(path.join(siteDir, 'node_modules', entry), path.join(modules, entry));
  }
}

function countHtml(dir: string): number {
  return readdirSync(dir, {recursive: true, encoding: 'utf8'}).filter((name) => name.endsWith('.html')).length;
}

async function withLock<T>(lockFile: string | null, work: () => Promise<T>): Promise<T> {
  const release = lockFile ? await acquireLock(lockFile) : null;
  try {
    return await work();
  } finally {
    release?.();
  }
}

function write(name: string, json: unknown, markdown: string): void {
  mkdirSync(resultsDir, {recursive: true});
  writeFileSync(path.join(resultsDir, `${name}.json`), `${JSON.stringify(json, null, 2)}\n`);
  writeFileSync(path.join(resultsDir, `${name}.md`), markdown);
  console.log(`\n${markdown}\nWritten: bench/results/${name}.json, bench/results/${name}.md`);
}

async function scaleRun(options: Options, target: number): Promise<number> {
  const steps = [...SCALE_STEPS.filter((step) => step < target), target];
  const rows: {syntheticPages: number; htmlPages: number; build: Measured}[] = [];
  for (const pages of steps) {
    const temp = mkdtempSync(path.join(os.tmpdir(), 'plans-scale-'));
    try {
      copySite(temp);
      for (let index = 0; index < pages; index += 1) {
        const folder = path.join(temp, 'docs', 'weeks', `week-${100 + index}`);
        mkdirSync(folder, {recursive: true});
        writeFileSync(path.join(folder, 'go.md'), syntheticWeeklyPlan(index));
      }
      console.log(`Building with ${pages} synthetic plan pages…`);
      const build = await withLock(options.buildLock, () => coldBuild(temp));
      const htmlPages = countHtml(path.join(temp, 'build'));
      rows.push({syntheticPages: pages, htmlPages, build});
      console.log(`  ${htmlPages} HTML pages in ${build.seconds.toFixed(1)} s, peak ${build.peakRssMiB ?? '?'} MiB`);
    } finally {
      rmSync(temp, {recursive: true, force: true});
    }
  }
  const date = new Date().toISOString();
  const host = machine();
  const markdown = [
    `### Build cost by number of plan pages`,
    '',
    `${date.slice(0, 10)} · ${host.cpu}, ${host.memoryGiB} GiB RAM · Node ${host.node} · cold builds (\`docusaurus clear\` first)`,
    '',
    '| Synthetic plan pages | HTML pages built | Build time (s) | Peak memory, process tree (MiB) |',
    '|---:|---:|---:|---:|',
    ...rows.map((row) => `| ${row.syntheticPages} | ${row.htmlPages} | ${row.build.seconds.toFixed(1)} | ${row.build.peakRssMiB ?? 'n/a'} |`),
    '',
  ].join('\n');
  write('scale', {date, machine: host, steps: rows}, markdown);
  return 0;
}

function check(rules: Rule[], formFactor: FormFactor, metrics: PageMetrics): string[] {
  const values: Budgeted = {...metrics, jsTransferKiB: kib(metrics.jsTransferBytes), totalTransferKiB: kib(metrics.totalTransferBytes)};
  const misses: string[] = [];
  for (const rule of rules) {
    if (rule.formFactor !== 'all' && rule.formFactor !== formFactor) continue;
    const value = values[rule.metric];
    if (typeof value !== 'number') throw new UsageError(`bench/budgets.json names an unknown metric "${rule.metric}".`);
    if (rule.min !== undefined && !(value >= rule.min)) misses.push(`${rule.metric} ${round(value, 3)} < ${rule.min}`);
    if (rule.max !== undefined && !(value <= rule.max)) misses.push(`${rule.metric} ${round(value, 3)} > ${rule.max}`);
  }
  if (metrics.foreignRequests.length) misses.push(`requests to other origins: ${metrics.foreignRequests.join(', ')}`);
  return misses;
}

async function pageRun(options: Options): Promise<number> {
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
  console.log(`  ${validator.totalMs} ms (${validator.perDocumentMs} ms per plan; ${validator.cpuMs} ms CPU)`);

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
    `Validator: ${validator.documents} generated plans checked in **${validator.totalMs} ms** (${validator.perDocumentMs} ms each; ${validator.cpuMs} ms CPU time; \`${validator.checker}\`).`,
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

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  return options.scale === null ? pageRun(options) : scaleRun(options, options.scale);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) console.error(`${error.message}\n\n${USAGE}`);
    else console.error(`Benchmark failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
