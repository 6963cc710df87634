import {cleanup, render} from '@testing-library/react';
import {planIdentities} from '@site/plugins/plan-model/identity';
import type {PagePlan} from '@site/plugins/plan-model/pagePlan';
import {getState, updateState} from '@site/src/store';
import {loadPlanModel} from './usePlanModels';
import {useReconciledRecords} from './useReconcile';
import {queueIdleCallbacks} from '@site/tests/unit/support/idleCallbacks';

const WEEK = 'weeks/week-10/go';

function ShowsPlan({plans}: {plans: ReadonlyMap<string, PagePlan>}) {
  useReconciledRecords(plans);
  return null;
}

/** Ticks Day 2's first block as a learner does, and counts the Unicode normalisations (one per fingerprinted item) it takes. */
function normalisationsOfFirstTick(): number {
  const normalize = vi.spyOn(String.prototype, 'normalize');
  try {
    updateState((state) => ({...state, progress: {[WEEK]: {'d2-b1': Date.UTC(2026, 2, 3, 9)}}}));
    return normalize.mock.calls.length;
  } finally {
    normalize.mockRestore();
  }
}

const stampOf = (plan: PagePlan, itemId: string) => {
  const {fingerprint, text} = planIdentities(plan).find((item) => item.id === itemId)!;
  return {fingerprint, text};
};

describe('a plan without records, shown on a page', () => {
  let idle: (() => void)[] = [];
  beforeEach(() => {
    idle = queueIdleCallbacks();
  });
  afterEach(() => {
    // The page goes before the stubbed scheduler does: leaving cancels what it scheduled.
    cleanup();
    vi.unstubAllGlobals();
  });

  // Each test loads its own copy of the model: the identities are kept per model object.
  const plansOf = async () => new Map([[WEEK, structuredClone((await loadPlanModel(WEEK))!)]]);

  it('has its items fingerprinted while the page is idle, so the first tick does not wait for it', async () => {
    const plans = await plansOf();
    render(<ShowsPlan plans={plans} />);
    expect(idle).toHaveLength(1);
    idle.forEach((task) => task());
    expect(normalisationsOfFirstTick()).toBe(0);
    expect(getState().stamps[WEEK]?.['d2-b1']).toEqual(stampOf(plans.get(WEEK)!, 'd2-b1'));
  });

  it('still stamps the first tick with its item when the page was never idle', async () => {
    const plans = await plansOf();
    render(<ShowsPlan plans={plans} />);
    expect(normalisationsOfFirstTick()).toBeGreaterThan(0);
    expect(getState().stamps[WEEK]?.['d2-b1']).toEqual(stampOf(plans.get(WEEK)!, 'd2-b1'));
  });
});
