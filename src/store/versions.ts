/**
 * Versions of the records that travel between devices (schema 7), and how a local write gets one. Read on every page,
 * as every write stamps what it changed; merging versions from another device is ./merge.ts, loaded with an exchange.
 *
 * Ticks, review marks and followed plans are last-writer-wins registers: each carries a `Stamp` (when it last changed,
 * on which device). A device's clock never goes back below a stamp it has seen, so a change made after merging another
 * device's version always carries the higher stamp. Notes are multi-value registers: each version carries a version
 * vector, so two edits made without seeing each other are told apart from one made after the other, and both texts
 * are kept. A removal keeps its version (a tombstone): the stamp or vector stays while the value is gone.
 */
import {createMap, isTickTime} from './keys';
import {isRecord} from './keys';

/** When a record last changed and on which device: compared by time, then by device id. */
export interface Stamp {
  at: number;
  dev: string;
}

/** device id → how many edits of one note that device made. */
export type VersionVector = Record<string, number>;

/** One version of a note: its vector and its text ('' when the note was cleared). */
export interface NoteVersion {
  vv: VersionVector;
  text: string;
}

/**
 * The versions the store keeps next to the records (schema 7). Keys are `recordKey`s. A record stored without a
 * version (written before schema 7, or brought by an older file or link) counts as `LEGACY`: concurrent with any other.
 */
export interface SyncState {
  /** This device's id, random, made on the first stamped write ('' before). */
  device: string;
  /** The highest stamp time written or seen here. */
  clock: number;
  /** Stamps of ticks, review marks, followed plans and set-aside records, present or removed. */
  stamps: Record<string, Stamp>;
  /** The versions of each note; the store's own note field shows their texts (joined, for concurrent edits). */
  notes: Record<string, NoteVersion[]>;
  /** Removals older than this were forgotten (see `TOMBSTONE_HORIZON_MS`); older versions from elsewhere are refused. */
  prunedBefore: number;
}

/** A removal is remembered this long; after it, only records versioned before `prunedBefore` are refused. */
export const TOMBSTONE_HORIZON_MS = 366 * 24 * 60 * 60 * 1000;

/** The version of a record stored before versions existed: older than any real one, equal to any other legacy one. */
export const LEGACY: Stamp = Object.freeze({at: 0, dev: ''});

export const NO_SYNC: SyncState = Object.freeze({
  device: '',
  clock: 0,
  stamps: Object.freeze(createMap<Stamp>()),
  notes: Object.freeze(createMap<NoteVersion[]>()),
  prunedBefore: 0,
}) as SyncState;

/** Negative when `a` is older, positive when newer, 0 for the same version. */
export function compareStamps(a: Stamp, b: Stamp): number {
  if (a.at !== b.at) return a.at - b.at;
  return a.dev < b.dev ? -1 : a.dev > b.dev ? 1 : 0;
}

/** The key a versioned record is stored under: its kind, then its plan and item (or day), or a follow's id. */
export const recordKey = (kind: string, ...parts: string[]): string => [kind, ...parts].join('|');

/** A record key's parts: `[kind, planId, itemId]`, or `[kind, followId]`. */
export const keyParts = (key: string): string[] => key.split('|');

/** True when every entry of `a` is at most `b`'s. */
export function vvAtMost(a: VersionVector, b: VersionVector): boolean {
  return Object.entries(a).every(([dev, count]) => count <= (b[dev] ?? 0));
}

/** The entry-wise maximum of version vectors. */
export function vvJoin(vectors: readonly VersionVector[]): VersionVector {
  const joined = createMap<number>();
  for (const vector of vectors) for (const [dev, count] of Object.entries(vector)) joined[dev] = Math.max(joined[dev] ?? 0, count);
  return joined;
}

/** What a reader sees of a note's versions: the texts of concurrent edits joined, in the same order on every device. */
export const CONCURRENT_SEPARATOR = '\n\n--- also written on another device ---\n';
export function noteView(versions: readonly NoteVersion[]): string {
  const texts = [...new Set(versions.map((version) => version.text).filter((text) => text.trim() !== ''))].sort();
  return texts.join(CONCURRENT_SEPARATOR);
}

const DEVICE_ID = /^[a-z0-9]{1,24}$/;
const isCount = (value: unknown): value is number => Number.isInteger(value) && (value as number) > 0;

function decodeStamp(value: unknown): Stamp | null {
  if (!isRecord(value) || !isTickTime(value.at) || typeof value.dev !== 'string' || !DEVICE_ID.test(value.dev)) return null;
  return {at: value.at, dev: value.dev};
}

/** Reads a version vector; entries that cannot be a device's count are left out. */
export function decodeVector(value: unknown): VersionVector {
  const vv = createMap<number>();
  if (!isRecord(value)) return vv;
  for (const [dev, count] of Object.entries(value)) if (DEVICE_ID.test(dev) && isCount(count)) vv[dev] = count;
  return vv;
}

/** Reads one note's versions, as stored or carried in a document. */
export function decodeNoteVersions(value: unknown, maxLength: number): NoteVersion[] | null {
  if (!Array.isArray(value) || value.length === 0 || value.length > 16) return null;
  const versions: NoteVersion[] = [];
  for (const entry of value) {
    if (!isRecord(entry)) return null;
    const text = entry.text === undefined ? '' : entry.text;
    if (typeof text !== 'string' || text.length > maxLength) return null;
    versions.push({vv: decodeVector(entry.vv), text});
  }
  return versions;
}

// A record key: `kind|plan|item`, `kind|plan|day`, `follow|id`, or a set-aside record's `setAside|plan#item~hash`.
const VALID_KEY = /^(?:[a-zA-Z]+\|[\w./-]{1,200}(\|[a-z0-9-]{1,200})?|setAside\|[\w./-]{1,200}#[a-z0-9-]{1,200}~[0-9a-z]{1,13})$/;

/** Reads the stored versions; what cannot be one is left out, which makes its record count as legacy, never lost. */
export function decodeSync(value: unknown, maxNoteLength: number): SyncState {
  if (!isRecord(value)) return NO_SYNC;
  const stamps = createMap<Stamp>();
  if (isRecord(value.stamps)) {
    for (const [key, raw] of Object.entries(value.stamps)) {
      const stamp = decodeStamp(raw);
      if (stamp && VALID_KEY.test(key)) stamps[key] = stamp;
    }
  }
  const notes = createMap<NoteVersion[]>();
  if (isRecord(value.notes)) {
    for (const [key, raw] of Object.entries(value.notes)) {
      const versions = decodeNoteVersions(raw, maxNoteLength);
      if (versions && VALID_KEY.test(key)) notes[key] = versions;
    }
  }
  const clock = isTickTime(value.clock) ? value.clock : 0;
  return {
    device: typeof value.device === 'string' && DEVICE_ID.test(value.device) ? value.device : '',
    clock: Math.max(clock, ...Object.values(stamps).map((stamp) => stamp.at)),
    stamps,
    notes,
    prunedBefore: isTickTime(value.prunedBefore) ? value.prunedBefore : 0,
  };
}

/** A new random device id (letters and digits). */
export function newDeviceId(random: () => number = Math.random): string {
  let id = '';
  while (id.length < 12) id += Math.floor(random() * 36).toString(36);
  return id;
}

/** The next stamp time: the wall clock, but never at or below a stamp already written or seen here. */
export const nextStampTime = (sync: SyncState, now: number): number => Math.max(now, sync.clock + 1);
