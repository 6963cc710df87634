/**
 * The travelling state as one JSON document, for sync services: the export file's content (format `EXPORT_VERSION`),
 * and how such a document merges into the store by the same join as a file or a link. Loaded on demand.
 */
import {EXPORT_VERSION, exportProgress, extrasOf, importProgress, withImport, type ProgressExport} from './exchange';
import type {StoredState} from './schema';
import {travellingEqual} from './travelling';

/** A document of everything that travels, with its format number (`format` equals its `version`). */
export type TravellingDocument = ProgressExport;
export const TRAVELLING_FORMAT = EXPORT_VERSION;

/** The travelling state of `state` as a JSON-serialisable document. */
export function documentOf(state: StoredState, now: number): TravellingDocument {
  return exportProgress(state.progress, new Date(now), extrasOf(state));
}

export type DocumentMerge = {ok: true; state: StoredState; changed: boolean} | {ok: false; error: string};

/** Merges a document (decoded and checked here; anything else is refused with a reason) into `state`; never throws. */
export function mergeDocument(state: StoredState, document: unknown, now: number): DocumentMerge {
  try {
    const text = typeof document === 'string' ? document : JSON.stringify(document);
    if (typeof text !== 'string') return {ok: false, error: 'The document is empty.'};
    const result = importProgress(text, state.progress, undefined, extrasOf(state), now);
    if (!result.ok) return result;
    const next = withImport(state, result);
    return {ok: true, state: next, changed: !travellingEqual(state, next)};
  } catch (error) {
    return {ok: false, error: `The document could not be read (${error instanceof Error ? error.message : String(error)}).`};
  }
}
