// Written by the plan-data plugin at build time (plugins/plan-data/index.ts): each plan's page model, loaded by id,
// and every plan's summary.
declare module '@generated/plan-data/default/plan-loaders' {
  import type {PagePlan} from '@site/plugins/plan-model/pagePlan';
  import type {PlanData} from '@site/plugins/plan-data/data';

  const loaders: Readonly<Record<string, () => Promise<{default: PagePlan}>>>;
  export default loaders;
  /** Every plan's summary, loaded on demand. */
  export const loadPlanSummaries: () => Promise<{default: PlanData}>;
  /** Every plan's item fingerprints (`fingerprintKey`s, in reading order), loaded on demand. */
  export const loadPlanFingerprints: () => Promise<{default: Record<string, string[]>}>;
}

// Written by the plan-data plugin at build time: every plan's summary (plugins/plan-data/summary.ts).
declare module '@generated/plan-data/default/plan-summaries.json' {
  import type {PlanData} from '@site/plugins/plan-data/data';

  const planData: PlanData;
  export default planData;
}

// Written by the plan-data plugin at build time: every plan's id (plugins/plan-model/ids.ts, PLAN_IDS_FILE).
declare module '@generated/plan-data/default/plan-ids.json' {
  const planIds: readonly string[];
  export default planIds;
}
