import {adoptingPlan, fingerprintKey} from '@site/plugins/plan-model/adoption';
import {fingerprintOf, type ItemIdentity} from '@site/plugins/plan-model/identity';
import {scheduleEvents} from '@site/src/schedule/calendar';
import {adoptPlan, chooseAdoptions} from './adopt';
import {forgetPlan, orphanedPlans, storedPlanIds} from './orphans';
import {PLAN_SCOPES} from './planScopes';
import {setNote, MERGE_SEPARATOR, MAX_NOTE_LENGTH} from './notes';
import {setTick} from './progress';
import {reconcilePlan} from './records';
import {setReviewMark} from './review';
import {DEFAULT_STATE, decodeState, type FollowedPlan, type StoredState} from './schema';
import {startTimer, timerKey} from './timers';

const OLD = 'weeks/week-10/go';
const NEW = 'weeks/week-10/golang';
const OTHER = 'weeks/week-11/go';
const NOW = Date.UTC(2026, 2, 4, 12);
const identity = (id: string, text: string): ItemIdentity => ({id, day: Number(/^d(\d+)/.exec(id)![1]), text, fingerprint: fingerprintOf(text)});

/** Week 10 as it was deployed under its old path. */
const week10 = [
  identity('d1-b1', 'Ride sharing requirements'),
  identity('d1-b2', 'Matching service design'),
  identity('d1-b3', 'DSA – 2–3 problems'),
  identity('d1-a1', 'Scaling considerations'),
  identity('d2-b1', 'Chat system requirements'),
  identity('d2-b2', 'Fan-out on write or read'),
];
const keys = (items: readonly ItemIdentity[]) => items.map((item) => fingerprintKey(item.fingerprint));
/** The same plan at its new path with one block inserted on Day 1 (later blocks move up an id). */
const moved = [week10[0]!, identity('d1-b2', 'Estimates'), {...week10[1]!, id: 'd1-b3'}, {...week10[2]!, id: 'd1-b4'}, ...week10.slice(3)];

const reload = (state: StoredState) => decodeState(JSON.stringify(state), NOW);
const follow: FollowedPlan = {
  id: 'f-guide',
  planIds: ['weeks/week-09/go', OLD, OTHER],
  start: '2026-03-02',
  variant: null,
  weekdays: [0, 1, 2, 3, 4, 5, 6],
  shifts: [],
  skipBefore: 0,
  catchUpBefore: 0,
};

/** A reader's records of every kind on week 10 at its old path, stamped by a visit. */
function recordsOnOldPath(): StoredState {
  let state: StoredState = {
    ...DEFAULT_STATE,
    progress: setTick(setTick(DEFAULT_STATE.progress, OLD, 'd1-b2', true, NOW - 9000), OLD, 'd1-a1', true, NOW - 8000),
    itemNotes: setNote(DEFAULT_STATE.itemNotes, 'item', OLD, 'd1-b3', 'Two pointers, then a heap.'),
    dayNotes: setNote(DEFAULT_STATE.dayNotes, 'day', OLD, '1', 'Day one went well.'),
    review: setReviewMark(DEFAULT_STATE.review, OLD, 'd2-b2', true, 'Fan-out on write or read', NOW - 7000),
    follows: [follow],
    lastVisit: {planId: OLD, day: 2, at: NOW - 6000},
    timerRuns: [{planId: OLD, itemId: 'd1-b2', start: NOW - 70_000, end: NOW - 60_000, finished: true}],
  };
  state = startTimer(state, {planId: OLD, itemId: 'd1-b2', durationMs: 3_600_000, maxMs: 3_600_000, next: ['d1-b3', 'd1-a1']}, NOW - 30_000);
  return reload(reconcilePlan(state, OLD, week10, NOW - 5000));
}

