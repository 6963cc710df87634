/**
 * What travels between browsers, with no browser APIs: the export file (ticks, followed plans, notes, review marks,
 * paused timers, the time log, set-aside records, with the stamps of their items) and how an import merges it into
 * what is here. "Move my progress" links carry the same content (./transfer.ts). Loaded only when the reader exports,
 * imports or opens a link: plan pages do not carry it (see `npm run bench`).
 */
import {copyMap, isItemIdKey, isPlanIdKey, quoteKey, isRecord} from './keys';
import {
  decodeFollow,
  decodeTimerRuns,
  decodeTimers,
  isTickTime,
  MAX_FOLLOWS,
  MAX_TIMER_RUNS,
  type FollowedPlan,
  type StoredState,
  type TimerRecord,
  type TimerRun,
} from './schema';
import {createMap} from './keys';
import type {Progress} from './progress';
import {MAX_NOTE_LENGTH, mergeNotes, type NoteMap, type NoteMergeReport} from './notes';
import {incomingDetached, rekeyImported, stampsOfRecords} from './importedRecords';
import {decodeDetached, MAX_DETACHED, type DetachedRecord, type StampMap} from './stamps';
import {elapsedMs, remainingMs, timerKey} from './timers';
import {mergeReview, type ReviewMap} from './review';
import {decodeSync, NO_SYNC, recordKey, type SyncState} from './versions';
import {flattenItemVersions, joinImported, nestItemVersions, withVersionedCounts} from './versionedImport';
import {pruneTombstones} from './merge';

export {describeImport, type ImportReport} from './describeImport';
import type {ImportReport} from './describeImport';

/** Identifies our export files, so a different JSON file is refused with a clear reason. */
export const EXPORT_APP = 'go-study-plans';
/**
 * Format of the export file (not the store's schema version); bump it when the file shape changes.
 * 2 added `follows`, `dayNotes` and `itemNotes`; 3 added `review`; 4 added `stamps`, what each record's item said,
 * so an import after a plan edit puts records on their items; 5 added `timers` (paused), `timerRuns` (the time log)
 * and `detached`, with the stamps of the items the timers and runs are on; 6 added `versions` (./versions.ts), so
 * removals and corrections travel too; 7 carries the versions of set-aside records, so deleting one travels (a site
 * that reads 6 would take the file's set-aside records without their removals, and a sync gist it wrote back would
 * bring deleted ones back on every device: it must refuse the file and say to reload). "Move my progress" links carry
 * the same content (./transfer.ts says why their number differs). Files of formats 1 to 6 still import (1 has ticks only, 2 no review marks, 3 no stamps: their records are taken as made
 * on the plans as they are now; 4 no time; 5 no versions: their records add what is missing, never undo a removal).
 */
export const EXPORT_VERSION = 7;
/** A real export is a few kilobytes; anything far larger is not one of ours. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

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
  /** The fingerprint and text of the item each tick, item note, mark, timer and run was made on (format 4; timers and runs 5). */
  stamps: StampMap;
  /** Timers with time on them and not finished, all paused (format 5; see `exportedTimers`). */
  timers: TimerRecord[];
  /** The time log, oldest first (format 5). */
  timerRuns: TimerRun[];
  /** Records whose item left its plan, with the text they were made on (format 5). */
  detached: DetachedRecord[];
  /** The versions of ticks, marks, follows and notes, removals included (format 6; the device id stays behind). */
  versions: Omit<SyncState, 'device'>;
}

/** The notes an export carries and an import merges into. */
export interface Notes {
  dayNotes: NoteMap;
  itemNotes: NoteMap;
}

const NO_NOTES: Notes = {dayNotes: createMap(), itemNotes: createMap()};

/** Everything besides ticks that an export carries and an import merges into. */
export type ExportExtras = Partial<Notes> & {
  follows?: readonly FollowedPlan[];
  review?: ReviewMap;
  stamps?: StampMap;
  timers?: Readonly<Record<string, TimerRecord>>;
  timerRuns?: readonly TimerRun[];
  detached?: readonly DetachedRecord[];
  sync?: SyncState;
};

