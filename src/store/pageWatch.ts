/**
 * What every page does with the stored state, loaded by Root (src/theme/Root.tsx) once the page has hydrated rather
 * than with every page's first JavaScript: a shared `?plan=` link is remembered, damaged data is found and backed up,
 * and Root hears when a notice or the timer panel is needed.
 */
import {pageVariant} from '@site/plugins/plan-model/ids';
import {applyVariantToDocument} from '@site/src/hooks/useVariant';
import {NO_PERSISTENCE_PROBLEM, getPersistenceStatus, getState, inspectStoredData, subscribe, subscribePersistence, updateState} from './state';

/** What Root shows because of the stored state. */
export interface PageNeeds {
  /** A write failed, or stored data turned out damaged: the storage notice. */
  notice: boolean;
  /** A timer exists: the timer panel. */
  timers: boolean;
}

/**
 * Remembers a shared `?plan=` choice, checks the stored text (copying damaged data to a backup key before anything
 * could overwrite it), then reports what the page needs now and whenever that changes. Returns a function that stops.
 */
export function watchPage(report: (needs: PageNeeds) => void): () => void {
  const {variant, shared} = pageVariant(window.location.search, getState().variant);
  if (shared) {
    updateState((state) => ({...state, variant}));
    applyVariantToDocument(variant);
  }
  inspectStoredData();
  let last: PageNeeds | null = null;
  // Reported when it changes only: a tick or a note, which changes neither, re-renders nothing here.
  const check = () => {
    const needs = {notice: getPersistenceStatus() !== NO_PERSISTENCE_PROBLEM, timers: Object.keys(getState().timers).length > 0};
    if (last?.notice === needs.notice && last.timers === needs.timers) return;
    last = needs;
    report(needs);
  };
  check();
  const stopState = subscribe(check);
  const stopPersistence = subscribePersistence(check);
  return () => {
    stopState();
    stopPersistence();
  };
}
