import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {simpleHash} from '@docusaurus/utils';
import {PLAN_FINGERPRINTS_FILE, PLAN_IDS_FILE, PLAN_LOADERS_FILE, PLAN_SUMMARIES_FILE, PAGE_MODEL_EXPORT, planModuleFile} from '../plan-model/ids';
import {fingerprintKey} from '../plan-model/adoption';
import {planIdentities} from '../plan-model/identity';
import {planIdOf, toDocPath} from '../plan-model/location';
import type {FactsCache} from '../plan-validator/cache';
import {checkSize, decodeUtf8} from '../plan-validator';
import {checkContent, type DocFile} from './contentCheck';
import {buildPlanDataAndPages, type PlanSource} from './summary';

/** One doc as the docs plugin loaded it, with its file's bytes: everything the plan modules are made from. */
export interface PlanDoc extends DocFile {
  permalink: string;
  title: string;
  sidebarLabel?: string;
  /** The doc's module as Docusaurus's routes import it (`@site/docs/…`), for the loader map's imports. */
  docModule: string;
}

/** What the plan check found, and the text of every module the plan-data plugin writes, by file name. */
export interface PlanModules {
  modules: Map<string, string>;
  /** Every problem as `path:line:column  severity  message  rule`, in file order. */
  lines: string[];
  errors: number;
  warnings: number;
}

/**
 * Checks every doc and makes the plan modules from them: the summaries of every plan, one page model per plan, the
 * fingerprints, the ids and the loader map. A pure function of the docs' bytes (and the facts cache), so it can run in
 * a process of its own while the bundler starts: `index.ts` says why.
 */
export function planModules(docs: readonly PlanDoc[], cache: FactsCache, production: boolean): PlanModules {
  const check = checkContent(docs, cache);
  const sources = docs.flatMap((doc): PlanSource[] => {
    const source = check.sources.get(doc.docPath);
    if (source === undefined) return [];
    return [
      {
        planId: planIdOf(doc.docPath),
        permalink: doc.permalink,
        title: doc.title,
        ...(doc.sidebarLabel ? {sidebarLabel: doc.sidebarLabel} : {}),
        source,
        // The check parsed the file already unless its facts were cached: the model is not parsed again.
        ...(check.plans.has(doc.docPath) ? {plan: check.plans.get(doc.docPath)!} : {}),
      },
    ];
  });
  const {data, pages} = buildPlanDataAndPages(sources);
  const docModules = new Map(docs.map((doc) => [planIdOf(doc.docPath), doc.docModule]));
  const modules = new Map<string, string>();
  modules.set(PLAN_SUMMARIES_FILE, JSON.stringify(data));
  // Each plan's page model once, as its own module: the plan's page imports it and exports it again (the remark
  // plugin adds both). /today and the timer panel load a plan by id through the loader map, only when they need
  // it, from the page's own chunk. A model of its own, loaded by id, was a chunk per plan: about a fifth of a
  // 192-plan build's peak memory, and a second request on every plan page.
  const loaders: string[] = [];
  for (const [planId, page] of pages) {
    modules.set(planModuleFile(planId), JSON.stringify(page));
    const pageModule = docModules.get(planId)!;
    loaders.push(
      `  ${JSON.stringify(planId)}: () => import(${production ? pageChunkComment(pageModule) : ''}${JSON.stringify(pageModule)}).then((page) => ({default: page.${PAGE_MODEL_EXPORT}})),`,
    );
  }
  // Every plan's items as fingerprint keys, for the browser to find where a moved plan's records belong.
  const fingerprints = Object.fromEntries([...pages].map(([planId, page]) => [planId, planIdentities(page).map((item) => fingerprintKey(item.fingerprint))]));
  modules.set(PLAN_FINGERPRINTS_FILE, JSON.stringify(fingerprints));
  // The summaries and fingerprints too, for code that needs them only on an action (importing a progress file) or
  // in a rare case (records of a plan that moved).
  const summaries = [
    `export const loadPlanSummaries = () => import(${JSON.stringify(`./${PLAN_SUMMARIES_FILE}`)});`,
    `export const loadPlanFingerprints = () => import(${JSON.stringify(`./${PLAN_FINGERPRINTS_FILE}`)});`,
  ].join('\n');
  modules.set(PLAN_IDS_FILE, JSON.stringify([...pages.keys()]));
  modules.set(PLAN_LOADERS_FILE, `${summaries}\nexport default {\n${loaders.join('\n')}\n};\n`);
  return {modules, lines: check.lines, errors: check.errors, warnings: check.warnings};
}

/**
 * The chunk name Docusaurus gives a route module in a production build (its route registry names each one
 * `simpleHash(modulePath, 8)`), so that importing the doc by id lands in its route's chunk instead of a copy of it.
 * tests/e2e/bundle-budgets.spec.ts fails if a plan's text is ever in two chunks. In development names are longer, and
 * a second copy costs nothing that matters.
 */
function pageChunkComment(modulePath: string): string {
  return `/* webpackChunkName: ${JSON.stringify(simpleHash(modulePath, 8))} */ `;
}

/**
 * Parses every Markdown file under the docs folder into the cache, before the docs plugin has listed them, so that
 * `planModules` finds them parsed. Files the docs plugin leaves out cost a parse and nothing else; a file edited in
 * between is parsed again when asked for.
 */
export function parseDocsAhead(docsDir: string, cache: FactsCache): void {
  for (const file of markdownFilesUnder(docsDir).sort()) {
    const bytes = readFileSync(path.join(docsDir, file));
    if (checkSize(bytes.length)) continue;
    const decoded = decodeUtf8(bytes);
    if (decoded.ok) cache.prime(toDocPath(file), decoded.source);
  }
}

/** Every Markdown file under `docsDir`, relative to it; none when there is no such folder. */
export function markdownFilesUnder(docsDir: string): string[] {
  try {
    return readdirSync(docsDir, {recursive: true, encoding: 'utf8'}).filter((file) => /\.mdx?$/.test(file));
  } catch {
    return [];
  }
}
