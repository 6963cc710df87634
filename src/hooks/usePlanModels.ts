import {useEffect, useState} from 'react';
import loaders, {loadPlanSummaries as loadSummaryModule} from '@generated/plan-data/default/plan-loaders';
import type {PagePlan} from '@site/plugins/plan-model/pagePlan';
import type {PlanData} from '@site/plugins/plan-data/data';
import {reconcileStoredPlan} from './useReconcile';

/** Page models already loaded in this tab, by plan id: each plan's module loads once. */
const loaded = new Map<string, PagePlan>();
const loading = new Map<string, Promise<PagePlan | null>>();

/** One plan's page model, from its own module (written by the plan-data plugin); null for an id the site does not have. */
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
        // Records are read with the model from here on: they must sit on the items they were made on first.
        reconcileStoredPlan(planId, module.default);
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
 * no such plan). Pages other than a plan's own (Today, the timer panel) read labels and durations from here.
 */
export function usePlanModels(planIds: readonly string[]): ReadonlyMap<string, PagePlan> {
  const key = planIds.join('\n');
  const [, setArrived] = useState(0);
  useEffect(() => {
    let current = true;
    for (const planId of key.split('\n')) {
      if (planId === '' || loaded.has(planId)) continue;
      void loadPlanModel(planId).then((plan) => {
        if (current && plan) setArrived((count) => count + 1);
      });
    }
    return () => {
      current = false;
    };
  }, [key]);
  return new Map(planIds.flatMap((planId): [string, PagePlan][] => (loaded.has(planId) ? [[planId, loaded.get(planId)!]] : [])));
}
