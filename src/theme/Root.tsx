import {useEffect, useState, type ReactNode} from 'react';
import useIsBrowser from '@docusaurus/useIsBrowser';
import {lazyComponent} from '@site/src/lib/onDemand';
import {isTransferFragment} from '@site/src/lib/transferFragment';
import {FiberProvider} from 'its-fine';

// Every page renders these three, yet most visits need none of them: each loads when there is something to show.
// The timer panel (with its chime, worker and wake lock) once a timer exists.
const TimerCenter = lazyComponent(() => import('@site/src/components/TimerCenter'));
// The storage notice once a write failed or stored data turned out damaged.
const StorageNotice = lazyComponent(() => import('@site/src/components/StorageNotice'));
// The merge dialog when a "Move my progress" link is opened.
const ProgressReceiver = lazyComponent(() => import('@site/src/components/ProgressReceiver'));

/** Set on <html> once the page has hydrated, shows what is stored, and the first effects of every component on it have run. */
const INTERACTIVE_ATTRIBUTE = 'data-page-interactive';

/** True from the first render where `condition` holds: a panel, once loaded, stays mounted with its own state. */
function useOnceTrue(condition: boolean): boolean {
  const [seen, setSeen] = useState(false);
  // Updating state while rendering is React's way to derive it from a change; it re-renders before any commit.
  if (condition && !seen) setSeen(true);
  return seen || condition;
}

/**
 * Wraps every page: a shared `?plan=` link is remembered, the active timer follows the reader,
 * one notice says when something could not be saved, whichever component wrote it, and a "Move my progress"
 * link opens its merge dialog on whichever page it points to.
 */
export default function Root({children}: {children: ReactNode}): ReactNode {
  // The store (its decoder, migrations and records) is not part of every page's first JavaScript: it loads once the
  // page has hydrated, from the chunk plan pages already share, and only then is the page interactive. Until then the
  // page shows what the server rendered, as it always did before stored values applied.
  const [needs, setNeeds] = useState({notice: false, timers: false});
  // Once Docusaurus says the page has hydrated: stored values show in that render (src/store/state.ts), so when the
  // page says it is interactive, every stored value is on screen.
  const hydrated = useIsBrowser();
  useEffect(() => {
    if (!hydrated) return undefined;
    let stop: (() => void) | undefined;
    let active = true;
    void import('@site/src/store/pageWatch')
      .then(({watchPage}) => {
        if (active) stop = watchPage(setNeeds);
      })
      // Should the chunk fail to arrive (the network dropped), the page still works; only the notice and panel wait.
      .catch(() => {})
      .finally(() => {
        // Set directly rather than through <Head>, which waits for an animation frame (and so never arrives while a
        // test holds the clock still). End-to-end tests wait for it before they act.
        if (active) document.documentElement.setAttribute(INTERACTIVE_ATTRIBUTE, 'true');
      });
    return () => {
      active = false;
      stop?.();
    };
  }, [hydrated]);
  const showNotice = useOnceTrue(needs.notice);
  const showTimers = useOnceTrue(needs.timers);

  const [moveLink, setMoveLink] = useState<string | null>(null);
  useEffect(() => {
    const check = () => setMoveLink(isTransferFragment(window.location.hash) ? window.location.hash : null);
    check();
    window.addEventListener('hashchange', check);
    return () => window.removeEventListener('hashchange', check);
  }, []);
  const closeMoveLink = () => {
    // The fragment is dropped, so a reload or a bookmark does not offer the same merge again.
    window.history.replaceState(window.history.state, '', `${window.location.pathname}${window.location.search}`);
    setMoveLink(null);
  };

  return (
    // Lets a part of a page that hydrates on its own (src/components/HydrateWhenNear) see every context above it.
    <FiberProvider>
      {/* First in the tab order: its buttons are a few presses away rather than after the whole plan. */}
      {showNotice && <StorageNotice />}
      {children}
      {showTimers && <TimerCenter />}
      {moveLink && <ProgressReceiver fragment={moveLink} onClose={closeMoveLink} />}
    </FiberProvider>
  );
}
