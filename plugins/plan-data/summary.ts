import {parsePlan} from '../plan-model/parse';
import {docLocation, isPlanLocation} from '../plan-model/location';
import {variantItems} from '../plan-model/ids';
import {sumDurations} from '../plan-model/duration';
import type {IntensivePlan, PlanModel, WeeklyPlan} from '../plan-model/types';
import {toPagePlan, type PagePlan} from '../plan-model/pagePlan';
import {SUMMARY_MAX_LENGTH, type IntensivePlanSummary, type PlanData, type PlanSummary, type WeeklyPlanSummary} from './data';

export * from './data';

/** One doc as the docs plugin loaded it, plus its file's text. */
export interface PlanSource {
  /** Doc path under docs/ without extension. */
  planId: string;
  permalink: string;
  /** Title Docusaurus shows for the doc (front matter or first heading). */
  title: string;
  sidebarLabel?: string;
  source: string;
  /** The plan model already parsed from `source` with the shared parser (null: not a plan), so it is not parsed twice. */
  plan?: PlanModel | null;
}

/** Highlights are a teaser, not the whole goal list; the week page has the rest. */
const MAX_HIGHLIGHTS = 4;

/** A weekly goal area that makes a week a machine coding week. */
const MACHINE_CODING_AREA = /machine coding/i;
/** Blocks that build a problem end to end: "Implementation", "Mock 1". */
const BUILD_BLOCK = /^(implementation|mock)\b/i;

/**
 * In a machine coding week, a day practises a problem when one of its blocks implements
 * it or runs it as a mock; review, refactor and portfolio days do not.
 */
export function practisesMachineCoding(day: Pick<WeeklyPlan['days'][number], 'blocks'>): boolean {
  return day.blocks.some((block) => BUILD_BLOCK.test(block.label));
}

/** Parses every plan with the shared parser; docs that are not plans are left out. */
export function buildPlanData(sources: readonly PlanSource[]): PlanData {
  return buildPlanDataAndPages(sources).data;
}

/** The summary of every plan, and every plan's page model (one module per plan, loaded by id where needed). */
export function buildPlanDataAndPages(sources: readonly PlanSource[]): {data: PlanData; pages: Map<string, PagePlan>} {
  const plans: PlanSummary[] = [];
  const pages = new Map<string, PagePlan>();
  for (const doc of sources) {
    // Where a doc sits decides whether it is a plan (plan-model/location), never its headings alone.
    const location = docLocation(doc.planId);
    if (!isPlanLocation(location)) continue;
    const plan = doc.plan !== undefined ? doc.plan : parsePlan(doc.source, {kind: location.kind}).plan;
    const summary = plan ? summarisePlan(doc, plan) : null;
    if (summary && plan) {
      plans.push(summary);
      pages.set(summary.id, toPagePlan(plan));
    }
  }
  plans.sort((a, b) => a.id.localeCompare(b.id));
  return {data: {plans}, pages};
}

/** The compact summary of one parsed plan; null for a weekly plan outside `weeks/week-NN/`. */
export function summarisePlan(doc: Omit<PlanSource, 'source'>, plan: PlanModel): PlanSummary | null {
  if (plan.kind === 'weekly') return summariseWeekly(doc, plan);
  return summariseIntensive(doc, plan);
}

function summariseWeekly(doc: Omit<PlanSource, 'source'>, plan: WeeklyPlan): WeeklyPlanSummary | null {
  const location = docLocation(doc.planId);
  if (location.kind !== 'weekly') return null;
  const track = location.track;
  const machineCodingWeek = plan.goals.some((goal) => MACHINE_CODING_AREA.test(goal.area));
  return {
    kind: 'weekly',
    id: doc.planId,
    permalink: doc.permalink,
    title: doc.title,
    week: location.week,
    track,
    trackLabel: doc.sidebarLabel ?? track,
    focus: plan.goals.map((goal) => goal.area),
    // "Design:" style lead-ins introduce a sub-list; the items after them say more.
    highlights: (plan.goals[0]?.items ?? []).filter((item) => !item.endsWith(':')).slice(0, MAX_HIGHLIGHTS),
    summary: weeklySummary(plan),
    days: plan.days.map((day) => ({
      number: day.number,
      title: day.title,
      anchor: day.anchor,
      blocks: day.blocks.map((block) => block.id),
      additions: day.additions.map((addition) => addition.id),
      minutes4h: sumDurations(variantItems(day, '4h').map((item) => item.duration)),
      minutes6h: sumDurations(variantItems(day, '6h').map((item) => item.duration)),
      machineCoding: machineCodingWeek && practisesMachineCoding(day),
    })),
  };
}

/**
 * A week in one line: the author's own `description` when the front matter has one, else the
 * first weekly goal's items (its area already shows as the first focus). Cut at a word so the
 * summaries every plan list loads stay small.
 */
export function weeklySummary(plan: Pick<WeeklyPlan, 'frontMatter' | 'goals'>): string {
  const description = plan.frontMatter.description;
  const text = typeof description === 'string' && description.trim() !== '' ? description : (plan.goals[0]?.items ?? []).join(' ');
  return clip(text.replace(/\s+/g, ' ').trim(), SUMMARY_MAX_LENGTH);
}

/**
 * `text` if it fits in `max` characters; else its whole sentences that fit, when they say enough
 * (half the room or more); else its longest prefix ending at a word, plus an ellipsis.
 */
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = text.slice(0, max + 1);
  const sentenceEnd = Math.max(room.lastIndexOf('. '), room.lastIndexOf('! '), room.lastIndexOf('? '));
  if (sentenceEnd + 1 >= max / 2) return text.slice(0, sentenceEnd + 1);
  const cut = text.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > 0 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}

function summariseIntensive(doc: Omit<PlanSource, 'source'>, plan: IntensivePlan): IntensivePlanSummary {
  return {
    kind: 'intensive',
    id: doc.planId,
    permalink: doc.permalink,
    title: doc.title,
    days: plan.days.map((day) => ({
      number: day.number,
      title: day.title,
      anchor: day.anchor,
      items: day.sessions.flatMap((session) => [...session.topics.map((topic) => topic.id), ...session.practice.map((item) => item.id)]),
      practice: day.sessions.flatMap((session) => session.practice.map((item) => ({id: item.id, text: item.text, anchor: session.anchor}))),
      minutes: sumDurations(day.sessions.map((session) => session.duration)),
    })),
  };
}
