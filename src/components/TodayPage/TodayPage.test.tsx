import {act, render, screen, waitFor, within} from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {renderToString} from 'react-dom/server';
import TodayPage from '@site/src/components/TodayPage';
import TimeSpent from '@site/src/components/TodayPage/TimeSpent';
import {getState, updateState} from '@site/src/store';
import {MAX_TIMER_RUNS} from '@site/src/store/schema';
import {publishPlanData as publish, seedSources} from '@site/tests/unit/support/planData';

const WEEK = 'weeks/week-10/go';
const follow = {id: 'f-1', planIds: [WEEK], start: '2026-03-02', variant: null, weekdays: [0, 1, 2, 3, 4, 5, 6], shifts: [], skipBefore: 0, catchUpBefore: 0};

beforeEach(() => {
  publish(seedSources);
  vi.useFakeTimers({toFake: ['Date']});
  vi.setSystemTime(new Date('2026-03-04T11:00:00Z'));
  updateState((state) => ({...state, follows: [follow]}));
});

afterEach(() => {
  vi.useRealTimers();
});

describe('TodayPage', () => {
  it('renders nothing date-dependent on the server', () => {
    const html = renderToString(<TodayPage />);
    expect(html).toContain('Today');
    expect(html).not.toContain('Day 3');
    expect(html).not.toContain('You follow no plan yet');
  });

  it('shows today’s day with its blocks, and the overdue blocks of earlier days', async () => {
    render(<TodayPage />);
    expect(screen.getByRole('heading', {level: 3, name: 'Day 3: Notification System: Requirements & Channels'})).toBeInTheDocument();
    // The blocks' labels come from the plan's own module, loaded by id.
    expect(await screen.findByRole('checkbox', {name: 'Done: Block 1 · Requirements'})).not.toBeChecked();
    expect(screen.getByRole('heading', {name: 'Overdue: 8 unticked items'})).toBeInTheDocument();
  });

  it('skip leaves the overdue items unticked and stops listing them', async () => {
    const user = userEvent.setup();
    render(<TodayPage />);
    await user.click(screen.getByRole('button', {name: 'Skip'}));
    expect(screen.queryByRole('heading', {name: /^Overdue/})).not.toBeInTheDocument();
    expect(getState().progress).toEqual({});
    expect(getState().follows[0]).toMatchObject({skipBefore: 2});
  });

  it('catch up lists the overdue items under today, with tick boxes', async () => {
    const user = userEvent.setup();
    render(<TodayPage />);
    await user.click(screen.getByRole('button', {name: 'Catch up'}));
    const section = screen.getByRole('heading', {name: 'Catching up'}).parentElement!;
    expect(within(section).getAllByRole('checkbox')).toHaveLength(8);
    await user.click(within(section).getAllByRole('checkbox')[0]!);
    act(() => undefined);
    expect(
      within(section)
        .getAllByRole('checkbox')
        .filter((box) => !(box as HTMLInputElement).checked),
    ).toHaveLength(7);
  });

  it('repeats no element id when two followed plans are on the same day number', async () => {
    updateState((state) => ({...state, follows: [follow, {...follow, id: 'f-2', planIds: ['weeks/week-09/go']}]}));
    const {container} = render(<TodayPage />);
    // Each plan's module arrives on its own.
    await waitFor(() => expect(screen.getAllByRole('textbox', {name: /^Notes for day 3/})).toHaveLength(2));
    const ids = Array.from(container.querySelectorAll('[id]'), (element) => element.id);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
  });

  it('says from when timed study counts once the time log is full, and says nothing before', () => {
    const day = Date.parse('2026-03-04T08:00:00Z');
    const runs = (count: number) =>
      Array.from({length: count}, (_, index) => ({
        planId: WEEK,
        itemId: 'd3-b1',
        start: day - (count - index) * 3_600_000,
        end: day - (count - index) * 3_600_000 + 60_000,
        finished: false,
      }));
    updateState((state) => ({...state, timerRuns: runs(MAX_TIMER_RUNS - 1)}));
    const {unmount} = render(<TimeSpent today="2026-03-04" follows={[]} plans={[]} siteVariant="4h" />);
    expect(document.querySelector('[data-time-log-cap]')).toBeNull();
    unmount();
    updateState((state) => ({...state, timerRuns: runs(MAX_TIMER_RUNS)}));
    render(<TimeSpent today="2026-03-04" follows={[]} plans={[]} siteVariant="4h" />);
    // 5,000 hourly runs before 4 March 2026 08:00 UTC start on 8 August 2025 (in UTC, as the suite runs).
    expect(document.querySelector('[data-time-log-cap]')).toHaveTextContent(
      'The time log keeps your 5,000 most recent timer runs, so timed study before Fri, 8 Aug 2025 is no longer counted here.',
    );
  });
});
