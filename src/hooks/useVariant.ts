import {useCallback} from 'react';
import {DEFAULT_VARIANT, VARIANT_ATTRIBUTE, VARIANT_PARAM, type PlanVariant} from '@site/plugins/plan-model/ids';
import {updateState, useStoredState} from '@site/src/store';

/** Reflects the choice on <html> so every variant-dependent element updates through CSS alone. */
export function applyVariantToDocument(variant: PlanVariant): void {
  document.documentElement.setAttribute(VARIANT_ATTRIBUTE, variant);
}

/** The site-wide 4h/6h choice (4h until the reader picks) and a setter that remembers it. */
export function useVariant(): [PlanVariant, (variant: PlanVariant) => void] {
  const variant = useStoredState((state) => state.variant) ?? DEFAULT_VARIANT;
  const setVariant = useCallback((next: PlanVariant) => {
    updateState((state) => ({...state, variant: next}));
    applyVariantToDocument(next);
    const url = new URL(window.location.href);
    // Keep a shared link truthful: if it names a plan, it names the one now shown.
    if (url.searchParams.has(VARIANT_PARAM)) {
      url.searchParams.set(VARIANT_PARAM, next);
      window.history.replaceState(window.history.state, '', url);
    }
  }, []);
  return [variant, setVariant];
}
