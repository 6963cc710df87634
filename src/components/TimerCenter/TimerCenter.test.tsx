import {act, render, screen, within} from '@testing-library/react';
import PlanItem from '@site/src/components/PlanItem';
import TimerCenter from '@site/src/components/TimerCenter';
import {getState, updateState, type TimerRecord} from '@site/src/store';
import {timerKey} from '@site/src/store/timers';
import {loadPlanModel} from '@site/src/hooks/usePlanModels';
import {loadRunningTimer} from '@site/src/components/BlockTimer';
import {Week09} from '@site/tests/unit/support/planPage';
import {MINUTE, advance, click, readout} from '@site/tests/unit/support/timers';
import {expectLabelInName, shows} from '@site/tests/unit/support/labelInName';

// Plan pages show progress totals from the plan-data plugin's global data.

// The panel loads its plan's module as soon as a timer exists, long before one ends; these synchronous
// tests load week 9 first. The tests for the wait itself use plans no test has loaded yet.
// A block's running controls load once it has a timer; these synchronous tests load them first too.
beforeAll(() => Promise.all([loadPlanModel('weeks/week-09/go'), loadRunningTimer()]));

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-01-05T09:00:00Z'));
});

afterEach(() => {
  vi.useRealTimers();
  document.title = '';
});

describe('when time is up (TimerCenter)', () => {
  function renderWithCenter() {
    document.title = 'Go Track | Go Study Plans';
    return render(
      <>
        <Week09>
          <PlanItem itemId="d1-b4">Block 4 (Review – 30 min)</PlanItem>
          <PlanItem itemId="d1-a1">Practice (60 min)</PlanItem>
        </Week09>
        <TimerCenter />
      </>,
    );
  }

  it('names the panel’s controls by the words they show (Label in Name)', () => {
    renderWithCenter();
    click(screen.getByRole('button', {name: shows('Start 30 min')}));
    const panel = screen.getByRole('complementary', {name: 'Active timer'});
    expect(within(panel).getByRole('button', {name: shows('Pause')})).toBeInTheDocument();
    expect(within(panel).getByRole('checkbox', {name: shows('Start the next block automatically')})).not.toBeChecked();
    expectLabelInName(panel);
    advance(30 * MINUTE + 100);
    expect(within(panel).getByRole('button', {name: shows('Dismiss')})).toBeInTheDocument();
    expectLabelInName(panel);
  });

  it('shows the finished state, puts it in the title and announces it once', () => {
    renderWithCenter();
    click(screen.getByRole('button', {name: /^Start .+, Block 4 /}));
    const live = screen.getByRole('status');
    expect(live).toHaveTextContent('');
    advance(30 * MINUTE + 100);
    expect(readout('Block 4 · Review')).toHaveTextContent("Time's up");
    expect(live).toHaveTextContent("Time's up: Block 4 · Review");
    expect(live).toHaveAttribute('aria-live', 'assertive');
    expect(document.title).toBe("⏰ Time's up · Go Track | Go Study Plans");
    expect(Object.values(getState().timers)[0]!.finishedAt).toBe(Date.parse('2026-01-05T09:30:00Z'));
  });

  it('dismissing the finished timer restores the title', () => {
    renderWithCenter();
    click(screen.getByRole('button', {name: /^Start .+, Block 4 /}));
    advance(30 * MINUTE + 100);
    click(screen.getByRole('button', {name: 'Dismiss'}));
    expect(document.title).toBe('Go Track | Go Study Plans');
  });

  it('keeps the time-up prefix on the title of the page the reader moves to, and takes it off there on dismiss', async () => {
    renderWithCenter();
    click(screen.getByRole('button', {name: /^Start .+, Block 4 /}));
    advance(30 * MINUTE + 100);
    // Navigating sets the new page's title, as the theme does.
    document.title = 'Week 10 | Go Study Plans';
    await act(async () => {
      await Promise.resolve();
    });
    expect(document.title).toBe("⏰ Time's up · Week 10 | Go Study Plans");
    click(screen.getByRole('button', {name: 'Dismiss'}));
    expect(document.title).toBe('Week 10 | Go Study Plans');
  });

  it('with "start the next block automatically", the next item of the day starts when time is up (6-hour plan)', () => {
    updateState((state) => ({...state, variant: '6h'}));
    renderWithCenter();
    click(screen.getByRole('button', {name: /^Start .+, Block 4 /}));
    click(screen.getByRole('checkbox', {name: 'Start the next block automatically'}));
    expect(getState().autoAdvance).toBe(true);
    advance(30 * MINUTE + 100);
    expect(readout('Practice')).toHaveTextContent('60:00');
    // The panel follows the block that now runs, and the title is the page's own again.
    const panel = screen.getByRole('complementary', {name: 'Active timer'});
    expect(within(panel).getByRole('link')).toHaveTextContent('Practice');
    expect(within(panel).getByText('60:00')).toBeInTheDocument();
    expect(document.title).toBe('Go Track | Go Study Plans');
    const next = getState().timers['weeks/week-09/go#d1-a1']!;
    // Started as soon as the finish was noticed (the settle timer fires just after the due time).
    expect(next.runningSince! - Date.parse('2026-01-05T09:30:00Z')).toBeLessThan(1000);
    advance(10 * MINUTE);
    expect(readout('Practice').textContent).toMatch(/^50:0[01]$/);
  });

  it('in the 4-hour plan, auto-start stops after the last block', () => {
    renderWithCenter();
    click(screen.getByRole('button', {name: /^Start .+, Block 4 /}));
    click(screen.getByRole('checkbox', {name: 'Start the next block automatically'}));
    advance(30 * MINUTE + 100);
    expect(screen.getByRole('button', {name: 'Start 1 h, Practice (60 min)'})).toBeInTheDocument();
  });
});

