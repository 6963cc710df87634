import {DEFAULT_STATE, decodeState, MAX_TIMER_RUNS} from './schema';
import {clearTicks, countTicked, setTick, type Progress} from './progress';
import {EXPORT_APP, EXPORT_VERSION, describeImport, exportFileName, exportProgress, importProgress, type KnownItems} from './exchange';

const WEEK = 'weeks/week-09/go';
const known: KnownItems = new Map([
  [WEEK, new Set(['d1-b1', 'd1-b2', 'd1-a1'])],
  ['intensive/senior-go-14-days', new Set(['d1-morning-t1'])],
]);

const file = (progress: unknown, extra: Record<string, unknown> = {}) =>
  JSON.stringify({app: EXPORT_APP, version: EXPORT_VERSION, exportedAt: '2026-01-05T09:00:00.000Z', progress, ...extra});

describe('ticking', () => {
  it('records when an item was ticked and forgets it when unticked', () => {
    const ticked = setTick({}, WEEK, 'd1-b1', true, 1000);
    expect(ticked).toEqual({[WEEK]: {'d1-b1': 1000}});
    expect(setTick(ticked, WEEK, 'd1-b1', false, 2000)).toEqual({});
  });

  it('keeps the first tick time when an item is ticked twice', () => {
    const once = setTick({}, WEEK, 'd1-b1', true, 1000);
    expect(setTick(once, WEEK, 'd1-b1', true, 5000)).toBe(once);
  });

  it('counts only the requested items', () => {
    let progress: Progress = {};
    for (const id of ['d1-b1', 'd1-b2', 'd2-b1']) progress = setTick(progress, WEEK, id, true, 1);
    expect(countTicked(progress, WEEK, ['d1-b1', 'd1-b2', 'd1-b3'])).toBe(2);
    expect(countTicked(progress, 'weeks/week-10/go', ['d1-b1'])).toBe(0);
  });

  it('resets one plan without touching another', () => {
    const progress = {[WEEK]: {'d1-b1': 1, 'd2-b1': 2}, 'weeks/week-10/go': {'d1-b1': 3}};
    expect(clearTicks(progress, WEEK)).toEqual({'weeks/week-10/go': {'d1-b1': 3}});
    expect(clearTicks(progress, WEEK, ['d1-b1'])).toEqual({[WEEK]: {'d2-b1': 2}, 'weeks/week-10/go': {'d1-b1': 3}});
  });
});

