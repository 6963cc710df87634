/**
 * How two devices' versioned records merge (loaded with an exchange, not with plan pages). For every record key of the
 * table (./recordKinds.ts) the merge is a join: commutative, associative and idempotent, so devices that have exchanged
 * their state agree whatever the order.
 *
 * - Ticks, review marks, followed plans, set-aside records: the version with the later stamp wins, its value or its
 *   removal. Two equal versions only come from before versions existed (`LEGACY`), or are a record every device set
 *   aside by itself: their values merge by the old union rule.
 * - Notes: the versions of both sides not dominated by another version are kept. An edit made after seeing the other
 *   side's text dominates it and replaces it; edits made without seeing each other are both kept, and the note shows
 *   both texts. Between legacy versions (empty vectors), a text contained in the other is dominated by it.
 */
import {createMap} from './keys';
import {MAX_NOTE_LENGTH} from './notes';
import {VERSIONED_KINDS} from './recordKinds';
import type {StoredState} from './schema';
import {compareStamps, LEGACY, noteView, TOMBSTONE_HORIZON_MS, vvAtMost, type NoteVersion, type Stamp, type SyncState, type VersionVector} from './versions';

/** One side of a merge: the versioned fields' values and their versions. */
export type VersionedSide = Pick<StoredState, 'progress' | 'review' | 'follows' | 'dayNotes' | 'itemNotes' | 'detached'> & {
  sync: Pick<SyncState, 'stamps' | 'notes'> & Partial<Pick<SyncState, 'clock' | 'prunedBefore'>>;
};

/** What a merge changed here, for the reader. */
export interface VersionedReport {
  /** Per kind (`tick`, `mark`, …): records added here, changed here, and removed here. */
  added: Record<string, number>;
  changed: Record<string, number>;
  removed: Record<string, number>;
  /** Notes edited on both devices without seeing each other: both texts are kept. */
  concurrentNotes: number;
  /** Per kind: records the other side holds that were removed here later, so they stay removed (an untick wins). */
  removedHereLater: Record<string, number>;
}

const vvEqual = (a: VersionVector, b: VersionVector): boolean => vvAtMost(a, b) && vvAtMost(b, a);

/** True when version `a` is replaced by `b`: an older vector, or (equal vectors) a text that `b`'s text contains. */
function dominated(a: NoteVersion, b: NoteVersion): boolean {
  if (vvEqual(a.vv, b.vv)) return a.text !== b.text && b.text.includes(a.text);
  return vvAtMost(a.vv, b.vv);
}

const noteOrder = (version: NoteVersion): string => JSON.stringify([Object.entries(version.vv).sort(), version.text]);

/** The versions of both sides that no other version replaces, in one order on every device (a join). */
export function joinNoteVersions(a: readonly NoteVersion[], b: readonly NoteVersion[]): NoteVersion[] {
  const unique = new Map<string, NoteVersion>();
  for (const version of [...a, ...b]) unique.set(noteOrder(version), version);
  const all = [...unique.values()];
  return all.filter((version) => !all.some((other) => other !== version && dominated(version, other))).sort((x, y) => (noteOrder(x) < noteOrder(y) ? -1 : 1));
}

/** The versions of a note as one side holds them; a note without versions is a legacy one (empty vector). */
function noteVersionsOf(side: VersionedSide, key: string, text: string | undefined): NoteVersion[] {
  const stored = side.sync.notes[key];
  if (stored && noteView(stored) === (text ?? '')) return stored;
  // The field changed without a version (it cannot from this site; a hand-edited store): its text is what is shown.
  if (stored) return [{vv: stored.reduce<VersionVector>((vv, version) => ({...vv, ...version.vv}), createMap()), text: text ?? ''}];
  return text === undefined ? [] : [{vv: createMap(), text}];
}

/**
 * Merges `remote`'s versioned records into `local`'s. Returns the merged values and versions, and what changed here.
 * A remote record versioned before `local`'s pruning watermark that is not here is not taken: it may be one removed
 * here whose removal was forgotten (see `TOMBSTONE_HORIZON_MS`).
 */
