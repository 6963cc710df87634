/** What every bench job shares: where the site is, where results go, the machine, copies of the site. */
import {execFileSync} from 'node:child_process';
import {cpSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {collectAnchors} from '../plugins/plan-validator';
import {acquireLock} from './build';
import {chromiumPath} from './lighthouse';

export {planPages, routeOf} from './planPages';

export const siteDir = path.resolve(__dirname, '..');
export const resultsDir = path.join(__dirname, 'results');

/** A mistake in how the bench was called: the message is printed with the usage. */
export class UsageError extends Error {}

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** Every docs page with the anchors it will have, as `npm run validate` gives the validator. */
export function knownDocs(): Map<string, ReadonlySet<string>> {
  const docs = path.join(siteDir, 'docs');
  const known = new Map<string, ReadonlySet<string>>();
  for (const file of readdirSync(docs, {recursive: true, encoding: 'utf8'})) {
    const relative = file.split(path.sep).join('/');
    if (/\.mdx?$/.test(relative)) known.set(relative, collectAnchors(relative, readFileSync(path.join(docs, file), 'utf8')));
  }
  return known;
}

export const round = (value: number, digits = 0) => Math.round(value * 10 ** digits) / 10 ** digits;
export const kib = (bytes: number) => bytes / 1024;

export function machine() {
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
export function copySite(target: string): void {
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

export function countHtml(dir: string): number {
  return readdirSync(dir, {recursive: true, encoding: 'utf8'}).filter((name) => name.endsWith('.html')).length;
}

export async function withLock<T>(lockFile: string | null, work: () => Promise<T>): Promise<T> {
  const release = lockFile ? await acquireLock(lockFile) : null;
  try {
    return await work();
  } finally {
    release?.();
  }
}

export function write(name: string, json: unknown, markdown: string): void {
  mkdirSync(resultsDir, {recursive: true});
  writeFileSync(path.join(resultsDir, `${name}.json`), `${JSON.stringify(json, null, 2)}\n`);
  writeFileSync(path.join(resultsDir, `${name}.md`), markdown);
  console.log(`\n${markdown}\nWritten: bench/results/${name}.json, bench/results/${name}.md`);
}
