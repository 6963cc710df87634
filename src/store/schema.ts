import {STORAGE_KEY, STORE_SCHEMA_VERSION, parseVariant, type PlanVariant} from '@site/plugins/plan-model/ids';
import {MAX_NEXT, createMap, isItemIdKey, isPlanIdKey, isRecord, isTickTime, timerKey} from './keys';
import {MIGRATIONS} from './migrations';
import {salvageProgress} from './salvage';

export {MIGRATIONS} from './migrations';
export {isTickTime} from './keys';
import {decodeNotes, type NoteMap} from './notes';
import {decodeReview, type ReviewMap} from './review';
import {decodeDetached, decodeStamps, type DetachedRecord, type StampMap} from './stamps';
import {decodeSync, NO_SYNC, type SyncState} from './versions';
import {MAX_NOTE_LENGTH} from './notes';
import {decodeFollows} from './follows';

export {decodeFollow, isLocalDate} from './follows';

/** Everything the site keeps in the browser lives under one localStorage key. */
export {STORAGE_KEY};
export const SCHEMA_VERSION = STORE_SCHEMA_VERSION;

/**
 * A block or session timer. Times are wall-clock milliseconds, so a background tab stays correct.
 * It names its item by id only (schema 5): labels, links and what follows are read from the plan.
 */
export interface TimerRecord {
  planId: string;
  itemId: string;
  /**
   * Target length; a range starts at its lower bound and may be extended to `maxMs`. These are the
   * countdown's own state, not copies: the end is booked (worker, audio clock) the moment a timer starts
   * or a page loads, before any plan module has arrived, and a countdown must not jump if the plan changes.
   */
  durationMs: number;
  maxMs: number;
  /** Time spent in earlier runs (before the last pause). */
  elapsedMs: number;
  /** When the current run started; null while paused or never started. */
  runningSince: number | null;
  /** Set once the finish was announced, so it is announced once. */
  finishedAt: number | null;
  /** Ids of the later items of the same day, in order, for "start the next block automatically"; empty when none follow. */
  next: string[];
}

export interface LastVisit {
  planId: string;
  day: number;
  at: number;
}

/** A plan the reader follows from a start date (see src/schedule for what each field means to the dates). */
export interface FollowedPlan {
  /** Stable id of this follow, also the base of its calendar UIDs. */
  id: string;
  /** The plans followed, in order (one plan, or the weekly plans of one track from a chosen week on). */
  planIds: string[];
  /** The local calendar date of Day 1, `YYYY-MM-DD`. */
  start: string;
  /** 4h/6h for this follow; null follows the site-wide choice. */
  variant: PlanVariant | null;
  /** Study weekdays, 0 = Sunday … 6 = Saturday, ascending; never empty. */
  weekdays: number[];
  /** Each "shift": plan days from index `from` on moved `by` study days later. */
  shifts: {from: number; by: number}[];
  /** Unticked items of days before this index are not overdue: the reader chose to skip them. */
  skipBefore: number;
  /** Unticked items of days before this index show on today: the reader chose to catch up. */
  catchUpBefore: number;
}

/** One stretch a timer actually ran, for "where your time went". Times in ms since the epoch. */
export interface TimerRun {
  planId: string;
  itemId: string;
  start: number;
  end: number;
  /** True when the run ended because the timer finished (not a pause or reset). */
  finished: boolean;
}

/**
 * Only the most recent runs are kept, so the store stays small: a run is about 110 bytes, so the log stays near half a
 * megabyte at most, well inside the few megabytes a browser gives a site. 5,000 runs are a year of six-hour days
 * paused a dozen times each, far more than the 16 weeks "Where your time went" shows. Should a log ever reach it,
 * that section says from when its time is counted (TodayPage/TimeSpent), and an import says how many old runs went.
 */
export const MAX_TIMER_RUNS = 5000;
/**
 * Nobody follows this many plans at once. The cap applies where follows are added: "Follow this plan" refuses a
 * follow beyond it and says so in its dialog, and an import says how many it did not add. Follows already stored are
 * all read back, however many, so none is ever dropped on the way.
 */
export const MAX_FOLLOWS = 50;

