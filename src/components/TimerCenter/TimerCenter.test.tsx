import {act, render, screen, within} from '@testing-library/react';
import PlanItem from '@site/src/components/PlanItem';
import TimerCenter from '@site/src/components/TimerCenter';
import {getState, resetStoreForTests, updateState} from '@site/src/store';
import {Week09} from '@site/tests/unit/support/planPage';
import {MINUTE, advance, click, readout} from '@site/tests/unit/support/timers';
import {expectLabelInName, shows} from '@site/tests/unit/support/labelInName';

// Plan pages show progress totals from the plan-data plugin's global data.
vi.mock('@generated/globalData', () => import('@site/tests/unit/support/planData'));

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
