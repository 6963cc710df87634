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
import type {NoteMap} from './notes';
import {ITEM_KINDS, joinNoteTexts} from './recordKinds';
import {itemHoldings, planEntries, reconcilePlan, recordIds, stampOf, withPlan} from './records';
import {keyParts, recordKey} from './versions';
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

/**
 * Moves everything kept under `orphanId` to `targetId`, the plan that adopts it (`plan`: the target's model or items):
 * ticks, item notes, review marks and their stamps join the items they were made on (`matchRecords`, as after any
 * edit; records without a stamp keep their id), records whose item is not in the target are detached under it, and day
 * notes, timers, the time log, detached records, followed plans and the last visit follow to the new id. Where the
 * target already holds a record on the same item, the two combine by the item kind's rule in the record table
 * (./recordKinds.ts: the earlier tick, both notes, the mark reviewed last), and the target's own timer stays (the
 * orphan's running time goes to the time log). An item whose records could not combine (two notes too long together)
 * is detached instead; when a day note could not be, nothing is
 * adopted and the orphan stays as it is. Calendar event ids name the follow, the plan and the item, so a calendar
 * file downloaded again after the move holds new ids for the moved plan's events.
 */
export function adoptPlan(state: StoredState, orphanId: string, targetId: string, plan: IdentifiablePlan | readonly ItemIdentity[], now: number): StoredState {
  if (orphanId === targetId) return state;
  const items = 'kind' in plan ? planIdentities(plan) : plan;
  const base = reconcilePlan(state, targetId, items, now);

  const dayNotes = copyMap(planEntries(base.dayNotes, targetId));
  for (const [day, text] of Object.entries(planEntries(base.dayNotes, orphanId))) {
    const joined = joinNoteTexts(Object.hasOwn(dayNotes, day) ? dayNotes[day]! : '', text);
    if (joined === null) return state;
    dayNotes[day] = joined;
  }

  const byId = new Map(items.map((item) => [item.id, item]));
  const oldStamps = planEntries(base.stamps, orphanId);
  const heldOn = itemHoldings(base, orphanId);
  const ids = [...recordIds(base, orphanId)].sort();
  const matches = matchRecords(
    ids.filter((id) => Object.hasOwn(oldStamps, id)).map((id) => ({id, fingerprint: oldStamps[id]!.fingerprint})),
    items,
  );
  // Every item kind's records, without the orphan's; those that join an item of the target are added back below.
  const kinds = ITEM_KINDS.map((kind) => {
    const entries = kind.entries(base);
    for (const key of [...entries.keys()]) if (keyParts(key)[1] === orphanId) entries.delete(key);
    return {kind, entries};
  });
  const stamps = copyMap(planEntries(base.stamps, targetId));
  const moves = new Map<string, string | null>();
  const detached: DetachedRecord[] = [];
  for (const id of ids) {
    // Unstamped records (from before stamps, or imported from an old file) are taken as made on the plan as it is now.
    let target = Object.hasOwn(oldStamps, id) ? (matches.get(id) ?? null) : id;
    const held = heldOn(id);
    // Each kind's record combines with what the target's item holds (the table's rule); if one cannot, none moves.
    const item = target === null ? undefined : byId.get(target);
    const combined =
      target === null
        ? null
        : kinds.map(({kind, entries}) => {
            const arriving = held[kind.item.detachedField];
            return arriving === null ? undefined : kind.item.combine(entries.get(recordKey(kind.kind, targetId, target!)), arriving, item);
          });
    if (combined?.includes(null)) target = null;
    moves.set(id, target);
    if (target === null) {
      const runs = base.timerRuns.filter((run) => run.planId === orphanId && run.itemId === id).map(({start, end, finished}) => ({start, end, finished}));
      const timer = base.timers[timerKey(orphanId, id)];
      if (timer?.runningSince != null && now > timer.runningSince) runs.push({start: timer.runningSince, end: now, finished: false});
      if (held.tick === null && held.note === null && held.review === null && runs.length === 0) continue;
      const stamp: ItemStamp | undefined = oldStamps[id];
      detached.push(
        withDetachedKey({
          planId: targetId,
          itemId: id,
          text: stamp?.text ?? id,
          fingerprint: stamp?.fingerprint ?? '',
          detachedAt: now,
          ...held,
          runs,
        }),
      );
      continue;
    }
    combined!.forEach((value, index) => {
      if (value !== undefined && value !== null) kinds[index]!.entries.set(recordKey(kinds[index]!.kind.kind, targetId, target!), value);
    });
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
  const withItems = kinds.reduce((state, {kind, entries}) => kind.withEntries(state, entries), base);
  const adopted: StoredState = {
    ...withItems,
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
