// @vitest-environment jsdom
import fc from 'fast-check';
import {getState, resetStoreForTests, updateState, STORAGE_KEY} from './state';
import {MAX_NOTE_LENGTH, noteOf} from './notes';
import {setTick} from './progress';
import {exportProgress, extrasOf, importProgress, withImport} from './exchange';
import {saveNote} from './saveNote';
import {SCHEMA_VERSION, type FollowedPlan, type TimerRun} from './schema';
import {pauseTimer, startTimer, timerKey} from './timers';

const PLANS = ['weeks/week-09/go', 'intensive/senior-go-14-days'];
const ITEMS = ['d1-b1', 'd2-a1', 'd3-morning-t2'];
/** Another key of this origin that takes nearly all the room left of the few megabytes a browser gives it, as other data can. */
const FILLER_KEY = 'someone-else';
/** The room this test's browser (jsdom) gives an origin, in UTF-16 code units of keys and values. */
const QUOTA = 5_000_000;

function fillStorage(): void {
  const store = window.localStorage;
  let used = 0;
  for (let index = 0; index < store.length; index++) {
    const key = store.key(index)!;
    if (key !== FILLER_KEY) used += key.length + store.getItem(key)!.length;
  }
  // About a kilobyte stays free: a tick may still fit, a long note does not.
  store.setItem(FILLER_KEY, 'x'.repeat(Math.max(0, QUOTA - used - FILLER_KEY.length - 1000)));
}

/** Note texts around every limit: empty, white space, short, and near, at and over the longest note kept. */
const noteText = fc.oneof(
  fc.string({maxLength: 40}),
  fc.constantFrom('', '   \n'),
  fc.integer({min: MAX_NOTE_LENGTH - 2, max: MAX_NOTE_LENGTH + 2}).map((length) => 'n'.repeat(length)),
);

/** A moment in the past (as a logged run's must be), to the minute. */
const past = fc.integer({min: 1_600_000_000, max: 1_700_000_000}).map((seconds) => seconds * 1000);

type Write =
  | {kind: 'note'; noteKind: 'day' | 'item'; planId: string; key: string; text: string}
  | {kind: 'tick'; planId: string; itemId: string; ticked: boolean; at: number}
  | {kind: 'timer'; planId: string; itemId: string; start: number; ranMs: number}
  | {kind: 'import'; planId: string; itemId: string; start: number; ranMs: number; followStart: string}
  | {kind: 'fill' | 'free' | 'reload'};

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
  // A timer started and paused: a run in the time log.
  fc.record({
    kind: fc.constant('timer' as const),
    planId: fc.constantFrom(...PLANS),
    itemId: fc.constantFrom(...ITEMS),
    start: past,
    ranMs: fc.integer({min: 1000, max: 3_600_000}),
  }),
  // An export from another device: a run of its time log, a followed plan and a record set aside there.
  fc.record({
    kind: fc.constant('import' as const),
    planId: fc.constantFrom(...PLANS),
    itemId: fc.constantFrom(...ITEMS),
    start: past,
    ranMs: fc.integer({min: 1000, max: 3_600_000}),
    followStart: fc.constantFrom('2026-03-02', '2026-04-06'),
  }),
  fc.constantFrom({kind: 'fill' as const}, {kind: 'free' as const}, {kind: 'reload' as const}),
);

const sameRun = (a: TimerRun, b: TimerRun) => a.planId === b.planId && a.itemId === b.itemId && a.start === b.start && a.end === b.end;

