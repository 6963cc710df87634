import {MIGRATIONS, readStored, SCHEMA_VERSION} from './schema';
import {CONCURRENT_SEPARATOR} from './versions';
import {EXPORT_APP, exportProgress, importProgress, describeImport} from './exchange';
import {MAX_NOTE_LENGTH, MERGE_SEPARATOR, countDayNotes, mergeNotes, noteOf, setNote} from './notes';

const WEEK = 'weeks/week-10/go';
const TYPED = '  Channels: close from the sender.\n\n\t<b>not html</b> & "quotes"  \n';

describe('notes', () => {
  it('keeps a note exactly as typed, and removes it when emptied', () => {
    const notes = setNote({}, 'day', WEEK, '2', TYPED);
    expect(noteOf(notes, WEEK, '2')).toBe(TYPED);
    expect(setNote(notes, 'day', WEEK, '2', '  \n')).toEqual({});
  });

  it('refuses keys that cannot be days, items or plans, so nothing reaches a built-in', () => {
    expect(setNote({}, 'day', WEEK, '__proto__', 'x')).toEqual({});
    expect(setNote({}, 'day', '__proto__', '2', 'x')).toEqual({});
    expect(setNote({}, 'item', WEEK, 'constructor', 'x')).toEqual({});
    expect(noteOf(setNote({}, 'item', WEEK, 'd2-b1', 'x'), WEEK, 'd2-b1')).toBe('x');
  });

  it("counts a day note and the notes of the day's items", () => {
    const day = setNote({}, 'day', WEEK, '2', 'a');
    const items = setNote(setNote({}, 'item', WEEK, 'd2-b1', 'b'), 'item', WEEK, 'd3-b1', 'c');
    expect(countDayNotes(day, items, WEEK, 2, ['d2-b1', 'd2-b2'])).toBe(2);
    expect(countDayNotes(day, items, WEEK, 3, ['d3-b1'])).toBe(1);
  });

  it('merges without losing either text, and a second import of the same file changes nothing', () => {
    const here = {[WEEK]: {'1': 'mine', '2': 'short', '3': 'same and more'}};
    const file = {[WEEK]: {'1': 'theirs', '2': 'short, then longer', '3': 'same', '4': 'new'}};
    const first = mergeNotes(here, file, 'day');
    expect(first.notes[WEEK]).toEqual({'1': `mine${MERGE_SEPARATOR}theirs`, '2': 'short, then longer', '3': 'same and more', '4': 'new'});
    expect(first.report).toMatchObject({added: 1, extended: 1, keptBoth: 1, alreadyThere: 1, skipped: []});
    expect(mergeNotes(first.notes, file, 'day').notes).toEqual(first.notes);
  });
});

describe('schema version 2', () => {
  it('migrates version 1 data with nothing lost and no notes yet', () => {
    const v1 = {version: 1, variant: '6h', autoAdvance: true, progress: {[WEEK]: {'d2-b1': 1000}}, timers: {}, lastVisit: {planId: WEEK, day: 2, at: 5}};
    const {state, report} = readStored(JSON.stringify(v1));
    expect(MIGRATIONS[3]!({version: 3, progress: {}})).toEqual({version: 4, progress: {}, dayNotes: {}, itemNotes: {}, review: {}});
    expect(report.condition).toBe('ok');
    expect(state).toMatchObject({
      version: SCHEMA_VERSION,
      variant: '6h',
      autoAdvance: true,
      progress: {[WEEK]: {'d2-b1': 1000}},
      lastVisit: {planId: WEEK, day: 2},
    });
    expect(state.dayNotes).toEqual({});
    expect(state.itemNotes).toEqual({});
  });

  it('reads notes back exactly, and reports entries it had to leave out', () => {
    const raw = JSON.stringify({version: 2, dayNotes: {[WEEK]: {'2': TYPED, x: 'bad', '3': 7}}, itemNotes: {[WEEK]: {'d2-b1': 'item'}}});
    const {state, report} = readStored(raw);
    expect(state.dayNotes[WEEK]).toEqual({'2': TYPED});
    expect(state.itemNotes[WEEK]).toEqual({'d2-b1': 'item'});
    expect(Object.getPrototypeOf(state.dayNotes)).toBeNull();
    expect(report.droppedNotes).toBe(2);
  });
});

describe('notes in export and import', () => {
  it('never merges two texts into a note longer than the store keeps: the text here stays, and the import says why', () => {
    const here = setNote({}, 'day', 'weeks/week-09/go', '2', 'a'.repeat(MAX_NOTE_LENGTH / 2 + 10));
    const {notes, report} = mergeNotes(here, {'weeks/week-09/go': {'2': 'b'.repeat(MAX_NOTE_LENGTH / 2)}}, 'day');
    expect(noteOf(notes, 'weeks/week-09/go', '2')).toBe(noteOf(here, 'weeks/week-09/go', '2'));
    expect(report.skipped).toEqual([
      '"weeks/week-09/go" → "2": the two texts together are longer than a note may be, so the text here is kept and the file\'s is not imported (shorten the note here, then import again)',
    ]);
    expect(readStored(JSON.stringify({version: SCHEMA_VERSION, dayNotes: notes})).state.dayNotes).toEqual(notes);
  });

  it('round-trips notes through a file into an empty browser', () => {
    const notes = {dayNotes: {[WEEK]: {'2': TYPED}}, itemNotes: {[WEEK]: {'d2-b1': 'item'}}};
    const text = JSON.stringify(exportProgress({}, new Date(0), notes));
    const result = importProgress(text, {});
    expect(result.ok && result.notes).toEqual(notes);
    expect(result.ok && describeImport(result.report)).toContain('2 notes added');
  });

  it('still imports a format 1 file (ticks only) and keeps the notes here', () => {
    const text = JSON.stringify({app: EXPORT_APP, version: 1, exportedAt: '2026-01-05T09:00:00.000Z', progress: {[WEEK]: {'d2-b1': 5}}});
    const here = {dayNotes: {[WEEK]: {'2': 'kept'}}, itemNotes: {}};
    const result = importProgress(text, {}, undefined, here);
    expect(result.ok && result.notes.dayNotes).toEqual(here.dayNotes);
    expect(result.ok && result.progress).toEqual({[WEEK]: {'d2-b1': 5}});
  });

  it('says when two different texts of a note were both kept', () => {
    const text = JSON.stringify(exportProgress({}, new Date(0), {dayNotes: {[WEEK]: {'2': 'theirs'}}, itemNotes: {}}));
    const result = importProgress(text, {}, undefined, {dayNotes: {[WEEK]: {'2': 'mine'}}, itemNotes: {}});
    // Both devices show the same text: the texts in one order, under a line naming the other device.
    expect(result.ok && result.notes.dayNotes[WEEK]!['2']).toBe(`mine${CONCURRENT_SEPARATOR}theirs`);
    expect(result.ok && describeImport(result.report)).toContain('both texts are kept');
  });
});