/**
 * The timers an export carries: those with time on them that have not finished, every one paused. A paused timer is
 * progress (half a block done) and arrives as it is. A running one arrives paused, holding the time it ran until the
 * export, but that stretch is not put in the exported time log: this device logs it when the timer stops here, and
 * the next export brings it over whole; logging the part now as well would count those minutes twice. A finished
 * timer's time is in the log already, and a countdown that only shows "finished" is nothing to move.
 */
export function exportedTimers(timers: Readonly<Record<string, TimerRecord>>, now: number): TimerRecord[] {
  return Object.values(timers).flatMap((timer) =>
    timer.finishedAt === null && elapsedMs(timer, now) > 0 && remainingMs(timer, now) > 0
      ? [{...timer, elapsedMs: elapsedMs(timer, now), runningSince: null}]
      : [],
  );
}

/** planId → itemId → true for the items a list of timers or runs is on (and the items a timer runs next), to pick their stamps. */
function itemsOf(entries: readonly (Pick<TimerRun, 'planId' | 'itemId'> & {next?: readonly string[]})[]): Record<string, Record<string, true>> {
  const map = createMap<Record<string, true>>();
  for (const entry of entries) {
    map[entry.planId] ??= createMap<true>();
    for (const id of [entry.itemId, ...(entry.next ?? [])]) map[entry.planId]![id] = true;
  }
  return map;
}

/** The export file's content for the given progress. */
export function exportProgress(progress: Progress, now: Date, extras: ExportExtras = {}): ProgressExport {
  const timers = exportedTimers(extras.timers ?? createMap(), now.getTime());
  const timerRuns = [...(extras.timerRuns ?? [])];
  const {device: _device, ...versions} = extras.sync ?? NO_SYNC;
  return {
    app: EXPORT_APP,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    progress,
    follows: [...(extras.follows ?? [])],
    dayNotes: extras.dayNotes ?? NO_NOTES.dayNotes,
    itemNotes: extras.itemNotes ?? NO_NOTES.itemNotes,
    review: extras.review ?? createMap(),
    stamps: stampsOfRecords(
      extras.stamps ?? createMap(),
      progress,
      extras.itemNotes ?? NO_NOTES.itemNotes,
      extras.review ?? createMap(),
      itemsOf(timers),
      itemsOf(timerRuns),
      // A removal keeps the stamp of its item, so it reaches the item on a device whose plans have moved it.
      ...Object.values(nestItemVersions(versions)),
    ),
    timers,
    timerRuns,
    detached: [...(extras.detached ?? [])],
    versions,
  };
}

/** Everything besides ticks an export or a link carries, as the store holds it. */
export function extrasOf(state: StoredState): ExportExtras {
  const {follows, dayNotes, itemNotes, review, stamps, timers, timerRuns, detached, sync} = state;
  return {follows, dayNotes, itemNotes, review, stamps, timers, timerRuns, detached, sync};
}

/** The parts of the store an import writes, from a successful import. */
export function withImport(state: StoredState, result: Extract<ImportResult, {ok: true}>, now = Date.now()): StoredState {
  const merged = new Set(result.detached.map((record) => record.key));
  // Merging is when old removals are forgotten (./merge.ts): a merge is what they guard against.
  return pruneTombstones(
    {
      ...state,
      progress: result.progress,
      follows: result.follows,
      ...result.notes,
      review: result.review,
      stamps: result.stamps,
      timers: result.timers,
      timerRuns: result.timerRuns,
      // Records another tab set aside since the import read the store are kept, unless the import removed them.
      detached: [...result.detached, ...state.detached.filter((record) => !merged.has(record.key) && !result.sync.stamps[recordKey('setAside', record.key)])],
      sync: {...result.sync, device: state.sync.device, prunedBefore: state.sync.prunedBefore},
    },
    now,
  );
}

/** File name with the date, so several exports sort and do not overwrite each other. */
export function exportFileName(now: Date): string {
  return `go-study-plans-progress-${now.toISOString().slice(0, 10)}.json`;
}

/** Which plans and items the site has, to tell the reader about ticks it cannot show. */
export type KnownItems = ReadonlyMap<string, ReadonlySet<string>>;

