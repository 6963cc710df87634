import {fingerprintOf, type ItemIdentity} from '@site/plugins/plan-model/identity';
import {countDetached, holdsRecords, reconcilePlan} from './records';
import {deleteDetached, reattach} from './detached';
import {mergeVersioned} from './merge';
import {MAX_DETACHED, type DetachedRecord} from './stamps';
import {setReviewMark} from './review';
import {DEFAULT_STATE, decodeState, losesData, readStored, type StoredState} from './schema';
import {pauseTimer, settleFinished, startTimer, timerKey} from './timers';
import {setTick} from './progress';
import {describeImport, exportProgress, extrasOf, importProgress, withImport, type ImportResult} from './exchange';
import {encodeTransfer, previewTransfer, readTransfer} from './transfer';
import {setNote} from './notes';

const PLAN = 'weeks/week-10/go';
const NOW = Date.UTC(2026, 2, 4, 12);
const identity = (id: string, text: string): ItemIdentity => ({id, day: Number(/^d(\d+)/.exec(id)![1]), text, fingerprint: fingerprintOf(text)});

const landed = [identity('d2-b1', 'Design Deep Dive'), identity('d2-a1', 'Scaling considerations'), identity('d2-a2', 'Sketch a feature flag service')];

/** A tick, a note and a review mark on "Scaling considerations", made on the plan as landed. */
function withRecords(): StoredState {
  const state: StoredState = {
    ...DEFAULT_STATE,
    progress: setTick(DEFAULT_STATE.progress, PLAN, 'd2-a1', true, NOW - 3000),
    itemNotes: setNote(DEFAULT_STATE.itemNotes, 'item', PLAN, 'd2-a1', 'Remember: horizontal scaling'),
    review: setReviewMark(DEFAULT_STATE.review, PLAN, 'd2-a1', true, 'Scaling considerations', NOW - 2000),
  };
  return reconcilePlan(state, PLAN, landed, NOW);
}

/** The state after a reload: what the store keeps is what was written as JSON. */
const reload = (state: StoredState) => decodeState(JSON.stringify(state), NOW);

describe('whether a plan holds records (without any, its items are never matched)', () => {
  it('is false for a store with nothing of the plan, and true from its first tick, stamp or running timer on', () => {
    expect(holdsRecords(DEFAULT_STATE, PLAN)).toBe(false);
    expect(holdsRecords(withRecords(), 'weeks/week-09/go')).toBe(false);
    expect(holdsRecords(withRecords(), PLAN)).toBe(true);
    expect(holdsRecords({...DEFAULT_STATE, progress: setTick(DEFAULT_STATE.progress, PLAN, 'd2-a1', true, NOW)}, PLAN)).toBe(true);
    expect(holdsRecords(startTimer(DEFAULT_STATE, {planId: PLAN, itemId: 'd2-b1', durationMs: 3_600_000, maxMs: 3_600_000, next: []}, NOW), PLAN)).toBe(true);
    // Records moved away with an unticking leave their stamps: the plan still has something to keep in line.
    expect(holdsRecords({...withRecords(), progress: {}, itemNotes: {}, review: {}}, PLAN)).toBe(true);
  });
});

