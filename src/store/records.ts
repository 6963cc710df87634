/**
 * Records that follow their items when a plan is edited (schema 6). Every record of a plan item (tick, item note,
 * review mark, timer, time log) is stored under the item's id, a position; next to them the store keeps a stamp per
 * id: the fingerprint and text of the item the records were made on. When a plan's model loads, `reconcilePlan`
 * matches the stamps against the plan as it is now (the rule is plugins/plan-model/identity.ts): records whose item
 * moved are re-keyed, records whose item is gone or rewritten are detached (kept, listed on /notes and /review,
 * never shown on another item). One stamp per id serves every kind of record on it, so all kinds move together.
 */
import {matchRecords, type ItemIdentity, type RecordIdentity} from '@site/plugins/plan-model/identity';
import {dayOfItemId} from '@site/plugins/plan-model/ids';
import {copyMap, createMap, isItemIdKey, isTickTime} from './keys';
import {MERGE_SEPARATOR, MAX_NOTE_LENGTH} from './notes';
import {decodeReview, type ReviewMark} from './review';
import {MAX_TIMER_RUNS, type StoredState, type TimerRecord, type TimerRun} from './schema';
import {timerKey} from './timers';
// The stored shape of stamps and set-aside records is ./stamps, read on every page; this module loads with plans.
import {decodeStamps, isRecord, MAX_DETACHED, type DetachedRecord, type ItemStamp, type StampMap} from './stamps';

/** One plan's entries of a plan → entries map (an empty map when it has none). */
export const planEntries = <T>(map: Record<string, Record<string, T>>, planId: string): Record<string, T> =>
  Object.hasOwn(map, planId) ? map[planId]! : createMap<T>();

