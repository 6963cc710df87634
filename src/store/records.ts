/**
 * Records that follow their items when a plan is edited (schema 6). Every record of a plan item (tick, item note,
 * review mark, timer, time log) is stored under the item's id, a position; next to them the store keeps a stamp per
 * id: the fingerprint and text of the item the records were made on. When a plan's model loads, `reconcilePlan`
 * matches the stamps against the plan as it is now (the rule is plugins/plan-model/identity.ts): records whose item
 * moved are re-keyed, records whose item is gone or rewritten are detached (kept, listed on /notes and /review,
 * never shown on another item). One stamp per id serves every kind of record on it, so all kinds move together.
 */
import {matchRecords, type ItemIdentity, type RecordIdentity} from '@site/plugins/plan-model/identity';
import {copyMap, createMap} from './keys';
import type {StoredState, TimerRecord, TimerRun} from './schema';
import {timerKey} from './timers';
import {ITEM_FIELDS, ITEM_KINDS, moveItemVersions, type ItemField} from './recordKinds';
import {keyParts, recordKey} from './versions';
// The stored shape of stamps and set-aside records is ./stamps, read on every page; this module loads with plans. What
// the reader does with a detached record is ./detached, and the re-keying of imported records ./importedRecords: a plan
// page carries neither.
import {withDetachedKey, type DetachedRecord, type ItemStamp} from './stamps';

/** One plan's entries of a plan → entries map (an empty map when it has none). */
export const planEntries = <T>(map: Record<string, Record<string, T>>, planId: string): Record<string, T> =>
  Object.hasOwn(map, planId) ? map[planId]! : createMap<T>();

/** Ids of a plan that hold any record of an item, or that a timer names as the item to run next. */
export function recordIds(state: StoredState, planId: string): Set<string> {
  const ids = new Set<string>(ITEM_FIELDS.flatMap((field) => Object.keys(planEntries(itemRecords(state, field), planId))));
  for (const timer of Object.values(state.timers)) if (timer.planId === planId) [timer.itemId, ...timer.next].forEach((id) => ids.add(id));
  for (const run of state.timerRuns) if (run.planId === planId) ids.add(run.itemId);
  // A removal's version (tombstone) follows its item too, so a removal made before a plan edit still applies after it.
  for (const key of [...Object.keys(state.sync.stamps), ...Object.keys(state.sync.notes)]) {
    const [kind, keyPlan, id] = keyParts(key);
    if (keyPlan === planId && id !== undefined && ITEM_KINDS.some((entry) => entry.kind === kind)) ids.add(id);
  }
  return ids;
}

/** One item field of the state, as the plan → item → value map all of them are. */
const itemRecords = (state: StoredState, field: ItemField): Record<string, Record<string, unknown>> => state[field];

/** The state's item fields (ticks, notes, marks) with one plan's entries moved along `moves`. */
function withItemsMoved(state: StoredState, planId: string, moves: ReadonlyMap<string, string | null>): Partial<StoredState> {
  return Object.fromEntries(
    ITEM_FIELDS.map((field) => [field, withPlan(itemRecords(state, field), planId, moveEntries(planEntries(itemRecords(state, field), planId), moves))]),
  );
}

/** What a set-aside record holds of each item kind (its `detachedField`), for the item at `id`. */
export type HeldOnItem = Pick<DetachedRecord, 'tick' | 'note' | 'review'>;

/** Reads, for items of one plan, what each item kind holds on them: `heldOn(id)` (the table's item kinds, no list of its own). */
export function itemHoldings(state: StoredState, planId: string): (id: string) => HeldOnItem {
  const kinds = ITEM_KINDS.map((kind) => [kind, kind.entries(state)] as const);
  return (id) => {
    const held: HeldOnItem = {tick: null, note: null, review: null};
    for (const [kind, entries] of kinds) {
      const value = entries.get(recordKey(kind.kind, planId, id));
      if (value !== undefined) (held as Record<string, unknown>)[kind.item.detachedField] = value;
    }
    return held;
  };
}

/** The stamp records made on `item` carry. */
export const stampOf = (item: ItemIdentity): ItemStamp => ({fingerprint: item.fingerprint, text: item.text});

/** Replaces one plan's entry of a plan → entries map, dropping it when empty. */
export function withPlan<T>(map: Record<string, Record<string, T>>, planId: string, entries: Record<string, T>): Record<string, Record<string, T>> {
  const next = copyMap(map);
  if (Object.keys(entries).length > 0) next[planId] = entries;
  else delete next[planId];
  return next;
}

/** Moves one plan's entries along `moves` (old id → new id, or null to take them out); ids not in `moves` stay. */
function moveEntries<T>(entries: Record<string, T>, moves: ReadonlyMap<string, string | null>): Record<string, T> {
  const next = createMap<T>();
  for (const [id, value] of Object.entries(entries)) {
    const target = moves.has(id) ? moves.get(id)! : id;
    if (target !== null) next[target] = value;
  }
  return next;
}

/**
 * Whether `state` holds a record or a stamp of `planId`. Without one, reconciling the plan has nothing to do, and its
 * items' fingerprints need not be computed (a first visit: about 20 ms of a phone's load for a week's plan).
 */