describe('what the store reports as saved', () => {
  it('comes back after a reload, whatever the sequence of writes, also when storage is full', () => {
    fc.assert(
      fc.property(fc.array(write, {maxLength: 25}), (writes) => {
        window.localStorage.clear();
        resetStoreForTests();
        /** The last value reported saved, per record; a write not reported saved makes no promise. */
        const promised = new Map<string, string | number | null>();
        /** Records that are only ever added (runs, follows, set-aside records): each one reported saved. */
        const runs: TimerRun[] = [];
        const followed: string[] = [];
        const setAside: string[] = [];
        for (const change of writes) {
          if (change.kind === 'reload') {
            resetStoreForTests();
          } else if (change.kind === 'fill') {
            fillStorage();
          } else if (change.kind === 'free') {
            window.localStorage.removeItem(FILLER_KEY);
          } else if (change.kind === 'note') {
            const outcome = saveNote(change.noteKind, change.planId, change.key, change.text);
            const id = `${change.noteKind}:${change.planId}:${change.key}`;
            if (outcome === 'saved') promised.set(id, change.text.trim() === '' ? '' : change.text);
            else promised.delete(id);
          } else if (change.kind === 'tick') {
            const outcome = updateState((state) => ({...state, progress: setTick(state.progress, change.planId, change.itemId, change.ticked, change.at)}));
            const id = `tick:${change.planId}:${change.itemId}`;
            const before = getState().progress[change.planId]?.[change.itemId];
            if (outcome === 'saved') promised.set(id, change.ticked ? (before ?? null) : null);
            else promised.delete(id);
          } else if (change.kind === 'timer') {
            const {planId, itemId, start, ranMs} = change;
            const spec = {planId, itemId, durationMs: 86_400_000, maxMs: 86_400_000, next: []};
            const outcome = updateState((state) => pauseTimer(startTimer(state, spec, start), timerKey(planId, itemId), start + ranMs));
            if (outcome === 'saved') runs.push({planId, itemId, start, end: start + ranMs, finished: false});
          } else if (change.kind === 'import') {
            const {planId, itemId, start, ranMs, followStart} = change;
            const run: TimerRun = {planId, itemId, start, end: start + ranMs, finished: true};
            const follow: FollowedPlan = {
              id: `f-${PLANS.indexOf(planId)}-${followStart}`,
              planIds: [planId],
              start: followStart,
              variant: null,
              weekdays: [1, 2, 3, 4, 5],
              shifts: [],
              skipBefore: 0,
              catchUpBefore: 0,
            };
            const record = {
              key: `${planId}#${itemId}@${start}`,
              planId,
              itemId,
              text: 'Gone',
              fingerprint: 'gone',
              detachedAt: start,
              tick: start,
              note: null,
              review: null,
              runs: [],
            };
            const text = JSON.stringify(exportProgress({}, new Date(start + ranMs), {timerRuns: [run], follows: [follow], detached: [record]}));
            const result = importProgress(text, getState().progress, undefined, extrasOf(getState()));
            if (!result.ok) throw new Error(result.error);
            if (updateState((state) => withImport(state, result)) === 'saved') {
              runs.push(run);
              followed.push(planId);
              setAside.push(`${planId}#${itemId}@${start}`);
            }
          }
        }
        window.localStorage.removeItem(FILLER_KEY);
        resetStoreForTests();
        const state = getState();
        for (const [id, value] of promised) {
          const [kind, planId, key] = id.split(':') as [string, string, string];
          if (kind === 'tick') expect(state.progress[planId]?.[key] ?? null).toBe(value);
          else expect(noteOf(kind === 'day' ? state.dayNotes : state.itemNotes, planId, key)).toBe(value);
        }
        for (const run of runs)
          expect(
            state.timerRuns.some((kept) => sameRun(kept, run)),
            `run ${JSON.stringify(run)}`,
          ).toBe(true);
        for (const planId of followed) expect(state.follows.some((follow) => follow.planIds.join() === planId)).toBe(true);
        for (const id of setAside) expect(state.detached.some((record) => `${record.planId}#${record.itemId}@${record.tick}` === id)).toBe(true);
        // Whatever was reported saved sits in one record of the current schema, which the next version can migrate.
        const stored = window.localStorage.getItem(STORAGE_KEY);
        if (promised.size + runs.length + followed.length + setAside.length > 0) expect(stored).not.toBeNull();
        if (stored !== null) expect(JSON.parse(stored)).toMatchObject({version: SCHEMA_VERSION});
      }),
      {numRuns: 60},
    );
  });
});
