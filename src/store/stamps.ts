/**
 * The stored shape of the records that follow their items (schema 6): stamps and detached records, and how stored data
 * is read back. Apart from ./records (matching and re-keying, which run where a plan's model loads) because reading
 * the store on every page needs only this.
 */
import {MAX_FINGERPRINT_LENGTH} from '@site/plugins/plan-model/identity';
import {createMap, isItemIdKey, isPlanIdKey, isRecord, isTickTime} from './keys';

import {MAX_NOTE_LENGTH} from './notes';
import {decodeReview, type ReviewMark} from './review';

/** What the item said when records were made on it. */
export interface ItemStamp {
  fingerprint: string;
  text: string;
}

/** planId → itemId → the stamp of the records stored under that id. */
export type StampMap = Record<string, Record<string, ItemStamp>>;

/** The records of one item that left its plan, with the text they were made on. */
export interface DetachedRecord {
  /**
   * Unique among detached records, and derived from what the record holds (`detachedKey`), never from the moment it
   * was set aside: two devices that see the same plan edit set the same records aside under the same keys, so merging
   * their lists keeps one of each whichever order they exchange in.
   */
  key: string;
  planId: string;
  /** The id the records had; it may now name another item, so it is never used to show them. */
  itemId: string;
  text: string;
  fingerprint: string;
  detachedAt: number;
  tick: number | null;
  note: string | null;
  review: ReviewMark | null;
  /** The item's part of the time log (a timer running on it is stopped and logged here). */
  runs: {start: number; end: number; finished: boolean}[];
}

/**
 * How many set-aside records an import may bring the list up to: beyond it the file's records are not added, and the
 * import says how many and why (`mergeDetached` compares each incoming record with every one kept, so this also bounds
 * that work). Records set aside here, by a plan edit, are never refused or dropped: each is something the reader made
 * on an item (a tick, a note, a mark, logged time), so the list cannot outgrow what a reader keeps, and all of it is
 * read back.
 */
export const MAX_DETACHED = 2000;

/** The part of a detached record its key is made from: its item and what was kept of it, not when. */
export type DetachedContent = Pick<DetachedRecord, 'planId' | 'itemId' | 'fingerprint' | 'tick' | 'note' | 'review' | 'runs'>;

/** A record's key, from its content: `plan#item~hash` (FNV-1a, 32 bits, over the content's JSON). */
export function detachedKey(record: DetachedContent): string {
  const content = JSON.stringify([record.fingerprint, record.tick, record.note, record.review?.markedAt ?? null, record.runs]);
  let hash = 0x811c9dc5;
  for (let index = 0; index < content.length; index++) {
    hash ^= content.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${record.planId}#${record.itemId}~${hash.toString(36)}`;
}

/** A record set aside, under its content's key. */
export function withDetachedKey(record: Omit<DetachedRecord, 'key'>): DetachedRecord {
  return {key: detachedKey(record), ...record};
}

/** The shape of `detachedKey`'s keys; records set aside before schema 8 may have another (the moment, not the content). */
const CONTENT_KEY = /^[\w./-]+#[a-z0-9-]+~[0-9a-z]+$/;

/**
 * The record under a content key: its own when it has one (a record moved with its plan keeps the key it was set aside
 * under, which every device gave it), else `detachedKey`'s. Records set aside before schema 8, and those of older
 * files, were keyed by the moment; a removal's tombstone names the key, so every device must agree on it.
 */
const withContentKey = (record: DetachedRecord): DetachedRecord => (CONTENT_KEY.test(record.key) ? record : {...record, key: detachedKey(record)});

/**
 * A list of records under content keys, one per key: two records that land on one key hold the same things, and the
 * one set aside first stays (the schema 7 → 8 migration, and the records of older files).
 */
export function withContentKeys(records: readonly DetachedRecord[]): DetachedRecord[] {
  const byKey = new Map<string, DetachedRecord>();
  for (const record of records.map(withContentKey)) {
    const other = byKey.get(record.key);
    if (!other || record.detachedAt < other.detachedAt) byKey.set(record.key, record);
  }
  return [...byKey.values()];
}

export const shortText = (value: unknown): value is string => typeof value === 'string' && value.length <= MAX_FINGERPRINT_LENGTH;

/** Reads stored stamps; anything that cannot be one is left out (the records then get stamped again on load). */
export function decodeStamps(value: unknown): StampMap {
  const stamps = createMap<Record<string, ItemStamp>>();
  if (!isRecord(value)) return stamps;
  for (const [planId, entries] of Object.entries(value)) {
    if (!isPlanIdKey(planId) || !isRecord(entries)) continue;
    const plan = createMap<ItemStamp>();
    for (const [itemId, stamp] of Object.entries(entries)) {
      if (isItemIdKey(itemId) && isRecord(stamp) && shortText(stamp.fingerprint) && shortText(stamp.text)) {
        plan[itemId] = {fingerprint: stamp.fingerprint, text: stamp.text};
      }
    }
    if (Object.keys(plan).length > 0) stamps[planId] = plan;
  }
  return stamps;
}

/** Reads stored detached records; one with no plan, id or text is left out and counted. */
export function decodeDetached(value: unknown): {detached: DetachedRecord[]; dropped: number} {
  if (!Array.isArray(value)) return {detached: [], dropped: 0};
  const detached: DetachedRecord[] = [];
  let dropped = 0;
  for (const entry of value) {
    if (
      !isRecord(entry) ||
      typeof entry.key !== 'string' ||
      typeof entry.planId !== 'string' ||
      !isPlanIdKey(entry.planId) ||
      typeof entry.itemId !== 'string' ||
      !isItemIdKey(entry.itemId) ||
      !shortText(entry.text) ||
      !shortText(entry.fingerprint) ||
      !isTickTime(entry.detachedAt) ||
      detached.some((other) => other.key === entry.key)
    ) {
      dropped += 1;
      continue;
    }
    const review = decodeReview({[entry.planId]: {[entry.itemId]: entry.review}}).review[entry.planId]?.[entry.itemId] ?? null;
    const runs = Array.isArray(entry.runs)
      ? entry.runs.flatMap((run) =>
          isRecord(run) && isTickTime(run.start) && isTickTime(run.end) && run.end >= run.start
            ? [{start: run.start, end: run.end, finished: run.finished === true}]
            : [],
        )
      : [];
    detached.push({
      key: entry.key,
      planId: entry.planId,
      itemId: entry.itemId,
      text: entry.text,
      fingerprint: entry.fingerprint,
      detachedAt: entry.detachedAt,
      tick: isTickTime(entry.tick) ? entry.tick : null,
      note: typeof entry.note === 'string' && entry.note.trim() !== '' && entry.note.length <= MAX_NOTE_LENGTH ? entry.note : null,
      review,
      runs,
    });
  }
  return {detached, dropped};
}
