import useIsomorphicLayoutEffect from '@docusaurus/useIsomorphicLayoutEffect';
import {planIdentities} from '@site/plugins/plan-model/identity';
import type {PagePlan} from '@site/plugins/plan-model/pagePlan';
import {getState, subscribe, updateState, reconcilePlan} from '@site/src/store';

/**
 * Brings the stored records of a plan in line with the plan as deployed (see src/store/records.ts): moved items take
 * their records along, records of items that are gone are detached. Writes only when something changes.
 */
export function reconcileStoredPlan(planId: string, plan: PagePlan): void {
  const items = planIdentities(plan);
  const state = getState();
  if (reconcilePlan(state, planId, items, Date.now()) === state) return;
  // Every device that loads the same plans makes the same move: not an edit, so nothing gets a new version.
  updateState((current) => reconcilePlan(current, planId, items, Date.now()), {versions: 'keeps-versions'});
}

/**
 * The one trigger that keeps records matched to their items: every component that shows records against plans (a
 * plan page through <PlanPage>, and every page reading plans through `usePlanModels`: Today, notes, review, the timer
 * panel) calls it with the plans it shows. It runs once before the first paint with stored data, so no record shows
 * on another item even for a frame, and after every change, so a record written here is stamped with the item it was
 * made on. Loading a plan's model never writes the store by itself.
 */
export function useReconciledRecords(plans: ReadonlyMap<string, PagePlan>): void {
  useIsomorphicLayoutEffect(() => {
    if (plans.size === 0) return undefined;
    const run = () => plans.forEach((plan, planId) => reconcileStoredPlan(planId, plan));
    run();
    return subscribe(run);
  }, [plans]);
}
