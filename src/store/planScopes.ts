/**
 * The record table's plan column (the rest of the table is ./recordKinds.ts): for every field of the stored state, how
 * it holds records of plans. Its own module, so it loads with the code that lists or deletes a plan's records (/notes,
 * a moved plan's adoption), not with every plan page.
 */
import {copyMap, createMap} from './keys';
import type {StoredState, TimerRecord, TimerRun} from './schema';
import type {DetachedRecord, ItemStamp} from './stamps';
import type {ReviewMark} from './review';

/** How one field of the stored state holds records of plans. */
interface PlanScope<F extends keyof StoredState> {
  /** The plan ids the field holds records of (follows and the last visit name plans, but hold no records). */
  recordsOf(value: StoredState[F]): string[];
  /** The field without anything of `planId`. */
  without(value: StoredState[F], planId: string): StoredState[F];
}

const noPlans = {recordsOf: () => [], without: <V>(value: V) => value};

/** A field that is a map by plan id. */
function byPlanId<V>() {
  return {
    recordsOf: (value: Record<string, V>) => Object.keys(value),
    without: (value: Record<string, V>, planId: string) => {
      if (!Object.hasOwn(value, planId)) return value;
      const next = copyMap(value);
      delete next[planId];
      return next;
    },
  };
}

/** A field whose records each name their plan. */
const onePlanEach = <V extends {planId: string}>() => ({
  recordsOf: (value: readonly V[]) => value.map((record) => record.planId),
  without: (value: V[], planId: string) => value.filter((record) => record.planId !== planId),
});

/**
 * For every field of the stored state, how it holds records of plans: which plans the store holds records of (for
 * /notes to list plans no longer on the site) and deleting everything of one plan (the reader's Delete there) read
 * this table, never a list of their own. A new field of `StoredState` does not compile until it has an entry. The
 * versions (`sync`) are left to the write itself: deleting records through `updateState` leaves their tombstones.
 */
export const PLAN_SCOPES = {
  version: noPlans,
  variant: noPlans,
  autoAdvance: noPlans,
  keepAwake: noPlans,
  lastBackupAt: noPlans,
  sync: noPlans,
  progress: byPlanId<Record<string, number>>(),
  dayNotes: byPlanId<Record<string, string>>(),
  itemNotes: byPlanId<Record<string, string>>(),
  review: byPlanId<Record<string, ReviewMark>>(),
  stamps: byPlanId<Record<string, ItemStamp>>(),
  timers: {
    recordsOf: (timers) => Object.values(timers).map((timer) => timer.planId),
    without: (timers, planId) => {
      const next = createMap<TimerRecord>();
      for (const [key, timer] of Object.entries(timers)) if (timer.planId !== planId) next[key] = timer;
      return next;
    },
  },
  timerRuns: onePlanEach<TimerRun>(),
  detached: onePlanEach<DetachedRecord>(),
  // A follow of several plans goes on without this one; a follow of it alone ends.
  follows: {
    recordsOf: () => [],
    without: (follows, planId) =>
      follows.flatMap((follow) => {
        if (!follow.planIds.includes(planId)) return [follow];
        const planIds = follow.planIds.filter((id) => id !== planId);
        return planIds.length > 0 ? [{...follow, planIds}] : [];
      }),
  },
  lastVisit: {recordsOf: () => [], without: (lastVisit, planId) => (lastVisit?.planId === planId ? null : lastVisit)},
} satisfies {[F in keyof StoredState]: PlanScope<F>};

/** Every plan id the store holds a record of. */
export function plansWithRecords(state: StoredState): Set<string> {
  const scopes = PLAN_SCOPES as unknown as Record<keyof StoredState, PlanScope<keyof StoredState>>;
  return new Set((Object.keys(scopes) as (keyof StoredState)[]).flatMap((field) => scopes[field].recordsOf(state[field])));
}

/** The state without anything of `planId`: its records, stamps, timers, time log and set-aside records, and its place in follows and the last visit. */
export function withoutPlan(state: StoredState, planId: string): StoredState {
  const scopes = PLAN_SCOPES as unknown as Record<keyof StoredState, PlanScope<keyof StoredState>>;
  const next = {...state} as Record<keyof StoredState, unknown>;
  for (const field of Object.keys(scopes) as (keyof StoredState)[]) next[field] = scopes[field].without(state[field], planId);
  return next as StoredState;
}
