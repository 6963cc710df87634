import {cleanup, render, waitFor} from '@testing-library/react';
import {planIdentities} from '@site/plugins/plan-model/identity';
import {STORAGE_KEY, getState, resetStoreForTests, updateState} from '@site/src/store';
import {pagePlanOf} from '@site/tests/unit/support/planPage';
import {useAdoptMovedPlans} from './useAdoptMovedPlans';
import {queueIdleCallbacks} from '@site/tests/unit/support/idleCallbacks';

/** Counts loads of the site's list of plans (the check's only download). */
const listLoads = vi.hoisted(() => vi.fn());
vi.mock('@generated/plan-data/default/plan-ids.json', async (importOriginal) => {
  listLoads();
  return importOriginal();
});

const AT = Date.UTC(2026, 2, 4, 12);
const MOVED = 'weeks/week-09/golang';

function ShowsRecords() {
  useAdoptMovedPlans();
  return null;
}

describe('records of a moved plan, on a page that shows records', () => {
  let idle: (() => void)[] = [];
  beforeEach(() => {
    idle = queueIdleCallbacks();
    // Week 9's Day 3 items, kept under the id the plan had before its file moved: enough to be recognised.
    const day3 = planIdentities(pagePlanOf('docs/weeks/week-09/go.md')).filter((item) => item.day === 3);
    window.localStorage.setItem(
      STORAGE_KEY,
      JSON.stringify({
        version: 6,
        progress: {[MOVED]: Object.fromEntries(day3.map((item, index) => [item.id, AT + index]))},
        stamps: {[MOVED]: Object.fromEntries(day3.map((item) => [item.id, {fingerprint: item.fingerprint, text: item.text}]))},
      }),
    );
    resetStoreForTests();
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('are looked for an adopting plan while the page is idle, not inside the page load or a write', async () => {
    render(<ShowsRecords />);
    // A learner's tap that writes (a timer's Start stamps several records) asks for the check too.
    updateState((state) => ({...state, progress: {...state.progress, 'weeks/week-10/go': {'d1-b1': AT}}}));
    await vi.dynamicImportSettled();
    expect(listLoads).not.toHaveBeenCalled();
    expect(idle).toHaveLength(1);

    idle.splice(0).forEach((task) => task());
    await waitFor(() => expect(Object.keys(getState().progress).sort()).toEqual(['weeks/week-09/go', 'weeks/week-10/go']));
    expect(listLoads).toHaveBeenCalledTimes(1);
  });
});
