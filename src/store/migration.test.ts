import {fingerprintOf, type ItemIdentity} from '@site/plugins/plan-model/identity';
import {reconcilePlan} from './records';
import {MIGRATIONS, SCHEMA_VERSION, decodeState, losesData, readStored} from './schema';
import {NO_SYNC} from './versions';
import {withDetachedKey} from './stamps';
import {pauseTimer, settleFinished, startTimer, timerKey} from './timers';

const NOW = Date.UTC(2026, 2, 4, 12);
const identity = (id: string, text: string): ItemIdentity => ({id, day: Number(/^d(\d+)/.exec(id)![1]), text, fingerprint: fingerprintOf(text)});
const versionOne = {
  version: 1,
  variant: '6h',
  autoAdvance: true,
  progress: {'weeks/week-10/go': {'d1-b1': NOW - 5000, 'd1-b2': NOW - 4000}, 'intensive/senior-go-14-days': {'d1-morning-t1': NOW - 3000}},
  timers: {
    'weeks/week-10/go#d2-b1': {
      planId: 'weeks/week-10/go',
      itemId: 'd2-b1',
      label: 'Block 1',
      durationMs: 3_600_000,
      maxMs: 3_600_000,
      elapsedMs: 60_000,
      runningSince: NOW - 1000,
      finishedAt: null,
      next: null,
    },
  },
  lastVisit: {planId: 'weeks/week-10/go', day: 2, at: NOW - 2000},
};

describe('schema version 1 → 2', () => {
  it('keeps every tick, timer and choice, and starts with nothing followed', () => {
    const {state, report} = readStored(JSON.stringify(versionOne), NOW);
    expect(report).toMatchObject({condition: 'ok', droppedTicks: 0, droppedTimers: 0});
    const {label: _label, ...timer} = versionOne.timers['weeks/week-10/go#d2-b1'];
    expect(state).toEqual({
      ...versionOne,
      // Schema 5 keeps ids only: the label copy goes, everything else the timer held stays.
      timers: {'weeks/week-10/go#d2-b1': {...timer, next: []}},
      version: SCHEMA_VERSION,
      sync: NO_SYNC,
      follows: [],
      timerRuns: [],
      keepAwake: true,
      lastBackupAt: null,
      dayNotes: {},
      itemNotes: {},
      review: {},
      stamps: {},
      detached: [],
    });
  });

  it('is one step that only adds the new fields', () => {
    expect(MIGRATIONS[1]!({version: 1, progress: {p: {'d1-b1': 1}}})).toEqual({version: 2, progress: {p: {'d1-b1': 1}}, follows: [], timerRuns: []});
  });

  it('reads data without the new fields (written by another branch of version 2) as nothing followed', () => {
    const state = decodeState(JSON.stringify({...versionOne, version: 2}), NOW);
    expect(state.follows).toEqual([]);
    expect(state.timerRuns).toEqual([]);
    expect(state.progress).toEqual(versionOne.progress);
  });
});

describe('followed plans as stored', () => {
  const follow = {
    id: 'f-a',
    planIds: ['weeks/week-10/go'],
    start: '2026-03-02',
    variant: '6h',
    weekdays: [1, 2, 3],
    shifts: [],
    skipBefore: 0,
    catchUpBefore: 0,
  };

  it('are read back as written', () => {
    expect(decodeState(JSON.stringify({version: 2, follows: [follow]}), NOW).follows).toEqual([follow]);
  });

  it('fall back field by field: no weekdays means every day, a bad variant the site-wide choice', () => {
    const [read] = decodeState(JSON.stringify({version: 2, follows: [{...follow, weekdays: [], variant: '8h', shifts: 'x'}]}), NOW).follows;
    expect(read).toMatchObject({weekdays: [0, 1, 2, 3, 4, 5, 6], variant: null, shifts: []});
  });

  it.each([
    ['an impossible date', {start: '2026-02-30'}],
    ['no plans', {planIds: []}],
    ['a plan id that cannot be one', {planIds: ['__proto__']}],
    ['an id with odd characters', {id: '<script>'}],
  ])('leave out a follow with %s and keep the others', (_name, change) => {
    const other = {...follow, id: 'f-b'};
    expect(decodeState(JSON.stringify({version: 2, follows: [{...follow, ...change}, other]}), NOW).follows).toEqual([other]);
  });
});