describe('records after a plan edit', () => {
  it('follow their item to its new id when one is inserted before it, and leave the new item bare', () => {
    const edited = [landed[0]!, identity('d2-a1', 'Load testing with k6'), {...landed[1]!, id: 'd2-a2'}, {...landed[2]!, id: 'd2-a3'}];
    const state = reconcilePlan(reload(withRecords()), PLAN, edited, NOW);
    expect(state.progress[PLAN]).toEqual({'d2-a2': NOW - 3000});
    expect(state.itemNotes[PLAN]).toEqual({'d2-a2': 'Remember: horizontal scaling'});
    expect(Object.keys(state.review[PLAN]!)).toEqual(['d2-a2']);
    expect(state.stamps[PLAN]).toEqual({'d2-a2': {fingerprint: 'scaling considerations', text: 'Scaling considerations'}});
    expect(state.detached).toEqual([]);
  });

  it('change nothing, and return the same state, when the plan did not change', () => {
    const state = reload(withRecords());
    expect(reconcilePlan(state, PLAN, landed, NOW)).toBe(state);
  });

  it('written since the page loaded, on the plan as it is, are stamped with their item and nothing else changes', () => {
    const stamped = reload(withRecords());
    const state = {...stamped, progress: setTick(stamped.progress, PLAN, 'd2-a2', true, NOW), stamps: {}};
    const next = reconcilePlan(state, PLAN, landed, NOW);
    expect(next.stamps[PLAN]).toEqual({
      'd2-a1': {fingerprint: 'scaling considerations', text: 'Scaling considerations'},
      'd2-a2': {fingerprint: fingerprintOf('Sketch a feature flag service'), text: 'Sketch a feature flag service'},
    });
    expect({...next, stamps: {}}).toEqual(state);
    expect(reconcilePlan(next, PLAN, landed, NOW)).toBe(next);
  });

  it('are detached, every kind together, when their item is rewritten in place; nothing shows on the new text', () => {
    const edited = [landed[0]!, identity('d2-a1', 'Mock interview with a peer'), landed[2]!];
    const state = reconcilePlan(reload(withRecords()), PLAN, edited, NOW);
    expect(state.progress[PLAN]).toBeUndefined();
    expect(state.itemNotes[PLAN]).toBeUndefined();
    expect(state.review[PLAN]).toBeUndefined();
    expect(state.detached).toEqual([
      expect.objectContaining({planId: PLAN, itemId: 'd2-a1', text: 'Scaling considerations', tick: NOW - 3000, note: 'Remember: horizontal scaling'}),
    ]);
    expect(countDetached(state.detached, PLAN)).toEqual({ticks: 1, notes: 1, marks: 1, logged: 0});
    expect(reload(state)).toEqual(state);
    expect(readStored(JSON.stringify(state), NOW).report).toMatchObject({condition: 'ok'});
  });

  it('get the same key on two devices that see the same edit at different times, and merge to one in either order', () => {
    const edited = [landed[0]!, identity('d2-a1', 'Mock interview with a peer'), landed[2]!];
    const laptop = reconcilePlan(reload(withRecords()), PLAN, edited, NOW).detached;
    const phone = reconcilePlan(reload(withRecords()), PLAN, edited, NOW + 86_400_000).detached;
    expect(phone.map((record) => record.key)).toEqual(laptop.map((record) => record.key));
    expect(laptop[0]!.key).not.toContain(String(NOW));
    // One record, dated when it was first set aside, whichever list the merge starts from.
    const merged = (here: DetachedRecord[], there: DetachedRecord[]) =>
      mergeVersioned({...DEFAULT_STATE, detached: here}, {...DEFAULT_STATE, detached: there}).state.detached;
    expect(merged(laptop, phone)).toEqual(laptop);
    expect(merged(phone, laptop)).toEqual(laptop);
    // What differs in what was kept makes another record: nothing one device set aside hides the other's.
    const otherNote = reconcilePlan(
      reload({...withRecords(), itemNotes: setNote(DEFAULT_STATE.itemNotes, 'item', PLAN, 'd2-a1', 'Remember: vertical too')}),
      PLAN,
      edited,
      NOW,
    ).detached;
    expect(merged(laptop, otherNote)).toHaveLength(2);
  });

  it('a timer running on a removed item stops, and the time it ran stays in the detached record', () => {
    let state = startTimer(withRecords(), {planId: PLAN, itemId: 'd2-a1', durationMs: 3_600_000, maxMs: 3_600_000, next: ['d2-a2']}, NOW - 60_000);
    state = startTimer(state, {planId: PLAN, itemId: 'd2-b1', durationMs: 3_600_000, maxMs: 3_600_000, next: ['d2-a1', 'd2-a2']}, NOW - 30_000);
    state = reconcilePlan(state, PLAN, landed, NOW - 30_000);
    const edited = [landed[0]!, {...landed[2]!, id: 'd2-a1'}];
    const after = reconcilePlan(state, PLAN, edited, NOW);
    expect(after.timers[timerKey(PLAN, 'd2-a1')]).toBeUndefined();
    expect(after.timers[timerKey(PLAN, 'd2-b1')]?.next).toEqual(['d2-a1']);
    expect(after.timerRuns).toEqual([]);
    expect(after.detached[0]?.runs).toEqual([{start: NOW - 60_000, end: NOW - 30_000, finished: false}]);
  });

  it('can be re-attached to an item the reader chooses, keeping what that item has', () => {
    const edited = [landed[0]!, identity('d2-a1', 'Mock interview with a peer'), landed[2]!];
    let state = reconcilePlan(reload(withRecords()), PLAN, edited, NOW);
    state = {...state, itemNotes: setNote(state.itemNotes, 'item', PLAN, 'd2-a2', 'flags by tenant')};
    const back = reattach(state, state.detached[0]!.key, edited[2]!);
    expect(back.detached).toEqual([]);
    expect(back.progress[PLAN]).toEqual({'d2-a2': NOW - 3000});
    expect(back.itemNotes[PLAN]!['d2-a2']).toMatch(/^flags by tenant\n\n--- imported ---\nRemember: horizontal scaling$/);
    expect(back.review[PLAN]!['d2-a2']).toMatchObject({label: 'Sketch a feature flag service'});
    // Re-attached means "the same item" from now on: the next load keeps it there.
    expect(reconcilePlan(back, PLAN, edited, NOW)).toBe(back);
  });

  it('can be deleted for good', () => {
    const state = reconcilePlan(reload(withRecords()), PLAN, [landed[0]!], NOW);
    expect(deleteDetached(state, state.detached[0]!.key).detached).toEqual([]);
  });

  it('are all kept, and all read back, when the set-aside list already holds the most an import may bring it to', () => {
    const full = reconcilePlan(reload(withRecords()), PLAN, [landed[0]!, landed[2]!], NOW);
    const [removed] = full.detached;
    const earlier = Array.from({length: MAX_DETACHED}, (_, index) => ({...removed!, key: `earlier-${index}`, itemId: `d1-b${index}`, text: `Item ${index}`}));
    const state = reconcilePlan(reload({...withRecords(), detached: earlier}), PLAN, [landed[0]!, landed[2]!], NOW);
    expect(state.detached).toHaveLength(MAX_DETACHED + 1);
    expect(state.detached[0]!.key).toBe('earlier-0');
    expect(state.detached.at(-1)).toMatchObject({itemId: 'd2-a1', text: 'Scaling considerations', tick: NOW - 3000});
    expect(reload(state).detached).toEqual(state.detached);
    const {report} = readStored(JSON.stringify(state), NOW);
    expect(report.condition).toBe('ok');
    expect(losesData(report)).toBe(false);
  });

  it('on an id no item has and never stamped (an import for an unknown item) stay where they are', () => {
    const state = {...DEFAULT_STATE, progress: setTick(DEFAULT_STATE.progress, PLAN, 'd9-b1', true, NOW)};
    expect(reconcilePlan(state, PLAN, landed, NOW)).toBe(state);
  });
});

