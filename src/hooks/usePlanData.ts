import planData from '@generated/plan-data/default/plan-summaries.json';
import type {IntensivePlanSummary, PlanData, PlanSummary, WeeklyPlanSummary} from '@site/plugins/plan-data/data';

/**
 * Every plan's summary, from the module the plan-data plugin writes. Importing this hook puts that module into the
 * importing page's own code (the roadmap, home, Today, notes, review), so plan pages and the entry bundle never carry
 * it; code that needs it only on an action loads it with `loadPlanSummaries` instead.
 */
export function usePlanData(): PlanData {
  if (!Array.isArray((planData as Partial<PlanData>).plans)) {
    throw new Error('Plan data is missing: register plugins/plan-data in docusaurus.config.ts (it writes the plan summary the roadmap and progress use).');
  }
  return planData;
}

/**
 * Weekly plans in reading order: by week, then by track file name. The navbar's "Weekly plans"
 * entry (docusaurus.config.ts) opens the first of them by the same rule, so the two agree.
 */
export function weeklyPlans(plans: readonly PlanSummary[]): WeeklyPlanSummary[] {
  return plans
    .filter((plan): plan is WeeklyPlanSummary => plan.kind === 'weekly')
    .sort((a, b) => a.week - b.week || (a.track < b.track ? -1 : a.track > b.track ? 1 : 0));
}

/** Intensive plans in id order, as the navbar's entry picks the first of them. */
export function intensivePlans(plans: readonly PlanSummary[]): IntensivePlanSummary[] {
  return plans.filter((plan): plan is IntensivePlanSummary => plan.kind === 'intensive').sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
