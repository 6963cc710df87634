import {spawn} from 'node:child_process';
import {createHash} from 'node:crypto';
import {readFile} from 'node:fs/promises';
import {setPriority} from 'node:os';
import path from 'node:path';
import type {LoadContext, Plugin} from '@docusaurus/types';
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
  planModuleFile,
} from '../plan-model/ids';
import {docLocation, isPlanLocation, planIdOf, toDocPath} from '../plan-model/location';
import {FactsCache, defaultCacheFile} from '../plan-validator/cache';
import {contentFailure, displayPathOf} from './contentCheck';
import {markdownFilesUnder, planModules, type PlanDoc, type PlanModules} from './modules';
import {PLAN_DATA_PLUGIN} from './summary';

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

/** For tests: a build's defaults fit a build. */
export interface PlanDataOptions {
  /** How long a production build waits for the plan check's own process before checking in the main process. */
  checkPatienceMs?: number;
  /** The nice value of the plan check's own process (19, the lowest priority, by default). */
  checkNice?: number;
}

/** The parts of the docs plugin's loaded content this plugin reads. */
interface LoadedDocs {
  loadedVersions: {
    contentPath: string;
    docs: {source: string; permalink: string; title: string; frontMatter: {sidebar_label?: string}}[];
  }[];
}

/**
 * Where the loader (`deferredModuleLoader.cjs`, which the bundler loads on its own) finds the text of each module this
 * plugin writes, by the module's file path, once the plan check has made it. A symbol on the global object, because
 * the bundler loads the loader outside the module graph this file is part of.
 */
const PENDING_MODULES = Symbol.for('go-study-plans.plan-data.pending-modules');
type PendingModules = Map<string, Promise<string>>;

function pendingModules(): PendingModules {
  const holder = globalThis as {[PENDING_MODULES]?: PendingModules};
  holder[PENDING_MODULES] ??= new Map();
  return holder[PENDING_MODULES];
}

/**
 * The site's plan plugin: the head script for the plan choice, a compact summary of
 * every plan (days, item ids, planned minutes, weekly goals) as one module for the pages
 * that list plans (roadmap, home, Today, notes, review, topic indexes), and one module per
 * plan with its page model. Nothing goes into global data, which every page would load: a
 * page's cost does not grow with the number of plans. The modules are computed after the
 * docs plugin loads, so they re-run whenever a plan file changes in development, without a
 * watcher of its own racing the docs plugin's.
 *
 * The bundler does not wait for the plan check. Parsing every doc was most of the time a large site took to load
 * (about 25 ms a doc on the main thread, while the second core mostly waited). In a production build of a site of
 * some size, a process of its own parses the docs from the moment the site starts to load and makes the modules
 * beside the bundler (`planModulesAside`). This plugin writes each module as a stand-in naming what it is made from;
 * a loader (`deferredModuleLoader.cjs`) hands the bundler each module's text once the check has made it; the bundler
 * cannot finish before the check, and a build whose plans have errors stops there. In development the check runs here,
 * before the stand-ins are written, as a dev server reloads often and its sites are small.
 */
