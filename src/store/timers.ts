import {MAX_TIMER_RUNS, type StoredState, type TimerRecord, type TimerRun} from './schema';

import {timerKey} from './keys';

export {timerKey};

export function elapsedMs(timer: TimerRecord, now: number): number {
  return timer.elapsedMs + (timer.runningSince === null ? 0 : Math.max(0, now - timer.runningSince));
}

/** Remaining time from wall-clock timestamps, never below zero. */
export function remainingMs(timer: TimerRecord, now: number): number {
  return Math.max(0, timer.durationMs - elapsedMs(timer, now));
}

export type TimerStatus = 'idle' | 'running' | 'paused' | 'finished';

export function timerStatus(timer: TimerRecord | undefined, now: number): TimerStatus {
  if (!timer) return 'idle';
  if (timer.finishedAt !== null || remainingMs(timer, now) === 0) return 'finished';
  return timer.runningSince === null ? 'paused' : 'running';
}

/** What starting a timer needs: its item, the planned length, and the ids of the items after it. */
export interface TimerSpec {
  planId: string;
  itemId: string;
  durationMs: number;
  maxMs: number;
  next: string[];
}

/** A plan item a timer can run for, as the plan has it now. */
export interface TimedItem {
  id: string;
  duration: {min: number; max: number} | null;
}

const MINUTE = 60_000;

/** The timer to start after `timer`: the first of its following ids the plan still times, carrying the rest on. */
export function nextTimerSpec(timer: TimerRecord, items: readonly TimedItem[]): TimerSpec | null {
  for (const [index, itemId] of timer.next.entries()) {
    const duration = items.find((item) => item.id === itemId)?.duration;
    if (duration) {
      return {planId: timer.planId, itemId, durationMs: duration.min * MINUTE, maxMs: duration.max * MINUTE, next: timer.next.slice(index + 1)};
    }
  }
  return null;
}

/** Records the stretch a running timer ran until `end`, keeping only the most recent runs. */
function recordRun(runs: readonly TimerRun[], timer: TimerRecord, end: number, finished: boolean): TimerRun[] {
  if (timer.runningSince === null || end <= timer.runningSince) return runs as TimerRun[];
  return [...runs, {planId: timer.planId, itemId: timer.itemId, start: timer.runningSince, end, finished}].slice(-MAX_TIMER_RUNS);
}

/** Pauses every running timer (only one runs at a time), recording what each ran. */
function pauseAll(state: StoredState, now: number): {timers: Record<string, TimerRecord>; timerRuns: TimerRun[]} {
  let timerRuns = state.timerRuns;
  const timers = Object.fromEntries(
    Object.entries(state.timers).map(([key, timer]) => {
      if (timer.runningSince === null) return [key, timer];
      timerRuns = recordRun(timerRuns, timer, now, false);
      return [key, {...timer, elapsedMs: elapsedMs(timer, now), runningSince: null}];
    }),
  );
  return {timers, timerRuns};
}

/** Starts (or resumes) a timer and pauses whichever other one was running. */
export function startTimer(state: StoredState, spec: TimerSpec, now: number): StoredState {
  const key = timerKey(spec.planId, spec.itemId);
  const {timers, timerRuns} = pauseAll(state, now);
  const existing = timers[key];
  const fresh = !existing || existing.finishedAt !== null || remainingMs(existing, now) === 0;
  timers[key] = fresh ? {...spec, elapsedMs: 0, runningSince: now, finishedAt: null} : {...existing, runningSince: now};
  return {...state, timers, timerRuns};
}

export function pauseTimer(state: StoredState, key: string, now: number): StoredState {
  const timer = state.timers[key];
  if (!timer || timer.runningSince === null) return state;
  return {
    ...state,
    timers: {...state.timers, [key]: {...timer, elapsedMs: elapsedMs(timer, now), runningSince: null}},
    timerRuns: recordRun(state.timerRuns, timer, now, false),
  };
}

/** Removes a timer; time it ran is still recorded (it was studied, even if the countdown is reset). */
export function resetTimer(state: StoredState, key: string, now: number = Date.now()): StoredState {
  const timer = state.timers[key];
  if (!timer) return state;
  const {[key]: _removed, ...rest} = state.timers;
  return {...state, timers: rest, timerRuns: recordRun(state.timerRuns, timer, now, false)};
}

/**
 * Extends a range's timer from its lower to its upper bound. A timer whose time was up
 * runs on for the extra minutes: extending is one click, not "extend" and then "resume".
 */
export function extendTimer(state: StoredState, key: string, now: number): StoredState {
  const timer = state.timers[key];
  if (!timer || timer.durationMs >= timer.maxMs) return state;
  if (timer.finishedAt === null) {
    return {...state, timers: {...state.timers, [key]: {...timer, durationMs: timer.maxMs}}};
  }
  const {timers, timerRuns} = pauseAll(state, now);
  timers[key] = {...timer, durationMs: timer.maxMs, finishedAt: null, runningSince: now};
  return {...state, timers, timerRuns};
}

/** Records that a running timer ran out (once). Returns the same state when nothing finished. */
export function settleFinished(state: StoredState, now: number): {state: StoredState; finished: TimerRecord[]} {
  const finished: TimerRecord[] = [];
  let timers = state.timers;
  let timerRuns = state.timerRuns;
  for (const [key, timer] of Object.entries(state.timers)) {
    if (timer.finishedAt === null && timer.runningSince !== null && remainingMs(timer, now) === 0) {
      const finishedAt = timer.runningSince + (timer.durationMs - timer.elapsedMs);
      const done = {...timer, elapsedMs: timer.durationMs, runningSince: null, finishedAt};
      timers = {...timers, [key]: done};
      timerRuns = recordRun(timerRuns, timer, finishedAt, true);
      finished.push(done);
    }
  }
  if (finished.length === 0) return {state, finished};
  return {state: {...state, timers, timerRuns}, finished};
}

/**
 * Starts the block after a finished one when the reader asked for that ("start the next block
 * automatically"), reading its length from the plan's `items`. Returns the same state otherwise.
 */
export function autoAdvance(state: StoredState, finished: TimerRecord, items: readonly TimedItem[], now: number): StoredState {
  const current = state.timers[timerKey(finished.planId, finished.itemId)];
  // Only from the finish itself: not once the reader dismissed or restarted it, nor when something else runs.
  if (!state.autoAdvance || current?.finishedAt !== finished.finishedAt || Object.values(state.timers).some((timer) => timer.runningSince !== null)) {
    return state;
  }
  const spec = nextTimerSpec(finished, items);
  return spec ? startTimer(state, spec, now) : state;
}

/** "12:05", "60:00" (an hour block starts as it is labelled), "1:02:05" above an hour. */
export function formatClock(ms: number): string {
  const total = Math.ceil(ms / 1000);
  const pad = (value: number) => String(value).padStart(2, '0');
  if (total <= 3600) return `${Math.floor(total / 60)}:${pad(total % 60)}`;
  return `${Math.floor(total / 3600)}:${pad(Math.floor((total % 3600) / 60))}:${pad(total % 60)}`;
}
