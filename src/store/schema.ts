import {STORAGE_KEY, parseVariant, type PlanVariant} from '@site/plugins/plan-model/ids';

/** Everything the site keeps in the browser lives under one localStorage key. */
export {STORAGE_KEY};
export const SCHEMA_VERSION = 1;

/** A block or session timer. Times are wall-clock milliseconds, so a background tab stays correct. */
export interface TimerRecord {
  planId: string;
  itemId: string;
  label: string;
  /** Target length; a range starts at its lower bound and may be extended to `maxMs`. */
  durationMs: number;
  maxMs: number;
  /** Time spent in earlier runs (before the last pause). */
  elapsedMs: number;
  /** When the current run started; null while paused or never started. */
  runningSince: number | null;
  /** Set once the finish was announced, so it is announced once. */
  finishedAt: number | null;
  /** The items after this one on the same day, for "start the next block automatically". */
  next: TimerNext | null;
}

/** A following item, itself linked to the one after it, so auto-start can run through a whole day. */
export interface TimerNext {
  itemId: string;
  label: string;
  durationMs: number;
  maxMs: number;
  next: TimerNext | null;
}

export interface LastVisit {
  planId: string;
  day: number;
  at: number;
}

export interface StoredState {
  version: typeof SCHEMA_VERSION;
  /** The site-wide 4h/6h choice; null until the reader picks one (4h applies). */
  variant: PlanVariant | null;
  timers: Record<string, TimerRecord>;
  autoAdvance: boolean;
  /** planId → itemId → when it was ticked (ms). */
  progress: Record<string, Record<string, number>>;
  lastVisit: LastVisit | null;
}

export const DEFAULT_STATE: StoredState = Object.freeze({
  version: SCHEMA_VERSION,
  variant: null,
  timers: {},
  autoAdvance: false,
  progress: {},
  lastVisit: null,
}) as StoredState;

/** Upgrades from older schema versions; each step takes version N to N+1. Never drops ticks. */
const MIGRATIONS: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {};

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/**
 * Reads whatever is stored into a valid state. Anything unreadable falls back to defaults
 * field by field, so one corrupted entry never costs the reader the rest.
 */
export function decodeState(raw: string | null): StoredState {
  if (!raw) return DEFAULT_STATE;
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return DEFAULT_STATE;
  }
  if (!isRecord(data)) return DEFAULT_STATE;
  let version = isFiniteNumber(data.version) ? data.version : SCHEMA_VERSION;
  while (version < SCHEMA_VERSION && MIGRATIONS[version]) {
    data = MIGRATIONS[version]!(data as Record<string, unknown>);
    version += 1;
  }
  const source = data as Record<string, unknown>;
  return {
    version: SCHEMA_VERSION,
    variant: parseVariant(source.variant),
    timers: decodeTimers(source.timers),
    autoAdvance: source.autoAdvance === true,
    progress: decodeProgress(source.progress),
    lastVisit: decodeLastVisit(source.lastVisit),
  };
}

/** True when the stored data was written by a newer site version: we must not overwrite it. */
export function isFromNewerVersion(raw: string | null): boolean {
  if (!raw) return false;
  try {
    const data: unknown = JSON.parse(raw);
    return isRecord(data) && isFiniteNumber(data.version) && data.version > SCHEMA_VERSION;
  } catch {
    return false;
  }
}

function decodeTimers(value: unknown): Record<string, TimerRecord> {
  if (!isRecord(value)) return {};
  const timers: Record<string, TimerRecord> = {};
  for (const [key, timer] of Object.entries(value)) {
    if (
      isRecord(timer) &&
      typeof timer.planId === 'string' &&
      typeof timer.itemId === 'string' &&
      isFiniteNumber(timer.durationMs) &&
      timer.durationMs > 0 &&
      isFiniteNumber(timer.elapsedMs) &&
      (timer.runningSince === null || isFiniteNumber(timer.runningSince))
    ) {
      const next = decodeNext(timer.next, 0);
      timers[key] = {
        planId: timer.planId,
        itemId: timer.itemId,
        label: typeof timer.label === 'string' ? timer.label : '',
        durationMs: timer.durationMs,
        maxMs: isFiniteNumber(timer.maxMs) && timer.maxMs >= timer.durationMs ? timer.maxMs : timer.durationMs,
        elapsedMs: Math.max(0, timer.elapsedMs),
        runningSince: timer.runningSince as number | null,
        finishedAt: isFiniteNumber(timer.finishedAt) ? timer.finishedAt : null,
        next,
      };
    }
  }
  return timers;
}

function decodeNext(value: unknown, depth: number): TimerNext | null {
  // A day has a handful of items; the depth cap guards against a hand-edited cycle-like chain.
  if (depth > 50 || !isRecord(value) || typeof value.itemId !== 'string' || !isFiniteNumber(value.durationMs) || value.durationMs <= 0) return null;
  return {
    itemId: value.itemId,
    label: typeof value.label === 'string' ? value.label : '',
    durationMs: value.durationMs,
    maxMs: isFiniteNumber(value.maxMs) && value.maxMs >= value.durationMs ? value.maxMs : value.durationMs,
    next: decodeNext(value.next, depth + 1),
  };
}

function decodeProgress(value: unknown): Record<string, Record<string, number>> {
  if (!isRecord(value)) return {};
  const progress: Record<string, Record<string, number>> = {};
  for (const [planId, items] of Object.entries(value)) {
    if (!isRecord(items)) continue;
    const ticks: Record<string, number> = {};
    for (const [itemId, at] of Object.entries(items)) if (isFiniteNumber(at)) ticks[itemId] = at;
    if (Object.keys(ticks).length > 0) progress[planId] = ticks;
  }
  return progress;
}

function decodeLastVisit(value: unknown): LastVisit | null {
  if (!isRecord(value) || typeof value.planId !== 'string' || !isFiniteNumber(value.day) || !isFiniteNumber(value.at)) return null;
  return {planId: value.planId, day: value.day, at: value.at};
}
