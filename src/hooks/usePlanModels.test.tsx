import {render, screen, waitFor} from '@testing-library/react';
import {fingerprintOf, planIdentities} from '@site/plugins/plan-model/identity';
import {STORAGE_KEY, getState, updateState} from '@site/src/store';
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

describe('a tick on a page showing its plan', () => {
  it('is stored with its item’s stamp in one write, not followed by a second write to stamp it', async () => {
    render(<PlanTitle planId={WEEK} />);
    expect(await screen.findByText('loaded weekly')).toBeInTheDocument();
    const writes = vi.spyOn(Storage.prototype, 'setItem');
    try {
      updateState((state) => ({...state, progress: {[WEEK]: {'d2-b1': Date.UTC(2026, 2, 3, 9)}}}));
      expect(writes.mock.calls.filter(([key]) => key === STORAGE_KEY)).toHaveLength(1);
      const stored = JSON.parse(window.localStorage.getItem(STORAGE_KEY)!) as {stamps: Record<string, Record<string, {text: string}>>};
      const item = planIdentities((await loadPlanModel(WEEK))!).find((identity) => identity.id === 'd2-b1')!;
      expect(stored.stamps[WEEK]?.['d2-b1']).toEqual({fingerprint: item.fingerprint, text: item.text});
    } finally {
      writes.mockRestore();
    }
  });
});