export interface StoredState {
  version: typeof SCHEMA_VERSION;
  /** The site-wide 4h/6h choice; null until the reader picks one (4h applies). */
  variant: PlanVariant | null;
  timers: Record<string, TimerRecord>;
  autoAdvance: boolean;
  /** planId → itemId → when it was ticked (ms). */
  progress: Record<string, Record<string, number>>;
  lastVisit: LastVisit | null;
  /** Plans followed from a start date (schema 2). */
  follows: FollowedPlan[];
  /** What timers actually ran, oldest first (schema 2). */
  timerRuns: TimerRun[];
  /** Keep the screen on while a timer runs (Screen Wake Lock), where the browser can (schema 3). */
  keepAwake: boolean;
  /** When progress was last saved elsewhere (an export file or a "Move my progress" link); null if never (schema 3). */
  lastBackupAt: number | null;
  /** planId → day number → the day's notes, exactly as typed (schema 4). */
  dayNotes: NoteMap;
  /** planId → itemId → a short note on one block, addition, topic or practice item (schema 4). */
  itemNotes: NoteMap;
  /** planId → itemId → a "review later" mark and its schedule (schema 4). */
  review: ReviewMap;
  /** planId → itemId → the item the records under that id were made on, so they follow it through plan edits (schema 6). */
  stamps: StampMap;
  /** Records whose item left its plan: kept, listed on /notes and /review, never shown on another item (schema 6). */
  detached: DetachedRecord[];
  /** The versions of the records that travel between devices, and this device's id and clock (schema 7; ./versions.ts). */
  sync: SyncState;
}

export const DEFAULT_STATE: StoredState = Object.freeze({
  version: SCHEMA_VERSION,
  variant: null,
  timers: Object.freeze(createMap<TimerRecord>()),
  autoAdvance: false,
  progress: Object.freeze(createMap<Record<string, number>>()),
  lastVisit: null,
  follows: Object.freeze([]) as unknown as FollowedPlan[],
  timerRuns: Object.freeze([]) as unknown as TimerRun[],
  keepAwake: true,
  lastBackupAt: null,
  dayNotes: Object.freeze(createMap<Record<string, string>>()),
  itemNotes: Object.freeze(createMap<Record<string, string>>()),
  review: Object.freeze(createMap<Record<string, never>>()),
  stamps: Object.freeze(createMap<Record<string, never>>()),
  detached: Object.freeze([]) as unknown as DetachedRecord[],
  sync: NO_SYNC,
}) as StoredState;

/** No block or session is planned for longer than a day. */
export const MAX_TIMER_MS = 24 * 60 * 60 * 1000;
/** A clock set a little differently in another tab or after a sync is not a broken record. */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;

const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const FIELDS = [
  'version',
  'variant',
  'timers',
  'autoAdvance',
  'progress',
  'lastVisit',
  'follows',
  'timerRuns',
  'keepAwake',
  'lastBackupAt',
  'dayNotes',
  'itemNotes',
  'review',
  'stamps',
  'detached',
  'sync',
];

/**
 * What the stored text turned out to be: `unreadable` is not JSON (cut off mid-write),
 * `foreign` is JSON of another shape, `newer-version` was written by a newer site.
 */
export type StoredCondition = 'empty' | 'ok' | 'newer-version' | 'unreadable' | 'foreign';

/** How much of the stored text could be read, so nothing is dropped without a word. */
export interface DecodeReport {
  condition: StoredCondition;
  /** Ticks left out: keys that cannot be ids, or no valid time. */
  droppedTicks: number;
  /** Timers left out: incomplete, or with impossible times. */
  droppedTimers: number;
  /** Ticks recovered from unreadable text. */
  recoveredTicks: number;
  /** Notes left out: keys that cannot be plan days or items, or values that are not text. */
  droppedNotes?: number;
  /** Review marks left out: keys that cannot be ids, or no time of marking. */
  droppedReviews?: number;
  /** Detached records left out: no plan, id or text. */
  droppedDetached?: number;
}

