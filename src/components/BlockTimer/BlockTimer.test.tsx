import {act, render, screen} from '@testing-library/react';
import PlanItem from '@site/src/components/PlanItem';
import {loadRunningTimer} from '@site/src/components/BlockTimer';
import {STORAGE_KEY, getState, updateState} from '@site/src/store';
import {Week09} from '@site/tests/unit/support/planPage';
import {MINUTE, advance, click, readout, timerOf} from '@site/tests/unit/support/timers';
import {expectLabelInName, shows} from '@site/tests/unit/support/labelInName';

// Plan pages show progress totals from the plan-data plugin's global data.

function renderDay1() {
  return render(
    <Week09>
      <PlanItem itemId="d1-b1">Block 1 (Concepts – 60–75 min)</PlanItem>
      <PlanItem itemId="d1-b2">Block 2 (Template Creation – 60 min)</PlanItem>
      <PlanItem itemId="d1-a1">Practice (60 min)</PlanItem>
    </Week09>,
  );
}

// The running controls load once a block has a timer (see BlockTimer); these synchronous tests load them first.
beforeAll(() => loadRunningTimer());

beforeEach(() => {
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

  it('names every button by the words it shows, then the block it acts on (Label in Name)', () => {
    const {container} = renderDay1();
    const start = screen.getAllByRole('button', {name: shows('Start 1 h')})[0]!;
    expect(start).toHaveAccessibleName('Start 1 h, Block 1 · Concepts (60–75 min)');
    // Until it is used, a block's timer is its Start button alone; then its controls are a group named after the block.
    expect(screen.queryByRole('group', {name: 'Timer: Block 1 · Concepts'})).toBeNull();
    click(start);
    const block1 = timerOf('Block 1 · Concepts');
    expect(block1.getByRole('button', {name: shows('Pause')})).toHaveAccessibleName('Pause, Block 1 · Concepts');
    expect(block1.getByRole('button', {name: shows('+15 min')})).toHaveAccessibleName('+15 min, Block 1 · Concepts, to 75 min in all');
    expect(block1.getByRole('button', {name: shows('Reset')})).toHaveAccessibleName('Reset, Block 1 · Concepts');
    click(block1.getByRole('button', {name: shows('Pause')}));
    expect(block1.getByRole('button', {name: shows('Resume')})).toHaveAccessibleName('Resume, Block 1 · Concepts');
    expectLabelInName(container);
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

  it('stores ids and the countdown only: no label, and the later timed items of the day by id (6-hour plan)', () => {
    updateState((state) => ({...state, variant: '6h'}));
    renderDay1();
    click(screen.getByRole('button', {name: /^Start .+, Block 1 /}));
    expect(getState().timers['weeks/week-09/go#d1-b1']).toEqual({
      planId: 'weeks/week-09/go',
      itemId: 'd1-b1',
      durationMs: 60 * MINUTE,
      maxMs: 75 * MINUTE,
      elapsedMs: 0,
      runningSince: Date.now(),
      finishedAt: null,
      next: ['d1-b2', 'd1-b3', 'd1-b4', 'd1-a1'],
    });
    // The timers keep no copy of a label (the plan is read for it); only the item's stamp names what it was made on.
    expect(JSON.stringify(JSON.parse(window.localStorage.getItem(STORAGE_KEY)!).timers)).not.toContain('Concepts');
  });

  it('follows the plan chosen when Start is pressed, also when it was switched after the page showed', () => {
    renderDay1();
    act(() => updateState((state) => ({...state, variant: '6h'})));
    click(screen.getByRole('button', {name: /^Start .+, Block 1 /}));
    expect(getState().timers['weeks/week-09/go#d1-b1']!.next).toEqual(['d1-b2', 'd1-b3', 'd1-b4', 'd1-a1']);
  });

  it('in the 4-hour plan, what follows stops after the blocks', () => {
    renderDay1();
    click(screen.getByRole('button', {name: /^Start .+, Block 1 /}));
    expect(getState().timers['weeks/week-09/go#d1-b1']!.next).toEqual(['d1-b2', 'd1-b3', 'd1-b4']);
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