describe('what timers actually ran', () => {
  const spec = {planId: 'weeks/week-10/go', itemId: 'd1-b1', durationMs: 600_000, maxMs: 600_000, next: []};
  const empty = decodeState(null);

  it('records each run from start to pause, and from resume to finish', () => {
    let state = startTimer(empty, spec, NOW);
    state = pauseTimer(state, timerKey(spec.planId, spec.itemId), NOW + 120_000);
    state = startTimer(state, spec, NOW + 300_000);
    state = settleFinished(state, NOW + 900_000).state;
    expect(state.timerRuns).toEqual([
      {planId: spec.planId, itemId: 'd1-b1', start: NOW, end: NOW + 120_000, finished: false},
      {planId: spec.planId, itemId: 'd1-b1', start: NOW + 300_000, end: NOW + 780_000, finished: true},
    ]);
  });

  it('survive storage, and a run ending in the future is left out', () => {
    const runs = [
      {planId: spec.planId, itemId: 'd1-b1', start: NOW - 60_000, end: NOW, finished: true},
      {planId: spec.planId, itemId: 'd1-b2', start: NOW, end: NOW + 86_400_000, finished: false},
    ];
    expect(decodeState(JSON.stringify({version: 2, timerRuns: runs}), NOW).timerRuns).toEqual([runs[0]]);
  });
});

describe('schema version 4 → 5 (timers keep ids only)', () => {
  const PLAN = 'weeks/week-10/go';
  const MINUTE = 60_000;
  /** A version-4 timer: it copied its item's label, and the labels and lengths of the items after it. */
  const v4Timer = (itemId: string, fields: Record<string, unknown>) => ({
    planId: PLAN,
    itemId,
    label: `Label of ${itemId}`,
    durationMs: 60 * MINUTE,
    maxMs: 75 * MINUTE,
    elapsedMs: 0,
    runningSince: null,
    finishedAt: null,
    next: null,
    ...fields,
  });
  const link = (itemId: string, next: unknown = null) => ({itemId, label: `Label of ${itemId}`, durationMs: 30 * MINUTE, maxMs: 30 * MINUTE, next});
  const versionFour = {
    version: 4,
    variant: '6h',
    autoAdvance: true,
    progress: {[PLAN]: {'d1-b1': NOW - 9000}},
    timers: {
      // Running, extended to its upper bound, with the rest of the day after it.
      [`${PLAN}#d2-b1`]: v4Timer('d2-b1', {
        durationMs: 75 * MINUTE,
        elapsedMs: 5 * MINUTE,
        runningSince: NOW - 60_000,
        next: link('d2-b2', link('d2-b3', link('d2-a1'))),
      }),
      // Paused halfway.
      [`${PLAN}#d1-b2`]: v4Timer('d1-b2', {elapsedMs: 30 * MINUTE, next: link('d1-b3')}),
      // Finished, with nothing after it.
      [`${PLAN}#d1-b4`]: v4Timer('d1-b4', {durationMs: 30 * MINUTE, maxMs: 30 * MINUTE, elapsedMs: 30 * MINUTE, finishedAt: NOW - 120_000}),
    },
    lastVisit: {planId: PLAN, day: 2, at: NOW - 2000},
    follows: [],
    timerRuns: [{planId: PLAN, itemId: 'd1-b2', start: NOW - 40 * MINUTE, end: NOW - 10 * MINUTE, finished: false}],
    keepAwake: false,
    lastBackupAt: NOW - 86_400_000,
    dayNotes: {[PLAN]: {'2': 'notes'}},
    itemNotes: {[PLAN]: {'d2-b1': 'a note'}},
    review: {},
  };

  it('loses nothing but the label copies: every timer keeps its ids, times, elapsed time and running state', () => {
    const {state, report} = readStored(JSON.stringify(versionFour), NOW);
    expect(report).toMatchObject({condition: 'ok', droppedTicks: 0, droppedTimers: 0});
    const ids = (timer: Record<string, unknown>) => {
      const {label: _label, next: _next, ...rest} = timer;
      return rest;
    };
    const timers = versionFour.timers;
    expect(state).toEqual({
      ...versionFour,
      version: SCHEMA_VERSION,
      sync: NO_SYNC,
      stamps: {},
      detached: [],
      timers: {
        [`${PLAN}#d2-b1`]: {...ids(timers[`${PLAN}#d2-b1`]), next: ['d2-b2', 'd2-b3', 'd2-a1']},
        [`${PLAN}#d1-b2`]: {...ids(timers[`${PLAN}#d1-b2`]), next: ['d1-b3']},
        [`${PLAN}#d1-b4`]: {...ids(timers[`${PLAN}#d1-b4`]), next: []},
      },
    });
    expect(JSON.stringify(state.timers)).not.toContain('Label of');
  });

  it('is one step that only rewrites the timers', () => {
    const {timers, ...rest} = versionFour;
    const migrated = MIGRATIONS[4]!(structuredClone(versionFour));
    expect(migrated).toMatchObject({...rest, version: 5});
    expect(migrated.timers).toEqual({
      [`${PLAN}#d2-b1`]: expect.objectContaining({itemId: 'd2-b1', next: ['d2-b2', 'd2-b3', 'd2-a1']}),
      [`${PLAN}#d1-b2`]: expect.objectContaining({itemId: 'd1-b2', next: ['d1-b3']}),
      [`${PLAN}#d1-b4`]: expect.objectContaining({itemId: 'd1-b4', next: []}),
    });
    expect(Object.keys(timers)).toEqual(Object.keys(migrated.timers as object));
    // Odd values pass through for the decoder to judge and count, as before.
    expect(MIGRATIONS[4]!({version: 4, timers: 'x'})).toEqual({version: 5, timers: 'x'});
    expect(MIGRATIONS[4]!({version: 4, timers: {a: 7}})).toEqual({version: 5, timers: {a: 7}});
  });

  it('a migrated running timer counts on, finishes on time and records its run', () => {
    const state = decodeState(JSON.stringify(versionFour), NOW);
    const key = timerKey(PLAN, 'd2-b1');
    // 75 min extended, 5 min before the reload, running for 1 min: 69 min left.
    const {state: settled, finished} = settleFinished(state, NOW + 69 * MINUTE);
    expect(finished.map((timer) => timer.itemId)).toEqual(['d2-b1']);
    expect(settled.timers[key]).toMatchObject({finishedAt: NOW + 69 * MINUTE, next: ['d2-b2', 'd2-b3', 'd2-a1']});
    expect(settled.timerRuns.at(-1)).toEqual({planId: PLAN, itemId: 'd2-b1', start: NOW - 60_000, end: NOW + 69 * MINUTE, finished: true});
  });

  it('version 5 reads back as written; a next that is not a list of ids reads as nothing after', () => {
    const state = decodeState(JSON.stringify(versionFour), NOW);
    expect(decodeState(JSON.stringify(state), NOW)).toEqual(state);
    const odd = {...state, timers: {[`${PLAN}#d1-b2`]: {...state.timers[`${PLAN}#d1-b2`], next: [7, '__proto__x', 'd1-b3', 'D1 B4']}}};
    expect(decodeState(JSON.stringify(odd), NOW).timers[`${PLAN}#d1-b2`]!.next).toEqual(['d1-b3']);
    const chain = {...state, timers: {[`${PLAN}#d1-b2`]: {...state.timers[`${PLAN}#d1-b2`], next: link('d1-b3')}}};
    expect(decodeState(JSON.stringify(chain), NOW).timers[`${PLAN}#d1-b2`]!.next).toEqual([]);
  });
});

