import useIsomorphicLayoutEffect from '@docusaurus/useIsomorphicLayoutEffect';
import {planIdentities} from '@site/plugins/plan-model/identity';
import type {PagePlan} from '@site/plugins/plan-model/pagePlan';
import {getState, subscribe, updateState} from '@site/src/store';
import {reconcilePlan} from '@site/src/store/records';

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
 * Keeps a plan's records matched to its items while the plan is shown: once before the first paint with stored
 * data, so no record shows on another item even for a frame, and after every change, so a record written on this
 * page is stamped with the item it was made on.
 */
export function useReconciledRecords(planId: string, plan: PagePlan): void {
  useIsomorphicLayoutEffect(() => {
    const run = () => reconcileStoredPlan(planId, plan);
    run();
    return subscribe(run);
  }, [planId, plan]);
}
