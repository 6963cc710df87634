import {MIGRATIONS, SCHEMA_VERSION, decodeState, readStored} from './schema';
import {pauseTimer, settleFinished, startTimer, timerKey} from './timers';

const NOW = Date.UTC(2026, 2, 4, 12);
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
    expect(state).toEqual({
      ...versionOne,
      version: SCHEMA_VERSION,
      follows: [],
      timerRuns: [],
      keepAwake: true,
      lastBackupAt: null,
      dayNotes: {},
      itemNotes: {},
      review: {},
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
  const spec = {planId: 'weeks/week-10/go', itemId: 'd1-b1', label: 'Block 1', durationMs: 600_000, maxMs: 600_000, next: null};
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
