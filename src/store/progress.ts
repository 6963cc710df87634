/**
 * Progress logic with no browser APIs: import of an export file (with the followed plans, notes and review marks
 * that travel in it); ticking and the export file itself are re-exported from their own modules.
 * Components call these through `updateState`; tests call them directly.
 */
import {copyMap, isItemIdKey, isPlanIdKey, quoteKey} from './keys';
import {decodeFollow, isTickTime, MAX_FOLLOWS, type FollowedPlan} from './schema';
import {createMap} from './keys';
import {mergeNotes, type NoteMergeReport} from './notes';
import {rekeyImported, type DetachedRecord, type StampMap} from './records';
import {mergeReview, type ReviewMap, type ReviewMergeReport} from './review';

// Ticking is in ./ticks, which plan pages load, and the export file in ./exportFile; this module (import) loads when
// a reader uses it.
export {setTick, clearTicks, countTicked, type Progress} from './ticks';
import type {Progress} from './ticks';
export {EXPORT_APP, EXPORT_VERSION, exportFileName, exportProgress, type ExportExtras, type Notes, type ProgressExport} from './exportFile';
import {NO_NOTES, EXPORT_APP, EXPORT_VERSION, type ExportExtras, type Notes} from './exportFile';

/** A real export is a few kilobytes; anything far larger is not one of ours. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/** Which plans and items the site has, to tell the reader about ticks it cannot show. */
export type KnownItems = ReadonlyMap<string, ReadonlySet<string>>;

export interface ImportReport {
  /** Ticks in the file that were not stored before. */
  added: number;
  /** Ticks in the file that were already stored (the earlier time is kept). */
  alreadyThere: number;
  /** Entries skipped because they were not a plan → item → time mapping. */
  skipped: string[];
  /** Plans in the file this site does not have; their ticks are kept for when the plan returns. */
  unknownPlans: string[];
  /** Ticks for items a known plan no longer has (kept the same way). */
  unknownItems: number;
  /** Followed plans in the file that were not followed here yet. */
  followsAdded: number;
  /** What happened to the file's day notes and item notes, counted together. */
  notes: NoteMergeReport;
  /** What happened to the file's review marks (format 3). */
  review: ReviewMergeReport;
  /** Items of the file whose records were set aside: their place here holds another item (format 4). */
  detached?: number;
}

export type ImportResult =
  | {
      ok: true;
      progress: Progress;
      follows: FollowedPlan[];
      notes: Notes;
      review: ReviewMap;
      /** The stamps here, with those of the file's records that kept their ids. */
      stamps: StampMap;
      /** File records whose id holds another item here: set aside, never merged into it. */
      detached: DetachedRecord[];
      report: ImportReport;
    }
  | {ok: false; error: string};

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

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
  const rekeyed = rekeyImported({progress: data.progress, itemNotes: data.itemNotes, review: data.review}, data.stamps, here.stamps ?? createMap(), now);
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
  // A follow already here wins (it may have been shifted since the export); version 1 files have none.
  const follows = [...currentFollows];
  for (const entry of Array.isArray(data.follows) ? data.follows : []) {
    const follow = decodeFollow(entry);
    if (!follow) {
      report.skipped.push('a followed plan without plans or a valid start date');
      continue;
    }
    if (follows.length >= MAX_FOLLOWS || follows.some((other) => other.id === follow.id)) continue;
    follows.push(follow);
    report.followsAdded += 1;
  }
  if (rekeyed.detached.length > 0) report.detached = rekeyed.detached.length;
  return {
    ok: true,
    progress: merged,
    follows,
    notes: {dayNotes: day.notes, itemNotes: item.notes},
    review: review.review,
    stamps: rekeyed.stamps,
    detached: rekeyed.detached,
    report,
  };
}

/** One or two sentences telling the reader what an import did and what it could not apply. */
export function describeImport(report: ImportReport): string {
  const parts = [
    report.added === 1 ? '1 tick added' : `${report.added} ticks added`,
    report.alreadyThere > 0 ? `${report.alreadyThere} already ticked` : '',
    report.followsAdded > 0 ? `${report.followsAdded} followed ${report.followsAdded === 1 ? 'plan' : 'plans'}` : '',
  ].filter(Boolean);
  const sentences = [`Imported: ${parts.join(', ')}.`];
  const {notes} = report;
  const noteParts = [
    notes.added > 0 ? (notes.added === 1 ? '1 note added' : `${notes.added} notes added`) : '',
    notes.extended > 0 ? `${notes.extended} ${notes.extended === 1 ? 'note' : 'notes'} replaced by the file's longer text that contains it` : '',
    notes.keptBoth > 0
      ? `${notes.keptBoth} ${notes.keptBoth === 1 ? 'note differed, so both texts are kept' : 'notes differed, so both texts of each are kept'} (the file's after "--- imported ---")`
      : '',
  ].filter(Boolean);
  if (noteParts.length > 0) sentences.push(`Notes: ${noteParts.join('; ')}.`);
  const {review} = report;
  const reviewParts = [
    review.added > 0 ? (review.added === 1 ? '1 mark added' : `${review.added} marks added`) : '',
    review.rescheduled > 0
      ? `${review.rescheduled} ${review.rescheduled === 1 ? 'schedule' : 'schedules'} taken from the file, where the item was reviewed later`
      : '',
  ].filter(Boolean);
  if (reviewParts.length > 0) sentences.push(`Review later: ${reviewParts.join('; ')}.`);
  if (report.unknownPlans.length > 0) {
    sentences.push(`Kept, but not shown: ticks for plans this site does not have (${report.unknownPlans.join(', ')}).`);
  }
  if (report.unknownItems > 0) {
    sentences.push(`Kept, but not shown: ${report.unknownItems} ${report.unknownItems === 1 ? 'tick' : 'ticks'} for items the plans no longer have.`);
  }
  if (review.unknown > 0) {
    sentences.push(
      `Kept: ${review.unknown} review ${review.unknown === 1 ? 'mark' : 'marks'} for plans or items this site does not have (the review page lists them without a link).`,
    );
  }
  if (report.detached) {
    sentences.push(
      `Set aside: records of ${report.detached} ${report.detached === 1 ? 'item' : 'items'} whose place in the plan now holds another item (listed on the notes and review pages, to re-attach).`,
    );
  }
  if (report.skipped.length > 0) {
    const shown = report.skipped.slice(0, 3).join('; ');
    const more = report.skipped.length > 3 ? ` and ${report.skipped.length - 3} more` : '';
    sentences.push(`Not applied: ${shown}${more}.`);
  }
  return sentences.join(' ');
}