describe('export and import', () => {
  const progress = {[WEEK]: {'d1-b1': 1_700_000_000_000, 'd1-a1': 1_700_000_100_000}, 'intensive/senior-go-14-days': {'d1-morning-t1': 42}};

  it('exports a self-describing file with a dated name', () => {
    const now = new Date('2026-01-05T09:00:00Z');
    expect(exportProgress(progress, now)).toEqual({
      app: 'go-study-plans',
      version: 7,
      exportedAt: '2026-01-05T09:00:00.000Z',
      progress,
      follows: [],
      dayNotes: {},
      itemNotes: {},
      review: {},
      stamps: {},
      timers: [],
      timerRuns: [],
      detached: [],
      versions: {clock: 0, stamps: {}, notes: {}, prunedBefore: 0},
    });
    expect(exportFileName(now)).toBe('go-study-plans-progress-2026-01-05.json');
  });

  it('restores exactly what was exported after a reset', () => {
    const text = JSON.stringify(exportProgress(progress, new Date()));
    const afterReset = clearTicks(progress, WEEK);
    const result = importProgress(text, afterReset, known);
    expect(result.ok && result.progress).toEqual(progress);
    expect(result.ok && result.report).toMatchObject({added: 2, alreadyThere: 1, skipped: [], unknownPlans: [], unknownItems: 0});
  });

  it('merges: never unticks, keeps the earlier time, and is idempotent', () => {
    const current = {[WEEK]: {'d1-b1': 500, 'd1-b2': 600}};
    const result = importProgress(file({[WEEK]: {'d1-b1': 900, 'd1-a1': 700}}), current, known);
    expect(result.ok && result.progress).toEqual({[WEEK]: {'d1-b1': 500, 'd1-b2': 600, 'd1-a1': 700}});
    const again = result.ok ? importProgress(file({[WEEK]: {'d1-b1': 900, 'd1-a1': 700}}), result.progress, known) : null;
    expect(again?.ok && again.progress).toEqual(result.ok && result.progress);
  });

  it('keeps ticks for plans and items the site does not have, and says so', () => {
    const result = importProgress(file({'weeks/week-99/go': {'d1-b1': 1}, [WEEK]: {'d9-b9': 2}}), {}, known);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.progress).toEqual({'weeks/week-99/go': {'d1-b1': 1}, [WEEK]: {'d9-b9': 2}});
    expect(describeImport(result.report)).toBe(
      'Imported: 2 ticks added. Kept, but not shown: ticks for plans this site does not have (weeks/week-99/go). Kept, but not shown: 1 tick for items the plans no longer have.',
    );
  });

  it('skips entries without a valid time and reports them, applying the rest', () => {
    const result = importProgress(file({[WEEK]: {'d1-b1': 'yesterday', 'd1-b2': 5}, 'weeks/week-10/go': [1, 2]}), {}, known);
    expect(result.ok && result.progress).toEqual({[WEEK]: {'d1-b2': 5}});
    expect(result.ok && describeImport(result.report)).toBe(
      'Imported: 1 tick added. Not applied: "weeks/week-09/go" → "d1-b1" has no valid tick time; "weeks/week-10/go" is not a list of ticked items.',
    );
  });

  it.each([
    ['not JSON', '{"app": "go-study-plans", ', /not valid JSON/],
    ['another app', JSON.stringify({app: 'other', version: 1, progress: {}}), /not a Go Study Plans progress export/],
    ['a JSON array', '[]', /not a Go Study Plans progress export/],
    ['no version', JSON.stringify({app: EXPORT_APP, progress: {}}), /no valid "version"/],
    ['a newer version', file({}, {version: EXPORT_VERSION + 1}), new RegExp(String.raw`newer version of this site \(format ${EXPORT_VERSION + 1};`)],
    ['no progress object', file(['d1-b1']), /no "progress" object/],
    ['a huge file', ' '.repeat(5 * 1024 * 1024 + 1), /a progress export is a few KB/],
  ])('refuses %s and changes nothing', (_name, text, reason) => {
    const current = {[WEEK]: {'d1-b1': 1}};
    const result = importProgress(text, current, known);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toMatch(reason);
      expect(result.error).toMatch(/Nothing was changed\.$/);
    }
    expect(current).toEqual({[WEEK]: {'d1-b1': 1}});
  });
});

describe('followed plans in export and import', () => {
  const follow = {
    id: 'f-1',
    planIds: ['weeks/week-10/go'],
    start: '2026-03-02',
    variant: null,
    weekdays: [1, 2, 3, 4, 5, 6],
    shifts: [{from: 0, by: 2}],
    skipBefore: 0,
    catchUpBefore: 0,
  };

  it('carries followed plans and their shifts to another browser', () => {
    const text = JSON.stringify(exportProgress({}, new Date(), {follows: [follow]}));
    const result = importProgress(text, {}, known, {follows: []});
    expect(result.ok && result.follows).toEqual([follow]);
    expect(result.ok && describeImport(result.report)).toBe('Imported: 0 ticks added, 1 followed plan.');
  });

  it('keeps a follow already here rather than the exported copy', () => {
    const shiftedHere = {...follow, shifts: [{from: 0, by: 5}]};
    const result = importProgress(JSON.stringify(exportProgress({}, new Date(), {follows: [follow]})), {}, known, {follows: [shiftedHere]});
    expect(result.ok && result.follows).toEqual([shiftedHere]);
  });

  it('still imports a version 1 file, which has no followed plans', () => {
    const result = importProgress(JSON.stringify({app: EXPORT_APP, version: 1, progress: {[WEEK]: {'d1-b1': 5}}}), {}, known, {follows: [follow]});
    expect(result.ok && result.progress).toEqual({[WEEK]: {'d1-b1': 5}});
    expect(result.ok && result.follows).toEqual([follow]);
  });

  it('adds no second follow of plans followed here already, and says so', () => {
    const elsewhere = {...follow, id: 'f-2', start: '2026-04-06'};
    const result = importProgress(JSON.stringify(exportProgress({}, new Date(), {follows: [elsewhere]})), {}, known, {follows: [follow]});
    expect(result.ok && result.follows).toEqual([follow]);
    expect(result.ok && describeImport(result.report)).toMatch(/Not added: 1 followed plan of the file, as the same plans are followed here already/);
  });

  it('skips a followed plan with an impossible start date', () => {
    const text = JSON.stringify({...exportProgress({}, new Date()), follows: [{...follow, start: '2026-02-30'}]});
    const result = importProgress(text, {}, known, {follows: []});
    expect(result.ok && result.follows).toEqual([]);
    expect(result.ok && result.report.skipped).toHaveLength(1);
  });
});

