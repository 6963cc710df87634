import {useEffect, useState, type FormEvent, type ReactNode} from 'react';
import Link from '@docusaurus/Link';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';
import {useHistory, useLocation} from '@docusaurus/router';
import useBaseUrl from '@docusaurus/useBaseUrl';
import {searchGuide, type SearchHit} from '@site/src/lib/search';
import SearchExcerpt from '@site/src/theme/SearchBar/SearchExcerpt';
import styles from './search.module.css';

/** More than the box shows: every heading a page's words are under, for the best pages. */
const SHOWN = {pages: 20, perPage: 5};

type Answer = {query: string; hits: SearchHit[]; pages: number} | 'unavailable' | null;

/** Hits grouped by page, in the order the search ranked the pages. */
function byPage(hits: readonly SearchHit[]): [string, SearchHit[]][] {
  const groups = new Map<string, SearchHit[]>();
  for (const hit of hits) groups.set(hit.page, [...(groups.get(hit.page) ?? []), hit]);
  return [...groups];
}

/** The search results page (`/search?q=…`): every page the words are in, each with the headings they are under. */
export default function SearchPage(): ReactNode {
  const {search} = useLocation();
  const history = useHistory();
  const indexUrl = useBaseUrl('/pagefind/pagefind.js');
  // Read after hydration: the server wrote the page without a query, and the first render must match it.
  const [query, setQuery] = useState('');
  const [text, setText] = useState('');
  const [answer, setAnswer] = useState<Answer>(null);

  useEffect(() => {
    const asked = new URLSearchParams(search).get('q')?.trim() ?? '';
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the address changed (first render, back, forward, a new query)
    setQuery(asked);
    setText(asked);
  }, [search]);

  useEffect(() => {
    if (!query) return undefined;
    let current = true;
    void searchGuide(indexUrl, query, SHOWN).then((found) => {
      if (current) setAnswer(found ? {query, ...found} : 'unavailable');
    });
    return () => {
      current = false;
    };
  }, [indexUrl, query]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    history.push(`?${new URLSearchParams({q: text.trim()}).toString()}`);
  };

  return (
    <Layout title={query ? `Search: ${query}` : 'Search'} description="Search every plan and page of the guide.">
      <main className="container margin-vert--lg">
        <Heading as="h1">{query ? `Search results for “${query}”` : 'Search the guide'}</Heading>
        <form role="search" className={styles.form} onSubmit={submit}>
          <label htmlFor="search-page-query">Words to find</label>
          <input id="search-page-query" type="search" className={styles.input} value={text} onChange={(event) => setText(event.target.value)} />
          <button type="submit" className="button button--primary">
            Search
          </button>
        </form>
        <p role="status" className={styles.summary}>
          {answer === 'unavailable' && 'Search is not available offline until it has been used once online.'}
          {answer && answer !== 'unavailable' && answer.query === query && `${answer.pages} ${answer.pages === 1 ? 'page' : 'pages'} found.`}
        </p>
        {answer &&
          answer !== 'unavailable' &&
          byPage(answer.hits).map(([page, hits]) => (
            <article key={page} className={styles.result}>
              <Heading as="h2" className={styles.page}>
                {page}
              </Heading>
              <ul className={styles.hits}>
                {hits.map((hit) => (
                  <li key={hit.key}>
                    <Link to={hit.href}>{hit.heading ?? page}</Link>
                    <SearchExcerpt parts={hit.excerpt} className={styles.excerpt} />
                  </li>
                ))}
              </ul>
            </article>
          ))}
      </main>
    </Layout>
  );
}
