/**
 * What sync needs from the learner's record, and nothing more: the state that travels, a merge of another device's,
 * and a signal when it changes. The engine knows only this interface; ./storeAdapter.ts is the one place that knows
 * the store behind it.
 */

/** The travelling state, in the record's own document format. */
export interface SyncSnapshot {
  /** The document format; a gist written in a newer format than this device reads is never overwritten. */
  format: number;
  doc: unknown;
}

/** The outcome of merging another device's document into this one. */
export type MergeOutcome = {changed: boolean} | {error: string};

export interface SyncableStore {
  /** This device's travelling state as it is now. */
  snapshot(): SyncSnapshot;
  /**
   * Merges a document of `format` (at most `snapshot().format`) into this device's state. The merge must be a join
   * (commutative, associative, idempotent), so devices agree whatever order they sync in. A document that is not a
   * valid record returns an error and changes nothing.
   */
  merge(doc: unknown, format: number): MergeOutcome;
  /** Calls `onChange` after every change of the travelling state; returns the unsubscribe. */
  subscribe(onChange: () => void): () => void;
}
