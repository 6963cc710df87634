import {render, screen, waitFor} from '@testing-library/react';
import {fingerprintOf} from '@site/plugins/plan-model/identity';
import {getState, updateState} from '@site/src/store';
import {loadPlanModel, usePlanModels} from './usePlanModels';

const WEEK = 'weeks/week-10/go';
const GONE = 'A block this plan no longer has';

/** A tick on Day 1's first block, made when that block read differently: after the edit it belongs to no item. */
function storeTickOnRewrittenItem(): void {
  updateState(
    (state) => ({
      ...state,
      progress: {[WEEK]: {'d1-b1': Date.UTC(2026, 2, 2, 9)}},
      stamps: {[WEEK]: {'d1-b1': {fingerprint: fingerprintOf(GONE), text: GONE}}},
    }),
    {versions: 'keeps-versions'},
  );
}

function PlanTitle({planId}: {planId: string}) {
  const plan = usePlanModels([planId]).get(planId);
  return <p>{plan ? `loaded ${plan.kind}` : 'loading'}</p>;
}

describe('records and plan models', () => {
  it('loading a plan model writes nothing to the store', async () => {
    storeTickOnRewrittenItem();
    const before = getState();
    expect(await loadPlanModel(WEEK)).not.toBeNull();
    expect(getState()).toBe(before);
  });

  it('a page showing a plan through usePlanModels sets its stale records aside, as the plan page does', async () => {
    storeTickOnRewrittenItem();
    render(<PlanTitle planId={WEEK} />);
    expect(await screen.findByText('loaded weekly')).toBeInTheDocument();
    await waitFor(() => expect(getState().detached).toEqual([expect.objectContaining({planId: WEEK, itemId: 'd1-b1', text: GONE})]));
    expect(getState().progress[WEEK]).toBeUndefined();
  });
});