describe('review marks in export and import (format 3)', () => {
  const reviewed = {
    label: 'Block 1 · Channels',
    markedAt: 1_700_000_000_000,
    card: {
      due: 1_700_500_000_000,
      stability: 3.1,
      difficulty: 5.2,
      elapsedDays: 2,
      scheduledDays: 6,
      learningSteps: 0,
      reps: 2,
      lapses: 0,
      state: 2 as const,
      lastReview: 1_700_200_000_000,
    },
  };
  const review = {[WEEK]: {'d1-b1': reviewed, 'd1-b2': {label: 'Block 2', markedAt: 1_700_000_000_001, card: null}}};

  it('carries marks and their schedules to an empty browser, and says how many were added', () => {
    const text = JSON.stringify(exportProgress({}, new Date(0), {review}));
    const result = importProgress(text, {}, known, {review: {}});
    expect(result.ok && result.review).toEqual(review);
    expect(result.ok && describeImport(result.report)).toBe('Imported: 0 ticks added. Review later: 2 marks added.');
  });

  it('keeps marks here, takes a schedule reviewed later in the file, and is idempotent', () => {
    const here = {[WEEK]: {'d1-b1': {...reviewed, card: {...reviewed.card, lastReview: 1_600_000_000_000}}}};
    const fromFile = {...review, 'weeks/week-99/go': {'d2-b1': reviewed}};
    const text = JSON.stringify(exportProgress({}, new Date(0), {review: fromFile}));
    const result = importProgress(text, {}, known, {review: here});
    if (!result.ok) throw new Error(result.error);
    expect(result.review).toEqual(fromFile);
    expect(describeImport(result.report)).toBe(
      'Imported: 0 ticks added. Review later: 2 marks added; 1 schedule taken from the file, where the item was reviewed later. Kept: 1 review mark for plans or items this site does not have (the review page lists them without a link).',
    );
    const again = importProgress(text, {}, known, {review: result.review});
    expect(again.ok && again.review).toEqual(result.review);
    expect(again.ok && again.report.review).toMatchObject({added: 0, rescheduled: 0, alreadyThere: 3});
  });

  it('still imports format 1 and 2 files, which have no review marks, and keeps the marks here', () => {
    for (const version of [1, 2]) {
      const text = JSON.stringify({app: EXPORT_APP, version, exportedAt: '', progress: {[WEEK]: {'d1-b1': 5}}, follows: [], dayNotes: {}, itemNotes: {}});
      const result = importProgress(text, {}, known, {review});
      expect(result.ok && result.progress, `format ${version}`).toEqual({[WEEK]: {'d1-b1': 5}});
      expect(result.ok && result.review, `format ${version}`).toEqual(review);
      expect(result.ok && describeImport(result.report), `format ${version}`).toBe('Imported: 1 tick added.');
    }
  });

  it('lists review entries it could not apply, and applies the rest', () => {
    const text = file({}, {review: {[WEEK]: {'d1-b1': reviewed, 'd1-b2': {label: 'no time'}}}});
    const result = importProgress(text, {}, known);
    expect(result.ok && Object.keys(result.review[WEEK]!)).toEqual(['d1-b1']);
    expect(result.ok && describeImport(result.report)).toBe(
      'Imported: 0 ticks added. Review later: 1 mark added. Not applied: "weeks/week-09/go" → "d1-b2" is not a review mark.',
    );
  });
});

