/**
 * Records of a plan whose file was moved or renamed. Records are keyed by plan id, the plan file's path, so a moved
 * plan leaves them under an id the site no longer has (an "orphan"). The rule that decides which current plan, if
 * any, takes them over is `adoptingPlan` in plugins/plan-model/adoption.ts (exact fingerprints of the orphan's stamped
 * records: at least 3 and at least 80% of them, and no other plan as good); `npm run validate -- --base` predicts it.
 * This module applies it: `adoptPlan` moves every kind of record to the adopting plan and merges it with what that
 * plan already holds, losing nothing. It loads only when the browser holds an orphan (src/hooks/usePlanModels.ts), so
 * plan pages do not carry it. Orphans no plan adopts are listed on /notes (./orphans.ts).
 */
import {adoptingPlan, fingerprintKey} from '@site/plugins/plan-model/adoption';
import {matchRecords, planIdentities, type IdentifiablePlan, type ItemIdentity} from '@site/plugins/plan-model/identity';
import {copyMap, createMap} from './keys';
import {MAX_NOTE_LENGTH, MERGE_SEPARATOR, hasContent, type NoteMap} from './notes';
import type {ReviewMark} from './review';
import {planEntries, reconcilePlan, recordIds, stampOf, withPlan} from './records';
import {withDetachedKey, type DetachedRecord, type ItemStamp} from './stamps';
import {MAX_TIMER_RUNS, type FollowedPlan, type StoredState, type TimerRecord, type TimerRun} from './schema';
import {timerKey} from './timers';
import {storedPlanIds} from './orphans';

/** The fingerprints of the records an orphan holds that carry a stamp, one per record. */
function stampedFingerprints(state: StoredState, planId: string): string[] {
  const stamps = planEntries(state.stamps, planId);
  return [...recordIds(state, planId)].filter((id) => Object.hasOwn(stamps, id)).map((id) => stamps[id]!.fingerprint);
}

/**
 * Which current plan adopts each orphan: `plans` maps every plan of the site to its items' fingerprint keys (the
 * plan-data plugin's fingerprint module). Orphans no plan adopts are left out.
 */
export function chooseAdoptions(state: StoredState, plans: Readonly<Record<string, readonly string[]>>): Map<string, string> {
  const adoptions = new Map<string, string>();
  for (const planId of storedPlanIds(state)) {
    if (Object.hasOwn(plans, planId)) continue;
    const records = stampedFingerprints(state, planId).map(fingerprintKey);
    const target = adoptingPlan(records, Object.entries(plans));
    if (target !== null) adoptions.set(planId, target);
  }
  return adoptions;
}

/** Two texts of one note as an import joins them: the longer when one holds the other, else both; null when too long. */
function joinNotes(here: string, incoming: string): string | null {
  if (!hasContent(here) || incoming.includes(here)) return incoming;
  if (here.includes(incoming)) return here;
  const joined = `${here}${MERGE_SEPARATOR}${incoming}`;
  return joined.length <= MAX_NOTE_LENGTH ? joined : null;
}

const lastReview = (mark: ReviewMark): number => mark.card?.lastReview ?? -1;

/**
 * Moves everything kept under `orphanId` to `targetId`, the plan that adopts it (`plan`: the target's model or items):
 * ticks, item notes, review marks and their stamps join the items they were made on (`matchRecords`, as after any
 * edit; records without a stamp keep their id), records whose item is not in the target are detached under it, and day
 * notes, timers, the time log, detached records, followed plans and the last visit follow to the new id. Where the
 * target already holds a record on the same item, both are kept: the earlier tick, both notes joined as an import joins
 * them, the mark reviewed last, the target's own timer (the orphan's running time goes to the time log). A record
 * whose note could not be joined (too long together) is detached instead; when a day note could not be, nothing is
 * adopted and the orphan stays as it is. Calendar event ids name the follow, the plan and the item, so a calendar
 * file downloaded again after the move holds new ids for the moved plan's events.
 */