export function holdsRecords(state: StoredState, planId: string): boolean {
  return Object.keys(planEntries(state.stamps, planId)).length > 0 || recordIds(state, planId).size > 0;
}

/**
 * Brings a plan's records in line with the plan as it is now (`items`, from `planIdentities`): records without a
 * stamp are stamped with the item at their id (they were made on this version of the plan: records from before
 * schema 6, or written since the page loaded); stamped records follow their item by the identity rule, or are
 * detached. Returns `state` itself when nothing changes, so it can run on every change of the store.
 */
export function reconcilePlan(state: StoredState, planId: string, items: readonly ItemIdentity[], now: number): StoredState {
  const ids = recordIds(state, planId);
  const stamps = planEntries(state.stamps, planId);
  // `holdsRecords`, from what the rest of this needs anyway.
  if (ids.size === 0 && Object.keys(stamps).length === 0) return state;
  const byId = new Map(items.map((item) => [item.id, item]));
  const records: RecordIdentity[] = [];
  let settled = Object.keys(stamps).every((id) => ids.has(id));
  for (const id of ids) {
    const fingerprint = Object.hasOwn(stamps, id) ? stamps[id]!.fingerprint : byId.get(id)?.fingerprint;
    // An id no item has and nothing stamped (an import for an item this site never had): left as it is, never shown.
    if (fingerprint === undefined) continue;
    records.push({id, fingerprint});
    if (!Object.hasOwn(stamps, id) || byId.get(id)?.fingerprint !== fingerprint) settled = false;
  }
  if (settled) return state;
  // Nothing moved: every record sits on the item it was made on, and some only lack their stamp (written since the
  // page loaded: every tick's first write). Stamping them is all the full pass below would do; it skips the matching.
  if (records.every(({id, fingerprint}) => byId.get(id)?.fingerprint === fingerprint)) {
    const nextStamps = createMap<ItemStamp>();
    for (const {id} of records) nextStamps[id] = stampOf(byId.get(id)!);
    return {...state, stamps: withPlan(state.stamps, planId, nextStamps)};
  }

  const moves = matchRecords(records, items);
  const nextStamps = createMap<ItemStamp>();
  for (const target of moves.values()) if (target !== null) nextStamps[target] = stampOf(byId.get(target)!);
  const lost = [...moves].filter(([, target]) => target === null).map(([id]) => id);
  const heldOn = itemHoldings(state, planId);
  const detached = lost.flatMap((id): DetachedRecord[] => {
    const timer = state.timers[timerKey(planId, id)];
    const runs = state.timerRuns.filter((run) => run.planId === planId && run.itemId === id).map(({start, end, finished}) => ({start, end, finished}));
    if (timer?.runningSince != null && now > timer.runningSince) runs.push({start: timer.runningSince, end: now, finished: false});
    const held = heldOn(id);
    // An id only a timer's "next" named holds nothing to keep.
    if (held.tick === null && held.note === null && held.review === null && runs.length === 0) return [];
    return [
      withDetachedKey({
        planId,
        itemId: id,
        text: stamps[id]?.text ?? id,
        fingerprint: stamps[id]?.fingerprint ?? '',
        detachedAt: now,
        ...held,
        runs,
      }),
    ];
  });
  const timers = createMap<TimerRecord>();
  for (const [key, timer] of Object.entries(state.timers)) {
    if (timer.planId !== planId || !moves.has(timer.itemId)) {
      timers[key] = timer;
      continue;
    }
    const target = moves.get(timer.itemId);
    const next = timer.next.flatMap((id) => (moves.has(id) ? (moves.get(id) === null ? [] : [moves.get(id)!]) : [id]));
    if (target) timers[timerKey(planId, target)] = {...timer, itemId: target, next};
  }
  const timerRuns = state.timerRuns.flatMap((run): TimerRun[] => {
    if (run.planId !== planId || !moves.has(run.itemId)) return [run];
    const target = moves.get(run.itemId);
    return target ? [{...run, itemId: target}] : [];
  });
  return {
    ...state,
    ...withItemsMoved(state, planId, moves),
    timers,
    timerRuns,
    stamps: withPlan(state.stamps, planId, nextStamps),
    sync: {...state.sync, stamps: moveItemVersions(state.sync.stamps, planId, moves), notes: moveItemVersions(state.sync.notes, planId, moves)},
    // Never capped: a record a plan edit sets aside has nowhere else to be kept (see MAX_DETACHED).
    detached: detached.length > 0 ? [...state.detached, ...detached] : state.detached,
  };
}

/** How many detached records of each kind a plan has, for the plan page's one-line notice. */
export function countDetached(detached: readonly DetachedRecord[], planId: string): {ticks: number; notes: number; marks: number; logged: number} {
  const counts = {ticks: 0, notes: 0, marks: 0, logged: 0};
  for (const record of detached) {
    if (record.planId !== planId) continue;
    if (record.tick !== null) counts.ticks += 1;
    if (record.note !== null) counts.notes += 1;
    if (record.review !== null) counts.marks += 1;
    if (record.runs.length > 0) counts.logged += 1;
  }
  return counts;
}