export default function planDataPlugin(context: LoadContext, options?: unknown): Plugin {
  const production = process.env.NODE_ENV === 'production';
  const cacheFile = defaultCacheFile(context.siteDir);
  const docsInFolder = markdownFilesUnder(path.join(context.siteDir, 'docs')).length;
  // About twelve times what the check takes in the main process (at 192 plans the process answers 16–22 s after it is
  // asked, 100 ms a doc, on the CPU the build leaves it): a process slower than that is not being run.
  const {checkPatienceMs = Math.max(10_000, docsInFolder * 300), checkNice = 19} = (options ?? {}) as PlanDataOptions;
  const aside = production && docsInFolder >= DOCS_WORTH_A_PROCESS ? planModulesAside(context.siteDir, cacheFile, checkPatienceMs, checkNice) : null;
  let dataDir: string | null = null;
  return {
    name: PLAN_DATA_PLUGIN,
    injectHtmlTags() {
      return {headTags: [{tagName: 'script', innerHTML: variantHeadScript}]};
    },
    async allContentLoaded({allContent, actions}) {
      const docs = (allContent['docusaurus-plugin-content-docs'] as Record<string, LoadedDocs> | undefined)?.default;
      const version = docs?.loadedVersions[0];
      if (!version) throw new Error('plan-data: the docs plugin loaded no versions; the plan summary needs the classic docs plugin.');
      const planDocs = await Promise.all(
        version.docs.map(async (doc): Promise<PlanDoc> => {
          const file = path.resolve(context.siteDir, doc.source.replace(/^@site\//, ''));
          return {
            docPath: toDocPath(path.relative(version.contentPath, file)),
            displayPath: displayPathOf(context.siteDir, file),
            bytes: await readFile(file),
            permalink: doc.permalink,
            title: doc.title,
            ...(doc.frontMatter.sidebar_label ? {sidebarLabel: doc.frontMatter.sidebar_label} : {}),
            docModule: doc.source,
          };
        }),
      );
      const here = () => planModules(planDocs, new FactsCache(cacheFile), production);
      const made = aside
        ? aside.make(planDocs).catch((error: unknown) => {
            console.warn(`[plan-data] The plan check's own process failed (${String(error)}); checking the plans in the main thread instead.`);
            return here();
          })
        : Promise.resolve(here());
      const reported = made.then(report);
      // Every module the check may make: the shared ones, and a page model for each doc where a plan can be (one that
      // turns out not to be a plan gets `null`, and no page imports it).
      const everyDoc = digest(planDocs.flatMap((doc) => [doc.docPath, doc.permalink, doc.title, doc.sidebarLabel ?? '', doc.bytes]));
      const names = new Map<string, string>([PLAN_SUMMARIES_FILE, PLAN_FINGERPRINTS_FILE, PLAN_IDS_FILE, PLAN_LOADERS_FILE].map((name) => [name, everyDoc]));
      for (const doc of planDocs) {
        if (isPlanLocation(docLocation(planIdOf(doc.docPath)))) names.set(planModuleFile(planIdOf(doc.docPath)), digest([doc.docPath, doc.bytes]));
      }
      const pending = pendingModules();
      dataDir = path.join(context.generatedFilesDir, PLAN_DATA_PLUGIN, 'default');
      for (const [name, inputs] of names) {
        const text = reported.then(({modules}) => modules.get(name) ?? 'null');
        // A failure reaches the bundler through the loader, which asks for every module; not as an unhandled rejection.
        text.catch(() => {});
        // Set before the stand-in is written: the stand-in's change is what makes a running dev server ask again.
        pending.set(path.join(dataDir, name), text);
        // What the module is made from, so the bundler's caches and a dev server see a change whenever its text would.
        // Never bundled as it is; if it were (the loader not applied), the page that loads it fails loudly.
        await actions.createData(
          name,
          name.endsWith('.json')
            ? JSON.stringify({madeFrom: inputs})
            : `// made from ${inputs}\nthrow new Error('plan-data: a stand-in module was bundled');\n`,
        );
      }
      // A dev server prints the problems before it compiles, and keeps serving (a build with errors stops in report).
      if (!production) await reported;
    },
    configureWebpack() {
      if (!dataDir) return {};
      return {
        module: {
          rules: [{include: dataDir, enforce: 'pre' as const, use: [{loader: path.join(__dirname, 'deferredModuleLoader.cjs')}]}],
        },
      };
    },
  };
}

/** Prints the plan check's problems; a production build with errors stops here, before anything ships. */
function report(made: PlanModules): PlanModules {
  if (made.lines.length > 0) {
    const summary = `Plans: ${made.errors} ${made.errors === 1 ? 'error' : 'errors'}, ${made.warnings} ${made.warnings === 1 ? 'warning' : 'warnings'}`;
    console.warn(`\n${summary}\n${made.lines.join('\n')}\n`);
  }
  if (made.errors > 0 && process.env.NODE_ENV === 'production') {
    // Docusaurus would wrap a thrown error in its own with a stack trace; the lines above already say what to fix.
    console.error(contentFailure(made));
    process.exit(1);
  }
  return made;
}

/** A short hash of what a module is made from. */
function digest(parts: readonly (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex').slice(0, 16);
}

/**
 * From how many docs the check pays for a process of its own: starting one (Node, then the plugin's modules) costs
 * about half a second of CPU, what the check of some twenty docs takes; on a busy machine a few docs are checked sooner
 * in the main process.
 */
const DOCS_WORTH_A_PROCESS = 40;

/**
 * `planModules` in a process of its own, started as the site starts to load, at the lowest priority. It parses every
 * doc while Docusaurus loads its plugins and docs on the main thread (the second core is otherwise idle then), and
 * finishes beside the bundler on the CPU the build leaves idle. At the usual priority it cost the build more CPU time
 * than it saved (the bundler's threads and it took turns on the cores). On a machine busy with other work it could get
 * no CPU at all, with the bundler waiting for it: so if it has not answered within `patienceMs` of being asked, it is
 * stopped and the caller checks the docs itself. It loads this folder's TypeScript as Docusaurus loaded this plugin
 * (with jiti, whose cache holds it by then). A process that failed is not trusted either.
 */
function planModulesAside(siteDir: string, cacheFile: string, patienceMs: number, nice: number): {make(docs: readonly PlanDoc[]): Promise<PlanModules>} {
  const load = (file: string) => `load(${JSON.stringify(path.join(__dirname, file))})`;
  const script = [
    `const load = require(${JSON.stringify(require.resolve('jiti'))})(${JSON.stringify(__filename)}, {cache: true});`,
    `const {planModules, parseDocsAhead} = ${load('modules.ts')};`,
    `const cache = new (${load('../plan-validator/cache.ts')}.FactsCache)(${JSON.stringify(cacheFile)});`,
    // Registered first; the message waits until the docs are parsed.
    `process.once('message', (docs) => process.send(planModules(docs, cache, true), () => process.disconnect()));`,
    `parseDocsAhead(${JSON.stringify(path.join(siteDir, 'docs'))}, cache);`,
  ].join('\n');
  const child = spawn(process.execPath, ['-e', script], {stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: 'advanced'});
  try {
    setPriority(child.pid!, nice);
  } catch {
    // At the usual priority it still works, at some cost in CPU time.
  }
  const made = new Promise<PlanModules>((resolve, reject) => {
    child.once('message', (modules: PlanModules) => resolve(modules));
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the process stopped (${code})`)));
  });
  made.catch(() => {});
  let asked = false;
  return {
    make(docs) {
      // One build loads its docs once; were it asked again, the process has already answered and gone.
      if (asked) return Promise.reject(new Error('it was asked before'));
      asked = true;
      child.send(docs);
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          child.kill();
          reject(new Error(`no answer within ${Math.round(patienceMs / 1000)} s`));
        }, patienceMs);
      });
      return Promise.race([made, late]).finally(() => clearTimeout(timer));
    },
  };
}
