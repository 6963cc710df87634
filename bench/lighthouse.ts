import {execFile} from 'node:child_process';
import {createRequire} from 'node:module';
import {promisify} from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import type {Result} from 'lighthouse';
import {chromiumArgs, findChromium} from '../tests/support/chromium';

const run = promisify(execFile);
const lighthouseCli = createRequire(import.meta.url).resolve('lighthouse/cli/index.js');

export type FormFactor = 'mobile' | 'desktop';

/** The numbers we keep from one Lighthouse report. Scores are 0–100; times in ms; sizes in bytes. */
export interface PageMetrics {
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  lcpMs: number;
  tbtMs: number;
  /** Lighthouse's main-thread work breakdown, summed (script, style and layout, paint, parsing, other). */
  mainThreadMs: number;
  cls: number;
  jsTransferBytes: number;
  totalTransferBytes: number;
  /** Requests to any origin other than the page's own; must stay empty. */
  foreignRequests: string[];
  /** Ids of failed audits in the accessibility, best-practices and SEO categories, with the offending elements. */
  failedAudits: string[];
}

/** Lighthouse drives the page in headless mode; the shared flags keep Chromium from calling home. */
const CHROME_FLAGS = ['--headless=new', ...chromiumArgs];

/** The same Chromium the end-to-end tests use (CHROMIUM_PATH first); a clear message when there is none. */
export function chromiumPath(): string {
  const found = findChromium();
  if ('error' in found) throw new Error(found.error);
  return found.path;
}

export interface Browser {
  port: number;
  kill(): Promise<void>;
}

export async function launchBrowser(): Promise<Browser> {
  const chrome = await chromeLauncher.launch({chromePath: chromiumPath(), chromeFlags: CHROME_FLAGS, logLevel: 'silent'});
  return {port: chrome.port, kill: async () => chrome.kill()};
}

const score = (lhr: Result, id: string): number => Math.round((lhr.categories[id]?.score ?? 0) * 100);
const numeric = (lhr: Result, id: string): number => lhr.audits[id]?.numericValue ?? Number.NaN;

interface NetworkItem {
  url: string;
  resourceType?: string;
  transferSize?: number;
}

function failedAudits(lhr: Result): string[] {
  const failed: string[] = [];
  for (const categoryId of ['accessibility', 'best-practices', 'seo']) {
    for (const ref of lhr.categories[categoryId]?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id];
      if (!audit || ref.weight === 0 || audit.score === null || audit.score >= 1) continue;
      const items = (audit.details as {items?: {node?: {snippet?: string}}[]} | undefined)?.items ?? [];
      const snippets = [...new Set(items.flatMap((item) => (item.node?.snippet ? [item.node.snippet] : [])))];
      const where = snippets.length ? `: ${snippets.slice(0, 3).join(' ')}${snippets.length > 3 ? ' …' : ''}` : '';
      failed.push(`${categoryId}/${ref.id}${items.length ? ` (${items.length})` : ''}${where}`);
    }
  }
  return failed;
}

/** One Lighthouse run of `url` in the given form factor, through an already-running browser. */
export async function runLighthouse(url: string, formFactor: FormFactor, browser: Browser): Promise<PageMetrics> {
  // Lighthouse runs in its own plain Node process: functions it serialises into the page must not
  // pass through this script's TypeScript loader, which decorates them with helpers the page lacks.
  const args = [
    lighthouseCli,
    url,
    `--port=${browser.port}`,
    '--output=json',
    '--output-path=stdout',
    '--quiet',
    '--only-categories=performance,accessibility,best-practices,seo',
    ...(formFactor === 'desktop' ? ['--preset=desktop'] : []),
  ];
  const {stdout} = await run(process.execPath, args, {maxBuffer: 256 * 1024 * 1024, env: {...process.env, NODE_OPTIONS: ''}});
  const lhr = JSON.parse(stdout) as Result;
  if (lhr.runtimeError) throw new Error(`Lighthouse could not load ${url}: ${lhr.runtimeError.message}`);

  const requests = (lhr.audits['network-requests']?.details as {items?: NetworkItem[]} | undefined)?.items ?? [];
  const origin = new URL(url).origin;
  const sum = (items: NetworkItem[]) => items.reduce((total, item) => total + (item.transferSize ?? 0), 0);
  return {
    performance: score(lhr, 'performance'),
    accessibility: score(lhr, 'accessibility'),
    bestPractices: score(lhr, 'best-practices'),
    seo: score(lhr, 'seo'),
    lcpMs: numeric(lhr, 'largest-contentful-paint'),
    tbtMs: numeric(lhr, 'total-blocking-time'),
    mainThreadMs: numeric(lhr, 'mainthread-work-breakdown'),
    cls: numeric(lhr, 'cumulative-layout-shift'),
    jsTransferBytes: sum(requests.filter((item) => item.resourceType === 'Script')),
    totalTransferBytes: sum(requests),
    foreignRequests: requests.map((item) => item.url).filter((requestUrl) => /^https?:/.test(requestUrl) && new URL(requestUrl).origin !== origin),
    failedAudits: failedAudits(lhr),
  };
}