describe('set-aside records in an import, when this browser keeps the most an import may bring the list to', () => {
  const record = (key: string) => ({
    key,
    planId: PLAN,
    itemId: 'd2-a1',
    text: `Item ${key}`,
    fingerprint: `item ${key}`,
    detachedAt: NOW,
    tick: NOW - 1000,
    note: null,
    review: null,
    runs: [],
  });
  const here = Array.from({length: MAX_DETACHED}, (_, index) => record(`here-${index}`));

  it("keeps every record here, does not add the file's new ones, and says in the import's message how many and what to do", () => {
    const text = JSON.stringify({...exportProgress({}, new Date(NOW), {detached: [record('here-3'), record('file-1'), record('file-2')]})});
    const result = importProgress(text, {}, undefined, {detached: here}, NOW) as Extract<ImportResult, {ok: true}>;
    expect(result.detached).toEqual(here);
    expect(result.report.detachedNotAdded).toBe(2);
    // No version is kept for a record this browser never held, so nothing reads as its removal.
    expect(Object.keys(result.sync.stamps).filter((key) => key.startsWith('setAside|'))).toEqual([]);
    expect(describeImport(result.report)).toContain(
      `Not added: 2 set-aside records of the file, as this browser keeps ${MAX_DETACHED.toLocaleString('en')} already. Delete those you no longer need on the notes or review page, then import the file again.`,
    );
  });
});

