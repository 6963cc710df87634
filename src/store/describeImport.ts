/** What an import did, in words for the reader (./exchange.ts merges; this only describes). */
import {MAX_FOLLOWS, MAX_TIMER_RUNS} from './schema';
import {MAX_DETACHED} from './stamps';
import type {NoteMergeReport} from './notes';
import type {ReviewMergeReport} from './review';

/** What an import did: counts per kind, and what it could not apply. */
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
  /** Followed plans of the file not added: the same plans are followed here already, or too many are followed. */
  followsNotAdded?: number;
  /** Time log runs of the file not kept here yet (format 5). */
  runsAdded?: number;
  /** The oldest runs of the merged log that went, beyond `MAX_TIMER_RUNS`. */
  runsDropped?: number;
  /** Paused timers of the file, on items with no timer here (format 5). */
  timersAdded?: number;
  /** Paused timers of the file on items with a timer here that stays: running or finished here, or with more time on it. */
  timersKeptHere?: number;
  /** Paused timers here replaced by the file's paused timer on the same item, which had more time on it. */
  timersTaken?: number;
  /** Detached records of the file that were not kept here yet (format 5). */
  detachedAdded?: number;
  /** Detached records of the file not added, as this browser keeps `MAX_DETACHED` already (none kept here is dropped). */
  detachedNotAdded?: number;
  /** Records removed here because the other device removed them later: ticks, marks, notes, followed plans (format 6). */
  removed?: {ticks: number; marks: number; notes: number; follows: number; setAside: number};
  /** What the file holds that was removed here later, and so stays removed: the later change wins (format 6). */
  removedHereLater?: {ticks: number; marks: number; follows: number; setAside: number};
  /** Ticks, marks and followed plans here replaced by the other device's later change (format 6). */
  changed?: number;
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
    notes.extended > 0 ? `${notes.extended} ${notes.extended === 1 ? 'note' : 'notes'} replaced by the text written later` : '',
    notes.keptBoth > 0
      ? `${notes.keptBoth} ${notes.keptBoth === 1 ? 'note was changed on both devices, so both texts are kept' : 'notes were changed on both devices, so both texts of each are kept'} (one under the other)`
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
  const {removed} = report;
  const removedParts = [
    removed?.ticks ? plural(removed.ticks, 'tick') : '',
    removed?.marks ? plural(removed.marks, 'review mark') : '',
    removed?.notes ? plural(removed.notes, 'note') : '',
    removed?.follows ? plural(removed.follows, 'followed plan') : '',
    removed?.setAside ? plural(removed.setAside, 'set-aside record') : '',
  ].filter(Boolean);
  if (removedParts.length > 0) sentences.push(`Removed, as the other device removed them later: ${removedParts.join(', ')}.`);
  const later = report.removedHereLater;
  const laterParts = [
    later?.ticks ? plural(later.ticks, 'tick') : '',
    later?.marks ? plural(later.marks, 'review mark') : '',
    later?.follows ? plural(later.follows, 'followed plan') : '',
    later?.setAside ? plural(later.setAside, 'set-aside record') : '',
  ].filter(Boolean);
  if (laterParts.length > 0) {
    sentences.push(`Left as they are here: ${laterParts.join(', ')} of the file, removed here after the file was made (the later change wins).`);
  }
  if (report.changed) sentences.push(`Changed, as the other device changed them later: ${plural(report.changed, 'record')}.`);
  const timeParts = [
    report.runsAdded ? `${plural(report.runsAdded, 'timer run')} added to the time log` : '',
    report.runsDropped ? `the oldest ${plural(report.runsDropped, 'run')} went, as the log keeps the ${MAX_TIMER_RUNS.toLocaleString('en')} most recent` : '',
    report.timersAdded ? `${plural(report.timersAdded, 'paused timer')} added` : '',
    report.timersKeptHere
      ? `${plural(report.timersKeptHere, 'timer')} of the file ${report.timersKeptHere === 1 ? 'is' : 'are'} on items whose timer here is kept (in use here, or with more time on it)`
      : '',
    report.timersTaken ? `${plural(report.timersTaken, 'paused timer')} taken from the file, where it had more time on it than the one here` : '',
  ].filter(Boolean);
  if (timeParts.length > 0) sentences.push(`Time: ${timeParts.join('; ')}.`);
  if (report.followsNotAdded) {
    sentences.push(
      `Not added: ${plural(report.followsNotAdded, 'followed plan')} of the file, as the same plans are followed here already (or ${MAX_FOLLOWS} plans are).`,
    );
  }
  if (report.detachedAdded) {
    sentences.push(`Added: ${plural(report.detachedAdded, 'set-aside record')} of items no longer in their plan (listed on the notes and review pages).`);
  }
  if (report.detachedNotAdded) {
    sentences.push(
      `Not added: ${plural(report.detachedNotAdded, 'set-aside record')} of the file, as this browser keeps ${MAX_DETACHED.toLocaleString('en')} already. Delete those you no longer need on the notes or review page, then import the file again.`,
    );
  }
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

const plural = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? '' : 's'}`;
