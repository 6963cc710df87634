import useIsomorphicLayoutEffect from '@docusaurus/useIsomorphicLayoutEffect';
import {planIdentities} from '@site/plugins/plan-model/identity';
import type {PagePlan} from '@site/plugins/plan-model/pagePlan';
import {whenIdle} from '@site/src/lib/whenIdle';
import {getState, holdsRecords, reconcileEachWrite, subscribe, updateState, reconcilePlan, type StoredState} from '@site/src/store';

/**
 * `state` with the records of `plans` in line with those plans as deployed (see src/store/records.ts): moved items take
 * their records along, records of items that are gone are detached. `state` itself when nothing changes.
 */
function reconciled(state: StoredState, plans: ReadonlyMap<string, PagePlan>): StoredState {
  let next = state;
  plans.forEach((plan, planId) => {
    // A plan without records has nothing to match: its items' identities are not computed at all.
    if (holdsRecords(next, planId)) next = reconcilePlan(next, planId, planIdentities(plan), Date.now());
  });
  return next;
}

/** Writes what `reconciled` changes, if anything. Every device that loads the same plans makes the same move: not an edit. */
function reconcileStored(plans: ReadonlyMap<string, PagePlan>): void {
  const state = getState();
  if (reconciled(state, plans) !== state) updateState((current) => reconciled(current, plans), {versions: 'keeps-versions'});
}

/** How long a page may stay busy before the plans' item identities are computed anyway, so the first tick finds them. */
const IDENTITIES_WITHIN_MS = 2000;

/**
 * The one trigger that keeps records matched to their items: every component that shows records against plans (a
 * plan page through <PlanPage>, and every page reading plans through `usePlanModels`: Today, notes, review, the timer
 * panel) calls it with the plans it shows. It runs once before the first paint with stored data, so no record shows
 * on another item even for a frame; inside every write of this tab, so a record written here is stored stamped with
 * the item it was made on (one write, not a second one after it); and after every change from another tab. Loading a
 * plan's model never writes the store by itself.
 */
export function useReconciledRecords(plans: ReadonlyMap<string, PagePlan>): void {
  useIsomorphicLayoutEffect(() => {
    if (plans.size === 0) return undefined;
    const run = () => reconcileStored(plans);
    run();
    // A plan without records skipped its items' identities above; the first record written on it needs them (its
    // stamp), and computing them first compiles the fingerprint's Unicode patterns: about 11 ms of a phone's first tick
    // at 4x, measured. The page's idle time pays it instead (memoised per plan model, so the write finds them ready).
    const cancelIdentities = whenIdle(() => plans.forEach((plan) => planIdentities(plan)), IDENTITIES_WITHIN_MS);
    const unregister = reconcileEachWrite((state) => reconciled(state, plans));
    // A write of this tab is already reconciled (the check finds nothing to do); another tab's is not.
    const unsubscribe = subscribe(run);
    return () => {
      cancelIdentities();
      unregister();
      unsubscribe();
    };
  }, [plans]);
}
