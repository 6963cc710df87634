/**
 * "Review later" marks with their spaced-repetition state, without the scheduler itself: the
 * scheduler (ts-fsrs) loads on the review page only, so plan pages read and toggle marks for free.
 */
import {copyMap, createMap, isItemIdKey, isPlanIdKey, quoteKey, isRecord} from './keys';

/** A scheduler's card as stored: times in ms since the epoch; field meanings follow ts-fsrs's `Card`. */
export interface ReviewCard {
  due: number;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  /** 0 new, 1 learning, 2 review, 3 relearning. */
  state: 0 | 1 | 2 | 3;
  lastReview: number | null;
}

/** One item marked "review later": what to call it on the review page, and its schedule once reviewed. */
export interface ReviewMark {
  label: string;
  markedAt: number;
  /** Null until the first review: a newly marked item is due at once. */
  card: ReviewCard | null;
}

/** planId → itemId → its mark. */
export type ReviewMap = Record<string, Record<string, ReviewMark>>;

/** Longer labels are cut: the page shows the item's own text on its day. */
export const MAX_LABEL_LENGTH = 300;

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isTime = (value: unknown): value is number => isNumber(value) && value >= 0;

function decodeCard(value: unknown): ReviewCard | null {
  if (!isRecord(value) || !isTime(value.due)) return null;
  const number = (field: unknown) => (isNumber(field) && field >= 0 ? field : 0);
  const state = value.state === 1 || value.state === 2 || value.state === 3 ? value.state : 0;
  return {
    due: value.due,
    stability: number(value.stability),
    difficulty: number(value.difficulty),
    elapsedDays: number(value.elapsedDays),
    scheduledDays: number(value.scheduledDays),
    learningSteps: number(value.learningSteps),
    reps: number(value.reps),
    lapses: number(value.lapses),
    state,
    lastReview: isTime(value.lastReview) ? value.lastReview : null,
  };
}

/** Reads stored marks into prototype-free maps; marks with impossible keys or no mark time are counted in `dropped`. */
export function decodeReview(value: unknown): {review: ReviewMap; dropped: number} {
  const review = createMap<Record<string, ReviewMark>>();
  let dropped = 0;
  if (!isRecord(value)) return {review, dropped};
  for (const [planId, marks] of Object.entries(value)) {
    if (!isRecord(marks) || !isPlanIdKey(planId)) {
      dropped += isRecord(marks) ? Object.keys(marks).length : 1;
      continue;
    }
    const plan = createMap<ReviewMark>();
    for (const [itemId, mark] of Object.entries(marks)) {
      if (isItemIdKey(itemId) && isRecord(mark) && isTime(mark.markedAt)) {
        plan[itemId] = {
          label: typeof mark.label === 'string' ? mark.label.slice(0, MAX_LABEL_LENGTH) : itemId,
          markedAt: mark.markedAt,
          card: decodeCard(mark.card),
        };
      } else dropped += 1;
    }
    if (Object.keys(plan).length > 0) review[planId] = plan;
  }
  return {review, dropped};
}

/** True when the item is marked "review later". */
export function isMarked(review: ReviewMap, planId: string, itemId: string): boolean {
  return Object.hasOwn(review, planId) && Object.hasOwn(review[planId]!, itemId);
}

/** Marks or unmarks an item; unmarking forgets its schedule, so it leaves the queue. Ticks are not touched. */
export function setReviewMark(review: ReviewMap, planId: string, itemId: string, marked: boolean, label: string, at: number): ReviewMap {
  if (!isPlanIdKey(planId) || !isItemIdKey(itemId) || marked === isMarked(review, planId, itemId)) return review;
  const plan = copyMap(Object.hasOwn(review, planId) ? review[planId] : undefined);
  if (marked) plan[itemId] = {label: label.slice(0, MAX_LABEL_LENGTH), markedAt: at, card: null};
  else delete plan[itemId];
  const next = copyMap(review);
  if (Object.keys(plan).length > 0) next[planId] = plan;
  else delete next[planId];
  return next;
}

/** Stores a new schedule for a marked item; an unmarked one stays unmarked. */
export function setReviewCard(review: ReviewMap, planId: string, itemId: string, card: ReviewCard): ReviewMap {
  if (!isMarked(review, planId, itemId)) return review;
  const plan = copyMap(review[planId]);
  plan[itemId] = {...plan[itemId]!, card};
  const next = copyMap(review);
  next[planId] = plan;
  return next;
}

