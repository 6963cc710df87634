import {readFile} from 'node:fs/promises';
import path from 'node:path';
import type {LoadContext, Plugin} from '@docusaurus/types';
import {simpleHash} from '@docusaurus/utils';
import {
  PLAN_FINGERPRINTS_FILE,
  PLAN_IDS_FILE,
  PLAN_LOADERS_FILE,
  PLAN_SUMMARIES_FILE,
  STORAGE_KEY,
  STORE_SCHEMA_VERSION,
  VARIANT_ATTRIBUTE,
  VARIANT_RULE,
  chooseVariant,
  PAGE_MODEL_EXPORT,
  planModuleFile,
} from '../plan-model/ids';
import {fingerprintKey} from '../plan-model/adoption';
import {planIdentities} from '../plan-model/identity';
import {planIdOf, toDocPath} from '../plan-model/location';
import {FactsCache, defaultCacheFile} from '../plan-validator/cache';
import {checkContent, contentFailure, displayPathOf} from './contentCheck';
import {buildPlanDataAndPages, PLAN_DATA_PLUGIN, type PlanSource} from './summary';

export type {PlanData, PlanSummary, WeeklyPlanSummary, IntensivePlanSummary, WeeklyDaySummary, IntensiveDaySummary} from './summary';

/**
 * Sets the 4h/6h attribute on <html> before the first paint — from `?plan=` or the stored
 * choice — so the chosen variant shows at once, without a layout shift or hydration mismatch.
 * A shared `?plan=` choice is also stored here, not only once the page has hydrated: a reader who
 * follows a link on a slow phone and moves on before the bundle runs keeps the plan the link named.
 * It writes only the `variant` field, and only into data this site's store wrote: never into text it
 * cannot read, of another shape, or written by a newer version of the site (the store keeps and
 * reports those). Without JavaScript no attribute is set and both variants show. Which variant applies
 * is decided by `chooseVariant` itself, its source text inlined here, with the rule and names the
 * browser code uses, so the head script and the page cannot disagree.
 */
export const variantHeadScript = `(function(){
var a=${JSON.stringify(VARIANT_ATTRIBUTE)},k=${JSON.stringify(STORAGE_KEY)},ver=${STORE_SCHEMA_VERSION},s=null;
try{s=JSON.parse(localStorage.getItem(k)||'null')}catch(e){s=undefined}
var c=(${chooseVariant.toString()})(location.search,s&&s.variant,${JSON.stringify(VARIANT_RULE)});
document.documentElement.setAttribute(a,c.variant);
var ours=s===null||(s&&typeof s==='object'&&typeof s.version==='number'&&s.version<=ver);
if(c.shared&&ours&&(!s||s.variant!==c.variant)){try{s=s||{version:ver};s.variant=c.variant;localStorage.setItem(k,JSON.stringify(s))}catch(e){}}
})();`;

/** The parts of the docs plugin's loaded content this plugin reads. */
interface LoadedDocs {
  loadedVersions: {
    contentPath: string;
    docs: {source: string; permalink: string; title: string; frontMatter: {sidebar_label?: string}}[];
  }[];
}

/**
 * The chunk name Docusaurus gives a route module in a production build (its route registry names each one
 * `simpleHash(modulePath, 8)`), so that importing the doc by id lands in its route's chunk instead of a copy of it.
 * tests/e2e/bundle-budgets.spec.ts fails if a plan's text is ever in two chunks. In development names are longer, and
 * a second copy costs nothing that matters.
 */
function pageChunkComment(modulePath: string): string {
  return process.env.NODE_ENV === 'production' ? `/* webpackChunkName: ${JSON.stringify(simpleHash(modulePath, 8))} */ ` : '';
}

/**
 * The site's plan plugin: the head script for the plan choice, a compact summary of
 * every plan (days, item ids, planned minutes, weekly goals) as one module for the pages
 * that list plans (roadmap, home, Today, notes, review, topic indexes), and one module per
 * plan with its page model. Nothing goes into global data, which every page would load: a
 * page's cost does not grow with the number of plans. The modules are computed after the
 * docs plugin loads, so they re-run whenever a plan file changes in development, without a
 * watcher of its own racing the docs plugin's.
 */
