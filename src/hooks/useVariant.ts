import {useCallback} from 'react';
import {VARIANT_ATTRIBUTE, pageVariant, searchWithVariant, type PlanVariant} from '@site/plugins/plan-model/ids';
import {updateState, useStoredState, type StoredState} from '@site/src/store';

/** Reflects the choice on <html> so every variant-dependent element updates through CSS alone. */
export function applyVariantToDocument(variant: PlanVariant): void {
  document.documentElement.setAttribute(VARIANT_ATTRIBUTE, variant);
}

/**
 * The site-wide 4h/6h choice as stored (4h until the reader picks). A shared `?plan=` is stored once the page has
 * hydrated (pageWatch), so from then on the stored choice is the page's.
 */
export function chosenVariant(state: StoredState): PlanVariant {
  return pageVariant('', state.variant).variant;
}

/** The site-wide 4h/6h choice and a setter that remembers it. */
export function useVariant(): [PlanVariant, (variant: PlanVariant) => void] {
  const variant = useStoredState(chosenVariant);
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
