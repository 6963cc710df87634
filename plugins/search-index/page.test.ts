import {describe, expect, it} from 'vitest';
import {pageForIndex, resultTitle, routeOf} from './page';

/** A doc page as the minifier writes it: unquoted attributes, the last crumb being the page itself. */
const WEEK_PAGE = `<html><body><nav aria-label=Main class=navbar>Roadmap</nav><main><article><nav class="theme-doc-breadcrumbs breadcrumbsContainer_Z" aria-label=Breadcrumbs><ul class=breadcrumbs><li class=breadcrumbs__item><a aria-label="Home page" class=breadcrumbs__link href=/><svg></svg></a><li class=breadcrumbs__item><span class=breadcrumbs__link>16-Week Guide</span><li class=breadcrumbs__item><a class=breadcrumbs__link href=/weeks/week-11><span>Week 11</span></a><li class="breadcrumbs__item breadcrumbs__item--active"><span class=breadcrumbs__link>Go</span></ul></nav><div class="theme-doc-markdown markdown"><header><h1>Go Track &amp; more</h1></header><h2 id=day-3>Day 3</h2></div></article></main></body></html>`;

describe('what the search index is told about a built page', () => {
  it('titles a result with its place in the guide and its heading', () => {
    expect(resultTitle(WEEK_PAGE)).toBe('16-Week Guide › Week 11 › Go Track & more');
  });

  it('gives results the clean address the site links, not the file name', () => {
    expect(routeOf('weeks/week-11/go.html')).toBe('/weeks/week-11/go');
    expect(routeOf('weeks/week-11/index.html')).toBe('/weeks/week-11/');
    expect(routeOf('index.html')).toBe('/');
  });

  it('indexes doc pages with their title as metadata inside the indexed article', () => {
    const page = pageForIndex('weeks/week-11/go.html', WEEK_PAGE);
    expect(page?.url).toBe('/weeks/week-11/go');
    expect(page?.content).toContain(
      '<article><span hidden data-pagefind-ignore data-pagefind-meta="title">16-Week Guide › Week 11 › Go Track &amp; more</span>',
    );
  });

  it('leaves pages that are not docs (home, Today, notes) out of the index', () => {
    expect(pageForIndex('today.html', '<html><body><main><h1>Today</h1></main></body></html>')).toBeNull();
  });
});