export type ImportResult =
  | {
      ok: true;
      progress: Progress;
      follows: FollowedPlan[];
      notes: Notes;
      review: ReviewMap;
      /** The stamps here, with those of the file's records that kept their ids. */
      stamps: StampMap;
      timers: Record<string, TimerRecord>;
      /** The time log here and the file's, without duplicates, oldest first. */
      timerRuns: TimerRun[];
      /**
       * The set-aside records after the merge: those here, less those the other device deleted later, plus the file's
       * and the file's records whose id holds another item here (set aside, never merged into it).
       */
      detached: DetachedRecord[];
      /** The versions after the merge. */
      sync: SyncState;
      report: ImportReport;
    }
  | {ok: false; error: string};

/**
 * Validates an export file and merges it into the current progress. Merge rule: a tick in
 * either place stays ticked (nothing is ever unticked by an import); when both have the
 * same item, the earlier time wins, so importing the same file twice changes nothing.
 * Notes merge by `mergeNotes`: no text typed here or in the file is lost. Review marks merge by
 * `mergeReview`: nothing is unmarked, and the schedule reviewed last wins.
 * A file that is not a readable export returns an error and no progress at all.
 */
export function importProgress(text: string, current: Progress, known?: KnownItems, here: ExportExtras = {}, now = Date.now()): ImportResult {
  const currentFollows = here.follows ?? [];
  const currentNotes: Notes = {dayNotes: here.dayNotes ?? NO_NOTES.dayNotes, itemNotes: here.itemNotes ?? NO_NOTES.itemNotes};
  if (text.length > MAX_IMPORT_BYTES) {
    return {ok: false, error: `The file is ${Math.round(text.length / 1024)} KB; a progress export is a few KB. Nothing was changed.`};
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {ok: false, error: `The file is not valid JSON (${reason}). Nothing was changed.`};
  }
  if (!isRecord(data) || data.app !== EXPORT_APP) {
    return {ok: false, error: 'This is not a Go Study Plans progress export (its "app" field is missing or different). Nothing was changed.'};
  }
  if (typeof data.version !== 'number' || !Number.isInteger(data.version) || data.version < 1) {
    return {ok: false, error: 'The file has no valid "version" number. Nothing was changed.'};
  }
  if (data.version > EXPORT_VERSION) {
    return {
      ok: false,
      error: `The file was made by a newer version of this site (format ${data.version}; this site reads up to ${EXPORT_VERSION}). Reload the page to get the latest site, then import again. Nothing was changed.`,
    };
  }
  if (!isRecord(data.progress)) {
    return {ok: false, error: 'The file has no "progress" object. Nothing was changed.'};
  }

  // Stamped records first move to the ids their items have here (see rekeyImported); then everything merges by id.
  const fileSync = decodeSync(data.versions, MAX_NOTE_LENGTH);
  const rekeyed = rekeyImported(
    {
      progress: data.progress,
      itemNotes: data.itemNotes,
      review: data.review,
      timerRuns: data.timerRuns,
      timers: data.timers,
      versions: nestItemVersions(fileSync),
    },
    data.stamps,
    here.stamps ?? createMap(),
    now,
  );
  const fileProgress = rekeyed.records.progress as Record<string, unknown>;
  const day = mergeNotes(currentNotes.dayNotes, data.dayNotes, 'day');
  const item = mergeNotes(currentNotes.itemNotes, rekeyed.records.itemNotes, 'item');
  const notes: NoteMergeReport = {
    added: day.report.added + item.report.added,
    alreadyThere: day.report.alreadyThere + item.report.alreadyThere,
    extended: day.report.extended + item.report.extended,
    keptBoth: day.report.keptBoth + item.report.keptBoth,
    skipped: [...day.report.skipped, ...item.report.skipped],
  };
  const review = mergeReview(here.review ?? createMap(), rekeyed.records.review, known);
  const report: ImportReport = {
    added: 0,
    alreadyThere: 0,
    skipped: [...notes.skipped, ...review.report.skipped],
    unknownPlans: [],
    unknownItems: 0,
    followsAdded: 0,
    notes,
    review: review.report,
  };
  // Keys are the file's text: a map without a prototype keeps "__proto__" or "constructor" from reaching built-ins.
  const merged = copyMap(current);
  for (const [planId, items] of Object.entries(fileProgress)) {
    if (!isRecord(items)) {
      report.skipped.push(`${quoteKey(planId)} is not a list of ticked items`);
      continue;
    }
    if (!isPlanIdKey(planId)) {
      const count = Object.keys(items).length;
      report.skipped.push(`${quoteKey(planId)} is not a plan id (${count} ${count === 1 ? 'tick' : 'ticks'})`);
      continue;
    }
    const knownItems = known?.get(planId);
    if (known && !knownItems) report.unknownPlans.push(planId);
    const planTicks = copyMap(Object.hasOwn(merged, planId) ? merged[planId] : undefined);
    for (const [itemId, at] of Object.entries(items)) {
      if (!isItemIdKey(itemId)) {
        report.skipped.push(`${quoteKey(planId)} → ${quoteKey(itemId)} is not an item id`);
        continue;
      }
      if (!isTickTime(at)) {
        report.skipped.push(`${quoteKey(planId)} → ${quoteKey(itemId)} has no valid tick time`);
        continue;
      }
      if (knownItems && !knownItems.has(itemId)) report.unknownItems += 1;
      if (Object.hasOwn(planTicks, itemId)) {
        planTicks[itemId] = Math.min(planTicks[itemId]!, at);
        report.alreadyThere += 1;
      } else {
        planTicks[itemId] = at;
        report.added += 1;
      }
    }
    if (Object.keys(planTicks).length > 0) merged[planId] = planTicks;
  }
  // A follow already here wins (it may have been shifted since the export), and so does one here of the same plans
  // (both devices followed the same week: the Today page would show it twice); version 1 files have none.
  const follows = [...currentFollows];
  let followsNotAdded = 0;
  for (const entry of Array.isArray(data.follows) ? data.follows : []) {
    const follow = decodeFollow(entry);
    if (!follow) {
      report.skipped.push('a followed plan without plans or a valid start date');
      continue;
    }
    if (follows.some((other) => other.id === follow.id)) continue;
    if (follows.length >= MAX_FOLLOWS || follows.some((other) => other.planIds.join() === follow.planIds.join())) {
      followsNotAdded += 1;
      continue;
    }
    follows.push(follow);
    report.followsAdded += 1;
  }
  if (followsNotAdded > 0) report.followsNotAdded = followsNotAdded;

  // The time log: a run is the same run when it is on the same item and starts and ends at the same moments.
  const hereRuns = [...(here.timerRuns ?? [])];
  const seen = new Set(hereRuns.map(runKey));
  const fileRuns = decodeTimerRuns(rekeyed.records.timerRuns, now).filter((run) => !seen.has(runKey(run)) && seen.add(runKey(run)));
  const allRuns = [...hereRuns, ...fileRuns].sort((a, b) => a.start - b.start);
  const runsDropped = Math.max(0, allRuns.length - MAX_TIMER_RUNS);
  if (fileRuns.length > 0) report.runsAdded = fileRuns.length;
  if (runsDropped > 0 && fileRuns.length > 0) report.runsDropped = runsDropped;
  const timerRuns = fileRuns.length > 0 ? allRuns.slice(runsDropped) : hereRuns;

  // Timers arrive paused. Where both sides have a paused timer on one item, the one with more time on it stays, the
  // same choice on either device, so two devices that exchanged show the same timer. A timer running here, or finished
  // here, is the one in use on this device and stays.
  const timers = copyMap(here.timers);
  let timersAdded = 0;
  let timersKeptHere = 0;
  let timersTaken = 0;
  for (const timer of Object.values(decodeTimers(rekeyed.records.timers, now))) {
    if (timer.finishedAt !== null || timer.elapsedMs <= 0 || timer.elapsedMs >= timer.durationMs) continue;
    const key = timerKey(timer.planId, timer.itemId);
    const arriving: TimerRecord = {...timer, runningSince: null};
    const mine = Object.hasOwn(timers, key) ? timers[key]! : null;
    if (mine === null) {
      timers[key] = arriving;
      timersAdded += 1;
    } else if (JSON.stringify(mine) === JSON.stringify(arriving)) continue;
    else if (mine.runningSince === null && mine.finishedAt === null && laterTimer(mine, arriving) === arriving) {
      timers[key] = arriving;
      timersTaken += 1;
    } else timersKeptHere += 1;
  }
  if (timersAdded > 0) report.timersAdded = timersAdded;
  if (timersKeptHere > 0) report.timersKeptHere = timersKeptHere;
  if (timersTaken > 0) report.timersTaken = timersTaken;

  const fileDetached = decodeDetached(data.detached);
  if (fileDetached.dropped > 0)
    report.skipped.push(`${fileDetached.dropped} set-aside ${fileDetached.dropped === 1 ? 'record' : 'records'} without a plan, id or text`);
  const hereDetached = here.detached ?? [];

  // Ticks, marks, follows and notes merge by their versions (./merge.ts): the checks and counts above stay the file's.
  const joined = joinImported(
    {
      progress: current,
      review: here.review ?? createMap(),
      follows: [...currentFollows],
      ...currentNotes,
      detached: [...hereDetached],
      sync: here.sync ?? NO_SYNC,
    },
    {
      progress: fileProgress,
      review: rekeyed.records.review,
      follows: data.follows,
      dayNotes: data.dayNotes,
      itemNotes: rekeyed.records.itemNotes,
      detached: incomingDetached(hereDetached, [...fileDetached.detached, ...rekeyed.detached]),
      sync: flattenItemVersions(fileSync, rekeyed.records.versions ?? {}),
    },
  );
  withVersionedCounts(report, joined.report);
  const detached = withinDetachedCap(joined.fields, hereDetached, here.sync ?? NO_SYNC);
  const setAside = detached.added.filter((record) => rekeyed.detached.some((other) => other.key === record.key)).length;
  if (setAside > 0) report.detached = setAside;
  if (detached.added.length > setAside) report.detachedAdded = detached.added.length - setAside;
  if (detached.notAdded > 0) report.detachedNotAdded = detached.notAdded;
  // A follow without a version (an older file) is added by the old rule: not when the same plans are followed here.
  const legacyAllowed = new Set(follows.map((follow) => follow.id));
  const joinedFollows = joined.fields.follows.filter(
    (follow) => currentFollows.some((other) => other.id === follow.id) || joined.fields.sync.stamps[`follow|${follow.id}`] || legacyAllowed.has(follow.id),
  );
  return {
    ok: true,
    progress: joined.fields.progress,
    follows: joinedFollows,
    notes: {dayNotes: joined.fields.dayNotes, itemNotes: joined.fields.itemNotes},
    review: joined.fields.review,
    stamps: rekeyed.stamps,
    timers,
    timerRuns,
    detached: detached.list,
    sync: detached.sync,
    report,
  };
}

