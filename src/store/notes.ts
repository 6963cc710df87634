/**
 * Notes logic with no browser APIs: a note per plan day and a short note per item, kept exactly
 * as typed, and how imported notes merge with the ones already here without losing either text.
 */
import {copyMap, createMap, isDayKey, isItemIdKey, isPlanIdKey, quoteKey, isRecord} from './keys';

/** planId → key (a day number such as `"2"`, or an item id) → the note's text. */
export type NoteMap = Record<string, Record<string, string>>;

/** Far more than anyone types into a day's notes; longer text is not a note of ours. */
export const MAX_NOTE_LENGTH = 100_000;

/** Which keys a note map holds: day numbers or item ids. */
export type NoteKind = 'day' | 'item';

const isNoteKey = (kind: NoteKind, key: string): boolean => (kind === 'day' ? isDayKey(key) : isItemIdKey(key));
const isNoteText = (value: unknown): value is string => typeof value === 'string' && value.length <= MAX_NOTE_LENGTH;

/** A note has content when it holds more than white space; an emptied note is removed. */
export const hasContent = (text: string): boolean => text.trim() !== '';

/**
 * Reads stored or imported notes into a prototype-free map; entries with impossible keys or
 * non-text values are counted in `dropped`, never guessed at.
 */
export function decodeNotes(value: unknown, kind: NoteKind): {notes: NoteMap; dropped: number} {
  const notes = createMap<Record<string, string>>();
  let dropped = 0;
  if (!isRecord(value)) return {notes, dropped};
  for (const [planId, entries] of Object.entries(value)) {
    if (!isRecord(entries) || !isPlanIdKey(planId)) {
      dropped += isRecord(entries) ? Object.keys(entries).length : 1;
      continue;
    }
    const plan = createMap<string>();
    for (const [key, text] of Object.entries(entries)) {
      if (isNoteKey(kind, key) && isNoteText(text)) {
        if (hasContent(text)) plan[key] = text;
      } else dropped += 1;
    }
    if (Object.keys(plan).length > 0) notes[planId] = plan;
  }
  return {notes, dropped};
}

/** The note of one day or item, or the empty string. */
export function noteOf(notes: NoteMap, planId: string, key: string): string {
  return Object.hasOwn(notes, planId) && Object.hasOwn(notes[planId]!, key) ? notes[planId]![key]! : '';
}

/** Sets one note exactly as typed; white space only removes it. Impossible ids change nothing. */
export function setNote(notes: NoteMap, kind: NoteKind, planId: string, key: string, text: string): NoteMap {
  if (!isPlanIdKey(planId) || !isNoteKey(kind, key) || !isNoteText(text)) return notes;
  if (noteOf(notes, planId, key) === (hasContent(text) ? text : '')) return notes;
  const plan = copyMap(Object.hasOwn(notes, planId) ? notes[planId] : undefined);
  if (hasContent(text)) plan[key] = text;
  else delete plan[key];
  const next = copyMap(notes);
  if (Object.keys(plan).length > 0) next[planId] = plan;
  else delete next[planId];
  return next;
}

/** What put between two texts of the same note that were both kept, so a reader sees where each begins. */
export const MERGE_SEPARATOR = '\n\n--- imported ---\n';

export interface NoteMergeReport {
  /** Notes from the file that were not here. */
  added: number;
  /** Notes identical here and in the file, or already contained in the text here. */
  alreadyThere: number;
  /** Notes here that the file's longer text contained: the file's text replaced them. */
  extended: number;
  /** Notes that differed both ways: both texts are kept, the file's after a separator. */
  keptBoth: number;
  /** Why entries were not applied. */
  skipped: string[];
}

/**
 * Merges imported notes into the current ones without losing what anyone typed: a note only in
 * the file is added; when one text contains the other the longer is kept; when they differ both
 * are kept, the file's after `MERGE_SEPARATOR`. Importing the same file twice changes nothing more.
 */
export function mergeNotes(current: NoteMap, incoming: unknown, kind: NoteKind): {notes: NoteMap; report: NoteMergeReport} {
  const report: NoteMergeReport = {added: 0, alreadyThere: 0, extended: 0, keptBoth: 0, skipped: []};
  const merged = copyMap(current);
  if (!isRecord(incoming)) return {notes: merged, report};
  for (const [planId, entries] of Object.entries(incoming)) {
    if (!isRecord(entries) || !isPlanIdKey(planId)) {
      report.skipped.push(`${quoteKey(planId)} is not a plan's notes`);
      continue;
    }
    const plan = copyMap(Object.hasOwn(merged, planId) ? merged[planId] : undefined);
    for (const [key, text] of Object.entries(entries)) {
      if (!isNoteKey(kind, key) || !isNoteText(text)) {
        report.skipped.push(`${quoteKey(planId)} → ${quoteKey(key)} is not a ${kind === 'day' ? 'day' : 'item'} note`);
        continue;
      }
      if (!hasContent(text)) continue;
      const here = Object.hasOwn(plan, key) ? plan[key]! : '';
      if (!here) {
        plan[key] = text;
        report.added += 1;
      } else if (here.includes(text)) {
        report.alreadyThere += 1;
      } else if (text.includes(here)) {
        plan[key] = text;
        report.extended += 1;
      } else if (here.length + MERGE_SEPARATOR.length + text.length <= MAX_NOTE_LENGTH) {
        plan[key] = `${here}${MERGE_SEPARATOR}${text}`;
        report.keptBoth += 1;
      } else {
        // Joined, the note would be longer than the store keeps: it would look merged and be gone after a reload.
        report.skipped.push(
          `${quoteKey(planId)} → ${quoteKey(key)}: the two texts together are longer than a note may be, so the text here is kept and the file's is not imported (shorten the note here, then import again)`,
        );
      }
    }
    if (Object.keys(plan).length > 0) merged[planId] = plan;
  }
  return {notes: merged, report};
}

/** How many notes a plan's day has: its own note plus the notes of its items. */
export function countDayNotes(dayNotes: NoteMap, itemNotes: NoteMap, planId: string, day: number, itemIds: readonly string[]): number {
  const own = noteOf(dayNotes, planId, String(day)) ? 1 : 0;
  return own + itemIds.reduce((sum, itemId) => sum + (noteOf(itemNotes, planId, itemId) ? 1 : 0), 0);
}
