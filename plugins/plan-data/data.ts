/**
 * The plan summary the plan-data plugin publishes, and pure helpers over it. No parser
 * imports here: browser components import this file, and it must stay light.
 */
import {sumDurations} from '../plan-model/duration';
import type {DurationRange} from '../plan-model/types';

import {variantItems, type PlanVariant} from '../plan-model/ids';

export {PLAN_DATA_PLUGIN} from '../plan-model/ids';

/** A weekly day: ids of its blocks (4-hour plan) and additions (what the 6-hour plan adds). */
export interface WeeklyDaySummary {
  number: number;
  title: string;
  anchor: string;
  blocks: string[];
  additions: string[];
  minutes4h: DurationRange;
  minutes6h: DurationRange;
  /** A machine coding problem is built this day: see `practisesMachineCoding` in summary.ts. */
  machineCoding: boolean;
}

/** An intensive day: its tickable topics and practice items, and the practice items' text for topic indexes. */
export interface IntensiveDaySummary {
  number: number;
  title: string;
  anchor: string;
  /** Topic and practice ids, in reading order. */
  items: string[];
  practice: {id: string; text: string; anchor: string}[];
  minutes: DurationRange;
}

export interface WeeklyPlanSummary {
  kind: 'weekly';
  /** Doc path under docs/ without extension, e.g. `weeks/week-09/go` (the progress key). */
  id: string;
  permalink: string;
  title: string;
  week: number;
  /** Folder-level track id (`go`) and how the sidebar names it (`Go`). */
  track: string;
  trackLabel: string;
  /** Areas of the weekly goals, e.g. ["System Design", "DSA"]. */
  focus: string[];
  /** The goals of the first area, the week's headline. */
  highlights: string[];
  /** One line for plan lists: front matter `description`, else the first weekly goal; at most `SUMMARY_MAX_LENGTH` characters. */
  summary: string;
  days: WeeklyDaySummary[];
}

export interface IntensivePlanSummary {
  kind: 'intensive';
  id: string;
  permalink: string;
  title: string;
  days: IntensiveDaySummary[];
}

/** Every plan list loads every summary: a summary is a teaser, cut at a word before this length. */
export const SUMMARY_MAX_LENGTH = 120;

export type PlanSummary = WeeklyPlanSummary | IntensivePlanSummary;

/** What the plugin writes as the plan summaries module: every plan, sorted by id. */
export interface PlanData {
  plans: PlanSummary[];
}

/** Ids a reader can tick in a weekly day for a variant (the rule is `variantItems` of the ids module). */
export function weeklyDayItems(day: Pick<WeeklyDaySummary, 'blocks' | 'additions'>, variant: PlanVariant): string[] {
  return variantItems(day, variant);
}

/** Every tickable id of a plan (both variants of a weekly plan). */
export function planItemIds(plan: PlanSummary): string[] {
  return plan.kind === 'weekly' ? plan.days.flatMap((day) => variantItems(day, '6h')) : plan.days.flatMap((day) => day.items);
}

/** Planned minutes of a whole plan; for a weekly plan, per variant. */
export function planMinutes(plan: PlanSummary, variant: PlanVariant): DurationRange {
  if (plan.kind === 'intensive') return sumDurations(plan.days.map((day) => day.minutes));
  return sumDurations(plan.days.map((day) => (variant === '4h' ? day.minutes4h : day.minutes6h)));
}
