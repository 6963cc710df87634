import {onDemand, type OnDemand} from '@site/src/lib/onDemand';
import {pageHits, queryTerms, type PageData, type SearchHit} from './results';

export {HIGHLIGHT_PARAM, queryTerms, type ExcerptPart, type SearchHit} from './results';

/** The part of Pagefind's browser API the site uses (its `pagefind.js`, written by plugins/search-index). */
interface Pagefind {
  options(options: {excerptLength?: number}): Promise<void>;
  search(query: string): Promise<{results: {data(): Promise<PageData>}[]} | null>;
}

/** One search's answer: the hits to show and how many pages matched in all. */
export interface SearchAnswer {
  hits: SearchHit[];
  pages: number;
}

const loaders = new Map<string, OnDemand<Pagefind>>();

/**
 * Pagefind's loader from the build, fetched on first use. It is a file of the built site, not a module of the bundle,
 * hence the import the bundler leaves alone; `null` when it could not be loaded (offline before it was cached).
 */
function pagefindAt(url: string): OnDemand<Pagefind> {
  let loader = loaders.get(url);
  if (!loader) {
    loader = onDemand(async () => {
      const module = (await import(/* webpackIgnore: true */ url)) as Pagefind;
      await module.options({excerptLength: 24});
      return module;
    });
    loaders.set(url, loader);
  }
  return loader;
}

/** Starts fetching the search's loader, so the first query answers sooner (a pointer over the box, its focus). */
export function prepareSearch(indexUrl: string): void {
  void pagefindAt(indexUrl).load();
}

/**
 * The hits for a query: the best `pages` pages, each with at most `perPage` headings. Each page shown costs one small
 * fragment download, so the count shown is the cost of a query, whatever the size of the guide.
 */
export function searchGuide(indexUrl: string, query: string, shown: {pages: number; perPage: number}): Promise<SearchAnswer | null> {
  // One search at a time: Pagefind keeps a search's state between its steps, and two at once can mix their hits.
  const answer = searching.then(() => runSearch(indexUrl, query, shown));
  searching = answer.catch(() => null);
  return answer;
}

let searching: Promise<unknown> = Promise.resolve();

async function runSearch(indexUrl: string, query: string, {pages, perPage}: {pages: number; perPage: number}): Promise<SearchAnswer | null> {
  const pagefind = await pagefindAt(indexUrl).load();
  if (!pagefind) return null;
  const found = await pagefind.search(query);
  if (!found) return null;
  const terms = queryTerms(query);
  const data = await Promise.all(found.results.slice(0, pages).map((result) => result.data()));
  return {hits: data.flatMap((page) => pageHits(page, terms, perPage)), pages: found.results.length};
}
