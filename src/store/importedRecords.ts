/**
 * Records an export file or a "Move my progress" link brings, made perhaps on another version of the plans: re-keyed
 * to the items they were made on (src/store/records.ts) before they merge. Apart from the records module, which every
 * plan page loads: this loads with an import.
 */
import {matchRecords, type ItemIdentity} from '@site/plugins/plan-model/identity';
import {dayOfItemId} from '@site/plugins/plan-model/ids';
import {copyMap, createMap, isTickTime, isRecord} from './keys';
import {MAX_NOTE_LENGTH} from './notes';
import {decodeReview} from './review';
import {planEntries} from './records';
import {ITEM_FIELDS} from './recordKinds';
import {decodeStamps, withContentKeys, withDetachedKey, type DetachedRecord, type ItemStamp, type StampMap} from './stamps';

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
  /** The versions of the item records, per kind as plan → item maps (export format 6; ./versionedImport.ts). */
  versions?: Record<string, Record<string, Record<string, unknown>>>;
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
  const kinds = ITEM_FIELDS;
  for (const [planId, planStamps] of Object.entries(incoming)) {
    // A timer's "next" ids are positions too: the item to run after it must follow its item as well.
    const listed = [...listOf(file.timerRuns), ...listOf(file.timers)].flatMap((entry) =>
      namesItem(entry, planId) ? [entry.itemId, ...listOf(entry.next).filter((id): id is string => typeof id === 'string')] : [],
    );
    const versioned = Object.values(file.versions ?? {}).flatMap((plans) => Object.keys(planOf(plans, planId)));
    const ids = new Set(
      [...kinds.flatMap((kind) => Object.keys(planOf(file[kind], planId))), ...listed, ...versioned].filter((id) => Object.hasOwn(planStamps, id)),
    );
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
      const record: DetachedRecord = withDetachedKey({
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
      });
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
    // A version goes where its record goes, a removal's too (a record set aside leaves its version behind).
    if (records.versions) {
      const versions = copyMap(records.versions);
      for (const [field, plans] of Object.entries(versions)) {
        const plan = createMap<unknown>();
        for (const [id, version] of Object.entries(planOf(plans, planId))) {
          const target = moves.has(id) ? moves.get(id)! : id;
          if (target !== null) plan[target] = version;
        }
        versions[field] = {...plans, [planId]: plan};
      }
      records.versions = versions;
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
 * The set-aside records an import brings, ready to merge by their versions (./merge.ts): one per content key, and none
 * that holds exactly what a record here holds under another key (the same file imported twice, say).
 */
export function incomingDetached(here: readonly DetachedRecord[], incoming: readonly DetachedRecord[]): DetachedRecord[] {
  const hereKeys = new Set(here.map((record) => record.key));
  return withContentKeys(incoming).filter((record) => hereKeys.has(record.key) || !here.some((other) => sameDetached(other, record)));
}

const planOf = (map: unknown, planId: string): Record<string, unknown> =>
  isRecord(map) && Object.hasOwn(map, planId) && isRecord(map[planId]) ? map[planId] : createMap<unknown>();
