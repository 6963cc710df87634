import {existsSync} from 'node:fs';
import {readdir, readFile} from 'node:fs/promises';
import path from 'node:path';
import type {Plugin} from '@docusaurus/types';
import {whenPagesWritten} from '../built-pages';
import {writeOfflineGuideList} from '../offline-guide';
import {pageForIndex} from './page';

/** Where the index and its loader are written in the build, and where the search box fetches them from. */
export const SEARCH_INDEX_FOLDER = 'pagefind';

/**
 * What is not a plan's or a page's words: controls (timers, toggles, calendar buttons; what never prints is not indexed
 * either), the breadcrumbs and table of contents that repeat other pages' titles, heading link symbols.
 */
// An excluded element is skipped up to its end tag, and a void element (a tick box's <input>) has none: Pagefind would
// then skip the rest of its parent, the item's words included. Inputs carry no words, so they are left out here.
const NOT_CONTENT = [
  '[data-print="hide"]:not(input)',
  '[data-search="ignore"]',
  '.theme-doc-breadcrumbs',
  '.theme-doc-toc-mobile',
  '.theme-doc-footer',
  '.hash-link',
];

async function htmlFiles(folder: string, relative = ''): Promise<string[]> {
  const entries = await readdir(path.join(folder, relative), {withFileTypes: true});
  const nested = await Promise.all(
    entries.map((entry) => {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) return child === SEARCH_INDEX_FOLDER || child === 'assets' ? [] : htmlFiles(folder, child);
      return entry.name.endsWith('.html') && entry.name !== '404.html' ? [child] : [];
    }),
  );
  return nested.flat();
}

/**
 * Pagefind's Node API, which is published for `import` only, while the loader that reads this site's TypeScript config
 * turns `import()` into `require()`: the module is imported by its file. Loaded in postBuild, so that
 * `docusaurus start` (which never runs it) does not start the indexer's binary.
 */
async function loadPagefind(): Promise<typeof import('pagefind')> {
  const entry = (require.resolve.paths('pagefind') ?? []).map((folder) => path.join(folder, 'pagefind', 'lib', 'index.js')).find((file) => existsSync(file));
  if (!entry) throw new Error('The search indexer (npm package "pagefind") is not installed: run `npm ci`.');
  return (await import(entry)) as typeof import('pagefind');
}

/**
 * Full-text search whose cost per query stays flat as the guide grows: Pagefind splits the index into fragments by
 * word and page, so a query fetches only the fragments of its words and the results it shows (see
 * src/theme/SearchBar). Runs after the build on the pages it wrote; results link to the heading a hit is under (a day,
 * or its 4h/6h plan), since Pagefind keys sub-results by the ids of headings.
 */
export default function searchIndexPlugin(): Plugin {
  return {
    name: 'search-index',
    async postBuild({outDir}) {
      const pagefind = await loadPagefind();
      const {index, errors} = await pagefind.createIndex({rootSelector: 'article', excludeSelectors: NOT_CONTENT, forceLanguage: 'en'});
      if (!index) throw new Error(`The search index could not be started: ${errors.join('; ')}`);
      try {
        // Every page handed over at once, in the same order every build (the index lists pages in the order they
        // came): the indexer works on one while this process sends the rest, instead of one request after another.
        const files = await htmlFiles(outDir);
        const texts = await Promise.all(files.map((file) => readFile(path.join(outDir, file), 'utf8')));
        const added = await Promise.all(
          files.map((file, at) => {
            const page = pageForIndex(file, texts[at]!);
            return page ? index.addHTMLFile(page).then((result) => result.errors.map((error) => `${file}: ${error}`)) : null;
          }),
        );
        const problems = added.flatMap((errors) => errors ?? []);
        const pages = added.filter((errors) => errors !== null).length;
        const written = await index.writeFiles({outputPath: path.join(outDir, SEARCH_INDEX_FOLDER)});
        problems.push(...written.errors);
        if (problems.length > 0) throw new Error(`The search index of ${pages} pages was not written:\n${problems.join('\n')}`);
      } finally {
        await pagefind.close();
      }
      // Its sizes are of the pages as served: after the build's pass has written their policies in (and measured them).
      await writeOfflineGuideList(outDir, await whenPagesWritten());
    },
  };
}
