/**
 * The table of what a learner keeps: one entry per field of the stored state, saying whether and how it travels to
 * another device. Versioned kinds (ticks, review marks, followed plans, day notes, item notes) carry versions
 * (./versions.ts) and merge as registers (./merge.ts); the rest either travel by union (grow-only) or stay on the
 * device. Stamping a write, merging, and the document that sync carries read this table, never a list of their own.
 */
import {copyMap, createMap} from './keys';
import {keyParts, recordKey} from './versions';
import type {FollowedPlan, StoredState} from './schema';
import type {DetachedRecord} from './stamps';
import type {ItemIdentity} from '@site/plugins/plan-model/identity';
import {hasContent, MAX_NOTE_LENGTH, MERGE_SEPARATOR} from './notes';
import type {ReviewMark} from './review';

type NestedField = 'progress' | 'review' | 'dayNotes' | 'itemNotes';

/** A versioned kind: how its records are listed and written as `recordKey` → value. */
interface VersionedKind<V> {
  /** The kind's part of every record key. */
  kind: string;
  field: NestedField | 'follows' | 'detached';
  /** `lww`: the later stamp wins; `notes`: concurrent versions are all kept (./versions.ts). */
  register: 'lww' | 'notes';
  /**
   * For a kind whose records sit on plan items (they move with the item when a plan is edited): where a set-aside
   * record holds it, and how a record arriving on an item that already holds one combines with it (a moved plan's
   * records adopted, a set-aside record put back). Null for other kinds.
   */
  item: ItemRules<V> | null;
  /** Every record of the kind, by record key. */
  entries(state: StoredState): Map<string, V>;
  /** The state with the kind's records replaced by `entries`. */
  withEntries(state: StoredState, entries: ReadonlyMap<string, V>): StoredState;
  /** True when two values are the same record (no write happened). */
  same(a: V, b: V): boolean;
  /**
   * How two values with the same version merge; only versions stored before schema 7, or from older files, are ever
   * equal and different. The old union rule, chosen to be commutative, associative and idempotent.
   */
  legacyJoin(a: V, b: V): V;
}

interface ItemRules<V> {
  /** The field of a set-aside record (./stamps.ts) that holds this kind's value of its item. */
  detachedField: 'tick' | 'note' | 'review';
  /**
   * `arriving` on `item` (undefined: an id this version of the plan does not have), which holds `here` (or nothing):
   * the value to keep, or null when they cannot be one.
   */
  combine(here: V | undefined, arriving: V, item: ItemIdentity | undefined): V | null;
}

function nested<V>(kind: string, field: NestedField): Pick<VersionedKind<V>, 'entries' | 'withEntries'> {
  return {
    entries(state) {
      const map = new Map<string, V>();
      const source = state[field] as unknown as Record<string, Record<string, V>>;
      for (const [planId, entries] of Object.entries(source)) for (const [key, value] of Object.entries(entries)) map.set(recordKey(kind, planId, key), value);
      return map;
    },
    withEntries(state, entries) {
      const next = createMap<Record<string, V>>();
      for (const [key, value] of entries) {
        const [, planId, id] = keyParts(key) as [string, string, string];
        next[planId] ??= createMap<V>();
        next[planId]![id] = value;
      }
      return {...state, [field]: next};
    },
  };
}

const lastReview = (mark: ReviewMark): number => mark.card?.lastReview ?? -1;

/** Two texts of one note as one: the one that holds the other, else both, one after the other; null when too long. */
export function joinNoteTexts(here: string, arriving: string): string | null {
  if (!hasContent(here) || arriving.includes(here)) return arriving;
  if (here.includes(arriving)) return here;
  const joined = `${here}${MERGE_SEPARATOR}${arriving}`;
  return joined.length <= MAX_NOTE_LENGTH ? joined : null;
}

/** A deterministic total order of JSON values, so a legacy join picks the same value on every device. */
const laterJson = <V>(a: V, b: V): V => (JSON.stringify(a) >= JSON.stringify(b) ? a : b);
/** Equal as stored: the records of these kinds are plain JSON, written by one code path in one key order. */
const sameJson = <V>(a: V, b: V): boolean => JSON.stringify(a) === JSON.stringify(b);

const tick: VersionedKind<number> = {
  kind: 'tick',
  field: 'progress',
  register: 'lww',
  // The earlier tick: the item was done then.
  item: {detachedField: 'tick', combine: (here, arriving) => (here === undefined ? arriving : Math.min(here, arriving))},
  ...nested<number>('tick', 'progress'),
  same: (a, b) => a === b,
  // The old rule: the earlier tick time is kept.
  legacyJoin: (a, b) => Math.min(a, b),
};

const mark: VersionedKind<ReviewMark> = {
  kind: 'mark',
  field: 'review',
  register: 'lww',
  // The mark reviewed last, named as its item is now.
  item: {
    detachedField: 'review',
    combine: (here, arriving, item) => (here && lastReview(here) >= lastReview(arriving) ? here : {...arriving, label: item?.text ?? arriving.label}),
  },
  ...nested<ReviewMark>('mark', 'review'),
  same: sameJson,
  // The old rule, field by field: the schedule reviewed last, the first time of marking, one label on every device.
  legacyJoin: (a, b) => {
    const reviewed = (mark: ReviewMark) => mark.card?.lastReview ?? -1;
    const card = reviewed(a) !== reviewed(b) ? (reviewed(a) > reviewed(b) ? a.card : b.card) : laterJson(a.card, b.card);
    return {label: a.label <= b.label ? a.label : b.label, markedAt: Math.min(a.markedAt, b.markedAt), card};
  },
};

