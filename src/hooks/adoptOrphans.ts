import {loadPlanFingerprints} from '@generated/plan-data/default/plan-loaders';
import {getState, updateState, adoptPlan, chooseAdoptions} from '@site/src/store';
import {loadPlanModel} from './usePlanModels';

/**
 * Gives each plan id the site no longer has to the plan that adopts its records (src/store/adopt.ts), loading every
 * plan's fingerprints and the adopting plans' models. Loaded by `adoptMovedPlans` only when such a plan id holds
 * stamped records. False when the fingerprints could not load (offline before they were cached).
 */
export async function adoptOrphans(): Promise<boolean> {
  const fingerprints = await loadPlanFingerprints().then(
    (module) => module.default,
    () => null,
  );
  if (!fingerprints) return false;
  for (const [orphanId, targetId] of chooseAdoptions(getState(), fingerprints)) {
    const plan = await loadPlanModel(targetId);
    if (plan) updateState((state) => adoptPlan(state, orphanId, targetId, plan, Date.now()));
  }
  return true;
}