describe('the time log in export and import (format 5)', () => {
  const run = (itemId: string, start: number, end = start + 60_000) => ({planId: WEEK, itemId, start, end, finished: false});

  it('merges the runs here and in the file, each run once, oldest first', () => {
    const here = [run('d1-b1', 1_000_000), run('d1-b2', 3_000_000)];
    const text = JSON.stringify(exportProgress({}, new Date(5_000_000), {timerRuns: [run('d1-b1', 1_000_000), run('d1-a1', 2_000_000)]}));
    const result = importProgress(text, {}, known, {timerRuns: here}, 5_000_000);
    expect(result.ok && result.timerRuns).toEqual([run('d1-b1', 1_000_000), run('d1-a1', 2_000_000), run('d1-b2', 3_000_000)]);
    expect(result.ok && describeImport(result.report)).toBe('Imported: 0 ticks added. Time: 1 timer run added to the time log.');
  });

  it('says how many of the oldest runs went when the merged log is longer than it keeps', () => {
    const here = Array.from({length: MAX_TIMER_RUNS - 1}, (_, index) => run('d1-b1', 10_000_000 + index * 100_000, 10_000_000 + index * 100_000 + 1));
    const text = JSON.stringify(exportProgress({}, new Date(), {timerRuns: [run('d1-a1', 1_000), run('d1-a1', 2_000), run('d1-a1', 3_000)]}));
    const result = importProgress(text, {}, known, {timerRuns: here});
    expect(result.ok && result.timerRuns).toHaveLength(MAX_TIMER_RUNS);
    expect(result.ok && result.timerRuns[0]).toEqual(run('d1-a1', 3_000));
    expect(result.ok && describeImport(result.report)).toMatch(
      /3 timer runs added to the time log; the oldest 2 runs went, as the log keeps the 5,000 most recent\./,
    );
  });

  it('still imports a format 4 file, which has no time log, and leaves the log and timers here alone', () => {
    const timer = {planId: WEEK, itemId: 'd1-b1', durationMs: 60_000, maxMs: 60_000, elapsedMs: 1_000, runningSince: null, finishedAt: null, next: []};
    const text = JSON.stringify({app: EXPORT_APP, version: 4, exportedAt: '', progress: {[WEEK]: {'d1-b2': 5}}, stamps: {}});
    const result = importProgress(text, {}, known, {timerRuns: [run('d1-b1', 1_000)], timers: {[`${WEEK}#d1-b1`]: timer}});
    expect(result).toMatchObject({ok: true, progress: {[WEEK]: {'d1-b2': 5}}, timerRuns: [run('d1-b1', 1_000)], timers: {[`${WEEK}#d1-b1`]: timer}});
  });
});

describe('stored progress', () => {
  it('survives a round trip through storage text', () => {
    const state = {...DEFAULT_STATE, progress: {[WEEK]: {'d1-b1': 1000}}, lastVisit: {planId: WEEK, day: 1, at: 1000}};
    expect(decodeState(JSON.stringify(state))).toEqual(state);
  });

  it('keeps valid ticks when some stored entries are damaged', () => {
    const raw = JSON.stringify({version: 1, progress: {[WEEK]: {'d1-b1': 1000, 'd1-b2': 'x'}, broken: 7}});
    expect(decodeState(raw).progress).toEqual({[WEEK]: {'d1-b1': 1000}});
  });
});

describe('keys that cannot be plan or item ids', () => {
  /** JSON text written key by key from values already in JSON, so "__proto__" arrives as an ordinary key, as it would in a file. */
  const raw = (entries: [string, string][]) => `{${entries.map(([key, value]) => `${JSON.stringify(key)}:${value}`).join(',')}}`;

  it('are skipped and listed on import; only real ticks are added and counted', () => {
    const progressText = raw([
      ['__proto__', '{"d1-b1":1}'],
      ['constructor', '{"d1-b1":2,"d1-b2":3}'],
      ['', '{"d1-b1":4}'],
      ['x'.repeat(5000), '{"d1-b1":5}'],
      [
        WEEK,
        raw([
          ['__proto__', '6'],
          ['toString', '7'],
          ['d1-b1', '8'],
        ]),
      ],
    ]);
    const text = `{"app":"${EXPORT_APP}","version":${EXPORT_VERSION},"progress":${progressText}}`;
    const result = importProgress(text, {}, known);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(JSON.parse(JSON.stringify(result.progress))).toEqual({[WEEK]: {'d1-b1': 8}});
    expect(result.report.added).toBe(1);
    expect(result.report.skipped).toHaveLength(6);
    expect(describeImport(result.report)).toMatch(
      /^Imported: 1 tick added\. Not applied: "__proto__" is not a plan id \(1 tick\); "constructor" is not a plan id \(2 ticks\); "" is not a plan id \(1 tick\) and 3 more\.$/,
    );
    expect(({} as Record<string, unknown>)['d1-b1']).toBeUndefined();
  });

  it('cannot be ticked, and ticking an item named like a built-in never reads the built-in', () => {
    expect(setTick({}, '__proto__', 'd1-b1', true, 1)).toEqual({});
    expect(setTick({}, WEEK, 'constructor', true, 1)).toEqual({});
    expect(countTicked({}, 'constructor', ['toString', 'd1-b1'])).toBe(0);
    expect(clearTicks({}, 'toString')).toEqual({});
  });

  it('stored under such keys are dropped when read back', () => {
    const stored = `{"version":1,"progress":{"__proto__":{"d1-b1":1},"${WEEK}":{"__proto__":2,"d1-b2":3}}}`;
    expect(JSON.parse(JSON.stringify(decodeState(stored).progress))).toEqual({[WEEK]: {'d1-b2': 3}});
  });
});
