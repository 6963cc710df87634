/**
 * Records kept under a plan id the site no longer has (a plan moved, renamed or removed, whose items no plan of the
 * site now holds: see plugins/plan-model/adoption.ts): what each holds, for /notes to name, and deleting them when the
 * reader chooses to.
 */
import {planEntries} from './records';
import {plansWithRecords, withoutPlan} from './planScopes';
import type {StoredState} from './schema';

/** Every plan id the store holds a record of (follows and the last visit name plans, they hold no records). */
export const storedPlanIds = plansWithRecords;

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
 * last visit is forgotten when it was there. What each field holds of a plan is the record table's (./planScopes.ts).
 */
export const forgetPlan = withoutPlan;
