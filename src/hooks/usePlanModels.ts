import {useEffect, useMemo, useState} from 'react';
import loaders, {loadPlanSummaries as loadSummaryModule} from '@generated/plan-data/default/plan-loaders';
import type {PagePlan} from '@site/plugins/plan-model/pagePlan';
import type {PlanData} from '@site/plugins/plan-data/data';
import {useReconciledRecords} from './useReconcile';

/** Page models already loaded in this tab, by plan id: each plan's module loads once. */
const loaded = new Map<string, PagePlan>();
const loading = new Map<string, Promise<PagePlan | null>>();

/**
 * One plan's page model, from its page's own chunk (the plan-data plugin's loader map imports the plan's page, which
 * exports its model); null for an id the site does not have.
 */
export function loadPlanModel(planId: string): Promise<PagePlan | null> {
  const done = loaded.get(planId);
  if (done) return Promise.resolve(done);
  const load = Object.hasOwn(loaders, planId) ? loaders[planId] : undefined;
  if (!load) return Promise.resolve(null);
  let promise = loading.get(planId);
  if (!promise) {
    promise = load().then(
      (module) => {
        loaded.set(planId, module.default);
        return module.default;
      },
      // Offline before the site was cached, say: the caller shows what it can without the plan.
      () => {
        loading.delete(planId);
        return null;
      },
    );
    loading.set(planId, promise);
  }
  return promise;
}

/**
 * Every plan's summary, from its own module, for code that needs it only when the reader acts (importing a progress
 * file on a plan page); null when it cannot load (offline before the site was cached). Pages that show plans import
 * it through `usePlanData` instead.
 */
export function loadPlanSummaries(): Promise<PlanData | null> {
  return loadSummaryModule().then(
    (module) => module.default,
    () => null,
  );
}

/** One plan's page model if it has already loaded in this tab, for code that cannot wait (a timer's end). */
export function loadedPlanModel(planId: string): PagePlan | undefined {
  return loaded.get(planId);
}

/**
 * The page models of `planIds` by id, as they arrive: a plan is absent while its module loads (or when the site has
 * no such plan). Pages other than a plan's own (Today, the timer panel) read labels and durations from here, and the
 * plans' records are kept matched to their items while they are shown (useReconcile.ts).
 */
export function usePlanModels(planIds: readonly string[]): ReadonlyMap<string, PagePlan> {
  const key = planIds.join('\n');
  const [arrived, setArrived] = useState(0);
  useEffect(() => {
    let current = true;
    for (const planId of key.split('\n')) {
      // Also for a model already loaded: it may have arrived between this render and this effect.
      if (planId === '') continue;
      void loadPlanModel(planId).then((plan) => {
        if (current && plan) setArrived((count) => count + 1);
      });
    }
    return () => {
      current = false;
    };
  }, [key]);
  // The same map until a plan arrives, so the reconciling effect below runs again only then.
  const models = useMemo(
    () => new Map(key.split('\n').flatMap((planId): [string, PagePlan][] => (loaded.has(planId) ? [[planId, loaded.get(planId)!]] : []))),
    // `arrived` counts the models that arrived: the map is made again when one does.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key, arrived],
  );
  useReconciledRecords(models);
  return models;
}