describe('schema version 5 → 6 (records carry the item they were made on)', () => {
  const PLAN = 'weeks/week-10/go';
  const versionFive = {
    version: 5,
    variant: '6h',
    autoAdvance: false,
    progress: {[PLAN]: {'d2-a1': NOW - 5000}},
    timers: {},
    lastVisit: {planId: PLAN, day: 2, at: NOW - 2000},
    follows: [],
    timerRuns: [{planId: PLAN, itemId: 'd2-a1', start: NOW - 60_000, end: NOW - 30_000, finished: false}],
    keepAwake: true,
    lastBackupAt: null,
    dayNotes: {[PLAN]: {'2': 'day two'}},
    itemNotes: {[PLAN]: {'d2-a1': 'Remember: horizontal scaling'}},
    review: {[PLAN]: {'d2-a1': {label: 'Scaling considerations', markedAt: NOW - 4000, card: null}}},
  };

  it('is one step that only adds empty stamps and no detached records', () => {
    expect(MIGRATIONS[5]!(structuredClone(versionFive))).toEqual({...versionFive, version: 6, stamps: {}, detached: []});
  });

  it('keeps every record of version 5 where it was, unstamped until its plan loads', () => {
    const {state, report} = readStored(JSON.stringify(versionFive), NOW);
    expect(losesData(report)).toBe(false);
    expect(state).toEqual({...versionFive, version: SCHEMA_VERSION, stamps: {}, detached: [], sync: NO_SYNC});
  });

  it('stamps the records with the plan as deployed when the plan first loads, then they follow an edit', () => {
    const state = decodeState(JSON.stringify(versionFive), NOW);
    const before = [identity('d2-a1', 'Scaling considerations'), identity('d2-a2', 'Sketch a feature flag service')];
    const stamped = reconcilePlan(state, PLAN, before, NOW);
    expect(stamped.stamps[PLAN]).toEqual({'d2-a1': {fingerprint: 'scaling considerations', text: 'Scaling considerations'}});
    expect(stamped.progress).toEqual(state.progress);
    const after = [identity('d2-a1', 'Load testing'), ...before.map((item, index) => ({...item, id: `d2-a${index + 2}`}))];
    const moved = reconcilePlan(decodeState(JSON.stringify(stamped), NOW), PLAN, after, NOW);
    expect(moved.progress[PLAN]).toEqual({'d2-a2': NOW - 5000});
    expect(moved.itemNotes[PLAN]).toEqual({'d2-a2': 'Remember: horizontal scaling'});
    expect(Object.keys(moved.review[PLAN]!)).toEqual(['d2-a2']);
    expect(moved.timerRuns.map((run) => run.itemId)).toEqual(['d2-a2']);
    expect(moved.dayNotes).toEqual(state.dayNotes);
  });
});

