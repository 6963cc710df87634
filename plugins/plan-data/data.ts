/**
 * The plan summary the plan-data plugin publishes, and pure helpers over it. No parser
 * imports here: browser components import this file, and it must stay light.
 */
import {sumDurations} from '../plan-model/duration';
import type {DurationRange} from '../plan-model/types';
import type {PagePlan} from '../plan-model/pagePlan';

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

/** Global data ships with every page: a summary is a teaser, cut at a word before this length. */
export const SUMMARY_MAX_LENGTH = 120;

export type PlanSummary = WeeklyPlanSummary | IntensivePlanSummary;

/** What the plugin publishes as global data: every plan, sorted by id. */
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

/** One thing on a day as the Today page shows it: a block, 6-hour addition, session, topic or practice item. */
export interface DayEntry {
  id: string;
  label: string;
  kind: 'block' | 'addition' | 'session' | 'topic' | 'practice';
  /** Planned minutes; null when the plan gives none (no timer then). */
  duration: DurationRange | null;
  /** Ticked off by the reader (blocks, additions, topics, practice); sessions only have a timer. */
  tickable: boolean;
}

/** What one day of a plan holds, with labels and durations, in reading order (blocks, then additions; per session). */
export function dayEntries(plan: PagePlan, dayNumber: number): DayEntry[] {
  if (plan.kind === 'weekly') {
    const day = plan.days.find((candidate) => candidate.number === dayNumber);
    if (!day) return [];
    return [
      ...day.blocks.map((block): DayEntry => ({
        id: block.id,
        label: `Block ${block.number} · ${block.label}`,
        kind: 'block',
        duration: block.duration,
        tickable: true,
      })),
      ...day.additions.map((addition): DayEntry => ({id: addition.id, label: addition.label, kind: 'addition', duration: addition.duration, tickable: true})),
    ];
  }
  const day = plan.days.find((candidate) => candidate.number === dayNumber);
  if (!day) return [];
  return day.sessions.flatMap((session): DayEntry[] => [
    {id: session.id, label: session.label, kind: 'session', duration: session.duration, tickable: false},
    ...session.topics.map((topic): DayEntry => ({id: topic.id, label: topic.title, kind: 'topic', duration: null, tickable: true})),
    ...session.practice.map((item): DayEntry => ({id: item.id, label: item.text, kind: 'practice', duration: null, tickable: true})),
  ]);
}
