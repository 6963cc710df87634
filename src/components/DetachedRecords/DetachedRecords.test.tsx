import {expectLabelInName} from '@site/tests/unit/support/labelInName';
import {act, fireEvent, render, screen, within} from '@testing-library/react';
import PlanItem from '@site/src/components/PlanItem';
import DetachedRecords from '@site/src/components/DetachedRecords';
import {STORAGE_KEY, exportProgress, extrasOf, getState, importProgress, withImport} from '@site/src/store';
import {Week09} from '@site/tests/unit/support/planPage';

const WEEK = 'weeks/week-09/go';
const AT = Date.UTC(2026, 2, 4, 12);

/** A tick and a note made on a "Chaos engineering drills" block that an edit has since replaced at d1-b1. */
function storeRecordsOfARemovedItem() {
  window.localStorage.setItem(
    STORAGE_KEY,
    JSON.stringify({
      version: 6,
      progress: {[WEEK]: {'d1-b1': AT}},
      itemNotes: {[WEEK]: {'d1-b1': 'Remember: horizontal scaling'}},
      stamps: {[WEEK]: {'d1-b1': {fingerprint: 'chaos engineering drills', text: 'Chaos engineering drills'}}},
    }),
  );
}

describe('records of an item an edit removed', () => {
  it('never show on the item that now has its id; the plan page says once where they went', () => {
    storeRecordsOfARemovedItem();
    render(
      <Week09>
        <PlanItem itemId="d1-b1">Block 1 (Concepts – 60–75 min)</PlanItem>
      </Week09>,
    );
    expect(screen.getByRole('checkbox', {name: 'Done: Block 1 · Concepts'})).not.toBeChecked();
    expect(screen.getByRole('note')).toHaveTextContent('1 tick and 1 note belong to items no longer in this plan. See them, re-attach or delete them');
    expect(getState().detached).toEqual([expect.objectContaining({text: 'Chaos engineering drills', tick: AT, note: 'Remember: horizontal scaling'})]);
  });

  it('are listed with the text they were made on, and can be re-attached to an item chosen from the plan', async () => {
    storeRecordsOfARemovedItem();
    render(
      <Week09>
        <PlanItem itemId="d1-b1">Block 1 (Concepts – 60–75 min)</PlanItem>
        <DetachedRecords show="notes" />
      </Week09>,
    );
    const entry = (await screen.findByText('Chaos engineering drills')).closest('li')!;
    expect(within(entry).getByText('Remember: horizontal scaling')).toBeInTheDocument();
    const select = await within(entry).findByRole('combobox', {name: 'Re-attach to'});
    // Nothing is chosen for the reader: Re-attach without a choice says what to do and changes nothing.
    expect(select).toHaveValue('');
    act(() => within(entry).getByRole('button', {name: 'Re-attach "Chaos engineering drills"'}).click());
    expect(screen.getByRole('status')).toHaveTextContent('Choose the item to re-attach "Chaos engineering drills" to, then Re-attach.');
    expect(getState().detached).toHaveLength(1);
    fireEvent.change(select, {target: {value: 'd1-b2'}});
    act(() => within(entry).getByRole('button', {name: 'Re-attach "Chaos engineering drills"'}).click());
    expect(screen.getByRole('status')).toHaveTextContent('Re-attached to "Template Creation".');
    expect(getState().progress[WEEK]).toEqual({'d1-b2': AT});
    expect(getState().itemNotes[WEEK]).toEqual({'d1-b2': 'Remember: horizontal scaling'});
    expect(getState().detached).toEqual([]);
    expect(screen.queryByRole('note')).toBeNull();
  });

  it('follow their item when an edit moved it: the tick shows on the item it was made on, not on the one now at its id', () => {
    window.localStorage.setItem(
      STORAGE_KEY,
      JSON.stringify({
        version: 6,
        progress: {[WEEK]: {'d4-a1': AT}},
        stamps: {[WEEK]: {'d4-a1': {fingerprint: 'scaling considerations', text: 'Scaling considerations'}}},
      }),
    );
    render(
      <Week09>
        <PlanItem itemId="d4-a1">Implementation mapping (60 min)</PlanItem>
        <PlanItem itemId="d5-a1">Scaling considerations (60 min)</PlanItem>
      </Week09>,
    );
    expect(screen.getByRole('checkbox', {name: 'Done: Scaling considerations'})).toBeChecked();
    expect(screen.getByRole('checkbox', {name: 'Done: Implementation mapping'})).not.toBeChecked();
    expect(screen.queryByRole('note')).toBeNull();
  });

  it('can be deleted for good', async () => {
    storeRecordsOfARemovedItem();
    render(
      <Week09>
        <DetachedRecords show="notes" />
      </Week09>,
    );
    act(() => screen.getByRole('button', {name: 'Delete "Chaos engineering drills"'}).click());
    // Nothing is gone until the reader confirms; the confirmation has focus.
    expect(getState().detached).toHaveLength(1);
    expect(screen.getByRole('button', {name: 'Delete for good: "Chaos engineering drills"'})).toHaveFocus();
    // Speech-input users name a control by what it shows.
    expectLabelInName(screen.getByRole('listitem'));
    act(() => screen.getByRole('button', {name: 'Cancel'}).click());
    expect(screen.getByRole('button', {name: 'Delete "Chaos engineering drills"'})).toHaveFocus();
    expect(getState().detached).toHaveLength(1);
    // What another device holds: the same record, set aside there too (an export made before the deletion).
    const otherDevice = JSON.stringify(exportProgress(getState().progress, new Date(AT), extrasOf(getState())));
    act(() => screen.getByRole('button', {name: 'Delete "Chaos engineering drills"'}).click());
    act(() => screen.getByRole('button', {name: 'Delete for good: "Chaos engineering drills"'}).click());
    expect(getState().detached).toEqual([]);
    expect(getState().progress[WEEK]).toBeUndefined();
    expect(screen.getByRole('status')).toHaveTextContent('Deleted "Chaos engineering drills".');
    // The deletion travels: merging the other device's copy does not bring the record back.
    const merged = importProgress(otherDevice, getState().progress, undefined, extrasOf(getState()));
    if (!merged.ok) throw new Error(merged.error);
    expect(withImport(getState(), merged).detached).toEqual([]);
  });

  it('says so when storage refused the deletion, instead of saying it is done for good', () => {
    storeRecordsOfARemovedItem();
    render(
      <Week09>
        <DetachedRecords show="notes" />
      </Week09>,
    );
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    act(() => screen.getByRole('button', {name: 'Delete "Chaos engineering drills"'}).click());
    act(() => screen.getByRole('button', {name: 'Delete for good: "Chaos engineering drills"'}).click());
    expect(screen.getByRole('status')).toHaveTextContent(
      'Deleted "Chaos engineering drills". Not saved: this browser did not let the site store it, so it lasts only until you close this tab.',
    );
    vi.restoreAllMocks();
  });
});