export default function planDataPlugin(context: LoadContext): Plugin {
  return {
    name: PLAN_DATA_PLUGIN,
    injectHtmlTags() {
      return {headTags: [{tagName: 'script', innerHTML: variantHeadScript}]};
    },
    async allContentLoaded({allContent, actions}) {
      const docs = (allContent['docusaurus-plugin-content-docs'] as Record<string, LoadedDocs> | undefined)?.default;
      const version = docs?.loadedVersions[0];
      if (!version) throw new Error('plan-data: the docs plugin loaded no versions; the plan summary needs the classic docs plugin.');
      const files = await Promise.all(
        version.docs.map(async (doc) => {
          const file = path.resolve(context.siteDir, doc.source.replace(/^@site\//, ''));
          const docPath = toDocPath(path.relative(version.contentPath, file));
          return {doc, docPath, displayPath: displayPathOf(context.siteDir, file), bytes: await readFile(file)};
        }),
      );
      const check = checkContent(files, new FactsCache(defaultCacheFile(context.siteDir)));
      if (check.lines.length > 0) {
        const summary = `Plans: ${check.errors} ${check.errors === 1 ? 'error' : 'errors'}, ${check.warnings} ${check.warnings === 1 ? 'warning' : 'warnings'}`;
        console.warn(`\n${summary}\n${check.lines.join('\n')}\n`);
      }
      // While writing, problems are shown and the site keeps serving; a build with errors must not ship.
      if (check.errors > 0 && process.env.NODE_ENV === 'production') {
        // Docusaurus would wrap a thrown error in its own with a stack trace; the lines above already say what to fix.
        console.error(contentFailure(check));
        process.exit(1);
      }
      const sources = files.flatMap(({doc, docPath}): PlanSource[] => {
        const source = check.sources.get(docPath);
        if (source === undefined) return [];
        return [
          {
            planId: planIdOf(docPath),
            permalink: doc.permalink,
            title: doc.title,
            ...(doc.frontMatter.sidebar_label ? {sidebarLabel: doc.frontMatter.sidebar_label} : {}),
            source,
            // The check parsed the file already unless its facts were cached: the model is not parsed again.
            ...(check.plans.has(docPath) ? {plan: check.plans.get(docPath)!} : {}),
          },
        ];
      });
      const {data, pages} = buildPlanDataAndPages(sources);
      const docModules = new Map(files.map(({doc, docPath}) => [planIdOf(docPath), doc.source]));
      await actions.createData(PLAN_SUMMARIES_FILE, JSON.stringify(data));
      // Each plan's page model once, as its own module: the plan's page imports it and exports it again (the remark
      // plugin adds both). /today and the timer panel load a plan by id through the loader map, only when they need
      // it, from the page's own chunk. A model of its own, loaded by id, was a chunk per plan: about a fifth of a
      // 192-plan build's peak memory, and a second request on every plan page.
      const loaders: string[] = [];
      for (const [planId, page] of pages) {
        await actions.createData(planModuleFile(planId), JSON.stringify(page));
        const pageModule = docModules.get(planId)!;
        loaders.push(
          `  ${JSON.stringify(planId)}: () => import(${pageChunkComment(pageModule)}${JSON.stringify(pageModule)}).then((page) => ({default: page.${PAGE_MODEL_EXPORT}})),`,
        );
      }
      // Every plan's items as fingerprint keys, for the browser to find where a moved plan's records belong.
      const fingerprints = Object.fromEntries(
        [...pages].map(([planId, page]) => [planId, planIdentities(page).map((item) => fingerprintKey(item.fingerprint))]),
      );
      await actions.createData(PLAN_FINGERPRINTS_FILE, JSON.stringify(fingerprints));
      // The summaries and fingerprints too, for code that needs them only on an action (importing a progress file) or
      // in a rare case (records of a plan that moved).
      const summaries = [
        `export const loadPlanSummaries = () => import(${JSON.stringify(`./${PLAN_SUMMARIES_FILE}`)});`,
        `export const loadPlanFingerprints = () => import(${JSON.stringify(`./${PLAN_FINGERPRINTS_FILE}`)});`,
      ].join('\n');
      await actions.createData(PLAN_IDS_FILE, JSON.stringify([...pages.keys()]));
      await actions.createData(PLAN_LOADERS_FILE, `${summaries}\nexport default {\n${loaders.join('\n')}\n};\n`);
    },
  };
}