describe('schema version 7 → 8 (set-aside records carry versions, under content keys)', () => {
  const PLAN = 'weeks/week-10/go';
  const setAside = (key: string, detachedAt: number, note: string) => ({
    key,
    planId: PLAN,
    itemId: 'd2-a1',
    text: 'Scaling considerations',
    fingerprint: 'scaling considerations',
    detachedAt,
    tick: NOW - 9000,
    note,
    review: null,
    runs: [{start: NOW - 60_000, end: NOW - 30_000, finished: false}],
  });
  // Two devices set the same record aside before keys came from content: each keyed it by its own moment.
  const versionSeven = {
    version: 7,
    progress: {[PLAN]: {'d2-b1': NOW - 5000}},
    detached: [
      setAside(`${PLAN}#d2-a1@${NOW - 2000}`, NOW - 2000, 'horizontal scaling'),
      setAside(`${PLAN}#d2-a1@${NOW - 1000}-imported`, NOW - 1000, 'horizontal scaling'),
      setAside(`${PLAN}#d2-a1@${NOW - 500}`, NOW - 500, 'vertical too'),
      {key: 'no plan'},
    ],
    sync: {device: 'laptop1', clock: NOW, stamps: {[`tick|${PLAN}|d2-b1`]: {at: NOW - 5000, dev: 'laptop1'}}, notes: {}, prunedBefore: 0},
  };

  it('keys every readable record by its content: one record per content, the one set aside first, and nothing else changes', () => {
    const migrated = MIGRATIONS[7]!(structuredClone(versionSeven));
    const [same, other, unreadable] = migrated.detached as {key: string; detachedAt: number; note: string}[];
    expect(migrated.detached).toHaveLength(3);
    expect(same).toMatchObject({detachedAt: NOW - 2000, note: 'horizontal scaling'});
    expect(same!.key).toMatch(new RegExp(`^${PLAN}#d2-a1~[0-9a-z]+$`));
    expect(other).toMatchObject({detachedAt: NOW - 500, note: 'vertical too'});
    expect(other!.key).not.toBe(same!.key);
    // What cannot be read is left for the decoder, which counts it as before.
    expect(unreadable).toEqual({key: 'no plan'});
    expect({...migrated, detached: []}).toEqual({...versionSeven, version: 8, detached: []});
  });

  it('reads back with every tick, note and run of the set-aside records, and no version for them yet (they count as set aside on every device)', () => {
    const {state, report} = readStored(JSON.stringify(versionSeven), NOW);
    expect(state.version).toBe(SCHEMA_VERSION);
    expect(report.droppedDetached).toBe(1);
    expect(state.detached.map((record) => record.note).sort()).toEqual(['horizontal scaling', 'vertical too']);
    expect(state.detached.every((record) => record.tick === NOW - 9000 && record.runs.length === 1)).toBe(true);
    expect(Object.keys(state.sync.stamps)).toEqual([`tick|${PLAN}|d2-b1`]);
    expect(state.progress).toEqual(versionSeven.progress);
  });

  it('is keyed as a device running the new version keys the same record, so a removal made there names it here', () => {
    const {state} = readStored(JSON.stringify({...versionSeven, detached: versionSeven.detached.slice(0, 1)}), NOW);
    const {key: _key, ...content} = versionSeven.detached[0] as ReturnType<typeof setAside>;
    expect(state.detached[0]!.key).toBe(withDetachedKey(content).key);
  });
});