/** True when writing over this text would lose something this version could not read. */
export function losesData(report: DecodeReport): boolean {
  return (
    report.condition === 'unreadable' ||
    report.condition === 'foreign' ||
    report.droppedTicks > 0 ||
    report.droppedTimers > 0 ||
    (report.droppedNotes ?? 0) > 0 ||
    (report.droppedReviews ?? 0) > 0 ||
    (report.droppedDetached ?? 0) > 0
  );
}

/** Reads whatever is stored into a valid state (see `readStored`). */
export function decodeState(raw: string | null, now: number = Date.now()): StoredState {
  return readStored(raw, now).state;
}

/**
 * Reads whatever is stored into a valid state, and reports what it had to leave out.
 * Anything unreadable falls back to defaults field by field, so one corrupted entry never
 * costs the reader the rest; text cut off mid-write gives up the ticks it still holds.
 */
export function readStored(raw: string | null, now: number = Date.now()): {state: StoredState; report: DecodeReport} {
  const report: DecodeReport = {condition: 'ok', droppedTicks: 0, droppedTimers: 0, recoveredTicks: 0};
  if (!raw) return {state: DEFAULT_STATE, report: {...report, condition: 'empty'}};
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    const progress = salvageProgress(raw);
    report.condition = 'unreadable';
    report.recoveredTicks = countTicks(progress);
    const variant = /"variant"\s*:\s*"(4h|6h)"/.exec(raw)?.[1];
    return {state: {...DEFAULT_STATE, variant: parseVariant(variant), progress}, report};
  }
  if (!isRecord(data) || !FIELDS.some((field) => Object.hasOwn(data as object, field)) || (data.version !== undefined && !isFiniteNumber(data.version))) {
    return {state: DEFAULT_STATE, report: {...report, condition: 'foreign'}};
  }
  let version = isFiniteNumber(data.version) ? data.version : SCHEMA_VERSION;
  if (version > SCHEMA_VERSION) report.condition = 'newer-version';
  while (version < SCHEMA_VERSION && MIGRATIONS[version]) {
    data = MIGRATIONS[version]!(data as Record<string, unknown>);
    version += 1;
  }
  const source = data as Record<string, unknown>;
  const progress = decodeProgress(source.progress, report);
  const dayNotes = decodeNotes(source.dayNotes, 'day');
  const itemNotes = decodeNotes(source.itemNotes, 'item');
  if (dayNotes.dropped + itemNotes.dropped > 0) report.droppedNotes = dayNotes.dropped + itemNotes.dropped;
  const review = decodeReview(source.review);
  if (review.dropped > 0) report.droppedReviews = review.dropped;
  const detached = decodeDetached(source.detached);
  if (detached.dropped > 0) report.droppedDetached = detached.dropped;
  return {
    state: {
      version: SCHEMA_VERSION,
      variant: parseVariant(source.variant),
      timers: decodeTimers(source.timers, now, report),
      autoAdvance: source.autoAdvance === true,
      progress,
      lastVisit: decodeLastVisit(source.lastVisit),
      follows: decodeFollows(source.follows),
      timerRuns: decodeTimerRuns(source.timerRuns, now),
      // Missing or odd values take the defaults, so data without these fields still reads.
      keepAwake: source.keepAwake !== false,
      lastBackupAt: isTickTime(source.lastBackupAt) ? source.lastBackupAt : null,
      dayNotes: dayNotes.notes,
      itemNotes: itemNotes.notes,
      review: review.review,
      stamps: decodeStamps(source.stamps),
      detached: detached.detached,
      sync: decodeSync(source.sync, MAX_NOTE_LENGTH),
    },
    report,
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

const isDuration = (value: unknown): value is number => isFiniteNumber(value) && value > 0 && value <= MAX_TIMER_MS;
/** A moment that has happened (allowing for clock skew), as a running start or a finish must be. */
const isPastInstant = (value: unknown, now: number): value is number => isFiniteNumber(value) && value >= 0 && value <= now + CLOCK_SKEW_MS;

/** Reads timers, kept as a map by key or (in an export file) as a list; those that cannot be timers are counted in `report`. */
export function decodeTimers(value: unknown, now: number, report: Pick<DecodeReport, 'droppedTimers'> = {droppedTimers: 0}): Record<string, TimerRecord> {
  const timers = createMap<TimerRecord>();
  if (!isRecord(value) && !Array.isArray(value)) return timers;
  for (const timer of Object.values(value)) {
    if (
      isRecord(timer) &&
      typeof timer.planId === 'string' &&
      isPlanIdKey(timer.planId) &&
      typeof timer.itemId === 'string' &&
      isItemIdKey(timer.itemId) &&
      isDuration(timer.durationMs) &&
      (timer.maxMs === undefined || !isFiniteNumber(timer.maxMs) || timer.maxMs <= MAX_TIMER_MS) &&
      isFiniteNumber(timer.elapsedMs) &&
      timer.elapsedMs >= 0 &&
      timer.elapsedMs <= MAX_TIMER_MS &&
      (timer.runningSince === null || isPastInstant(timer.runningSince, now)) &&
      (timer.finishedAt === undefined || timer.finishedAt === null || isPastInstant(timer.finishedAt, now))
    ) {
      // Keyed by what the record says it is, so a hand-edited key cannot point a timer elsewhere.
      timers[timerKey(timer.planId, timer.itemId)] = {
        planId: timer.planId,
        itemId: timer.itemId,
        durationMs: timer.durationMs,
        maxMs: isFiniteNumber(timer.maxMs) && timer.maxMs >= timer.durationMs ? timer.maxMs : timer.durationMs,
        elapsedMs: timer.elapsedMs,
        runningSince: timer.runningSince as number | null,
        finishedAt: isFiniteNumber(timer.finishedAt) ? timer.finishedAt : null,
        next: decodeNext(timer.next),
      };
    } else {
      report.droppedTimers += 1;
    }
  }
  return timers;
}

function decodeNext(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.filter((itemId): itemId is string => typeof itemId === 'string' && isItemIdKey(itemId)).slice(0, MAX_NEXT);
}

/** Reads ticks (plan → item → time); what cannot be one is counted in `report`. */
export function decodeProgress(value: unknown, report: Pick<DecodeReport, 'droppedTicks'> = {droppedTicks: 0}): Record<string, Record<string, number>> {
  const progress = createMap<Record<string, number>>();
  if (!isRecord(value)) return progress;
  for (const [planId, items] of Object.entries(value)) {
    if (!isRecord(items)) {
      report.droppedTicks += 1;
      continue;
    }
    const ticks = createMap<number>();
    for (const [itemId, at] of Object.entries(items)) {
      if (isPlanIdKey(planId) && isItemIdKey(itemId) && isTickTime(at)) ticks[itemId] = at;
      else report.droppedTicks += 1;
    }
    if (Object.keys(ticks).length > 0) progress[planId] = ticks;
  }
  return progress;
}

function decodeLastVisit(value: unknown): LastVisit | null {
  if (!isRecord(value) || typeof value.planId !== 'string' || !isPlanIdKey(value.planId) || !isFiniteNumber(value.day) || !isFiniteNumber(value.at))
    return null;
  return {planId: value.planId, day: value.day, at: value.at};
}

/** Reads a time log, leaving out runs with impossible times; the most recent `MAX_TIMER_RUNS` are kept. */
export function decodeTimerRuns(value: unknown, now: number): TimerRun[] {
  if (!Array.isArray(value)) return [];
  const runs = value.flatMap((run): TimerRun[] =>
    isRecord(run) &&
    typeof run.planId === 'string' &&
    isPlanIdKey(run.planId) &&
    typeof run.itemId === 'string' &&
    isItemIdKey(run.itemId) &&
    isPastInstant(run.start, now) &&
    isPastInstant(run.end, now) &&
    run.end >= run.start &&
    run.end - run.start <= MAX_TIMER_MS
      ? [{planId: run.planId, itemId: run.itemId, start: run.start, end: run.end, finished: run.finished === true}]
      : [],
  );
  return runs.slice(-MAX_TIMER_RUNS);
}

function countTicks(progress: Record<string, Record<string, number>>): number {
  return Object.values(progress).reduce((sum, ticks) => sum + Object.keys(ticks).length, 0);
}
