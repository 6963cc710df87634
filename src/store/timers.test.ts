import {DEFAULT_STATE, type StoredState, type TimerRecord} from './schema';
import {
  autoAdvance,
  extendTimer,
  formatClock,
  nextTimerSpec,
  pauseTimer,
  remainingMs,
  resetTimer,
  settleFinished,
  startTimer,
  timerKey,
  timerStatus,
  type TimedItem,
  type TimerSpec,
} from './timers';

const MINUTE = 60_000;
const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);
const at = (minutes: number) => T0 + minutes * MINUTE;

const spec = (itemId: string, min: number, max = min, next: string[] = []): TimerSpec => ({
  planId: 'weeks/week-09/go',
  itemId,
  durationMs: min * MINUTE,
  maxMs: max * MINUTE,
  next,
});
const keyOf = (itemId: string) => timerKey('weeks/week-09/go', itemId);
const timerOf = (state: StoredState, itemId: string): TimerRecord => state.timers[keyOf(itemId)]!;

describe('a range timer (60–75 min)', () => {
  it('starts at its lower bound', () => {
    const state = startTimer(DEFAULT_STATE, spec('d1-b1', 60, 75), at(0));
    expect(formatClock(remainingMs(timerOf(state, 'd1-b1'), at(0)))).toBe('60:00');
    expect(timerStatus(timerOf(state, 'd1-b1'), at(0))).toBe('running');
  });

  it('extends to the upper bound, keeping the time already spent', () => {
    let state = startTimer(DEFAULT_STATE, spec('d1-b1', 60, 75), at(0));
    state = extendTimer(state, keyOf('d1-b1'), at(20));
    const timer = timerOf(state, 'd1-b1');
    expect(timer.durationMs).toBe(75 * MINUTE);
    expect(formatClock(remainingMs(timer, at(20)))).toBe('55:00');
    expect(extendTimer(state, keyOf('d1-b1'), at(21))).toBe(state);
  });

  it('extended after time is up, runs on for the extra minutes with one click', () => {
    let state = startTimer(DEFAULT_STATE, spec('d1-b1', 60, 75), at(0));
    state = settleFinished(state, at(61)).state;
    expect(timerStatus(timerOf(state, 'd1-b1'), at(61))).toBe('finished');
    state = extendTimer(state, keyOf('d1-b1'), at(62));
    expect(timerStatus(timerOf(state, 'd1-b1'), at(62))).toBe('running');
    expect(formatClock(remainingMs(timerOf(state, 'd1-b1'), at(62)))).toBe('15:00');
    expect(formatClock(remainingMs(timerOf(state, 'd1-b1'), at(72)))).toBe('5:00');
  });

  it('an exact duration cannot be extended', () => {
    const state = startTimer(DEFAULT_STATE, spec('d1-b2', 60), at(0));
    expect(extendTimer(state, keyOf('d1-b2'), at(1))).toBe(state);
  });
});

describe('pause and resume on the wall clock', () => {
  it('start, 10 min, pause, 1 h away, resume, 5 min → 45 min left of 60', () => {
    let state = startTimer(DEFAULT_STATE, spec('d1-b2', 60), at(0));
    state = pauseTimer(state, keyOf('d1-b2'), at(10));
    expect(timerStatus(timerOf(state, 'd1-b2'), at(70))).toBe('paused');
    expect(remainingMs(timerOf(state, 'd1-b2'), at(70))).toBe(50 * MINUTE);
    state = startTimer(state, spec('d1-b2', 60), at(70));
    expect(remainingMs(timerOf(state, 'd1-b2'), at(75))).toBe(45 * MINUTE);
  });

  it('a tab left in the background for hours still knows the time is up', () => {
    const state = startTimer(DEFAULT_STATE, spec('d1-b2', 60), at(0));
    expect(remainingMs(timerOf(state, 'd1-b2'), at(180))).toBe(0);
    expect(timerStatus(timerOf(state, 'd1-b2'), at(180))).toBe('finished');
  });

  it('pausing a paused timer and resetting an unknown one change nothing', () => {
    const state = pauseTimer(startTimer(DEFAULT_STATE, spec('d1-b2', 60), at(0)), keyOf('d1-b2'), at(5));
    expect(pauseTimer(state, keyOf('d1-b2'), at(9))).toBe(state);
    expect(resetTimer(state, keyOf('d9-b9'))).toBe(state);
    expect(resetTimer(state, keyOf('d1-b2')).timers).toEqual({});
  });
});

describe('one timer at a time', () => {
  it('starting B pauses A, which keeps its elapsed time', () => {
    let state = startTimer(DEFAULT_STATE, spec('d1-b1', 60, 75), at(0));
    state = startTimer(state, spec('d1-b2', 60), at(12));
    const a = timerOf(state, 'd1-b1');
    const b = timerOf(state, 'd1-b2');
    expect(a.runningSince).toBeNull();
    expect(a.elapsedMs).toBe(12 * MINUTE);
    expect(b.runningSince).toBe(at(12));
    // A stays where it was while B runs.
    expect(remainingMs(a, at(40))).toBe(48 * MINUTE);
    expect(Object.values(state.timers).filter((timer) => timer.runningSince !== null)).toHaveLength(1);
    // Resuming A pauses B in turn.
    state = startTimer(state, spec('d1-b1', 60, 75), at(40));
    expect(timerOf(state, 'd1-b2').elapsedMs).toBe(28 * MINUTE);
    expect(remainingMs(timerOf(state, 'd1-b1'), at(40))).toBe(48 * MINUTE);
  });

  it('starting a finished timer starts it over', () => {
    let state = startTimer(DEFAULT_STATE, spec('d1-b4', 30), at(0));
    state = settleFinished(state, at(31)).state;
    state = startTimer(state, spec('d1-b4', 30), at(40));
    expect(timerOf(state, 'd1-b4')).toMatchObject({elapsedMs: 0, runningSince: at(40), finishedAt: null});
  });
});

