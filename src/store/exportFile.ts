/**
 * The export file: what "Export progress" writes. Apart from ./progress (import, which loads when a reader uses it)
 * because an export is made at once, within the click.
 */
import type {FollowedPlan} from './schema';
import {createMap} from './keys';
import type {NoteMap} from './notes';
import {stampsOfRecords, type StampMap} from './records';
import type {ReviewMap} from './review';
import type {Progress} from './ticks';

/** Identifies our export files, so a different JSON file is refused with a clear reason. */
export const EXPORT_APP = 'go-study-plans';
/**
 * Format of the export file (not the store's schema version); bump it when the file shape changes.
 * 2 added `follows`, `dayNotes` and `itemNotes`; 3 added `review`; 4 added `stamps`, what each record's item said,
 * so an import after a plan edit puts records on their items. Files of formats 1 to 3 still import (1 has ticks
 * only, 2 no review marks, 3 no stamps: their records are taken as made on the plans as they are now).
 */
export const EXPORT_VERSION = 4;

export interface ProgressExport {
  app: typeof EXPORT_APP;
  version: number;
  exportedAt: string;
  progress: Progress;
  /** Plans followed from a start date (format 2). */
  follows: FollowedPlan[];
  dayNotes: NoteMap;
  itemNotes: NoteMap;
  /** "Review later" marks with their schedules (format 3). */
  review: ReviewMap;
  /** The fingerprint and text of the item each tick, item note and mark was made on (format 4). */
  stamps: StampMap;
}

/** The notes an export carries and an import merges into. */
export interface Notes {
  dayNotes: NoteMap;
  itemNotes: NoteMap;
}

export const NO_NOTES: Notes = {dayNotes: createMap(), itemNotes: createMap()};

/** Everything besides ticks that an export carries and an import merges into. */
export type ExportExtras = Partial<Notes> & {follows?: readonly FollowedPlan[]; review?: ReviewMap; stamps?: StampMap};

/** The export file's content for the given progress. */
export function exportProgress(progress: Progress, now: Date, extras: ExportExtras = {}): ProgressExport {
  return {
    app: EXPORT_APP,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    progress,
    follows: [...(extras.follows ?? [])],
    dayNotes: extras.dayNotes ?? NO_NOTES.dayNotes,
    itemNotes: extras.itemNotes ?? NO_NOTES.itemNotes,
    review: extras.review ?? createMap(),
    stamps: stampsOfRecords(extras.stamps ?? createMap(), progress, extras.itemNotes ?? NO_NOTES.itemNotes, extras.review ?? createMap()),
  };
}

/** File name with the date, so several exports sort and do not overwrite each other. */
export function exportFileName(now: Date): string {
  return `go-study-plans-progress-${now.toISOString().slice(0, 10)}.json`;
}
