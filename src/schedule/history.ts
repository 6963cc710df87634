/**
 * Where the reader's time went: minutes studied and items ticked per local date, the streak and
 * the study heatmap, from the timer runs and tick times the store keeps. Pure, like the schedule.
 */
import type {TimerRun} from '@site/src/store';
import {addDays, daysBetween, localDate, weekdayOf, type Ticks} from '.';

/** What happened on one local date. */
export interface DayActivity {
  /** Minutes the timers ran. */
  minutes: number;
  /** Items ticked. */
  ticked: number;
  /** Blocks or sessions whose timer ran to the end. */
  finished: number;
}

/**
 * Activity per local date (`YYYY-MM-DD`). A run counts on the date it started, so a block that
 * runs past midnight is not split across two days. `timeZone` is for tests; the browser's zone applies otherwise.
 */
export function activityByDate(runs: readonly TimerRun[], ticks: Ticks, timeZone?: string): Map<string, DayActivity> {
  const days = new Map<string, DayActivity>();
  const on = (date: string) => {
    let day = days.get(date);
    if (!day) {
      day = {minutes: 0, ticked: 0, finished: 0};
      days.set(date, day);
    }
    return day;
  };
  for (const run of runs) {
    const day = on(localDate(run.start, timeZone));
    day.minutes += (run.end - run.start) / 60_000;
    if (run.finished) day.finished += 1;
  }
  for (const items of Object.values(ticks)) for (const at of Object.values(items)) on(localDate(at, timeZone)).ticked += 1;
  return days;
}

/** The streak rule, as the page states it: a day counts when you finish a block or tick an item. */
export const countsForStreak = (day: DayActivity | undefined): boolean => day !== undefined && (day.finished > 0 || day.ticked > 0);

/**
 * Consecutive counted days up to today. Today not counted yet does not break the streak: it
 * then runs up to yesterday, since the day is not over.
 */
export function streak(activity: ReadonlyMap<string, DayActivity>, today: string): number {
  let date = countsForStreak(activity.get(today)) ? today : addDays(today, -1);
  let count = 0;
  while (countsForStreak(activity.get(date))) {
    count += 1;
    date = addDays(date, -1);
  }
  return count;
}

/** The weeks the heatmap shows. */
export const HEATMAP_WEEKS = 16;

/** Heatmap cells: whole weeks from Monday, the last one holding today; `future` cells after today stay empty. */
export function heatmapDays(today: string, weeks = HEATMAP_WEEKS): {date: string; week: number; weekday: number; future: boolean}[] {
  // Monday-first rows: Monday is row 0, Sunday row 6.
  const row = (date: string) => (weekdayOf(date) + 6) % 7;
  const first = addDays(today, -row(today) - (weeks - 1) * 7);
  return Array.from({length: weeks * 7}, (_, offset) => {
    const date = addDays(first, offset);
    return {date, week: Math.floor(offset / 7), weekday: row(date), future: daysBetween(today, date) > 0};
  });
}

/** Colour step 0–4 for minutes studied on a day: none, under 1 h, under 2 h, under 4 h, 4 h or more. */
export function heatLevel(minutes: number): 0 | 1 | 2 | 3 | 4 {
  if (minutes <= 0) return 0;
  if (minutes < 60) return 1;
  if (minutes < 120) return 2;
  if (minutes < 240) return 3;
  return 4;
}
