/**
 * Which plan day falls on which local calendar date for a followed plan, what is overdue, and
 * the reader's three choices when behind. Pure: no React, no browser APIs beyond `Date`.
 *
 * Dates are local calendar dates written `YYYY-MM-DD`. Arithmetic on them goes through
 * `Date.UTC`, which has no daylight saving, so a day is always one day: a DST change in the
 * reader's zone neither skips nor repeats a plan day. Only `localDate` reads the zone, once,
 * to learn which calendar date "now" is.
 */
import {variantItems, type PlanVariant} from '@site/plugins/plan-model/ids';
import type {PlanSummary, WeeklyPlanSummary} from '@site/plugins/plan-data/data';
import type {FollowedPlan} from '@site/src/store';

export * from './dates';
import {EVERY_DAY, addDays, daysBetween, weekdayOf} from './dates';

const studyDays = (weekdays: readonly number[]): readonly number[] => (weekdays.length > 0 ? weekdays : EVERY_DAY);

/** The date of study slot `slot` (0 = the first study day on or after `start`). */
export function slotDate(start: string, weekdays: readonly number[], slot: number): string {
  const days = studyDays(weekdays);
  let date = start;
  while (!days.includes(weekdayOf(date))) date = addDays(date, 1);
  const fullWeeks = Math.floor(slot / days.length);
  date = addDays(date, fullWeeks * 7);
  for (let left = slot - fullWeeks * days.length; left > 0; left--) {
    date = addDays(date, 1);
    while (!days.includes(weekdayOf(date))) date = addDays(date, 1);
  }
  return date;
}

/** How many study days lie in [start, date): the slot of `date`, or of the next study day when `date` is not one. */
export function slotOfDate(start: string, weekdays: readonly number[], date: string): number {
  const days = studyDays(weekdays);
  const span = daysBetween(start, date);
  if (span <= 0) return 0;
  const fullWeeks = Math.floor(span / 7);
  let count = fullWeeks * days.length;
  for (let offset = fullWeeks * 7; offset < span; offset++) if (days.includes(weekdayOf(addDays(start, offset)))) count++;
  return count;
}

/** One plan day in the order a follow takes them. */
export interface ScheduleDay {
  /** Position in the follow, from 0. */
  index: number;
  planId: string;
  /** The day's number in its plan (Day 3). */
  day: number;
  title: string;
  /** Items a reader ticks this day, for the follow's 4h/6h choice. */
  itemIds: string[];
  minutes: number;
}

/** The days of the followed plans, in order, for a variant. Plans the site no longer has are left out. */
export function scheduleDays(follow: Pick<FollowedPlan, 'planIds'>, plans: readonly PlanSummary[], variant: PlanVariant): ScheduleDay[] {
  const byId = new Map(plans.map((plan) => [plan.id, plan]));
  const days: ScheduleDay[] = [];
  for (const planId of follow.planIds) {
    const plan = byId.get(planId);
    if (!plan) continue;
    for (const day of plan.days) {
      const weekly = plan.kind === 'weekly' && 'blocks' in day;
      days.push({
        index: days.length,
        planId,
        day: day.number,
        title: day.title,
        itemIds: weekly ? variantItems(day, variant) : 'items' in day ? day.items : [],
        minutes: weekly ? (variant === '4h' ? day.minutes4h.min : day.minutes6h.min) : 'minutes' in day ? day.minutes.min : 0,
      });
    }
  }
  return days;
}

/** The weekly plans of one track from `fromWeek` on, in week order: "the 16-week guide from week N". */
export function guidePlanIds(plans: readonly PlanSummary[], track: string, fromWeek: number): string[] {
  return plans
    .filter((plan): plan is WeeklyPlanSummary => plan.kind === 'weekly' && plan.track === track && plan.week >= fromWeek)
    .sort((a, b) => a.week - b.week)
    .map((plan) => plan.id);
}

/** The study slot of a plan day after every shift made so far. */
export function slotOf(follow: Pick<FollowedPlan, 'shifts'>, index: number): number {
  return follow.shifts.reduce((slot, shift) => (index >= shift.from ? slot + shift.by : slot), index);
}

/** The local date a plan day is scheduled on. */
export function dateOf(follow: Pick<FollowedPlan, 'start' | 'weekdays' | 'shifts'>, index: number): string {
  return slotDate(follow.start, follow.weekdays, slotOf(follow, index));
}

/** planId → itemId → tick time, as the store keeps it. */
export type Ticks = Readonly<Record<string, Readonly<Record<string, number>>>>;

const isTicked = (ticks: Ticks, planId: string, itemId: string): boolean => ticks[planId]?.[itemId] !== undefined;

/** A day's items that are not ticked yet. */
export function untickedItems(day: ScheduleDay, ticks: Ticks): string[] {
  return day.itemIds.filter((itemId) => !isTicked(ticks, day.planId, itemId));
}

