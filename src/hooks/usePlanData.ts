import {usePluginData} from '@docusaurus/useGlobalData';
import type {PlanData} from '@site/plugins/plan-data/data';
import {PLAN_DATA_PLUGIN} from '@site/plugins/plan-model/ids';

/** Every plan's summary, published at build time by the plan-data plugin. */
export function usePlanData(): PlanData {
  const data = usePluginData(PLAN_DATA_PLUGIN) as PlanData | undefined;
  if (!data || !Array.isArray(data.plans)) {
    throw new Error('Plan data is missing: register plugins/plan-data in docusaurus.config.ts (it publishes the plan summary the roadmap and progress use).');
  }
  return data;
}
