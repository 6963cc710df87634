/**
 * What the search index is told about one built page. Pure string work on the minified HTML Docusaurus writes
 * (attribute quotes may be dropped), so the same rules are unit-tested without a build.
 */

/** A built doc page, ready for the indexer: the address readers open and the HTML with its result title marked. */
export interface IndexedPage {
  url: string;
  content: string;
}

/** Doc pages carry this class on their Markdown container; the home page, Today, notes and review are not content to search. */
const DOC_CONTENT = /\btheme-doc-markdown\b/;
const BREADCRUMBS = /<nav\b[^>]*\btheme-doc-breadcrumbs\b[^>]*>([\s\S]*?)<\/nav>/;
const CRUMB = /class="?breadcrumbs__link\b[^>]*>([\s\S]*?)<\/(?:a|span)>\s*(?:<\/span>)?/g;
const HEADING_1 = /<h1\b[^>]*>([\s\S]*?)<\/h1>/;
const ARTICLE_OPEN = /<article\b[^>]*>/;

const textOf = (html: string): string =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();

const escapeText = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A result's title: the page's place in the guide, then its heading ("16-Week Guide › Week 11 › Go Track"), so a hit
 * in one week's Go Track is told apart from another's. The last crumb is the page itself, named by its h1 instead.
 */
export function resultTitle(html: string): string {
  const heading = textOf(HEADING_1.exec(html)?.[1] ?? '');
  const crumbs = [...(BREADCRUMBS.exec(html)?.[1] ?? '').matchAll(CRUMB)].map((match) => textOf(match[1]!)).filter(Boolean);
  return [...crumbs.slice(0, -1), heading].filter(Boolean).join(' › ');
}

/** The clean address of a built file (`weeks/week-11/go.html` → `/weeks/week-11/go`), as the site links it. */
export function routeOf(relativeFile: string): string {
  const route = `/${relativeFile.split(/[\\/]/).join('/')}`.replace(/\.html$/, '').replace(/\/index$/, '/');
  return route === '' ? '/' : route;
}

/**
 * The page as the indexer should read it, or null for a page that is not a doc. The title goes in an element the
 * indexer reads as the result's title but does not index as words (a meta value written in an attribute would be cut
 * at its first comma).
 */
export function pageForIndex(relativeFile: string, html: string): IndexedPage | null {
  if (!DOC_CONTENT.test(html) || !ARTICLE_OPEN.test(html)) return null;
  const title = `<span hidden data-pagefind-ignore data-pagefind-meta="title">${escapeText(resultTitle(html))}</span>`;
  return {url: routeOf(relativeFile), content: html.replace(ARTICLE_OPEN, (open) => `${open}${title}`)};
}
