import {Suspense, lazy, useEffect, useState, useSyncExternalStore, type ReactNode} from 'react';
import {NO_PERSISTENCE_PROBLEM, getPersistenceStatus, inspectStoredData, subscribePersistence, updateState, useStoredState} from '@site/src/store';
import {VARIANT_PARAM, parseVariant} from '@site/plugins/plan-model/ids';
import {applyVariantToDocument} from '@site/src/hooks/useVariant';
import {isTransferFragment} from '@site/src/store/transferFragment';

// Every page renders these three, yet most visits need none of them: each loads when there is something to show.
// The timer panel (with its chime, worker and wake lock) once a timer exists.
const TimerCenter = lazy(() => import('@site/src/components/TimerCenter'));
// The storage notice once a write failed or stored data turned out damaged.
const StorageNotice = lazy(() => import('@site/src/components/StorageNotice'));
// The merge dialog when a "Move my progress" link is opened.
const ProgressReceiver = lazy(() => import('@site/src/components/ProgressReceiver'));

/** Set on <html> once the page has hydrated and the first effects of every component on it have run. */
const INTERACTIVE_ATTRIBUTE = 'data-page-interactive';

const hasTimers = (state: {timers: Record<string, unknown>}) => Object.keys(state.timers).length > 0;

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
  useEffect(() => {
    const shared = parseVariant(new URLSearchParams(window.location.search).get(VARIANT_PARAM));
    if (shared) {
      updateState((state) => ({...state, variant: shared}));
      applyVariantToDocument(shared);
    }
  }, []);

  // Damaged data is found (and backed up) on the first visit of a page, whether or not the notice is loaded yet.
  useEffect(() => inspectStoredData(), []);
  const persistence = useSyncExternalStore(subscribePersistence, getPersistenceStatus, () => NO_PERSISTENCE_PROBLEM);
  const showNotice = useOnceTrue(persistence !== NO_PERSISTENCE_PROBLEM);
  const showTimers = useOnceTrue(useStoredState(hasTimers));

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

  // Declared last, so it runs after Root's other effects, and Root's run after every component's below it: from
  // here on the page is interactive. Set directly rather than through <Head>, which waits for an animation frame
  // (and so never arrives while a test holds the clock still). End-to-end tests wait for it before they act.
  useEffect(() => {
    document.documentElement.setAttribute(INTERACTIVE_ATTRIBUTE, 'true');
  }, []);

  return (
    <>
      {/* First in the tab order: its buttons are a few presses away rather than after the whole plan. */}
      {showNotice && (
        <Suspense fallback={null}>
          <StorageNotice />
        </Suspense>
      )}
      {children}
      {showTimers && (
        <Suspense fallback={null}>
          <TimerCenter />
        </Suspense>
      )}
      {moveLink && (
        <Suspense fallback={null}>
          <ProgressReceiver fragment={moveLink} onClose={closeMoveLink} />
        </Suspense>
      )}
    </>
  );
}
