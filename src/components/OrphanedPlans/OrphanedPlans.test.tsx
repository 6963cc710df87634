import {act, fireEvent, render, screen, waitFor, within} from '@testing-library/react';
import {fingerprintOf, planIdentities} from '@site/plugins/plan-model/identity';
import OrphanedPlans from '@site/src/components/OrphanedPlans';
import {adoptMovedPlans} from '@site/src/hooks/useAdoptMovedPlans';
import {STORAGE_KEY, getState, resetStoreForTests} from '@site/src/store';
import {pagePlanOf} from '@site/tests/unit/support/planPage';

const AT = Date.UTC(2026, 2, 4, 12);
const week09 = planIdentities(pagePlanOf('docs/weeks/week-09/go.md'));

/** Records stamped with `texts`, kept under `planId`, on ids d1-b1, d1-b2, … as a visit to that plan stamped them. */
function storeRecords(planId: string, texts: readonly string[]) {
  const ids = texts.map((_, index) => `d1-b${index + 1}`);
  window.localStorage.setItem(
    STORAGE_KEY,
    JSON.stringify({
      version: 6,
      progress: {[planId]: Object.fromEntries(ids.map((id, index) => [id, AT + index]))},
      itemNotes: {[planId]: {'d1-b1': 'First note'}},
      dayNotes: {[planId]: {'2': 'Day two'}},
      stamps: {[planId]: Object.fromEntries(ids.map((id, index) => [id, {fingerprint: fingerprintOf(texts[index]!), text: texts[index]!}]))},
    }),
  );
}

describe('records of a plan no longer on the site', () => {
  it('follow a moved plan to its new id when its items are recognised', async () => {
    // Week 9's Day 3 items, kept under the id the plan had before its file moved.
    const day3 = week09.filter((item) => item.day === 3).slice(0, 4);
    window.localStorage.setItem(
      STORAGE_KEY,
      JSON.stringify({
        version: 6,
        progress: {'weeks/week-09/golang': Object.fromEntries(day3.map((item, index) => [item.id, AT + index]))},
        stamps: {'weeks/week-09/golang': Object.fromEntries(day3.map((item) => [item.id, {fingerprint: item.fingerprint, text: item.text}]))},
        lastVisit: {planId: 'weeks/week-09/golang', day: 3, at: AT},
      }),
    );
    resetStoreForTests();
    adoptMovedPlans();
    await waitFor(() => expect(Object.keys(getState().progress)).toEqual(['weeks/week-09/go']));
    expect(Object.keys(getState().progress['weeks/week-09/go']!).sort()).toEqual(day3.map((item) => item.id).sort());
    expect(getState().lastVisit?.planId).toBe('weeks/week-09/go');
  });

  it('are listed on /notes when no plan holds their items, and deleted after a confirmation', async () => {
    storeRecords('weeks/week-09/rust', ['Ownership and borrowing', 'Lifetimes', 'Traits and generics']);
    render(<OrphanedPlans />);
    const entry = await screen.findByRole('listitem');
    expect(entry).toHaveTextContent('weeks/week-09/rust: 3 ticks, 2 notes.');
    fireEvent.click(within(entry).getByRole('button', {name: 'Delete what is kept for weeks/week-09/rust'}));
    const confirm = within(entry).getByRole('button', {name: 'Delete for good'});
    expect(confirm).toHaveFocus();
    act(() => confirm.click());
    expect(screen.getByRole('status')).toHaveTextContent('Deleted what was kept for weeks/week-09/rust.');
    expect(screen.queryByRole('listitem')).toBeNull();
    expect(getState().progress).toEqual({});
    expect(getState().dayNotes).toEqual({});
  });

  it('a plan still on the site is not listed', () => {
    storeRecords('weeks/week-09/go', ['Ownership and borrowing']);
    render(<OrphanedPlans />);
    expect(screen.queryByRole('heading', {name: 'From plans no longer on this site'})).toBeNull();
  });
});
