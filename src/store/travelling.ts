/** Whether two states hold the same travelling records and versions (what devices that have exchanged agree on). */
import {VERSIONED_KINDS} from './recordKinds';
import type {StoredState} from './schema';

const stable = (value: unknown): string =>
  JSON.stringify(value, (_key, entry: unknown) =>
    entry && typeof entry === 'object' && !Array.isArray(entry) ? Object.fromEntries(Object.entries(entry).sort(([a], [b]) => (a < b ? -1 : 1))) : entry,
  );

/** True when `a` and `b` hold the same versioned records (set-aside records among them) with the same versions, and the same time log. */
export function travellingEqual(a: StoredState, b: StoredState): boolean {
  const view = (state: StoredState) =>
    stable({
      records: VERSIONED_KINDS.map((kind) => [...kind.entries(state)].sort(([x], [y]) => (x < y ? -1 : 1))),
      stamps: state.sync.stamps,
      notes: state.sync.notes,
      timerRuns: state.timerRuns,
    });
  return view(a) === view(b);
}