export function adoptPlan(state: StoredState, orphanId: string, targetId: string, plan: IdentifiablePlan | readonly ItemIdentity[], now: number): StoredState {
  if (orphanId === targetId) return state;
  const items = 'kind' in plan ? planIdentities(plan) : plan;
  const base = reconcilePlan(state, targetId, items, now);

  const dayNotes = copyMap(planEntries(base.dayNotes, targetId));
  for (const [day, text] of Object.entries(planEntries(base.dayNotes, orphanId))) {
    const joined = joinNotes(Object.hasOwn(dayNotes, day) ? dayNotes[day]! : '', text);
    if (joined === null) return state;
    dayNotes[day] = joined;
  }

  const byId = new Map(items.map((item) => [item.id, item]));
  const oldStamps = planEntries(base.stamps, orphanId);
  const oldTicks = planEntries(base.progress, orphanId);
  const oldNotes = planEntries(base.itemNotes, orphanId);
  const oldMarks = planEntries(base.review, orphanId);
  const ids = [...recordIds(base, orphanId)].sort();
  const matches = matchRecords(
    ids.filter((id) => Object.hasOwn(oldStamps, id)).map((id) => ({id, fingerprint: oldStamps[id]!.fingerprint})),
    items,
  );
  const ticks = copyMap(planEntries(base.progress, targetId));
  const notes = copyMap(planEntries(base.itemNotes, targetId));
  const marks = copyMap(planEntries(base.review, targetId));
  const stamps = copyMap(planEntries(base.stamps, targetId));
  const moves = new Map<string, string | null>();
  const detached: DetachedRecord[] = [];
  for (const id of ids) {
    // Unstamped records (from before stamps, or imported from an old file) are taken as made on the plan as it is now.
    let target = Object.hasOwn(oldStamps, id) ? (matches.get(id) ?? null) : id;
    const tick = Object.hasOwn(oldTicks, id) ? oldTicks[id]! : null;
    const note = Object.hasOwn(oldNotes, id) ? oldNotes[id]! : null;
    const mark = Object.hasOwn(oldMarks, id) ? oldMarks[id]! : null;
    const joined = target !== null && note !== null ? joinNotes(Object.hasOwn(notes, target) ? notes[target]! : '', note) : null;
    if (note !== null && joined === null) target = null;
    moves.set(id, target);
    if (target === null) {
      const runs = base.timerRuns.filter((run) => run.planId === orphanId && run.itemId === id).map(({start, end, finished}) => ({start, end, finished}));
      const timer = base.timers[timerKey(orphanId, id)];
      if (timer?.runningSince != null && now > timer.runningSince) runs.push({start: timer.runningSince, end: now, finished: false});
      if (tick === null && note === null && mark === null && runs.length === 0) continue;
      const stamp: ItemStamp | undefined = oldStamps[id];
      detached.push(
        withDetachedKey({
          planId: targetId,
          itemId: id,
          text: stamp?.text ?? id,
          fingerprint: stamp?.fingerprint ?? '',
          detachedAt: now,
          tick,
          note,
          review: mark,
          runs,
        }),
      );
      continue;
    }
    if (tick !== null) ticks[target] = Object.hasOwn(ticks, target) ? Math.min(ticks[target]!, tick) : tick;
    if (joined !== null) notes[target] = joined;
    if (mark !== null) {
      const here = Object.hasOwn(marks, target) ? marks[target]! : null;
      marks[target] = here && lastReview(here) >= lastReview(mark) ? here : {...mark, label: byId.get(target)?.text ?? mark.label};
    }
    if (Object.hasOwn(oldStamps, id) && byId.has(target)) stamps[target] = stampOf(byId.get(target)!);
  }

  const runs: TimerRun[] = [];
  const timers = createMap<TimerRecord>();
  for (const [key, timer] of Object.entries(base.timers)) if (timer.planId !== orphanId) timers[key] = timer;
  for (const timer of Object.values(base.timers)) {
    const target = timer.planId === orphanId ? moves.get(timer.itemId) : undefined;
    if (!target) continue;
    const key = timerKey(targetId, target);
    if (timers[key]) {
      if (timer.runningSince !== null && now > timer.runningSince)
        runs.push({planId: targetId, itemId: target, start: timer.runningSince, end: now, finished: false});
      continue;
    }
    const next = timer.next.flatMap((id) => {
      const moved = moves.has(id) ? moves.get(id) : id;
      return moved ? [moved] : [];
    });
    timers[key] = {...timer, planId: targetId, itemId: target, next};
  }
  const timerRuns = base.timerRuns.flatMap((run): TimerRun[] => {
    if (run.planId !== orphanId) return [run];
    const target = moves.get(run.itemId);
    return target ? [{...run, planId: targetId, itemId: target}] : [];
  });

  const follows = base.follows.map((follow): FollowedPlan => {
    if (!follow.planIds.includes(orphanId)) return follow;
    const planIds = [...new Set(follow.planIds.map((planId) => (planId === orphanId ? targetId : planId)))];
    return {...follow, planIds};
  });
  const without = <T>(map: Record<string, Record<string, T>>): Record<string, Record<string, T>> => withPlan(map, orphanId, createMap<T>());
  const adopted: StoredState = {
    ...base,
    progress: withPlan(without(base.progress), targetId, ticks),
    itemNotes: withPlan(without(base.itemNotes), targetId, notes),
    review: withPlan(without(base.review), targetId, marks),
    stamps: withPlan(without(base.stamps), targetId, stamps),
    dayNotes: withPlan(without(base.dayNotes) as NoteMap, targetId, dayNotes),
    timers,
    timerRuns: [...timerRuns, ...runs].sort((a, b) => a.start - b.start).slice(-MAX_TIMER_RUNS),
    detached: [...base.detached.map((record) => (record.planId === orphanId ? {...record, planId: targetId} : record)), ...detached],
    follows,
    lastVisit: base.lastVisit?.planId === orphanId ? {...base.lastVisit, planId: targetId} : base.lastVisit,
  };
  // Stamps the records that kept their id and settles anything the merge left for the per-item rule.
  return reconcilePlan(adopted, targetId, items, now);
}
