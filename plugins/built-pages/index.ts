import {readFileSync} from 'node:fs';
import {readdir} from 'node:fs/promises';
import {setImmediate as nextTurn} from 'node:timers/promises';
import path from 'node:path';
import type {LoadContext, Plugin} from '@docusaurus/types';
import {addPolicy} from '../content-security-policy';
import {gistApiUrlFrom} from '../content-security-policy/gistApiUrl';
import {builtPageRoute, captureMinifierErrors, htmlFailure, htmlProblemLines, minifierProblemLines, routeSources} from '../html-check';
import {textDownloadSize} from '../offline-guide';

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, {recursive: true, withFileTypes: true});
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith('.html')).map((entry) => path.join(entry.parentPath, entry.name));
}

/** The pass of the build running in this process, once it has started; none outside a production build. */
let pagesWritten: Promise<ReadonlyMap<string, number>> = Promise.resolve(new Map());

/**
 * Settles once every built page has its final text (checked, its policy written in), with each page's download size
 * by file (gzip, as served; empty if the pass failed or did not run). Docusaurus starts every plugin's postBuild at
 * once; a step that reads the pages as they will be served (the offline guide's sizes) waits for this, and need not
 * compress them again.
 */
export function whenPagesWritten(): Promise<ReadonlyMap<string, number>> {
  return pagesWritten.catch(() => new Map<string, number>());
}

/**
 * The production build's pass over the pages it wrote.
 *
 * - The HTML check fails the build when a page's server HTML does not parse to the tree React rendered: readers
 *   without JavaScript would get the restructured page, everyone else a client re-render (React error #418). The
 *   minifier only notes such pages (plugins/html-check), and the build would ship them. `npm start` shows the same
 *   problem in the plan's problems box (plugins/remark-plan/structure.ts).
 * - The Content-Security-Policy goes into every page (plugins/content-security-policy).
 *
 * SWC's HTML minifier (Docusaurus Faster's) parses every page by the HTML standard's rules and reports each place the
 * tree differs from the markup; the page it writes is its tree written out again, which parses as written. Its reports
 * are then the check, and the pages are only tokenized here, for their scripts: at 192 plans a parse by the standard's
 * rules (parse5) took about five times as long as that, and one with source positions (as the check needs) about eight
 * times. Pages the minifier did not read (another minifier, or SKIP_HTML_MINIFICATION) are parsed and checked here.
 * Docusaurus prints the minifier's findings as a warning, which DOCUSAURUS_IGNORE_SSG_WARNINGS=true silences: that
 * turns the check off too.
 */
export default function builtPagesPlugin(context: LoadContext): Plugin {
  const minifier = captureMinifierErrors();
  const apiOrigin = new URL(gistApiUrlFrom(process.env)).origin;
  const checkedByMinifier = process.env.SKIP_HTML_MINIFICATION !== 'true' && context.siteConfig?.future.faster.swcHtmlMinimizer === true;
  return {
    name: 'built-pages',
    async postBuild(props) {
      pagesWritten = writePages(props);
      await pagesWritten;
    },
  };

  async function writePages({outDir, routes}: Parameters<NonNullable<Plugin['postBuild']>>[0]): Promise<ReadonlyMap<string, number>> {
    const minified = minifier.stop();
    const sources = routeSources(routes);
    const lines = minifierProblemLines(minified, sources);
    let failed = minified.size;
    const downloadSizes = new Map<string, number>();
    for (const file of await htmlFiles(outDir)) {
      // Read and written at once rather than on Node's thread pool: the other postBuild steps fill its four threads with
      // reads of every file (Pagefind's, the PWA plugin's hashing), and each page's three requests waited behind them
      // (at 192 plans the pass took 3 s, of which 0.7 s its own work). Between pages the other steps' callbacks run.
      await nextTurn();
      const html = readFileSync(file, 'utf8');
      const route = builtPageRoute(context.baseUrl, path.relative(outDir, file).split(path.sep).join('/'));
      // A page the minifier found misnested was written out as the tree it parsed: its diagnostics are listed above.
      if (!checkedByMinifier && !minified.has(route)) {
        const source = sources.get(route);
        const page = {file: path.relative(context.siteDir, file).split(path.sep).join('/'), route, ...(source ? {source} : {}), html};
        const checked = htmlProblemLines([page]);
        failed += checked.pages;
        lines.push(...checked.lines);
      }
      // Compressed here, where the page's final text is at hand: the offline guide's list would otherwise read and
      // compress every page again once this pass is over (at 192 plans, 0.4 s after it).
      downloadSizes.set(file, textDownloadSize(addPolicy(outDir, file, html, apiOrigin)));
    }
    if (failed === 0) return downloadSizes;
    // Docusaurus would wrap a thrown error in its own with a stack trace; the lines say what to fix.
    console.error(`\n${lines.join('\n')}\n\n${htmlFailure(failed)}`);
    process.exit(1);
  }
}
