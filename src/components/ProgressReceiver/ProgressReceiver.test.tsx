import {act, render, screen} from '@testing-library/react';
import ProgressReceiver from '@site/src/components/ProgressReceiver';
import {getState, resetStoreForTests} from '@site/src/store';
import {encodeTransfer} from '@site/src/store/transfer';
import {publishPlanData as publish, seedSources} from '@site/tests/unit/support/planData';

const WEEK = 'weeks/week-10/go';
const NOW = Date.parse('2026-03-04T11:00:00Z');
const follow = {id: 'f-1', planIds: [WEEK], start: '2026-03-02', variant: null, weekdays: [1, 2, 3, 4, 5], shifts: [], skipBefore: 0, catchUpBefore: 0};
const run = {planId: WEEK, itemId: 'd1-b1', start: NOW - 3_600_000, end: NOW - 1_800_000, finished: false};

/** A link from a device with a followed plan, half an hour in the time log and a day note, but no new tick. */
async function linkFromTheOtherDevice(): Promise<string> {
  return `#${await encodeTransfer({}, null, {follows: [follow], timerRuns: [run], dayNotes: {[WEEK]: {'1': 'Day one went well'}}}, NOW)}`;
}

beforeEach(() => {
  publish(seedSources);
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('opening a "Move my progress" link', () => {
  it('says what besides ticks it adds, and merges the follow, the time log and the note', async () => {
    render(<ProgressReceiver fragment={await linkFromTheOtherDevice()} onClose={() => {}} />);
    // A link that adds no tick still has something to add: it does not claim everything is here already.
    expect(await screen.findByText('It also adds 1 note, 1 followed plan, 1 timer run of the time log.')).toBeInTheDocument();
    expect(screen.queryByText(/already in this browser/)).toBeNull();
    act(() => screen.getByRole('button', {name: 'Merge progress'}).click());
    expect(screen.getByRole('status')).toHaveTextContent(
      'Imported: 0 ticks added, 1 followed plan. Notes: 1 note added. Time: 1 timer run added to the time log.',
    );
    resetStoreForTests();
    expect(getState()).toMatchObject({follows: [follow], timerRuns: [run], dayNotes: {[WEEK]: {'1': 'Day one went well'}}});
  });

  it('says so when this browser would not store what it merged', async () => {
    render(<ProgressReceiver fragment={await linkFromTheOtherDevice()} onClose={() => {}} />);
    await screen.findByText(/^It also adds/);
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    act(() => screen.getByRole('button', {name: 'Merge progress'}).click());
    expect(screen.getByRole('status')).toHaveTextContent(
      /^Imported: .* Not saved: this browser did not let the site store it, so it lasts only until you close this tab\. Keep the link and open it again later\.$/,
    );
  });
});