/**
 * A kind kept as a list in its field, one record per id: written back in the order stored here, and records new to this
 * device after them, by id.
 */
function listed<V>(kind: string, field: 'follows' | 'detached', idOf: (value: V) => string): Pick<VersionedKind<V>, 'entries' | 'withEntries'> {
  const list = (state: StoredState) => state[field] as unknown as readonly V[];
  return {
    entries: (state) => new Map(list(state).map((value) => [recordKey(kind, idOf(value)), value])),
    withEntries: (state, entries) => {
      const kept = list(state).flatMap((value) => {
        const next = entries.get(recordKey(kind, idOf(value)));
        return next ? [next] : [];
      });
      const known = new Set(list(state).map(idOf));
      const added = [...entries.values()].filter((value) => !known.has(idOf(value))).sort((x, y) => (idOf(x) < idOf(y) ? -1 : 1));
      return {...state, [field]: [...kept, ...added]};
    },
  };
}

const follow: VersionedKind<FollowedPlan> = {
  kind: 'follow',
  field: 'follows',
  register: 'lww',
  item: null,
  ...listed<FollowedPlan>('follow', 'follows', (plan) => plan.id),
  same: sameJson,
  legacyJoin: laterJson,
};

const dayNote: VersionedKind<string> = {
  kind: 'dayNote',
  field: 'dayNotes',
  register: 'notes',
  item: null,
  ...nested<string>('dayNote', 'dayNotes'),
  same: (a, b) => a === b,
  legacyJoin: (a, b) => (a >= b ? a : b),
};

const itemNote: VersionedKind<string> = {
  ...dayNote,
  kind: 'itemNote',
  field: 'itemNotes',
  ...nested<string>('itemNote', 'itemNotes'),
  // Both texts (one after the other), or the one that holds the other; never cut: null when too long together.
  item: {detachedField: 'note', combine: (here, arriving) => joinNoteTexts(here ?? '', arriving)},
};

/**
 * Records a plan edit set aside (./stamps.ts), under their content's key. Setting one aside is not an edit (every device
 * that sees the same deploy sets the same record aside, under the same key), so it carries no version of its own;
 * deleting one, or putting it back on an item, is: the removal's stamp (a tombstone) travels, and the record is then
 * gone on every device rather than coming back from the one that still had it.
 */
const setAside: VersionedKind<DetachedRecord> = {
  kind: 'setAside',
  field: 'detached',
  register: 'lww',
  item: null,
  ...listed<DetachedRecord>('setAside', 'detached', (record) => record.key),
  same: sameJson,
  // Two devices set the same record aside at different moments: one copy, dated when it was first set aside.
  legacyJoin: (a, b) => (a.detachedAt !== b.detachedAt ? (a.detachedAt < b.detachedAt ? a : b) : laterJson(a, b)),
};

/** Every kind that carries versions and merges as a register. */
export const VERSIONED_KINDS: readonly VersionedKind<unknown>[] = [tick, mark, follow, dayNote, itemNote, setAside] as VersionedKind<unknown>[];

/** The versioned kinds whose records sit on plan items, by the field that holds them. */
export const ITEM_KINDS = VERSIONED_KINDS.filter((kind): kind is VersionedKind<unknown> & {item: ItemRules<unknown>} => kind.item !== null);

/** A field holding one record per plan item: plan id → item id → value. */
export type ItemField = Extract<NestedField, 'progress' | 'review' | 'itemNotes'>;

/**
 * The fields of the item kinds (ticks, review marks, item notes), read from the table: listing a plan's item ids,
 * moving records after a plan edit and re-keying an import's records go through these, so a new item kind in the
 * table moves with its item without another list to find.
 */
export const ITEM_FIELDS = ITEM_KINDS.map((kind) => kind.field) as ItemField[];

/**
 * Fields that are not versioned, and why. `union`: travels in a link or file and merges by adding what is missing
 * (the time log and the stamps of items only grow; a paused timer arrives if none is on the item here, and of two
 * paused timers on one item the one with more time on it stays).
 * `device`: stays with its device.
 */
export const UNVERSIONED_FIELDS = {
  version: 'device',
  // The link offers it, and the receiving device adopts it only if the reader confirms: a per-device preference.
  variant: 'device',
  timers: 'union',
  autoAdvance: 'device',
  lastVisit: 'device',
  timerRuns: 'union',
  keepAwake: 'device',
  lastBackupAt: 'device',
  stamps: 'union',
  sync: 'device',
} as const satisfies Partial<Record<keyof StoredState, 'union' | 'device'>>;

/** Moves the versions of one plan's item records along `moves` (old id → new id, or null: the records left). */
export function moveItemVersions<T>(
  versions: Record<string, T>,
  planId: string,
  moves: ReadonlyMap<string, string | null>,
  targetPlanId = planId,
): Record<string, T> {
  const next = copyMap(versions);
  const moved: [string, T][] = [];
  for (const kind of ITEM_KINDS) {
    for (const [id, target] of moves) {
      const key = recordKey(kind.kind, planId, id);
      if (!Object.hasOwn(versions, key)) continue;
      delete next[key];
      if (target !== null) moved.push([recordKey(kind.kind, targetPlanId, target), versions[key]!]);
    }
  }
  for (const [key, value] of moved) next[key] = value;
  return next;
}