/** Where a followed plan stands on `today`. */
export interface FollowStatus {
  phase: 'before' | 'during' | 'after';
  /** Before the start: calendar days until Day 1. */
  startsInDays: number;
  /** The plan days scheduled for today (none on a rest day). */
  today: ScheduleDay[];
  /** The next scheduled plan day after today, if any (for rest days). */
  next: {day: ScheduleDay; date: string} | null;
  /** Earlier days with unticked items, oldest first, that the reader has not settled. */
  overdue: {day: ScheduleDay; date: string; itemIds: string[]}[];
  /** Earlier days the reader chose to catch up on, with what is still unticked. */
  catchUp: {day: ScheduleDay; date: string; itemIds: string[]}[];
  /** Later days already fully done: the reader is ahead by this many days. */
  aheadDays: number;
  itemsTotal: number;
  itemsDone: number;
  /** When the last item will be done at the pace so far; null without a pace yet or when all is done. */
  forecast: string | null;
  /** The date of the last plan day as scheduled. */
  lastDate: string | null;
}

/** Where `follow` stands on the local date `today`, given the ticks so far. */
export function followStatus(follow: FollowedPlan, days: readonly ScheduleDay[], ticks: Ticks, today: string): FollowStatus {
  const dated = days.map((day) => ({day, date: dateOf(follow, day.index)}));
  const firstDate = dated[0]?.date ?? follow.start;
  const lastDate = dated.at(-1)?.date ?? null;
  const settledBefore = Math.max(follow.skipBefore, follow.catchUpBefore);
  const pending = (entry: {day: ScheduleDay; date: string}) => ({...entry, itemIds: untickedItems(entry.day, ticks)});
  const overdue = dated
    .filter(({day, date}) => date < today && day.index >= settledBefore)
    .map(pending)
    .filter((entry) => entry.itemIds.length > 0);
  const catchUp = dated
    .filter(({day, date}) => date < today && day.index >= follow.skipBefore && day.index < follow.catchUpBefore)
    .map(pending)
    .filter((entry) => entry.itemIds.length > 0);
  const later = dated.filter(({date}) => date > today);
  const aheadDays = overdue.length > 0 ? 0 : later.filter(({day}) => day.itemIds.length > 0 && untickedItems(day, ticks).length === 0).length;
  const itemsTotal = days.reduce((sum, day) => sum + day.itemIds.length, 0);
  const itemsDone = days.reduce((sum, day) => sum + day.itemIds.length - untickedItems(day, ticks).length, 0);
  return {
    phase: today < firstDate ? 'before' : lastDate !== null && today > lastDate ? 'after' : 'during',
    startsInDays: Math.max(0, daysBetween(today, firstDate)),
    today: dated.filter(({date}) => date === today).map(({day}) => day),
    next: later[0] ?? null,
    overdue,
    catchUp,
    aheadDays,
    itemsTotal,
    itemsDone,
    forecast: forecastFinish(follow, itemsTotal - itemsDone, itemsDone, today),
    lastDate,
  };
}

/**
 * The date the last item gets done if the reader keeps the pace so far: items done per study
 * day since the start (today included), applied to what is left, on the chosen weekdays.
 */
export function forecastFinish(follow: Pick<FollowedPlan, 'start' | 'weekdays'>, remaining: number, done: number, today: string): string | null {
  if (remaining <= 0 || done <= 0 || today < follow.start) return null;
  const todaySlot = slotOfDate(follow.start, follow.weekdays, today);
  const isStudyDay = studyDays(follow.weekdays).includes(weekdayOf(today));
  const studied = todaySlot + (isStudyDay ? 1 : 0);
  const perDay = done / Math.max(1, studied);
  // The remaining work starts today when today is a study day, else on the next one.
  return slotDate(follow.start, follow.weekdays, todaySlot + Math.ceil(remaining / perDay) - 1);
}

/** Catch up: keep the dates; what is overdue now shows on today until it is ticked. */
export function catchUp(follow: FollowedPlan, status: Pick<FollowStatus, 'overdue'>): FollowedPlan {
  const last = status.overdue.at(-1);
  return last ? {...follow, catchUpBefore: Math.max(follow.catchUpBefore, last.day.index + 1)} : follow;
}

/** Skip: leave the overdue items unticked and go on with today's day. */
export function skip(follow: FollowedPlan, status: Pick<FollowStatus, 'overdue' | 'catchUp'>): FollowedPlan {
  const last = status.overdue.at(-1) ?? status.catchUp.at(-1);
  if (!last) return follow;
  const before = Math.max(follow.skipBefore, last.day.index + 1);
  return {...follow, skipBefore: before, catchUpBefore: Math.max(follow.catchUpBefore, before)};
}

/**
 * Shift: the oldest unfinished day becomes today's day (or the next study day's, on a rest
 * day), and every later day moves by the same number of study days.
 */
export function shift(follow: FollowedPlan, status: Pick<FollowStatus, 'overdue' | 'catchUp'>, today: string): FollowedPlan {
  const oldest = status.catchUp[0] ?? status.overdue[0];
  if (!oldest) return follow;
  const by = slotOfDate(follow.start, follow.weekdays, today) - slotOf(follow, oldest.day.index);
  if (by <= 0) return follow;
  return {
    ...follow,
    shifts: [...follow.shifts, {from: oldest.day.index, by}],
    catchUpBefore: Math.min(follow.catchUpBefore, oldest.day.index),
  };
}
