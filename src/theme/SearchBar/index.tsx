import {Suspense, lazy, useEffect, useRef, useState, type ReactNode, type RefObject} from 'react';
import {flushSync} from 'react-dom';
import clsx from 'clsx';
import {translate} from '@docusaurus/Translate';
import {useLocation} from '@docusaurus/router';
import useIsBrowser from '@docusaurus/useIsBrowser';
// The search plugin's own settings, keymap helpers and styles: the stand-in looks and answers exactly like its bar.
import {searchBarShortcut, searchBarShortcutHint, searchBarShortcutKeymap} from '@easyops-cn/docusaurus-search-local/dist/client/client/utils/proxiedGenerated';
import {getKeymapHints, matchesKeymap, parseKeymap} from '@easyops-cn/docusaurus-search-local/dist/client/client/utils/keymap';
import {isMacPlatform} from '@easyops-cn/docusaurus-search-local/dist/client/client/utils/platform';
import styles from '@easyops-cn/docusaurus-search-local/dist/client/client/theme/SearchBar/SearchBar.module.css';

// Local change (wrapping the plugin's SearchBar): its code, about 7 KiB gzip with the autocomplete glue, loads on first
// use instead of with every page.
const loadSearchBar = () => import('@theme-original/SearchBar');
// Should the code fail to arrive (the network dropped), the stand-in stays: a box that does nothing beats an error page.
const SearchBar = lazy(() => loadSearchBar().catch(() => ({default: () => null})));

/** The plugin marks a result's words on the page it opens (`?_highlight=`); its bar does the marking. */
const HIGHLIGHT_PARAM = '_highlight';

/**
 * The navbar's search box. Until the reader uses it (focus, click or the shortcut), a stand-in with the same box, hint
 * and shortcut is shown; then the real search bar loads and takes over what was typed and the focus.
 */
export default function SearchBarWrapper(): ReactNode {
  const {search} = useLocation();
  const [wanted, setWanted] = useState(false);
  const [ready, setReady] = useState(false);
  const standIn = useRef<HTMLInputElement>(null);
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- after hydration: the server render has the stand-in only
    if (new URLSearchParams(search).has(HIGHLIGHT_PARAM)) setWanted(true);
  }, [search]);
  return (
    <>
      {!ready && <StandIn input={standIn} onUse={() => setWanted(true)} />}
      {wanted && (
        <Suspense fallback={null}>
          <TakeOver from={standIn} onReady={() => setReady(true)}>
            <SearchBar />
          </TakeOver>
        </Suspense>
      )}
    </>
  );
}

/**
 * Renders the real search bar hidden, then swaps it for the stand-in in one synchronous step, giving its input the
 * stand-in's text and focus: no key press lands in between. The swap waits for the plugin's own first-render reset of
 * its input (it clears the input in a timeout to sync it with the page's highlighted words), which would otherwise
 * erase what the reader typed meanwhile.
 */
function TakeOver({from, onReady, children}: {from: RefObject<HTMLInputElement | null>; onReady: () => void; children: ReactNode}): ReactNode {
  const container = useRef<HTMLDivElement>(null);
  const [shown, setShown] = useState(false);
  useEffect(() => {
    // This effect runs after the search bar's own (a parent's effects follow its children's), so this timeout fires
    // after the plugin's.
    const timer = window.setTimeout(() => {
      const input = container.current?.querySelector('input');
      if (!input) return;
      const standIn = from.current;
      const text = standIn?.value ?? '';
      const hadFocus = standIn !== null && document.activeElement === standIn;
      flushSync(() => {
        setShown(true);
        onReady();
      });
      if (text) {
        // The plugin's input is controlled: set its value the way typing does, so its change handler runs.
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, text);
        input.dispatchEvent(new Event('input', {bubbles: true}));
      }
      if (hadFocus) input.focus();
    });
    return () => window.clearTimeout(timer);
    // Once, when the real bar first renders; from then on the state is its own.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    <div ref={container} style={{display: shown ? 'contents' : 'none'}}>
      {children}
    </div>
  );
}

/** The plugin's search box without its code: focusing it, by any means, asks for the real one. */
function StandIn({input, onUse}: {input: RefObject<HTMLInputElement | null>; onUse: () => void}): ReactNode {
  const isBrowser = useIsBrowser();
  const [text, setText] = useState('');

  useEffect(() => {
    if (!searchBarShortcut || !searchBarShortcutKeymap) return undefined;
    const keymap = parseKeymap(searchBarShortcutKeymap);
    const onKeyDown = (event: KeyboardEvent) => {
      if (!matchesKeymap(event, keymap)) return;
      event.preventDefault();
      input.current?.focus();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [input]);

  useEffect(() => {
    // Focused before hydration (a quick Tab or click): the reader is already using it.
    if (document.activeElement === input.current) onUse();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <div className={clsx('navbar__search', styles.searchBarContainer)} dir="ltr">
      <svg aria-hidden="true" className={styles.searchIcon} focusable="false" viewBox="0 0 16 16">
        <path
          fill="currentColor"
          d="M6.02945 10.20327a4.17382 4.17382 0 1 1 4.17382-4.17382 4.15609 4.15609 0 0 1-4.17382 4.17382Zm9.69195 4.2199-4.8225-4.82338A5.88021 5.88021 0 0 0 12.058 6.02856 6.00467 6.00467 0 1 0 9.59979 10.8989l4.82338 4.82338a.89729.89729 0 0 0 1.29912 0 .89749.89749 0 0 0-.00087-1.29909Z"
        />
      </svg>
      <input
        ref={input}
        placeholder={translate({id: 'theme.SearchBar.label', message: 'Search', description: 'The ARIA label and placeholder for search button'})}
        aria-label="Search"
        className={`navbar__search-input ${styles.searchInput}`}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onFocus={onUse}
        // A pointer over the box is a hint of what comes next: fetch the code now, show it on use.
        onMouseEnter={() => void loadSearchBar()}
      />
      {searchBarShortcut && searchBarShortcutHint && isBrowser && text === '' && (
        <div className={styles.searchHintContainer}>
          {getKeymapHints(searchBarShortcutKeymap, isMacPlatform()).map((hint) => (
            <kbd key={hint} className={styles.searchHint}>
              {hint}
            </kbd>
          ))}
        </div>
      )}
    </div>
  );
}
