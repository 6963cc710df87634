import {fireEvent, render, screen, waitFor, within} from '@testing-library/react';
import PlanItem from '@site/src/components/PlanItem';
import DayToolbar from '@site/src/components/DayToolbar';
import PlanProgress from '@site/src/components/PlanProgress';
import {STORAGE_KEY, getState, updateState} from '@site/src/store';
import {EXPORT_APP} from '@site/src/store/exchange';
import {Week09} from '@site/tests/unit/support/planPage';
import {expectLabelInName, shows} from '@site/tests/unit/support/labelInName';

// The Move my progress panel and the export and import code load on demand; importing them here keeps a slow first
// import from racing the test's waits.
beforeAll(async () => {
  await Promise.all([import('@site/src/components/MoveProgress'), import('./transfer')]);
});

// Plan pages show progress totals and import checks from the plan-data plugin's global data.

const WEEK = 'weeks/week-09/go';

function renderDay1() {
  return render(
    <Week09>
      <PlanProgress />
      <DayToolbar day="1" />
      <PlanItem itemId="d1-b1">Block 1 (Concepts – 60–75 min)</PlanItem>
      <PlanItem itemId="d1-b2">Block 2 (Template Creation – 60 min)</PlanItem>
      <PlanItem itemId="d1-a1">Practice (60 min)</PlanItem>
    </Week09>,
  );
}

describe('progress tools', () => {
  function tickTwo() {
    updateState((state) => ({...state, progress: {[WEEK]: {'d1-b1': 1, 'd1-b2': 2}, 'weeks/week-10/go': {'d1-b1': 3}}}));
  }

  it('names its buttons by the words they show (Label in Name)', () => {
    tickTwo();
    renderDay1();
    const tools = screen.getByRole('group', {name: 'Progress tools'});
    for (const visible of ['Reset this week', 'Export progress', 'Import progress', 'Move my progress']) {
      expect(within(tools).getByRole('button', {name: shows(visible)})).toHaveTextContent(visible);
    }
    expectLabelInName(tools);
    fireEvent.click(within(tools).getByRole('button', {name: shows('Reset this week')}));
    expect(within(tools).getByRole('button', {name: shows('Yes, reset')})).toBeInTheDocument();
    expectLabelInName(tools);
  });

  it('reset this week only after confirmation, and only this week', () => {
    tickTwo();
    renderDay1();
    fireEvent.click(screen.getByRole('button', {name: 'Reset this week'}));
    expect(screen.getByText('Untick all 2 items of this week?')).toBeInTheDocument();
    // Focus moves to the confirmation, so a keyboard user lands on the choice.
    expect(screen.getByRole('button', {name: 'Yes, reset'})).toHaveFocus();
    fireEvent.click(screen.getByRole('button', {name: 'Cancel'}));
    expect(getState().progress[WEEK]).toEqual({'d1-b1': 1, 'd1-b2': 2});
    expect(screen.getByRole('button', {name: 'Reset this week'})).toHaveFocus();

    fireEvent.click(screen.getByRole('button', {name: 'Reset this week'}));
    fireEvent.click(screen.getByRole('button', {name: 'Yes, reset'}));
    expect(getState().progress).toEqual({'weeks/week-10/go': {'d1-b1': 3}});
    expect(screen.getByText('Reset this week: 2 ticks removed.')).toHaveAttribute('role', 'status');
    expect(screen.getByRole('checkbox', {name: 'Done: Block 1 · Concepts'})).not.toBeChecked();
  });

  it('import a malformed file: nothing changes, and the reason is shown', async () => {
    tickTwo();
    renderDay1();
    const before = window.localStorage.getItem(STORAGE_KEY);
    const input = screen.getByLabelText('Progress file to import');
    fireEvent.change(input, {target: {files: [new File(['{"app": "go-study-plans", "version": 1, "progress": '], 'broken.json')]}});
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(/^Import failed: The file is not valid JSON .*Nothing was changed\.$/));
    expect(window.localStorage.getItem(STORAGE_KEY)).toBe(before);
  });

  it('import a valid file: ticks merge in and the page shows them', async () => {
    renderDay1();
    const text = JSON.stringify({app: EXPORT_APP, version: 1, exportedAt: '2026-01-05T09:00:00.000Z', progress: {[WEEK]: {'d1-b1': 5, 'd9-b1': 6}}});
    fireEvent.change(screen.getByLabelText('Progress file to import'), {target: {files: [new File([text], 'progress.json')]}});
    expect(await screen.findByText('Imported: 2 ticks added. Kept, but not shown: 1 tick for items the plans no longer have.')).toHaveAttribute(
      'role',
      'status',
    );
    expect(screen.getByRole('checkbox', {name: 'Done: Block 1 · Concepts'})).toBeChecked();
  });
});

describe('backups', () => {
  afterEach(() => vi.useRealTimers());

  it('an export is remembered as the last backup and shown', async () => {
    vi.useFakeTimers({toFake: ['Date']});
    vi.setSystemTime(new Date('2026-01-05T09:00:00Z'));
    URL.createObjectURL = () => 'blob:export';
    URL.revokeObjectURL = () => {};
    renderDay1();
    expect(document.querySelector('[data-backup-status]')).toBeNull();
    fireEvent.click(screen.getByRole('button', {name: 'Export progress'}));
    // The export code loads when asked for; the file is saved once it has.
    await waitFor(() => expect(getState().lastBackupAt).toBe(Date.parse('2026-01-05T09:00:00Z')));
    // The message follows the saved state by a render: waited for as a reader waits for it.
    expect(await screen.findByText(/^Exported all progress, .* to go-study-plans-progress-2026-01-05\.json\.$/)).toHaveAttribute('role', 'status');
    await waitFor(() => expect(document.querySelector('[data-backup-status]')).toHaveTextContent(/^Last backup: Jan 5, 2026, 9:00\sAM\.$/));
  });

  it('reminds gently after two weeks of ticks without a backup', async () => {
    vi.useFakeTimers({toFake: ['Date']});
    vi.setSystemTime(new Date('2026-01-20T09:00:00Z'));
    updateState((state) => ({...state, progress: {[WEEK]: {'d1-b1': Date.parse('2026-01-05T09:00:00Z')}}}));
    renderDay1();
    await waitFor(() => expect(document.querySelector('[data-backup-status]')).toHaveTextContent(/only in this browser: export them or make a link/));
    fireEvent.click(screen.getByRole('button', {name: 'Export progress'}));
    await waitFor(() => expect(document.querySelector('[data-backup-status]')).not.toHaveTextContent(/only in this browser/));
  });
});
