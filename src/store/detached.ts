/**
 * What the reader does with a detached record (src/store/records.ts) on /notes and /review: put it back on an item, or
 * forget it. Apart from the records module, which every plan page loads to keep its records matched to its items.
 */
import type {ItemIdentity} from '@site/plugins/plan-model/identity';
import {copyMap, isItemIdKey} from './keys';
import {ITEM_KINDS} from './recordKinds';
import {MAX_TIMER_RUNS, type StoredState} from './schema';
import {recordKey} from './versions';
import {planEntries, stampOf, withPlan} from './records';

/** Forgets one detached record for good (the reader chose Delete). */
export function deleteDetached(state: StoredState, key: string): StoredState {
  return {...state, detached: state.detached.filter((record) => record.key !== key)};
}

/**
 * Puts a detached record back on an item the reader chose. What the item already holds combines with it by each item
 * kind's rule in the record table (./recordKinds.ts): the earlier tick, both notes, the mark reviewed last; the time
 * log gains the detached runs. Returns `state` itself when a kind cannot combine (two notes together longer than a
 * note may be): both or nothing, so the record stays set aside instead.
 */
export function reattach(state: StoredState, key: string, target: ItemIdentity): StoredState {
  const record = state.detached.find((entry) => entry.key === key);
  if (!record || !isItemIdKey(target.id)) return state;
  const {planId} = record;
  let next = state;
  for (const kind of ITEM_KINDS) {
    const arriving = record[kind.item.detachedField];
    if (arriving === null) continue;
    const entries = kind.entries(next);
    const at = recordKey(kind.kind, planId, target.id);
    const combined = kind.item.combine(entries.get(at), arriving, target);
    if (combined === null) return state;
    entries.set(at, combined);
    next = kind.withEntries(next, entries);
  }
  const runs = record.runs.map((run) => ({...run, planId, itemId: target.id}));
  const stamps = copyMap(planEntries(next.stamps, planId));
  stamps[target.id] = stampOf(target);
  return {
    ...next,
    timerRuns: [...next.timerRuns, ...runs].sort((a, b) => a.start - b.start).slice(-MAX_TIMER_RUNS),
    stamps: withPlan(next.stamps, planId, stamps),
    detached: next.detached.filter((entry) => entry.key !== key),
  };
}
