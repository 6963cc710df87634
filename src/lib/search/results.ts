/**
 * Search results as the search box and the search page show them, from what Pagefind returns for a page. Pure, so
 * the rules (where a result lands, what it is called, which words are marked) are unit-tested without an index.
 */

/** The part of Pagefind's data for one page that results are made from. */
export interface PageData {
  url: string;
  meta: {title?: string};
  excerpt: string;
  sub_results?: {title: string; url: string; excerpt: string}[];
}

/** One place a search lands on: a heading of a page (a day, or its 4h/6h plan) or the page's top. */
export interface SearchHit {
  /** Unique among one search's hits, for list keys and option ids. */
  key: string;
  /** The page's place in the guide and its heading: "16-Week Guide › Week 11 › Go Track". */
  page: string;
  /** The heading the words are under, when not the page's own title. */
  heading: string | null;
  /** Where to go: the page's clean address, the search's words for highlighting, the heading's anchor. */
  href: string;
  excerpt: ExcerptPart[];
}

/** A run of an excerpt's text, marked when it is one of the searched words. */
export interface ExcerptPart {
  text: string;
  marked: boolean;
}

/** The query parameter that carries a search's words to the page a result opens, where they are marked. */
export const HIGHLIGHT_PARAM = 'highlight';

const ENTITIES: Record<string, string> = {amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'", nbsp: ' '};
const decode = (text: string): string => text.replace(/&(amp|lt|gt|quot|#39|#x27|nbsp);/g, (_, name: string) => ENTITIES[name]!);

/** Pagefind's excerpt (escaped text with `<mark>` around matches) as text runs, never as HTML to inject. */
export function excerptParts(excerpt: string): ExcerptPart[] {
  return excerpt
    .split(/(<mark>[\s\S]*?<\/mark>)/)
    .filter(Boolean)
    .map((part) => (part.startsWith('<mark>') ? {text: decode(part.slice(6, -7)), marked: true} : {text: decode(part.replace(/<[^>]+>/g, '')), marked: false}));
}

/** Words of a query worth marking on the page a result opens. */
export function queryTerms(query: string): string[] {
  return query
    .split(/\s+/)
    .map((word) => word.trim())
    .filter((word) => word.length > 1);
}

/** A result address with the words to highlight between the path and the anchor: `/weeks/week-11/go?highlight=presigned#day-3`. */
export function withHighlight(url: string, terms: readonly string[]): string {
  const hashAt = url.indexOf('#');
  const [path, hash] = hashAt === -1 ? [url, ''] : [url.slice(0, hashAt), url.slice(hashAt)];
  // Pagefind's addresses of pages written as `go.html` keep the suffix; the site links them without it.
  const cleanPath = path.replace(/\.html$/, '');
  if (terms.length === 0) return `${cleanPath}${hash}`;
  const params = new URLSearchParams({[HIGHLIGHT_PARAM]: terms.join(' ')});
  return `${cleanPath}?${params.toString()}${hash}`;
}

/**
 * The hits of one page: one per heading the words were found under, at most `perPage`, in the page's order; a page
 * whose hits are all above its first heading is one hit at its top.
 */
export function pageHits(data: PageData, terms: readonly string[], perPage: number): SearchHit[] {
  const page = data.meta.title?.trim() || data.url;
  const sections = (data.sub_results ?? []).filter((sub) => sub.url.includes('#'));
  if (sections.length === 0) {
    return [{key: data.url, page, heading: null, href: withHighlight(data.url, terms), excerpt: excerptParts(data.excerpt)}];
  }
  return sections.slice(0, perPage).map((sub) => ({
    key: sub.url,
    page,
    heading: sub.title.trim() || null,
    href: withHighlight(sub.url, terms),
    excerpt: excerptParts(sub.excerpt),
  }));
}
