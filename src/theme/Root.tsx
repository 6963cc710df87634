import {Suspense, lazy, useEffect, useState, type ReactNode} from 'react';
import StorageNotice from '@site/src/components/StorageNotice';
import TimerCenter from '@site/src/components/TimerCenter';
import {updateState} from '@site/src/store';
import {VARIANT_PARAM, parseVariant} from '@site/plugins/plan-model/ids';
import {applyVariantToDocument} from '@site/src/hooks/useVariant';
import {isTransferFragment} from '@site/src/store/transferFragment';

// Loaded only when a "Move my progress" link is opened.
const ProgressReceiver = lazy(() => import('@site/src/components/ProgressReceiver'));

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
    <>
      {/* First in the tab order: its buttons are a few presses away rather than after the whole plan. */}
      <StorageNotice />
      {children}
      <TimerCenter />
      {moveLink && (
        <Suspense fallback={null}>
          <ProgressReceiver fragment={moveLink} onClose={closeMoveLink} />
        </Suspense>
      )}
    </>
  );
}