/** Ids of a plan that hold any record of an item, or that a timer names as the item to run next. */
export function recordIds(state: StoredState, planId: string): Set<string> {
  const ids = new Set<string>([
    ...Object.keys(planEntries(state.progress, planId)),
    ...Object.keys(planEntries(state.itemNotes, planId)),
    ...Object.keys(planEntries(state.review, planId)),
  ]);
  for (const timer of Object.values(state.timers)) if (timer.planId === planId) [timer.itemId, ...timer.next].forEach((id) => ids.add(id));
  for (const run of state.timerRuns) if (run.planId === planId) ids.add(run.itemId);
  return ids;
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
 * Brings a plan's records in line with the plan as it is now (`items`, from `planIdentities`): records without a
 * stamp are stamped with the item at their id (they were made on this version of the plan: records from before
 * schema 6, or written since the page loaded); stamped records follow their item by the identity rule, or are
 * detached. Returns `state` itself when nothing changes, so it can run on every change of the store.
 */
export function reconcilePlan(state: StoredState, planId: string, items: readonly ItemIdentity[], now: number): StoredState {
  const ids = recordIds(state, planId);
  const stamps = planEntries(state.stamps, planId);
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

  const moves = matchRecords(records, items);
  const nextStamps = createMap<ItemStamp>();
  for (const target of moves.values()) if (target !== null) nextStamps[target] = stampOf(byId.get(target)!);
  const lost = [...moves].filter(([, target]) => target === null).map(([id]) => id);
  const detached = lost.flatMap((id): DetachedRecord[] => {
    const ticks = planEntries(state.progress, planId);
    const notes = planEntries(state.itemNotes, planId);
    const marks = planEntries(state.review, planId);
    const timer = state.timers[timerKey(planId, id)];
    const runs = state.timerRuns.filter((run) => run.planId === planId && run.itemId === id).map(({start, end, finished}) => ({start, end, finished}));
    if (timer?.runningSince != null && now > timer.runningSince) runs.push({start: timer.runningSince, end: now, finished: false});
    const tick = Object.hasOwn(ticks, id) ? ticks[id]! : null;
    const note = Object.hasOwn(notes, id) ? notes[id]! : null;
    const review = Object.hasOwn(marks, id) ? marks[id]! : null;
    // An id only a timer's "next" named holds nothing to keep.
    if (tick === null && note === null && review === null && runs.length === 0) return [];
    return [
      {
        key: `${planId}#${id}@${now}`,
        planId,
        itemId: id,
        text: stamps[id]?.text ?? id,
        fingerprint: stamps[id]?.fingerprint ?? '',
        detachedAt: now,
        tick,
        note,
        review,
        runs,
      },
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
    progress: withPlan(state.progress, planId, moveEntries(planEntries(state.progress, planId), moves)),
    itemNotes: withPlan(state.itemNotes, planId, moveEntries(planEntries(state.itemNotes, planId), moves)),
    review: withPlan(state.review, planId, moveEntries(planEntries(state.review, planId), moves)),
    timers,
    timerRuns,
    stamps: withPlan(state.stamps, planId, nextStamps),
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

/** The stamps of the ids that hold a tick, an item note or a review mark, for an export or a link to carry. */
export function stampsOfRecords(stamps: StampMap, ...records: Record<string, Record<string, unknown>>[]): StampMap {
  const carried = createMap<Record<string, ItemStamp>>();
  for (const [planId, entries] of Object.entries(stamps)) {
    const plan = createMap<ItemStamp>();
    for (const [itemId, stamp] of Object.entries(entries)) {
      if (records.some((map) => Object.hasOwn(map, planId) && Object.hasOwn(map[planId]!, itemId))) plan[itemId] = stamp;
    }
    if (Object.keys(plan).length > 0) carried[planId] = plan;
  }
  return carried;
}

/** The records an export file or a link holds, as read (checked entry by entry later, by the merges). */
export interface ImportedRecords {
  progress: unknown;
  itemNotes: unknown;
  review: unknown;
  /** The time log: a list of runs, each naming its plan and item (export format 5). */
  timerRuns?: unknown;
  /** Paused timers: a list, each naming its plan and item, with the ids of the items after it (export format 5). */
  timers?: unknown;
}

/** A list entry of the file that names a plan and an item (a time log run or a timer), before it is checked. */
type ListEntry = Record<string, unknown> & {planId: string; itemId: string};
const namesItem = (entry: unknown, planId: string): entry is ListEntry => isRecord(entry) && entry.planId === planId && typeof entry.itemId === 'string';
const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/**
 * Puts the stamped records of an export file or link (made, perhaps, on another version of the plans) under the ids
 * that hold the same items in this browser, before they are merged. Each file record is matched by the identity
 * rule against the stamps kept here: where one names the same item, the record joins it; where none does and its id
 * is free here, it keeps its id and brings its stamp along (the plan page re-keys it when the plan has changed since);
 * where its id already holds another item here, it is detached, never merged into that item. Records without a
 * stamp (files from before stamps were exported) are left as they are: they are taken as made on the plans as now.
 */
export function rekeyImported(
  file: ImportedRecords,
  fileStamps: unknown,
  stamps: StampMap,
  now: number,
): {records: ImportedRecords; stamps: StampMap; detached: DetachedRecord[]} {
  const incoming = decodeStamps(fileStamps);
  const records: ImportedRecords = {...file};
  const nextStamps = copyMap(stamps);
  const detached: DetachedRecord[] = [];
  const kinds = ['progress', 'itemNotes', 'review'] as const;
  for (const [planId, planStamps] of Object.entries(incoming)) {
    // A timer's "next" ids are positions too: the item to run after it must follow its item as well.
    const listed = [...listOf(file.timerRuns), ...listOf(file.timers)].flatMap((entry) =>
      namesItem(entry, planId) ? [entry.itemId, ...listOf(entry.next).filter((id): id is string => typeof id === 'string')] : [],
    );
    const ids = new Set([...kinds.flatMap((kind) => Object.keys(planOf(file[kind], planId))), ...listed].filter((id) => Object.hasOwn(planStamps, id)));
    if (ids.size === 0) continue;
    const here = planEntries(stamps, planId);
    const items: ItemIdentity[] = Object.entries(here).map(([id, stamp]) => ({id, day: dayOfItemId(id) ?? 0, ...stamp}));
    const matches = matchRecords(
      [...ids].map((id) => ({id, fingerprint: planStamps[id]!.fingerprint})),
      items,
    );
    const taken = new Set([...matches.values()].filter((target) => target !== null));
    const moves = new Map<string, string | null>();
    const added = copyMap(here);
    for (const id of ids) {
      const target = matches.get(id) ?? null;
      if (target !== null) moves.set(id, target);
      else if (!Object.hasOwn(here, id) && !taken.has(id)) {
        moves.set(id, id);
        added[id] = planStamps[id]!;
      } else moves.set(id, null);
    }
    nextStamps[planId] = added;
    for (const [id, target] of moves) {
      if (target !== null) continue;
      const tick = planOf(file.progress, planId)[id];
      const note = planOf(file.itemNotes, planId)[id];
      const review = decodeReview({[planId]: {[id]: planOf(file.review, planId)[id]}}).review[planId]?.[id] ?? null;
      const record: DetachedRecord = {
        key: `${planId}#${id}@${now}-imported`,
        planId,
        itemId: id,
        text: planStamps[id]!.text,
        fingerprint: planStamps[id]!.fingerprint,
        detachedAt: now,
        tick: isTickTime(tick) ? tick : null,
        note: typeof note === 'string' && note.trim() !== '' && note.length <= MAX_NOTE_LENGTH ? note : null,
        review,
        // The item's part of the file's time log goes with it; a paused timer on it is not kept (its time is in the log).
        runs: listOf(file.timerRuns).flatMap((run) =>
          namesItem(run, planId) && run.itemId === id && isTickTime(run.start) && isTickTime(run.end) && run.end >= run.start
            ? [{start: run.start, end: run.end, finished: run.finished === true}]
            : [],
        ),
      };
      if (record.tick !== null || record.note !== null || record.review !== null || record.runs.length > 0) detached.push(record);
    }
    for (const kind of kinds) {
      const source = file[kind];
      if (!isRecord(source) || !isRecord(source[planId])) continue;
      const plan = createMap<unknown>();
      for (const [id, value] of Object.entries(source[planId])) {
        const target = moves.has(id) ? moves.get(id)! : id;
        if (target !== null) plan[target] = value;
      }
      const copy = copyMap(source);
      copy[planId] = plan;
      records[kind] = copy;
    }
    const follow = (id: string): string | null => (moves.has(id) ? moves.get(id)! : id);
    records.timerRuns = listOf(records.timerRuns).flatMap((run) => {
      if (!namesItem(run, planId)) return [run];
      const target = follow(run.itemId);
      return target === null ? [] : [{...run, itemId: target}];
    });
    records.timers = listOf(records.timers).flatMap((timer) => {
      if (!namesItem(timer, planId)) return [timer];
      const target = follow(timer.itemId);
      const next = listOf(timer.next).flatMap((id) => (typeof id !== 'string' ? [] : follow(id) === null ? [] : [follow(id)!]));
      return target === null ? [] : [{...timer, itemId: target, next}];
    });
  }
  return {records, stamps: nextStamps, detached};
}

/** True when two detached records hold the same records of the same item (the same file imported twice, say). */
function sameDetached(a: DetachedRecord, b: DetachedRecord): boolean {
  return (
    a.planId === b.planId &&
    a.itemId === b.itemId &&
    a.fingerprint === b.fingerprint &&
    a.tick === b.tick &&
    a.note === b.note &&
    (a.review?.markedAt ?? null) === (b.review?.markedAt ?? null) &&
    JSON.stringify(a.runs) === JSON.stringify(b.runs)
  );
}

/**
 * Adds detached records from an import to those kept here: one with a key already here, or holding exactly what a
 * record here holds, is the same record and is not added twice. Those kept here are never dropped; once the list holds
 * `MAX_DETACHED`, the file's further records are not added and `notAdded` lists them, for the import to say so (the
 * file still holds them: delete some on /notes and import it again).
 */
export function mergeDetached(
  here: readonly DetachedRecord[],
  incoming: readonly DetachedRecord[],
): {detached: DetachedRecord[]; added: DetachedRecord[]; notAdded: DetachedRecord[]} {
  const merged = [...here];
  const added: DetachedRecord[] = [];
  const notAdded: DetachedRecord[] = [];
  for (const record of incoming) {
    if (merged.some((other) => other.key === record.key || sameDetached(other, record))) continue;
    if (merged.length >= MAX_DETACHED) {
      notAdded.push(record);
      continue;
    }
    merged.push(record);
    added.push(record);
  }
  return {detached: merged, added, notAdded};
}

const planOf = (map: unknown, planId: string): Record<string, unknown> =>
  isRecord(map) && Object.hasOwn(map, planId) && isRecord(map[planId]) ? map[planId] : createMap<unknown>();
