import {useEffect, type ReactNode} from 'react';
import TimerCenter from '@site/src/components/TimerCenter';
import {updateState} from '@site/src/store';
import {VARIANT_PARAM, parseVariant} from '@site/plugins/plan-model/ids';
import {applyVariantToDocument} from '@site/src/hooks/useVariant';

/** Wraps every page: a shared `?plan=` link is remembered, and the active timer follows the reader. */
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
      {children}
      <TimerCenter />
    </>
  );
}
