// @vitest-environment jsdom
import fc from 'fast-check';
import {getState, resetStoreForTests, updateState} from './index';
import {MAX_NOTE_LENGTH, noteOf} from './notes';
import {setTick} from './progress';
import {saveNote} from './saveNote';

const PLANS = ['weeks/week-09/go', 'intensive/senior-go-14-days'];
const ITEMS = ['d1-b1', 'd2-a1', 'd3-morning-t2'];

/** Note texts around every limit: empty, white space, short, and near, at and over the longest note kept. */
const noteText = fc.oneof(
  fc.string({maxLength: 40}),
  fc.constantFrom('', '   \n'),
  fc.integer({min: MAX_NOTE_LENGTH - 2, max: MAX_NOTE_LENGTH + 2}).map((length) => 'n'.repeat(length)),
);

type Write =
  | {kind: 'note'; noteKind: 'day' | 'item'; planId: string; key: string; text: string}
  | {kind: 'tick'; planId: string; itemId: string; ticked: boolean; at: number}
  | {kind: 'reload'};

const write: fc.Arbitrary<Write> = fc.oneof(
  fc.record({
    kind: fc.constant('note' as const),
    noteKind: fc.constant('day' as const),
    planId: fc.constantFrom(...PLANS),
    key: fc.constantFrom('1', '2', '14'),
    text: noteText,
  }),
  fc.record({
    kind: fc.constant('note' as const),
    noteKind: fc.constant('item' as const),
    planId: fc.constantFrom(...PLANS),
    key: fc.constantFrom(...ITEMS),
    text: noteText,
  }),
  fc.record({
    kind: fc.constant('tick' as const),
    planId: fc.constantFrom(...PLANS),
    itemId: fc.constantFrom(...ITEMS),
    ticked: fc.boolean(),
    at: fc.integer({min: 0, max: 2e12}),
  }),
  fc.constant({kind: 'reload' as const}),
);

beforeEach(() => {
  window.localStorage.clear();
  resetStoreForTests();
});

describe('what the store reports as saved', () => {
  it('comes back after a reload, whatever the sequence of writes', () => {
    fc.assert(
      fc.property(fc.array(write, {maxLength: 25}), (writes) => {
        window.localStorage.clear();
        resetStoreForTests();
        /** The last value reported saved, per record; a write not reported saved makes no promise. */
        const promised = new Map<string, string | number | null>();
        for (const change of writes) {
          if (change.kind === 'reload') {
            resetStoreForTests();
          } else if (change.kind === 'note') {
            const outcome = saveNote(change.noteKind, change.planId, change.key, change.text);
            const id = `${change.noteKind}:${change.planId}:${change.key}`;
            if (outcome === 'saved') promised.set(id, change.text.trim() === '' ? '' : change.text);
            else promised.delete(id);
          } else {
            const outcome = updateState((state) => ({...state, progress: setTick(state.progress, change.planId, change.itemId, change.ticked, change.at)}));
            const id = `tick:${change.planId}:${change.itemId}`;
            const before = getState().progress[change.planId]?.[change.itemId];
            if (outcome === 'saved') promised.set(id, change.ticked ? (before ?? null) : null);
            else promised.delete(id);
          }
        }
        resetStoreForTests();
        const state = getState();
        for (const [id, value] of promised) {
          const [kind, planId, key] = id.split(':') as [string, string, string];
          if (kind === 'tick') expect(state.progress[planId]?.[key] ?? null).toBe(value);
          else expect(noteOf(kind === 'day' ? state.dayNotes : state.itemNotes, planId, key)).toBe(value);
        }
      }),
      {numRuns: 60},
    );
  });
});
