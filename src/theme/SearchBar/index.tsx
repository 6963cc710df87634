import {useEffect, useId, useRef, useState, type KeyboardEvent as ReactKeyboardEvent, type ReactNode} from 'react';
import clsx from 'clsx';
import {useHistory, useLocation} from '@docusaurus/router';
import useBaseUrl from '@docusaurus/useBaseUrl';
import useIsBrowser from '@docusaurus/useIsBrowser';
import {HIGHLIGHT_PARAM, prepareSearch, searchGuide, type SearchHit} from '@site/src/lib/search';
import {SECTION_HYDRATED_EVENT} from '@site/src/lib/search/marks';
import SearchExcerpt from './SearchExcerpt';
import styles from './styles.module.css';

/** Pages and headings per page a query shows in the box; each page shown is one small download. */
const SHOWN = {pages: 5, perPage: 2};

/** How long typing must pause before a search runs. */
const TYPING_PAUSE_MS = 150;

type Status = 'idle' | 'searching' | 'done' | 'unavailable';

const isMac = (): boolean => /Mac|iPhone|iPad/.test(navigator.platform);

/**
 * The navbar's search box: a combobox whose options are the headings the words are under (a day, or its 4h/6h plan).
 * Ctrl/⌘+K focuses it from anywhere; arrows move through the options, Enter opens one, Escape closes the list. The
 * index (see plugins/search-index) is fetched in pieces as queries need them, from this site only.
 */
export default function SearchBar(): ReactNode {
  const indexUrl = useBaseUrl('/pagefind/pagefind.js');
  const searchPage = useBaseUrl('/search');
  const history = useHistory();
  const isBrowser = useIsBrowser();
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [answer, setAnswer] = useState<{query: string; hits: SearchHit[]; unavailable: boolean} | null>(null);
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const words = query.trim();
  // Only the answer to what is in the box now: options from an earlier prefix would change under the reader's keys.
  const hits = words && answer?.query === words ? answer.hits : [];
  const status: Status = !words ? 'idle' : answer?.query !== words ? 'searching' : answer.unavailable ? 'unavailable' : 'done';

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== 'k' || !(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      event.preventDefault();
      input.current?.focus();
      input.current?.select();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  useEffect(() => {
    if (!words) return undefined;
    let current = true;
    const settle = (found: SearchHit[] | null) => {
      if (!current) return;
      setAnswer({query: words, hits: found ?? [], unavailable: found === null});
      setActive(0);
    };
    // One search once typing pauses: Pagefind answers searches started while another runs from shared state, so
    // a search per key press can show hits of an earlier prefix under the final words.
    const timer = window.setTimeout(() => {
      void searchGuide(indexUrl, words, SHOWN).then(
        (found) => settle(found?.hits ?? null),
        () => settle(null),
      );
    }, TYPING_PAUSE_MS);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [indexUrl, words]);

  const go = (href: string) => {
    setOpen(false);
    input.current?.blur();
    history.push(href);
  };
  const allResults = `${searchPage}?${new URLSearchParams({q: words}).toString()}`;
  const expanded = open && words !== '';

  const onKeyDown = (event: ReactKeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape') {
      if (expanded) event.preventDefault();
      setOpen(false);
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      if (hits.length > 0) setActive((index) => (index + (event.key === 'ArrowDown' ? 1 : hits.length - 1)) % hits.length);
    } else if (event.key === 'Enter' && expanded) {
      event.preventDefault();
      const hit = hits[active];
      go(hit ? hit.href : allResults);
    }
  };

  const optionId = (index: number) => `${listId}-option-${index}`;
  return (
    <div className={clsx('navbar__search', styles.searchBox)} onMouseEnter={() => prepareSearch(indexUrl)}>
      <input
        ref={input}
        type="search"
        role="combobox"
        aria-label="Search"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && hits[active] ? optionId(active) : undefined}
        placeholder="Search"
        className={clsx('navbar__search-input', styles.input)}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setOpen(true);
        }}
        onFocus={() => {
          prepareSearch(indexUrl);
          setOpen(true);
        }}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      {isBrowser && query === '' && (
        <kbd className={styles.hint} aria-hidden="true">
          {isMac() ? '⌘' : 'ctrl'} K
        </kbd>
      )}
      <div className={styles.popup} hidden={!expanded}>
        <ul id={listId} role="listbox" aria-label="Search results" className={styles.options}>
          {hits.map((hit, index) => (
            // Keys reach the options through the combobox (aria-activedescendant), as the pattern has it.
            // eslint-disable-next-line jsx-a11y/click-events-have-key-events
            <li
              key={hit.key}
              id={optionId(index)}
              role="option"
              aria-selected={index === active}
              className={clsx(styles.option, index === active && styles.activeOption)}
              // Before the input's blur closes the list.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => go(hit.href)}
              onMouseMove={() => setActive(index)}>
              <span className={styles.page}>{hit.page}</span>
              {hit.heading && <span className={styles.heading}>{hit.heading}</span>}
              <SearchExcerpt parts={hit.excerpt} className={styles.excerpt} />
            </li>
          ))}
        </ul>
        <p className={styles.status} role="status">
          {status === 'searching' && 'Searching…'}
          {status === 'done' && hits.length === 0 && `No results for “${words}”.`}
          {status === 'unavailable' && 'Search is not available offline until it has been used once online.'}
        </p>
        {hits.length > 0 && (
          <a
            href={allResults}
            className={styles.allResults}
            onMouseDown={(event) => event.preventDefault()}
            onClick={(event) => {
              event.preventDefault();
              go(allResults);
            }}>
            See all results
          </a>
        )}
      </div>
      <SearchHighlight />
    </div>
  );
}

/** Marks a search's words on the page a result opened (`?highlight=`), in the page's content only. */
function SearchHighlight(): null {
  const {pathname, search} = useLocation();
  useEffect(() => {
    const words = new URLSearchParams(search).get(HIGHLIGHT_PARAM)?.trim();
    const content = document.querySelector('article');
    if (!words || !content) return undefined;
    let current = true;
    // Set once mark.js has loaded; the marks are taken out again by a Mark over the whole content.
    let Mark: (typeof import('mark.js/dist/mark.es6.js'))['default'] | null = null;
    const markIn = (element: Element): void => {
      if (Mark) new Mark(element).mark(words.split(/\s+/), {exclude: ['[data-print="hide"]', '[data-search="ignore"]']});
    };
    // mark.js (about 6 KiB gzip) loads only when there is something to mark.
    void import('mark.js/dist/mark.es6.js').then(
      (loaded) => {
        if (!current) return;
        Mark = loaded.default;
        markIn(content);
      },
      () => {},
    );
    // A day that hydrates after the page (src/components/HydrateWhenNear) lost its marks to hydrate: marked again.
    const remark = (event: Event): void => {
      if (event.target instanceof Element && content.contains(event.target)) markIn(event.target);
    };
    document.addEventListener(SECTION_HYDRATED_EVENT, remark);
    return () => {
      current = false;
      document.removeEventListener(SECTION_HYDRATED_EVENT, remark);
      if (Mark) new Mark(content).unmark();
    };
  }, [pathname, search]);
  return null;
}