describe('which plan adopts the records of a plan id the site no longer has', () => {
  const records = ['a', 'b', 'c', 'd', 'e'];

  it('the plan holding the same items for at least 3 records and 80% of them', () => {
    expect(adoptingPlan(records, [['x', ['a', 'b', 'c', 'd', 'z']]])).toBe('x');
    expect(adoptingPlan(records, [['x', ['a', 'b', 'c', 'y', 'z']]])).toBeNull();
    expect(adoptingPlan(['a', 'b'], [['x', ['a', 'b']]])).toBeNull();
    expect(adoptingPlan(['a', 'b', 'c'], [['x', ['a', 'b', 'c']]])).toBe('x');
  });

  it('counts an item once, so a text recurring in the records does not count twice against one item', () => {
    expect(adoptingPlan(['a', 'a', 'a', 'b'], [['x', ['a', 'b', 'c']]])).toBeNull();
    expect(adoptingPlan(['a', 'a', 'a', 'b'], [['x', ['a', 'a', 'a', 'b']]])).toBe('x');
  });

  it('none when two plans match equally well; the better one when they do not', () => {
    expect(
      adoptingPlan(records, [
        ['x', records],
        ['y', records],
      ]),
    ).toBeNull();
    expect(
      adoptingPlan(records, [
        ['x', ['a', 'b', 'c', 'd']],
        ['y', records],
      ]),
    ).toBe('y');
  });

  it('is decided from the store: an orphan with stamped records goes to the plan with its items; a plan still on the site is no orphan', () => {
    const state = recordsOnOldPath();
    expect(chooseAdoptions(state, {[NEW]: keys(moved), [OTHER]: keys([identity('d1-b1', 'Something else')])})).toEqual(new Map([[OLD, NEW]]));
    expect(chooseAdoptions(state, {[OLD]: keys(week10), [NEW]: keys(moved)})).toEqual(new Map());
    // A copy of the plan beside the moved one: which is "the" plan cannot be told, so neither takes the records.
    expect(chooseAdoptions(state, {[NEW]: keys(moved), [OTHER]: keys(moved)})).toEqual(new Map());
    // Too few of its items are still anywhere: kept as it is, never guessed onto a plan.
    expect(chooseAdoptions(state, {[NEW]: keys(moved.slice(0, 3))})).toEqual(new Map());
  });
});

