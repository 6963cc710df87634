import {useCallback} from 'react';
import {VARIANT_ATTRIBUTE, pageVariant, searchWithVariant, type PlanVariant} from '@site/plugins/plan-model/ids';
import {updateState, useStoredState} from '@site/src/store';

/** Reflects the choice on <html> so every variant-dependent element updates through CSS alone. */
export function applyVariantToDocument(variant: PlanVariant): void {
  document.documentElement.setAttribute(VARIANT_ATTRIBUTE, variant);
}

/** The site-wide 4h/6h choice (4h until the reader picks) and a setter that remembers it. */
export function useVariant(): [PlanVariant, (variant: PlanVariant) => void] {
  // A shared `?plan=` is stored once the page has hydrated (pageWatch), so from then on the stored choice is the page's.
  const variant = useStoredState((state) => pageVariant('', state.variant).variant);
  const setVariant = useCallback((next: PlanVariant) => {
    updateState((state) => ({...state, variant: next}));
    applyVariantToDocument(next);
    // Keep a shared link truthful: if it names a plan, it names the one now shown.
    const search = searchWithVariant(window.location.search, next);
    if (search !== window.location.search) {
      const url = new URL(window.location.href);
      url.search = search;
      window.history.replaceState(window.history.state, '', url);
    }
  }, []);
  return [variant, setVariant];
}