describe('records in an export file or a "Move my progress" link made before a plan edit', () => {
  const inserted = [landed[0]!, identity('d2-a1', 'Load testing with k6'), {...landed[1]!, id: 'd2-a2'}, {...landed[2]!, id: 'd2-a3'}];
  const exportOf = (state: StoredState) =>
    JSON.stringify(
      exportProgress(state.progress, new Date(NOW), {itemNotes: state.itemNotes, dayNotes: state.dayNotes, review: state.review, stamps: state.stamps}),
    );
  const importInto = (text: string, state: StoredState): StoredState => {
    const result = importProgress(text, state.progress, undefined, state, NOW);
    if (!result.ok) throw new Error(result.error);
    return {
      ...state,
      progress: result.progress,
      ...result.notes,
      review: result.review,
      stamps: result.stamps,
      detached: [...state.detached, ...result.detached],
    };
  };

  it('carry the stamps of the items they hold, and only of those', () => {
    let state = withRecords();
    state = startTimer(state, {planId: PLAN, itemId: 'd2-b1', durationMs: 60_000, maxMs: 60_000, next: []}, NOW);
    state = reconcilePlan(state, PLAN, landed, NOW);
    expect(Object.keys(state.stamps[PLAN]!).sort()).toEqual(['d2-a1', 'd2-b1']);
    expect(JSON.parse(exportOf(state)).stamps).toEqual({[PLAN]: {'d2-a1': {fingerprint: 'scaling considerations', text: 'Scaling considerations'}}});
  });

  it('imported into a fresh browser after the edit, follow their item when the plan page loads', () => {
    const text = exportOf(withRecords());
    const state = reconcilePlan(reload(importInto(text, DEFAULT_STATE)), PLAN, inserted, NOW);
    expect(state.progress[PLAN]).toEqual({'d2-a2': NOW - 3000});
    expect(state.itemNotes[PLAN]).toEqual({'d2-a2': 'Remember: horizontal scaling'});
    expect(Object.keys(state.review[PLAN]!)).toEqual(['d2-a2']);
    expect(state.detached).toEqual([]);
  });

  it('join their item where this browser already keeps it under its new id, and never land on the item now at their old id', () => {
    let here = reconcilePlan(withRecords(), PLAN, inserted, NOW);
    here = {...here, progress: setTick(here.progress, PLAN, 'd2-a1', true, NOW)};
    here = reconcilePlan(here, PLAN, inserted, NOW);
    const file = reconcilePlan({...DEFAULT_STATE, progress: setTick(DEFAULT_STATE.progress, PLAN, 'd2-a1', true, NOW - 9000)}, PLAN, landed, NOW);
    const state = reconcilePlan(importInto(exportOf(file), here), PLAN, inserted, NOW);
    // The earlier tick of "Scaling considerations" wins on its own item; "Load testing" keeps its own tick.
    expect(state.progress[PLAN]).toEqual({'d2-a1': NOW, 'd2-a2': NOW - 9000});
    expect(state.detached).toEqual([]);
  });

  it('whose old id holds another item here, and whose item this browser does not know, are set aside, not merged into it', () => {
    const here = reconcilePlan({...DEFAULT_STATE, progress: setTick(DEFAULT_STATE.progress, PLAN, 'd2-a1', true, NOW)}, PLAN, inserted, NOW);
    const result = importProgress(exportOf(withRecords()), here.progress, undefined, here, NOW);
    expect(result.ok && result.progress[PLAN]).toEqual({'d2-a1': NOW});
    expect(result.ok && result.notes.itemNotes[PLAN]).toBeUndefined();
    expect(result.ok && result.detached).toEqual([
      expect.objectContaining({planId: PLAN, itemId: 'd2-a1', text: 'Scaling considerations', tick: NOW - 3000, note: 'Remember: horizontal scaling'}),
    ]);
    expect(result.ok && describeImport(result.report)).toMatch(/Set aside: records of 1 item whose place in the plan now holds another item/);
  });

  it('in a file of format 3 (no stamps) are merged by id, as made on the plans as they are now', () => {
    const {stamps: _ignored, ...old} = JSON.parse(exportOf(withRecords())) as Record<string, unknown>;
    const state = reconcilePlan(importInto(JSON.stringify({...old, version: 3}), DEFAULT_STATE), PLAN, inserted, NOW);
    expect(state.progress[PLAN]).toEqual({'d2-a1': NOW - 3000});
    expect(state.stamps[PLAN]!['d2-a1']?.text).toBe('Load testing with k6');
  });

  it('travel in a link with their stamps, and follow their item after the edit', async () => {
    const before = withRecords();
    const read = await readTransfer(`#${await encodeTransfer(before.progress, '6h', before)}`);
    if (!read.ok) throw new Error(read.error);
    const preview = previewTransfer(read.offer, {}, null, undefined, {}, NOW);
    if (!preview.ok) throw new Error(preview.error);
    const state = reconcilePlan({...DEFAULT_STATE, progress: preview.progress, review: preview.review, stamps: preview.stamps}, PLAN, inserted, NOW);
    expect(state.progress[PLAN]).toEqual({'d2-a2': NOW - 3000});
    expect(Object.keys(state.review[PLAN]!)).toEqual(['d2-a2']);
  });
});