describe('settleFinished', () => {
  const chain = ['d1-b2', 'd1-b3'];
  /** The day as the plan has it now: lengths of what follows are read from here, not from the stored timer. */
  const items: TimedItem[] = [
    {id: 'd1-b1', duration: {min: 60, max: 75}},
    {id: 'd1-b2', duration: {min: 60, max: 60}},
    {id: 'd1-b3', duration: {min: 30, max: 45}},
  ];
  /** What TimerCenter does when time is up: settle, then start the next block if the reader asked for that. */
  const settleAndAdvance = (state: StoredState, now: number) => {
    const result = settleFinished(state, now);
    return result.finished.reduce((next, timer) => autoAdvance(next, timer, items, now), result.state);
  };

  it('reports a finish once, dated when the time actually ran out', () => {
    const started = startTimer(DEFAULT_STATE, spec('d1-b1', 60, 75, chain), at(0));
    expect(settleFinished(started, at(59)).state).toBe(started);
    const first = settleFinished(started, at(90));
    expect(first.finished.map((timer) => timer.itemId)).toEqual(['d1-b1']);
    expect(timerOf(first.state, 'd1-b1')).toMatchObject({finishedAt: at(60), runningSince: null, elapsedMs: 60 * MINUTE});
    const second = settleFinished(first.state, at(91));
    expect(second.finished).toEqual([]);
    expect(second.state).toBe(first.state);
  });

  it('does not start the next block unless asked to', () => {
    const started = startTimer(DEFAULT_STATE, spec('d1-b1', 60, 75, chain), at(0));
    const state = settleAndAdvance(started, at(60));
    expect(state.timers[keyOf('d1-b2')]).toBeUndefined();
  });

  it('with auto-advance, starts the next block with the plan’s length, which carries on to the one after', () => {
    const started = startTimer({...DEFAULT_STATE, autoAdvance: true}, spec('d1-b1', 60, 75, chain), at(0));
    let state = settleAndAdvance(started, at(60));
    expect(timerOf(state, 'd1-b2')).toMatchObject({runningSince: at(60), elapsedMs: 0, durationMs: 60 * MINUTE, next: ['d1-b3']});
    state = settleAndAdvance(state, at(120));
    expect(timerOf(state, 'd1-b3')).toMatchObject({runningSince: at(120), durationMs: 30 * MINUTE, maxMs: 45 * MINUTE, next: []});
    state = settleAndAdvance(state, at(150));
    // The chain ends with the day: nothing else starts.
    expect(Object.values(state.timers).filter((timer) => timer.runningSince !== null)).toEqual([]);
  });

  it('does not auto-start once the finished timer was dismissed, or while another one runs', () => {
    const started = startTimer({...DEFAULT_STATE, autoAdvance: true}, spec('d1-b1', 60, 75, chain), at(0));
    const {state, finished} = settleFinished(started, at(60));
    const dismissed = resetTimer(state, keyOf('d1-b1'), at(60));
    expect(autoAdvance(dismissed, finished[0]!, items, at(61))).toBe(dismissed);
    const other = startTimer(state, spec('d2-b1', 30), at(60));
    expect(autoAdvance(other, finished[0]!, items, at(61))).toBe(other);
  });
});

describe('nextTimerSpec', () => {
  const finished = (next: string[]): TimerRecord => ({...spec('d1-b1', 60, 60, next), elapsedMs: 60 * MINUTE, runningSince: null, finishedAt: at(60)});

  it('skips ids the plan no longer has or no longer times, and carries the rest on', () => {
    const items: TimedItem[] = [
      {id: 'd1-b3', duration: null},
      {id: 'd1-b4', duration: {min: 30, max: 30}},
    ];
    expect(nextTimerSpec(finished(['d1-b2', 'd1-b3', 'd1-b4', 'd1-a1']), items)).toEqual({
      planId: 'weeks/week-09/go',
      itemId: 'd1-b4',
      durationMs: 30 * MINUTE,
      maxMs: 30 * MINUTE,
      next: ['d1-a1'],
    });
  });

  it('is null when nothing follows, or nothing that follows is in the plan', () => {
    expect(nextTimerSpec(finished([]), [{id: 'd1-b2', duration: {min: 60, max: 60}}])).toBeNull();
    expect(nextTimerSpec(finished(['d1-b2']), [])).toBeNull();
  });
});

describe('formatClock', () => {
  it.each([
    [60 * MINUTE, '60:00'],
    [75 * MINUTE, '1:15:00'],
    [59_001, '1:00'],
    [999, '0:01'],
    [0, '0:00'],
    [6 * 60 * MINUTE, '6:00:00'],
  ])('%i ms reads %s', (ms, text) => {
    expect(formatClock(ms)).toBe(text);
  });
});