export function mergeVersioned<S extends VersionedSide>(local: S, remote: VersionedSide): {state: S; report: VersionedReport} {
  const report: VersionedReport = {added: createMap(), changed: createMap(), removed: createMap(), concurrentNotes: 0, removedHereLater: createMap()};
  const stamps = {...local.sync.stamps};
  const notes = {...local.sync.notes};
  const watermark = local.sync.prunedBefore ?? 0;
  let state: S = local;
  for (const kind of VERSIONED_KINDS) {
    const here = kind.entries(local as unknown as StoredState);
    const there = kind.entries(remote as unknown as StoredState);
    const merged = new Map(here);
    const keys = new Set([...here.keys(), ...there.keys()]);
    const versionKeys = kind.register === 'lww' ? [local.sync.stamps, remote.sync.stamps] : [local.sync.notes, remote.sync.notes];
    for (const map of versionKeys) for (const key of Object.keys(map)) if (key.startsWith(`${kind.kind}|`)) keys.add(key);
    for (const key of keys) {
      const mine = here.get(key);
      let value: unknown;
      // A change by the old union rule (equal legacy versions) is the import's own to count; a later version's is ours.
      let newer = kind.register === 'notes';
      if (kind.register === 'lww') {
        const ours: Stamp = local.sync.stamps[key] ?? LEGACY;
        const theirs: Stamp = remote.sync.stamps[key] ?? LEGACY;
        const order = compareStamps(ours, theirs);
        const other = there.get(key);
        if (order < 0 && !(theirs.at < watermark && mine === undefined && !local.sync.stamps[key])) {
          value = other;
          stamps[key] = theirs;
          newer = true;
        } else if (order === 0) value = mine !== undefined && other !== undefined ? kind.legacyJoin(mine, other) : (mine ?? other);
        else {
          value = mine;
          if (mine === undefined && other !== undefined) report.removedHereLater[kind.kind] = (report.removedHereLater[kind.kind] ?? 0) + 1;
        }
      } else {
        const joined = joinNoteVersions(
          noteVersionsOf(local, key, mine as string | undefined),
          noteVersionsOf(remote, key, there.get(key) as string | undefined),
        );
        const text = noteView(joined).slice(0, MAX_NOTE_LENGTH);
        value = text === '' ? undefined : text;
        if (joined.length > 0 && (joined.length > 1 || Object.keys(joined[0]!.vv).length > 0)) notes[key] = joined;
        else delete notes[key];
        if (joined.filter((version) => version.text.trim() !== '').length > 1 && value !== mine) report.concurrentNotes += 1;
      }
      if (value === undefined) merged.delete(key);
      else merged.set(key, value);
      if (mine === undefined && value !== undefined) report.added[kind.kind] = (report.added[kind.kind] ?? 0) + 1;
      else if (mine !== undefined && value === undefined) report.removed[kind.kind] = (report.removed[kind.kind] ?? 0) + 1;
      else if (newer && mine !== undefined && value !== undefined && !kind.same(mine, value)) report.changed[kind.kind] = (report.changed[kind.kind] ?? 0) + 1;
    }
    state = kind.withEntries(state as unknown as StoredState, merged) as unknown as S;
  }
  const clock = Math.max(local.sync.clock ?? 0, remote.sync.clock ?? 0, ...Object.values(stamps).map((stamp) => stamp.at));
  return {state: {...state, sync: {...local.sync, stamps, notes, clock}}, report};
}

/**
 * Forgets removals older than `TOMBSTONE_HORIZON_MS` and moves the watermark up to them, so an older device or file
 * cannot bring those records back: a record versioned before the watermark that is not here is refused.
 */
export function pruneTombstones(state: StoredState, now: number): StoredState {
  const horizon = now - TOMBSTONE_HORIZON_MS;
  const live = new Set(VERSIONED_KINDS.filter((kind) => kind.register === 'lww').flatMap((kind) => [...kind.entries(state).keys()]));
  const stamps = createMap<Stamp>();
  let watermark = state.sync.prunedBefore;
  for (const [key, stamp] of Object.entries(state.sync.stamps)) {
    if (!live.has(key) && stamp.at < horizon) watermark = Math.max(watermark, stamp.at + 1);
    else stamps[key] = stamp;
  }
  if (watermark === state.sync.prunedBefore) return state;
  return {...state, sync: {...state.sync, stamps, prunedBefore: watermark}};
}
