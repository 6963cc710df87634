import {usePluginData} from '@docusaurus/useGlobalData';
import type {IntensivePlanSummary, PlanData, PlanSummary, WeeklyPlanSummary} from '@site/plugins/plan-data/data';
import {PLAN_DATA_PLUGIN} from '@site/plugins/plan-model/ids';

/** Every plan's summary, published at build time by the plan-data plugin. */
export function usePlanData(): PlanData {
  const data = usePluginData(PLAN_DATA_PLUGIN) as PlanData | undefined;
  if (!data || !Array.isArray(data.plans)) {
    throw new Error('Plan data is missing: register plugins/plan-data in docusaurus.config.ts (it publishes the plan summary the roadmap and progress use).');
  }
  return data;
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
