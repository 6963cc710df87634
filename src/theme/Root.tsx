import {useEffect, type ReactNode} from 'react';
import StorageNotice from '@site/src/components/StorageNotice';
import TimerCenter from '@site/src/components/TimerCenter';
import {updateState} from '@site/src/store';
import {VARIANT_PARAM, parseVariant} from '@site/plugins/plan-model/ids';
import {applyVariantToDocument} from '@site/src/hooks/useVariant';

/**
 * Wraps every page: a shared `?plan=` link is remembered, the active timer follows the reader,
 * and one notice says when something could not be saved, whichever component wrote it.
 */
export default function Root({children}: {children: ReactNode}): ReactNode {
  useEffect(() => {
    const shared = parseVariant(new URLSearchParams(window.location.search).get(VARIANT_PARAM));
    if (shared) {
      updateState((state) => ({...state, variant: shared}));
      applyVariantToDocument(shared);
    }
  }, []);
  return (
    <>
      {/* First in the tab order: its buttons are a few presses away rather than after the whole plan. */}
      <StorageNotice />
      {children}
      <TimerCenter />
    </>
  );
}
