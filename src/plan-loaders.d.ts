// Written by the plan-data plugin at build time (plugins/plan-data/index.ts): each plan's page model, loaded by id.
declare module '@generated/plan-data/default/plan-loaders' {
  import type {PagePlan} from '@site/plugins/plan-model/pagePlan';

  const loaders: Readonly<Record<string, () => Promise<{default: PagePlan}>>>;
  export default loaders;
}
