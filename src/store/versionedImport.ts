/**
 * The versioned part of an import (an export file, a "Move my progress" link, a synced document): the file's versions
 * move with its records to the items they were made on, then the records merge by ./merge.ts. Files and links made
 * before versions existed carry none: their records count as legacy, so they add what is missing (the old union) and
 * never undo a removal or a change made here since.
 */
import {createMap} from './keys';
import {mergeVersioned, type VersionedReport} from './merge';
import type {ImportReport} from './describeImport';
import {decodeNotes} from './notes';
import {ITEM_KINDS} from './recordKinds';
import {decodeReview} from './review';
import {decodeFollow, decodeProgress, type FollowedPlan, type StoredState} from './schema';
import type {DetachedRecord} from './stamps';
import {isRecord} from './keys';
import {keyParts, recordKey, type SyncState} from './versions';

/** The versions of the records on plan items, as plan → item maps per kind, so they are re-keyed as their records are. */
export type NestedVersions = Record<string, Record<string, Record<string, unknown>>>;

/** Field names under which a file's item versions travel through re-keying (`rekeyImported`). */
export const versionField = (kind: string): string => `${kind}Versions`;

/** Splits a file's versions of item records into plan → item maps per kind (the rest stay flat). */
export function nestItemVersions(sync: Pick<SyncState, 'stamps' | 'notes'>): NestedVersions {
  const nested: NestedVersions = createMap();
  for (const kind of ITEM_KINDS) nested[versionField(kind.kind)] = createMap();
  for (const [key, version] of [...Object.entries(sync.stamps), ...Object.entries(sync.notes)]) {
    const [kind, planId, itemId] = keyParts(key);
    const field = nested[versionField(kind ?? '')];
    if (!field || planId === undefined || itemId === undefined) continue;
    field[planId] ??= createMap();
    field[planId]![itemId] = version;
  }
  return nested;
}

/** Puts re-keyed plan → item maps back into flat versions, in place of the file's item versions. */
export function flattenItemVersions(sync: SyncState, nested: Readonly<Record<string, unknown>>): SyncState {
  const itemKind = (key: string) => ITEM_KINDS.some((kind) => key.startsWith(`${kind.kind}|`));
  const stamps = createMap<SyncState['stamps'][string]>();
  const notes = createMap<SyncState['notes'][string]>();
  for (const [key, stamp] of Object.entries(sync.stamps)) if (!itemKind(key)) stamps[key] = stamp;
  for (const [key, versions] of Object.entries(sync.notes)) if (!itemKind(key)) notes[key] = versions;
  for (const kind of ITEM_KINDS) {
    const plans = nested[versionField(kind.kind)];
    if (!isRecord(plans)) continue;
    for (const [planId, items] of Object.entries(plans)) {
      if (!isRecord(items)) continue;
      for (const [itemId, version] of Object.entries(items)) {
        const key = recordKey(kind.kind, planId, itemId);
        if (kind.register === 'lww') stamps[key] = version as SyncState['stamps'][string];
        else notes[key] = version as SyncState['notes'][string];
      }
    }
  }
  return {...sync, stamps, notes};
}

/** What an import brings, after re-keying: its records as read, and its versions (decoded, re-keyed). */
export interface ImportedVersioned {
  progress: unknown;
  review: unknown;
  follows: unknown;
  dayNotes: unknown;
  itemNotes: unknown;
  /** Set-aside records, decoded and under content keys. */
  detached: DetachedRecord[];
  sync: SyncState;
}

export type VersionedFields = Pick<StoredState, 'progress' | 'review' | 'follows' | 'dayNotes' | 'itemNotes' | 'detached' | 'sync'>;

/** Merges an import's versioned records into those here; nothing of the file is trusted before it is decoded. */
export function joinImported(here: VersionedFields, file: ImportedVersioned): {fields: VersionedFields; report: VersionedReport} {
  const follows = (Array.isArray(file.follows) ? file.follows : []).map(decodeFollow).filter((follow): follow is FollowedPlan => follow !== null);
  const remote = {
    progress: decodeProgress(file.progress),
    review: decodeReview(file.review).review,
    follows: follows.filter((follow, index) => follows.findIndex((other) => other.id === follow.id) === index),
    dayNotes: decodeNotes(file.dayNotes, 'day').notes,
    itemNotes: decodeNotes(file.itemNotes, 'item').notes,
    detached: file.detached,
    sync: file.sync,
  };
  const {state, report} = mergeVersioned(here, remote);
  return {fields: state, report};
}

/** The counts of what the versioned merge did, in place of the union's: a removal or a later change is counted too. */
export function withVersionedCounts(report: ImportReport, versioned: VersionedReport): void {
  const count = (map: Record<string, number>, ...kinds: string[]) => kinds.reduce((sum, kind) => sum + (map[kind] ?? 0), 0);
  report.added = count(versioned.added, 'tick');
  report.followsAdded = count(versioned.added, 'follow');
  report.review.added = count(versioned.added, 'mark');
  report.notes.added = count(versioned.added, 'dayNote', 'itemNote');
  report.notes.keptBoth = versioned.concurrentNotes;
  report.notes.extended = Math.max(0, count(versioned.changed, 'dayNote', 'itemNote') - versioned.concurrentNotes);
  const removed = {
    ticks: count(versioned.removed, 'tick'),
    marks: count(versioned.removed, 'mark'),
    notes: count(versioned.removed, 'dayNote', 'itemNote'),
    follows: count(versioned.removed, 'follow'),
    setAside: count(versioned.removed, 'setAside'),
  };
  if (Object.values(removed).some((value) => value > 0)) report.removed = removed;
  const removedHereLater = {
    ticks: count(versioned.removedHereLater, 'tick'),
    marks: count(versioned.removedHereLater, 'mark'),
    follows: count(versioned.removedHereLater, 'follow'),
    setAside: count(versioned.removedHereLater, 'setAside'),
  };
  if (Object.values(removedHereLater).some((value) => value > 0)) report.removedHereLater = removedHereLater;
  const changed = count(versioned.changed, 'tick', 'mark', 'follow');
  if (changed > 0) report.changed = changed;
}
