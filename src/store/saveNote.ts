import {updateState, type StoredState, type WriteOutcome} from './state';
import {MAX_NOTE_LENGTH, setNote, type NoteKind} from './notes';

/** What became of a note: a store write outcome, or `too-long` when the store does not keep text that long. */
export type NoteSaveOutcome = WriteOutcome | 'too-long';

const FIELD: Record<NoteKind, 'dayNotes' | 'itemNotes'> = {day: 'dayNotes', item: 'itemNotes'};

/**
 * Writes one note as typed. Text longer than `MAX_NOTE_LENGTH` is refused here, where the reader types, instead of
 * being dropped by the store (which would say "Saved" and lose it on the next reload); nothing is written then.
 */
export function saveNote(kind: NoteKind, planId: string, key: string, text: string): NoteSaveOutcome {
  if (text.length > MAX_NOTE_LENGTH) return 'too-long';
  const field = FIELD[kind];
  return updateState((state: StoredState) => ({...state, [field]: setNote(state[field], kind, planId, key, text)}));
}