describe('labels come from the plan (TimerCenter)', () => {
  const flush = () => act(async () => void (await Promise.resolve()));
  /** A timer as schema 5 stores it: ids and countdown state, no label. */
  const stored = (planId: string, itemId: string, fields: Partial<TimerRecord> = {}): TimerRecord => ({
    planId,
    itemId,
    durationMs: 30 * MINUTE,
    maxMs: 30 * MINUTE,
    elapsedMs: 0,
    runningSince: Date.now(),
    finishedAt: null,
    next: [],
    ...fields,
  });
  const store = (...timers: TimerRecord[]) =>
    updateState((state) => ({...state, timers: Object.fromEntries(timers.map((timer) => [timerKey(timer.planId, timer.itemId), timer]))}));
  const panel = () => within(screen.getByRole('complementary', {name: 'Active timer'}));

  it('shows a neutral label while the plan loads, then the plan’s label and a link to the day', async () => {
    store(stored('weeks/week-10/go', 'd2-b3'));
    render(<TimerCenter />);
    expect(panel().getByRole('link')).toHaveTextContent('Day 2 timer');
    await flush();
    expect(panel().getByRole('link')).toHaveTextContent('Block 3 · Trade-offs');
    expect(panel().getByRole('link')).toHaveAttribute('href', expect.stringMatching(/\/weeks\/week-10\/go#day-2$/));
  });

  it('a timer that ends before its plan has loaded still ends and chimes; the announcement names it once the plan arrives, and the next block starts', async () => {
    updateState((state) => ({...state, autoAdvance: true}));
    store(stored('weeks/week-11/go', 'd1-b4', {runningSince: Date.now() - 30 * MINUTE - 1000, next: ['d1-a1', 'd1-a2']}));
    render(<TimerCenter />);
    // Settled on the first render, before the plan's module can have arrived.
    expect(getState().timers['weeks/week-11/go#d1-b4']!.finishedAt).toBe(Date.now() - 1000);
    await flush();
    expect(screen.getByRole('status')).toHaveTextContent("Time's up: Block 4 · Review");
    // The next block's length comes from the plan (60 min), not from anything the timer stored.
    expect(getState().timers['weeks/week-11/go#d1-a1']).toMatchObject({durationMs: 60 * MINUTE, runningSince: Date.now(), next: ['d1-a2']});
    expect(panel().getByRole('link')).toHaveTextContent('Pseudo-code');
  });

  it('offers "Start next" with the plan’s label of the next timed item', () => {
    store(stored('weeks/week-09/go', 'd1-b3', {runningSince: null, elapsedMs: 30 * MINUTE, finishedAt: Date.now(), next: ['d1-b4']}));
    render(<TimerCenter />);
    click(panel().getByRole('button', {name: 'Start next: Block 4 · Review'}));
    expect(getState().timers['weeks/week-09/go#d1-b3']).toBeUndefined();
    expect(getState().timers['weeks/week-09/go#d1-b4']).toMatchObject({durationMs: 30 * MINUTE, runningSince: Date.now()});
  });

  it('a timer whose item or plan is gone is named by its day, runs out, and can be dismissed', async () => {
    store(stored('weeks/week-09/go', 'd9-b9', {next: ['d9-b10']}), stored('weeks/week-99/go', 'd3-b1', {runningSince: null}));
    render(<TimerCenter />);
    await flush();
    expect(panel().getByRole('link')).toHaveTextContent('Day 9 timer');
    advance(30 * MINUTE + 100);
    await flush();
    expect(screen.getByRole('status')).toHaveTextContent("Time's up: Day 9 timer");
    expect(panel().queryByRole('button', {name: /^Start next/})).toBeNull();
    click(panel().getByRole('button', {name: 'Dismiss'}));
    expect(Object.keys(getState().timers)).toEqual(['weeks/week-99/go#d3-b1']);
  });
});
