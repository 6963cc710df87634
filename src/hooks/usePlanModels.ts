import {useEffect, useState} from 'react';
import loaders, {loadPlanFingerprints, loadPlanSummaries as loadSummaryModule} from '@generated/plan-data/default/plan-loaders';
import {ADOPTION_MIN_RECORDS, planIdentities} from '@site/plugins/plan-model/identity';
import type {PagePlan} from '@site/plugins/plan-model/pagePlan';
import type {PlanData} from '@site/plugins/plan-data/data';
import {getState, subscribe, updateState} from '@site/src/store';
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

/** The orphans last looked for an adopting plan, with their number of stamps, so each is looked at once per change. */
let lookedAt = '';

/**
 * Gives the records of moved or renamed plans to the plans they moved to (src/store/adopt.ts; the rule is
 * `adoptingPlan` in plugins/plan-model/identity.ts). Only the check for an orphan runs here: the adoption code and the
 * plans' fingerprints load when the store holds stamped records of a plan id the site no longer has.
 */
export function adoptMovedPlans(): void {
  const {stamps} = getState();
  const orphans = Object.keys(stamps)
    .filter((planId) => !Object.hasOwn(loaders, planId) && Object.keys(stamps[planId]!).length >= ADOPTION_MIN_RECORDS)
    .map((planId) => `${planId}:${Object.keys(stamps[planId]!).length}`)
    .join('\n');
  if (orphans === '' || orphans === lookedAt) return;
  lookedAt = orphans;
  void Promise.all([import('@site/src/store/adopt'), loadPlanFingerprints()]).then(
    async ([{adoptPlan, chooseAdoptions}, {default: fingerprints}]) => {
      for (const [orphanId, targetId] of chooseAdoptions(getState(), fingerprints)) {
        const plan = await loadPlanModel(targetId);
        if (plan) updateState((state) => adoptPlan(state, orphanId, targetId, planIdentities(plan), Date.now()));
      }
    },
    // Offline before these files were cached: the next change or page tries again.
    () => {
      lookedAt = '';
    },
  );
}

/** Runs `adoptMovedPlans` on a page that shows records, and again whenever the store changes (an import, another tab). */
export function useAdoptMovedPlans(): void {
  useEffect(() => {
    adoptMovedPlans();
    return subscribe(adoptMovedPlans);
  }, []);
}
