import {act, fireEvent, render, screen, within} from '@testing-library/react';
import PlanItem from '@site/src/components/PlanItem';
import TimerCenter from '@site/src/components/TimerCenter';
import {STORAGE_KEY, getState, resetStoreForTests, updateState} from '@site/src/store';
import {Week09} from '../support/planPage';

// Plan pages show progress totals from the plan-data plugin's global data.
vi.mock('@generated/globalData', () => import('../support/planData'));

const MINUTE = 60_000;

function advance(ms: number) {
  act(() => {
    vi.advanceTimersByTime(ms);
  });
}

/** The timer controls of one block, found the way a screen reader user would: by the group's name. */
const timerOf = (label: string) => within(screen.getByRole('group', {name: `Timer: ${label}`}));
const readout = (label: string) => timerOf(label).getByText(/^\d+:\d\d|Time's up/);

function renderDay1() {
  return render(
    <Week09>
      <PlanItem itemId="d1-b1">Block 1 (Concepts – 60–75 min)</PlanItem>
      <PlanItem itemId="d1-b2">Block 2 (Template Creation – 60 min)</PlanItem>
      <PlanItem itemId="d1-a1">Practice (60 min)</PlanItem>
    </Week09>,
  );
}

/**
 * A synchronous click: Testing Library's async wrapper waits on a zero timeout that only
 * advances under Jest's fake timers, so user-event would hang under Vitest's.
 */
const click = (element: HTMLElement) => fireEvent.click(element);

beforeEach(() => {
  window.localStorage.clear();
  resetStoreForTests();
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-01-05T09:00:00Z'));
});

afterEach(() => {
  vi.useRealTimers();
  document.title = '';
});

describe('BlockTimer on a plan page', () => {
  it('offers a start button naming the block and its planned range', () => {
    renderDay1();
    expect(screen.getByRole('button', {name: 'Start 1 h, Block 1 · Concepts (60–75 min)'})).toHaveTextContent('Start 1 h');
    expect(screen.getByRole('button', {name: 'Start 1 h, Practice (60 min)'})).toBeInTheDocument();
  });

  it('starts at 60:00 and counts down once per second', () => {
    renderDay1();
    click(screen.getByRole('button', {name: /^Start .+, Block 2 /}));
    expect(readout('Block 2 · Template Creation')).toHaveTextContent('60:00');
    advance(1000);
    expect(readout('Block 2 · Template Creation')).toHaveTextContent('59:59');
    advance(10 * MINUTE);
    expect(readout('Block 2 · Template Creation')).toHaveTextContent('49:59');
  });

  it('pauses and resumes: the paused time does not count', () => {
    renderDay1();
    click(screen.getByRole('button', {name: /^Start .+, Block 2 /}));
    advance(10 * MINUTE);
    click(screen.getByRole('button', {name: 'Pause, Block 2 · Template Creation'}));
    expect(readout('Block 2 · Template Creation')).toHaveTextContent('50:00');
    expect(timerOf('Block 2 · Template Creation').getByText('(paused)')).toBeInTheDocument();
    advance(60 * MINUTE);
    expect(readout('Block 2 · Template Creation')).toHaveTextContent('50:00');
    click(screen.getByRole('button', {name: 'Resume, Block 2 · Template Creation'}));
    advance(5 * MINUTE);
    expect(readout('Block 2 · Template Creation')).toHaveTextContent('45:00');
  });

  it('extends a range to its upper bound with one click, keeping the time spent', () => {
    renderDay1();
    click(screen.getByRole('button', {name: /^Start .+, Block 1 /}));
    expect(readout('Block 1 · Concepts')).toHaveTextContent('60:00');
    advance(20 * MINUTE);
    const extend = screen.getByRole('button', {name: '+15 min, Block 1 · Concepts, to 75 min in all'});
    expect(extend).toHaveTextContent('+15 min');
    click(extend);
    expect(readout('Block 1 · Concepts')).toHaveTextContent('55:00');
    expect(screen.queryByRole('button', {name: /^\+\d+ min, Block 1 /})).toBeNull();
  });

  it('exact durations offer no extension', () => {
    renderDay1();
    click(screen.getByRole('button', {name: /^Start .+, Block 2 /}));
    expect(screen.queryByRole('button', {name: /^\+\d+ min/})).toBeNull();
  });

  it('runs one timer at a time: starting a second pauses the first where it was', () => {
    renderDay1();
    click(screen.getByRole('button', {name: /^Start .+, Block 1 /}));
    advance(5 * MINUTE);
    click(screen.getByRole('button', {name: /^Start .+, Block 2 /}));
    advance(3 * MINUTE);
    expect(readout('Block 1 · Concepts')).toHaveTextContent('55:00');
    expect(timerOf('Block 1 · Concepts').getByText('(paused)')).toBeInTheDocument();
    expect(readout('Block 2 · Template Creation')).toHaveTextContent('57:00');
    expect(Object.values(getState().timers).filter((timer) => timer.runningSince !== null)).toHaveLength(1);
  });

  it('reset brings back the start button and forgets the timer', () => {
    renderDay1();
    click(screen.getByRole('button', {name: /^Start .+, Block 2 /}));
    click(screen.getByRole('button', {name: 'Reset, Block 2 · Template Creation'}));
    expect(screen.getByRole('button', {name: /^Start .+, Block 2 /})).toBeInTheDocument();
    expect(getState().timers).toEqual({});
  });

  it('picks up a timer that was running before a reload', () => {
    const started = Date.now();
    window.localStorage.setItem(
      STORAGE_KEY,
      JSON.stringify({
        version: 1,
        timers: {
          'weeks/week-09/go#d1-b2': {
            planId: 'weeks/week-09/go',
            itemId: 'd1-b2',
            label: 'Block 2 · Template Creation',
            durationMs: 60 * MINUTE,
            maxMs: 60 * MINUTE,
            elapsedMs: 0,
            runningSince: started,
            finishedAt: null,
            next: null,
          },
        },
      }),
    );
    vi.setSystemTime(started + 10 * MINUTE);
    renderDay1();
    expect(readout('Block 2 · Template Creation')).toHaveTextContent('50:00');
  });
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
