/**
 * Records kept under a plan id the site no longer has (a plan moved, renamed or removed, whose items no plan of the
 * site now holds: see plugins/plan-model/adoption.ts): what each holds, for /notes to name, and deleting them when the
 * reader chooses to.
 */
import {createMap} from './keys';
import {planEntries, withPlan} from './records';
import type {StoredState, TimerRecord} from './schema';

/** Every plan id the store holds a record of (follows and the last visit name plans, they hold no records). */
export function storedPlanIds(state: StoredState): Set<string> {
  return new Set([
    ...Object.keys(state.progress),
    ...Object.keys(state.itemNotes),
    ...Object.keys(state.review),
    ...Object.keys(state.dayNotes),
    ...Object.keys(state.stamps),
    ...Object.values(state.timers).map((timer) => timer.planId),
    ...state.timerRuns.map((run) => run.planId),
    ...state.detached.map((record) => record.planId),
  ]);
}

/** What the store keeps of a plan the site no longer has, for the reader to see and delete. */
export interface OrphanedPlan {
  planId: string;
  ticks: number;
  /** Day notes and item notes. */
  notes: number;
  marks: number;
  /** Items with time logged. */
  logged: number;
  /** Records set aside from its items earlier. */
  detached: number;
}

/** Every plan id the store holds records of that is not among `current` (the site's plans), with what it holds. */
export function orphanedPlans(state: StoredState, current: ReadonlySet<string>): OrphanedPlan[] {
  return [...storedPlanIds(state)]
    .filter((planId) => !current.has(planId))
    .sort()
    .map((planId) => ({
      planId,
      ticks: Object.keys(planEntries(state.progress, planId)).length,
      notes: Object.keys(planEntries(state.dayNotes, planId)).length + Object.keys(planEntries(state.itemNotes, planId)).length,
      marks: Object.keys(planEntries(state.review, planId)).length,
      logged: new Set(state.timerRuns.filter((run) => run.planId === planId).map((run) => run.itemId)).size,
      detached: state.detached.filter((record) => record.planId === planId).length,
    }));
}

/**
 * Deletes everything kept under a plan id (the reader chose Delete for a plan no longer on the site): its records,
 * stamps, timers, time log and detached records; follows stop naming it (a follow of that plan alone ends), and the
 * last visit is forgotten when it was there.
 */
export function forgetPlan(state: StoredState, planId: string): StoredState {
  const without = <T>(map: Record<string, Record<string, T>>): Record<string, Record<string, T>> => withPlan(map, planId, createMap<T>());
  const timers = createMap<TimerRecord>();
  for (const [key, timer] of Object.entries(state.timers)) if (timer.planId !== planId) timers[key] = timer;
  return {
    ...state,
    progress: without(state.progress),
    itemNotes: without(state.itemNotes),
    review: without(state.review),
    stamps: without(state.stamps),
    dayNotes: without(state.dayNotes),
    timers,
    timerRuns: state.timerRuns.filter((run) => run.planId !== planId),
    detached: state.detached.filter((record) => record.planId !== planId),
    follows: state.follows.flatMap((follow) => {
      if (!follow.planIds.includes(planId)) return [follow];
      const planIds = follow.planIds.filter((id) => id !== planId);
      return planIds.length > 0 ? [{...follow, planIds}] : [];
    }),
    lastVisit: state.lastVisit?.planId === planId ? null : state.lastVisit,
  };
}
