/**
 * The one place sync knows the store. The travelling state is the export format (src/store/exchange.ts), which carries
 * each record's version, without its time stamp and without running timers (a running timer stays with its device);
 * the merge is the import's, the record model's join. What a merge brings keeps the versions it came with, as
 * mergeTravellingDocument does: a merge is not an edit made on this device.
 */
import {getState, subscribe, updateState, type StoredState, EXPORT_VERSION, exportProgress, extrasOf, importProgress, withImport} from '@site/src/store';
import type {SyncableStore, SyncSnapshot} from './adapter';
import {canonicalJson} from './document';

function travelling(state: StoredState): SyncSnapshot {
  const timers = Object.fromEntries(Object.entries(state.timers).filter(([, timer]) => timer.runningSince === null));
  // The file's time stamp is left out: it would make every snapshot differ and every sync a write.
  const {exportedAt: _exportedAt, ...doc} = exportProgress(state.progress, new Date(0), {...extrasOf(state), timers});
  return {format: EXPORT_VERSION, doc};
}

export const storeAdapter: SyncableStore = {
  snapshot: () => travelling(getState()),
  merge(doc) {
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return {error: 'it holds no progress'};
    const state = getState();
    const result = importProgress(JSON.stringify({...doc, exportedAt: ''}), state.progress, undefined, extrasOf(state));
    if (!result.ok) return {error: result.error};
    if (canonicalJson(travelling(withImport(state, result)).doc) === canonicalJson(travelling(state).doc)) return {changed: false};
    updateState((latest) => withImport(latest, result), {versions: 'keeps-versions'});
    return {changed: true};
  },
  subscribe,
};