describe('adopting a moved plan', () => {
  it('re-keys every kind of record to the new plan id, each on its item as the plan is now', () => {
    const state = reload(adoptPlan(recordsOnOldPath(), OLD, NEW, moved, NOW));
    expect(state.progress).toEqual({[NEW]: {'d1-b3': NOW - 9000, 'd1-a1': NOW - 8000}});
    expect(state.itemNotes).toEqual({[NEW]: {'d1-b4': 'Two pointers, then a heap.'}});
    expect(state.dayNotes).toEqual({[NEW]: {'1': 'Day one went well.'}});
    expect(Object.keys(state.review)).toEqual([NEW]);
    expect(state.review[NEW]!['d2-b2']).toMatchObject({markedAt: NOW - 7000});
    expect(Object.keys(state.stamps)).toEqual([NEW]);
    expect(state.stamps[NEW]!['d1-b3']).toEqual({fingerprint: 'matching service design', text: 'Matching service design'});
    expect(Object.values(state.timers)).toEqual([
      expect.objectContaining({planId: NEW, itemId: 'd1-b3', next: ['d1-b4', 'd1-a1'], runningSince: NOW - 30_000}),
    ]);
    expect(Object.keys(state.timers)).toEqual([timerKey(NEW, 'd1-b3')]);
    expect(state.timerRuns).toEqual([{planId: NEW, itemId: 'd1-b3', start: NOW - 70_000, end: NOW - 60_000, finished: true}]);
    expect(state.follows).toEqual([{...follow, planIds: ['weeks/week-09/go', NEW, OTHER]}]);
    expect(state.lastVisit).toEqual({planId: NEW, day: 2, at: NOW - 6000});
    expect(state.detached).toEqual([]);
    // Settled: the plan page's own reconcile finds nothing more to do, and adopting again (another tab) changes nothing.
    expect(reconcilePlan(state, NEW, moved, NOW)).toBe(state);
    expect(adoptPlan(state, OLD, NEW, moved, NOW + 1000)).toEqual(state);
  });

  it('keeps records that carry no stamp on their id (an old export imported before the move)', () => {
    const state = recordsOnOldPath();
    const unstamped = {...state, progress: setTick(state.progress, OLD, 'd2-b1', true, NOW - 500)};
    const adopted = adoptPlan(unstamped, OLD, NEW, moved, NOW);
    expect(adopted.progress[NEW]!['d2-b1']).toBe(NOW - 500);
    expect(adopted.stamps[NEW]!['d2-b1']).toEqual({fingerprint: 'chat system requirements', text: 'Chat system requirements'});
  });

  it('keeps the follow, so the schedule and the calendar ids of its other plans stay as they were', () => {
    const before = recordsOnOldPath();
    const after = adoptPlan(before, OLD, NEW, moved, NOW);
    const eventsOf = (state: StoredState, planId: string) =>
      scheduleEvents({
        follow: state.follows[0]!,
        // One day per plan, in the follow's order, as scheduleDays lists them when every plan is on the site.
        days: state.follows[0]!.planIds.map((id, index) => ({index, planId: id, day: 1, title: 'Day one', itemIds: [], minutes: 60})).filter(
          (day) => day.planId === planId,
        ),
        entriesOf: () => [{id: 'd1-b1', label: 'Requirements', duration: {min: 60, max: 60}}],
        urlOf: () => '/',
        from: '2026-01-01',
        startTime: '09:00',
        host: 'example.org',
      })!.map((event) => [event.uid, event.start.getTime()]);
    expect(after.follows[0]!.id).toBe(before.follows[0]!.id);
    expect(eventsOf(after, OTHER)).toEqual(eventsOf(before, OTHER));
    // The moved plan keeps its dates in the schedule; its events' ids name the plan's new id.
    expect(eventsOf(after, NEW).map(([, start]) => start)).toEqual(eventsOf(before, OLD).map(([, start]) => start));
  });

  it('merges into records the new plan already holds without losing any: the earlier tick, both notes, the mark reviewed last', () => {
    let state = recordsOnOldPath();
    state = {
      ...state,
      progress: setTick(state.progress, NEW, 'd1-b3', true, NOW - 100),
      itemNotes: setNote(state.itemNotes, 'item', NEW, 'd1-b4', 'Written on the new page.'),
      dayNotes: setNote(state.dayNotes, 'day', NEW, '1', 'A second thought on day one.'),
      review: setReviewMark(state.review, NEW, 'd2-b2', true, 'Fan-out on write or read', NOW - 50),
    };
    state.review[NEW]!['d2-b2'] = {...state.review[NEW]!['d2-b2']!, card: null};
    state.review[OLD]!['d2-b2'] = {...state.review[OLD]!['d2-b2']!, card: reviewedCard(NOW - 4000)};
    const adopted = reload(adoptPlan(state, OLD, NEW, moved, NOW));
    expect(adopted.progress[NEW]).toEqual({'d1-b3': NOW - 9000, 'd1-a1': NOW - 8000});
    expect(adopted.itemNotes[NEW]).toEqual({'d1-b4': `Written on the new page.${MERGE_SEPARATOR}Two pointers, then a heap.`});
    expect(adopted.dayNotes[NEW]).toEqual({'1': `A second thought on day one.${MERGE_SEPARATOR}Day one went well.`});
    expect(adopted.review[NEW]!['d2-b2']!.card?.lastReview).toBe(NOW - 4000);
    expect(orphanedPlans(adopted, new Set([NEW]))).toEqual([]);
  });

  it('detaches, under the new plan, a record whose item the moved plan no longer has, and one whose notes cannot be joined', () => {
    let state = recordsOnOldPath();
    const long = 'x'.repeat(MAX_NOTE_LENGTH - 10);
    state = {...state, itemNotes: setNote(state.itemNotes, 'item', NEW, 'd1-b4', long)};
    const withoutFanOut = moved.filter((item) => item.id !== 'd2-b2');
    const adopted = adoptPlan(state, OLD, NEW, withoutFanOut, NOW);
    expect(adopted.itemNotes[NEW]).toEqual({'d1-b4': long});
    expect(adopted.review[NEW]).toBeUndefined();
    expect(adopted.detached).toEqual([
      expect.objectContaining({planId: NEW, itemId: 'd1-b3', text: 'DSA – 2–3 problems', note: 'Two pointers, then a heap.'}),
      expect.objectContaining({planId: NEW, itemId: 'd2-b2', text: 'Fan-out on write or read', review: expect.objectContaining({markedAt: NOW - 7000})}),
    ]);
  });

  it('adopts nothing when two day notes together would be longer than a note may be', () => {
    const state = recordsOnOldPath();
    const crowded = {...state, dayNotes: setNote(state.dayNotes, 'day', NEW, '1', 'y'.repeat(MAX_NOTE_LENGTH))};
    expect(adoptPlan(crowded, OLD, NEW, moved, NOW)).toBe(crowded);
  });

  it('keeps the new plan’s own timer on the same item, and logs the time the old one ran', () => {
    let state = recordsOnOldPath();
    state = {
      ...state,
      timers: {
        ...state.timers,
        [timerKey(NEW, 'd1-b3')]: {...state.timers[timerKey(OLD, 'd1-b2')]!, planId: NEW, itemId: 'd1-b3', runningSince: null, elapsedMs: 5000},
      },
    };
    const adopted = adoptPlan(state, OLD, NEW, moved, NOW);
    expect(Object.values(adopted.timers)).toEqual([expect.objectContaining({planId: NEW, itemId: 'd1-b3', runningSince: null, elapsedMs: 5000})]);
    expect(adopted.timerRuns).toContainEqual({planId: NEW, itemId: 'd1-b3', start: NOW - 30_000, end: NOW, finished: false});
  });
});