describe('the time log, paused timers and set-aside records in an export made before a plan edit', () => {
  const inserted = [landed[0]!, identity('d2-a1', 'Load testing with k6'), {...landed[1]!, id: 'd2-a2'}, {...landed[2]!, id: 'd2-a3'}];
  /** "Scaling considerations" studied for a minute, then its timer paused; "Design Deep Dive" studied and finished. */
  function studied(): StoredState {
    let state = startTimer(withRecords(), {planId: PLAN, itemId: 'd2-b1', durationMs: 60_000, maxMs: 60_000, next: ['d2-a1']}, NOW - 600_000);
    state = settleFinished(state, NOW - 500_000).state;
    state = startTimer(state, {planId: PLAN, itemId: 'd2-a1', durationMs: 3_600_000, maxMs: 3_600_000, next: ['d2-a2']}, NOW - 120_000);
    state = pauseTimer(state, timerKey(PLAN, 'd2-a1'), NOW - 60_000);
    return reconcilePlan(state, PLAN, landed, NOW - 60_000);
  }
  const exportOf = (state: StoredState) => JSON.stringify(exportProgress(state.progress, new Date(NOW), extrasOf(state)));
  const importInto = (text: string, state: StoredState): StoredState => {
    const result = importProgress(text, state.progress, undefined, extrasOf(state), NOW);
    if (!result.ok) throw new Error(result.error);
    return withImport(state, result);
  };

  it('follow their item to its new id in a fresh browser, the timer paused with its minute', () => {
    const state = reconcilePlan(reload(importInto(exportOf(studied()), DEFAULT_STATE)), PLAN, inserted, NOW);
    expect(state.timerRuns).toEqual([
      {planId: PLAN, itemId: 'd2-b1', start: NOW - 600_000, end: NOW - 540_000, finished: true},
      {planId: PLAN, itemId: 'd2-a2', start: NOW - 120_000, end: NOW - 60_000, finished: false},
    ]);
    expect(Object.keys(state.timers)).toEqual([timerKey(PLAN, 'd2-a2')]);
    expect(state.timers[timerKey(PLAN, 'd2-a2')]).toMatchObject({itemId: 'd2-a2', elapsedMs: 60_000, runningSince: null, next: ['d2-a3']});
    expect(state.detached).toEqual([]);
  });

  it('imported again once the plan page re-keyed them, join their item under its new id and are counted once', () => {
    const here = reconcilePlan({...DEFAULT_STATE, progress: setTick(DEFAULT_STATE.progress, PLAN, 'd2-a3', true, NOW)}, PLAN, inserted, NOW);
    const text = exportOf(studied());
    // Where this browser does not know the item yet, the records keep their ids and stamps, and the plan page re-keys them.
    const once = reconcilePlan(importInto(text, here), PLAN, inserted, NOW);
    expect(once.timerRuns.map((run) => run.itemId)).toEqual(['d2-b1', 'd2-a2']);
    expect(Object.keys(once.timers)).toEqual([timerKey(PLAN, 'd2-a2')]);
    const result = importProgress(text, once.progress, undefined, extrasOf(once), NOW + 1000);
    expect(result.ok && result.report).toMatchObject({added: 0});
    expect(result.ok && result.report.runsAdded).toBeUndefined();
    expect(result.ok && withImport(once, result)).toEqual(once);
  });

  it('whose old id holds another item here go aside with the other records of their item, never onto it', () => {
    const here = reconcilePlan({...DEFAULT_STATE, progress: setTick(DEFAULT_STATE.progress, PLAN, 'd2-a1', true, NOW)}, PLAN, inserted.slice(0, 2), NOW);
    const state = importInto(exportOf(studied()), here);
    expect(state.timerRuns.map((run) => run.itemId)).toEqual(['d2-b1']);
    expect(state.timers).toEqual({});
    expect(state.detached).toEqual([
      expect.objectContaining({
        itemId: 'd2-a1',
        text: 'Scaling considerations',
        tick: NOW - 3000,
        runs: [{start: NOW - 120_000, end: NOW - 60_000, finished: false}],
      }),
    ]);
    // Importing the same file again sets nothing aside twice.
    expect(importInto(exportOf(studied()), state).detached).toHaveLength(1);
  });

  it('records set aside on one device arrive on the other with the text they were made on, once', () => {
    const device = reconcilePlan(reload(withRecords()), PLAN, [landed[0]!, identity('d2-a1', 'Mock interview with a peer'), landed[2]!], NOW);
    expect(device.detached).toHaveLength(1);
    const text = exportOf(device);
    const other = importInto(text, DEFAULT_STATE);
    expect(other.detached).toEqual(device.detached);
    const again = importProgress(text, other.progress, undefined, extrasOf(other), NOW) as Extract<ImportResult, {ok: true}>;
    expect(again.detached).toEqual(device.detached);
    expect(again.report).not.toHaveProperty('detachedAdded');
    expect(describeImport((importProgress(text, {}, undefined, {}, NOW) as Extract<ImportResult, {ok: true}>).report)).toMatch(
      /Added: 1 set-aside record of items no longer in their plan/,
    );
  });
});