/** When an item is next due: at once when never reviewed, else when its schedule says. */
export const dueAt = (mark: ReviewMark): number => mark.card?.due ?? mark.markedAt;

/** The end of the local calendar day holding `now`: anything due before it is due today. */
export function endOfDay(now: number): number {
  const date = new Date(now);
  date.setHours(24, 0, 0, 0);
  return date.getTime();
}

/** Marked items due by the end of today, oldest due first. */
export function dueToday(review: ReviewMap, now: number): {planId: string; itemId: string; mark: ReviewMark}[] {
  const end = endOfDay(now);
  return Object.entries(review)
    .flatMap(([planId, marks]) => Object.entries(marks).map(([itemId, mark]) => ({planId, itemId, mark})))
    .filter(({mark}) => dueAt(mark) < end)
    .sort((a, b) => dueAt(a.mark) - dueAt(b.mark) || a.mark.markedAt - b.mark.markedAt);
}

/** What an import did with the file's review marks. */
export interface ReviewMergeReport {
  /** Marks in the file that were not here: the item is now marked, with the file's schedule. */
  added: number;
  /** Items marked on both sides whose schedule was taken from the file, because it was reviewed later there. */
  rescheduled: number;
  /** Items marked on both sides whose schedule here was kept. */
  alreadyThere: number;
  /** Marks (new or not) for plans or items this site does not have; they are kept like ticks. */
  unknown: number;
  /** Why entries were not applied. */
  skipped: string[];
}

/** The order of two schedules of one item: the later last review first, then more reviews; never-reviewed comes last. */
function compareCards(a: ReviewCard | null, b: ReviewCard | null): number {
  const lastReview = (card: ReviewCard | null) => card?.lastReview ?? -1;
  return lastReview(a) - lastReview(b) || (a?.reps ?? -1) - (b?.reps ?? -1);
}

/**
 * Merges imported review marks into the ones here. A mark on either side stays marked (an import never
 * unmarks). For an item marked on both sides the earlier mark time and the label here are kept, and the
 * schedule of the side that reviewed it last (then: more often) wins; on a tie the one here stays, so
 * importing the same file twice changes nothing. Marks for plans or items this site lacks are kept.
 */
export function mergeReview(
  current: ReviewMap,
  incoming: unknown,
  known?: ReadonlyMap<string, ReadonlySet<string>>,
): {review: ReviewMap; report: ReviewMergeReport} {
  const report: ReviewMergeReport = {added: 0, rescheduled: 0, alreadyThere: 0, unknown: 0, skipped: []};
  const merged = copyMap(current);
  if (!isRecord(incoming)) return {review: merged, report};
  for (const [planId, marks] of Object.entries(incoming)) {
    if (!isRecord(marks) || !isPlanIdKey(planId)) {
      report.skipped.push(`${quoteKey(planId)} is not a plan's review marks`);
      continue;
    }
    const knownItems = known?.get(planId);
    const plan = copyMap(Object.hasOwn(merged, planId) ? merged[planId] : undefined);
    for (const [itemId, mark] of Object.entries(marks)) {
      if (!isItemIdKey(itemId) || !isRecord(mark) || !isTime(mark.markedAt)) {
        report.skipped.push(`${quoteKey(planId)} → ${quoteKey(itemId)} is not a review mark`);
        continue;
      }
      const theirs: ReviewMark = {
        label: typeof mark.label === 'string' ? mark.label.slice(0, MAX_LABEL_LENGTH) : itemId,
        markedAt: mark.markedAt,
        card: decodeCard(mark.card),
      };
      if (known && !knownItems?.has(itemId)) report.unknown += 1;
      const here = Object.hasOwn(plan, itemId) ? plan[itemId]! : null;
      if (!here) {
        plan[itemId] = theirs;
        report.added += 1;
        continue;
      }
      const takeTheirs = compareCards(theirs.card, here.card) > 0;
      plan[itemId] = {label: here.label, markedAt: Math.min(here.markedAt, theirs.markedAt), card: takeTheirs ? theirs.card : here.card};
      if (takeTheirs) report.rescheduled += 1;
      else report.alreadyThere += 1;
    }
    if (Object.keys(plan).length > 0) merged[planId] = plan;
  }
  return {review: merged, report};
}
