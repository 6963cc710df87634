/**
 * What the reader does with a detached record (src/store/records.ts) on /notes and /review: put it back on an item, or
 * forget it. Apart from the records module, which every plan page loads to keep its records matched to its items.
 */
import type {ItemIdentity} from '@site/plugins/plan-model/identity';
import {copyMap, isItemIdKey} from './keys';
import {MERGE_SEPARATOR, MAX_NOTE_LENGTH} from './notes';
import type {ReviewMark} from './review';
import {MAX_TIMER_RUNS, type StoredState} from './schema';
import {planEntries, stampOf, withPlan} from './records';

/** Forgets one detached record for good (the reader chose Delete). */
export function deleteDetached(state: StoredState, key: string): StoredState {
  return {...state, detached: state.detached.filter((record) => record.key !== key)};
}

/**
 * Puts a detached record back on an item the reader chose. What the item already has is kept: the earlier tick,
 * both notes (the detached one after a separator), the mark reviewed last; the time log gains the detached runs.
 * Returns `state` itself when the two notes together would be longer than a note may be.
 */
export function reattach(state: StoredState, key: string, target: ItemIdentity): StoredState {
  const record = state.detached.find((entry) => entry.key === key);
  if (!record || !isItemIdKey(target.id)) return state;
  const {planId} = record;
  const ticks = copyMap(planEntries(state.progress, planId));
  if (record.tick !== null) ticks[target.id] = Object.hasOwn(ticks, target.id) ? Math.min(ticks[target.id]!, record.tick) : record.tick;
  const notes = copyMap(planEntries(state.itemNotes, planId));
  if (record.note !== null) {
    const here = Object.hasOwn(notes, target.id) ? notes[target.id]! : '';
    const joined = here === '' ? record.note : here.includes(record.note) ? here : `${here}${MERGE_SEPARATOR}${record.note}`;
    // Both texts or nothing: a joined note the store would refuse is not cut, the record stays detached instead.
    if (joined.length > MAX_NOTE_LENGTH) return state;
    notes[target.id] = joined;
  }
  const marks = copyMap(planEntries(state.review, planId));
  if (record.review !== null) {
    const here = Object.hasOwn(marks, target.id) ? marks[target.id]! : null;
    const lastReview = (mark: ReviewMark | null) => mark?.card?.lastReview ?? -1;
    marks[target.id] = !here || lastReview(record.review) > lastReview(here) ? {...record.review, label: target.text} : here;
  }
  const runs = record.runs.map((run) => ({...run, planId, itemId: target.id}));
  const stamps = copyMap(planEntries(state.stamps, planId));
  stamps[target.id] = stampOf(target);
  return {
    ...state,
    progress: withPlan(state.progress, planId, ticks),
    itemNotes: withPlan(state.itemNotes, planId, notes),
    review: withPlan(state.review, planId, marks),
    timerRuns: [...state.timerRuns, ...runs].sort((a, b) => a.start - b.start).slice(-MAX_TIMER_RUNS),
    stamps: withPlan(state.stamps, planId, stamps),
    detached: state.detached.filter((entry) => entry.key !== key),
  };
}