/**
 * The merged set-aside records within `MAX_DETACHED`: those here are never dropped, and records the merge would add
 * beyond it are not added (the import says how many; the file still holds them). Their versions stay as they were
 * here, so no removal is recorded for a record this browser never held.
 */
function withinDetachedCap(
  merged: Pick<StoredState, 'detached' | 'sync'>,
  here: readonly DetachedRecord[],
  hereSync: SyncState,
): {list: DetachedRecord[]; added: DetachedRecord[]; notAdded: number; sync: SyncState} {
  const hereKeys = new Set(here.map((record) => record.key));
  const added = merged.detached.filter((record) => !hereKeys.has(record.key));
  const room = Math.max(0, MAX_DETACHED - (merged.detached.length - added.length));
  if (added.length <= room) return {list: merged.detached, added, notAdded: 0, sync: merged.sync};
  const refused = new Set(added.slice(room).map((record) => record.key));
  const stamps = copyMap(merged.sync.stamps);
  for (const key of refused) {
    const versionKey = recordKey('setAside', key);
    if (hereSync.stamps[versionKey]) stamps[versionKey] = hereSync.stamps[versionKey];
    else delete stamps[versionKey];
  }
  return {
    list: merged.detached.filter((record) => !refused.has(record.key)),
    added: added.slice(0, room),
    notAdded: refused.size,
    sync: {...merged.sync, stamps},
  };
}

/** Of two paused timers on one item, the one with more time on it; equal times are ordered by their JSON (a join). */
function laterTimer(a: TimerRecord, b: TimerRecord): TimerRecord {
  if (a.elapsedMs !== b.elapsedMs) return a.elapsedMs > b.elapsedMs ? a : b;
  return JSON.stringify(a) >= JSON.stringify(b) ? a : b;
}

const runKey = (run: TimerRun): string => `${run.planId}#${run.itemId}@${run.start}-${run.end}`;