describe('a plan no longer on the site', () => {
  it('is listed with what it holds, and deleted with everything kept under it', () => {
    const state = recordsOnOldPath();
    expect(orphanedPlans(state, new Set([NEW, OTHER]))).toEqual([{planId: OLD, ticks: 2, notes: 2, marks: 1, logged: 1, detached: 0}]);
    const forgotten = forgetPlan(state, OLD);
    expect(orphanedPlans(forgotten, new Set([NEW, OTHER]))).toEqual([]);
    expect(forgotten.timers).toEqual({});
    expect(forgotten.follows).toEqual([{...follow, planIds: ['weeks/week-09/go', OTHER]}]);
    expect(forgotten.lastVisit).toBeNull();
  });

  it('is found, and deleted, through the record table: every field of the stored state says what it holds of a plan', () => {
    expect(Object.keys(PLAN_SCOPES).sort()).toEqual(Object.keys(DEFAULT_STATE).sort());
    const state = recordsOnOldPath();
    expect(storedPlanIds(state)).toContain(OLD);
    const forgotten = forgetPlan(state, OLD);
    expect(storedPlanIds(forgotten)).not.toContain(OLD);
    // The other plans' records are left exactly as they were.
    expect(forgetPlan(forgotten, OLD)).toEqual(forgotten);
    for (const planId of storedPlanIds(state)) if (planId !== OLD) expect(storedPlanIds(forgotten)).toContain(planId);
  });
});

function reviewedCard(at: number) {
  return {
    due: at + 86_400_000,
    stability: 2,
    difficulty: 5,
    elapsedDays: 0,
    scheduledDays: 1,
    learningSteps: 0,
    reps: 1,
    lapses: 0,
    state: 2 as const,
    lastReview: at,
  };
}
