import type {StoredState, TimerRecord} from './schema';

/** One timer per plan item; the key is unique across plans. */
export const timerKey = (planId: string, itemId: string): string => `${planId}#${itemId}`;

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

export interface TimerSpec {
  planId: string;
  itemId: string;
  label: string;
  durationMs: number;
  maxMs: number;
  next: TimerRecord['next'];
}

/** Pauses every running timer: only one runs at a time. */
function pauseAll(timers: Record<string, TimerRecord>, now: number): Record<string, TimerRecord> {
  return Object.fromEntries(
    Object.entries(timers).map(([key, timer]) => [key, timer.runningSince === null ? timer : {...timer, elapsedMs: elapsedMs(timer, now), runningSince: null}]),
  );
}

/** Starts (or resumes) a timer and pauses whichever other one was running. */
export function startTimer(state: StoredState, spec: TimerSpec, now: number): StoredState {
  const key = timerKey(spec.planId, spec.itemId);
  const timers = pauseAll(state.timers, now);
  const existing = timers[key];
  const fresh = !existing || existing.finishedAt !== null || remainingMs(existing, now) === 0;
  timers[key] = fresh ? {...spec, elapsedMs: 0, runningSince: now, finishedAt: null} : {...existing, runningSince: now};
  return {...state, timers};
}

export function pauseTimer(state: StoredState, key: string, now: number): StoredState {
  const timer = state.timers[key];
  if (!timer || timer.runningSince === null) return state;
  return {...state, timers: {...state.timers, [key]: {...timer, elapsedMs: elapsedMs(timer, now), runningSince: null}}};
}

export function resetTimer(state: StoredState, key: string): StoredState {
  if (!state.timers[key]) return state;
  const {[key]: _removed, ...rest} = state.timers;
  return {...state, timers: rest};
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
  const timers = pauseAll(state.timers, now);
  timers[key] = {...timer, durationMs: timer.maxMs, finishedAt: null, runningSince: now};
  return {...state, timers};
}

/**
 * Records that a running timer ran out (once), and starts the next block when the
 * reader asked for that. Returns the same state when nothing finished.
 */
export function settleFinished(state: StoredState, now: number): {state: StoredState; finished: TimerRecord[]} {
  const finished: TimerRecord[] = [];
  let timers = state.timers;
  for (const [key, timer] of Object.entries(state.timers)) {
    if (timer.finishedAt === null && timer.runningSince !== null && remainingMs(timer, now) === 0) {
      const finishedAt = timer.runningSince + (timer.durationMs - timer.elapsedMs);
      const done = {...timer, elapsedMs: timer.durationMs, runningSince: null, finishedAt};
      timers = {...timers, [key]: done};
      finished.push(done);
    }
  }
  if (finished.length === 0) return {state, finished};
  let next: StoredState = {...state, timers};
  if (state.autoAdvance) {
    for (const timer of finished) {
      if (timer.next) next = startTimer(next, {planId: timer.planId, ...timer.next}, now);
    }
  }
  return {state: next, finished};
}

/** "12:05", "60:00" (an hour block starts as it is labelled), "1:02:05" above an hour. */
export function formatClock(ms: number): string {
  const total = Math.ceil(ms / 1000);
  const pad = (value: number) => String(value).padStart(2, '0');
  if (total <= 3600) return `${Math.floor(total / 60)}:${pad(total % 60)}`;
  return `${Math.floor(total / 3600)}:${pad(Math.floor((total % 3600) / 60))}:${pad(total % 60)}`;
}
