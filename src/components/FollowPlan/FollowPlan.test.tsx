import {render, screen} from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import FollowPlan, {loadFollowControls} from '@site/src/components/FollowPlan';
import {getState, updateState} from '@site/src/store';
import {MAX_FOLLOWS} from '@site/src/store/schema';
import {publishPlanData as publish, seedSources} from '@site/tests/unit/support/planData';
import {expectLabelInName} from '@site/tests/unit/support/labelInName';

// The controls and the dialog's code load on demand; importing them here keeps a slow first import from racing the test's waits.
beforeAll(async () => {
  await Promise.all([import('./FollowDialog'), loadFollowControls()]);
});

const WEEK = 'weeks/week-10/go';

beforeEach(() => {
  publish(seedSources);
  vi.useFakeTimers({toFake: ['Date']});
  vi.setSystemTime(new Date('2026-03-04T11:00:00Z'));
});

afterEach(() => {
  vi.useRealTimers();
});

describe('FollowPlan', () => {
  it('opens from the keyboard and follows the plan from the chosen date, 4h/6h and weekdays', async () => {
    const user = userEvent.setup();
    render(<FollowPlan planId={WEEK} />);
    await user.tab();
    expect(screen.getByRole('button', {name: 'Follow this plan'})).toHaveFocus();
    await user.keyboard('{Enter}');
    // The form loads on open.
    const dialog = await screen.findByRole('dialog', {name: /^Follow Week 10/});
    expectLabelInName(dialog);
    // The date field has focus and holds the reader's today.
    expect(screen.getByLabelText('Start date (Day 1)')).toHaveFocus();
    expect(screen.getByLabelText('Start date (Day 1)')).toHaveValue('2026-03-04');
    await user.click(screen.getByRole('checkbox', {name: 'Sunday'}));
    await user.click(screen.getByRole('radio', {name: /^6 hours/}));
    await user.click(screen.getByRole('button', {name: 'Follow'}));
    expect(getState().follows).toEqual([
      expect.objectContaining({planIds: [WEEK], start: '2026-03-04', variant: '6h', weekdays: [1, 2, 3, 4, 5, 6], shifts: []}),
    ]);
    expect(screen.getByText('You follow this plan from Wed, 4 Mar 2026.')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Following from Wed, 4 Mar 2026.');
  });

  it('follows the guide from this week: that track’s weekly plans from here on', async () => {
    const user = userEvent.setup();
    render(<FollowPlan planId={WEEK} />);
    await user.click(screen.getByRole('button', {name: 'Follow this plan'}));
    await user.click(await screen.findByRole('radio', {name: /^The 16-week guide from this week/}));
    await user.click(screen.getByRole('button', {name: 'Follow'}));
    const planIds = getState().follows[0]!.planIds;
    expect(planIds[0]).toBe(WEEK);
    expect(planIds.every((id) => /^weeks\/week-\d\d\/go$/.test(id) && id >= WEEK)).toBe(true);
  });

  it('refuses a follow without weekdays, saying why', async () => {
    const user = userEvent.setup();
    render(<FollowPlan planId={WEEK} />);
    await user.click(screen.getByRole('button', {name: 'Follow this plan'}));
    await screen.findByRole('dialog');
    for (const name of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']) await user.click(screen.getByRole('checkbox', {name}));
    await user.click(screen.getByRole('button', {name: 'Follow'}));
    expect(screen.getByRole('alert')).toHaveTextContent('Choose at least one weekday to study on.');
    expect(getState().follows).toEqual([]);
  });

  it('refuses a follow beyond the most the site keeps, saying why, and keeps every follow there is', async () => {
    const user = userEvent.setup();
    const others = Array.from({length: MAX_FOLLOWS}, (_, index) => ({
      id: `f-${index}`,
      planIds: ['intensive/senior-go-14-days'],
      start: '2026-01-01',
      variant: null,
      weekdays: [1, 2, 3, 4, 5],
      shifts: [],
      skipBefore: 0,
      catchUpBefore: 0,
    }));
    updateState((state) => ({...state, follows: others}));
    render(<FollowPlan planId={WEEK} />);
    await user.click(screen.getByRole('button', {name: 'Follow this plan'}));
    await screen.findByRole('dialog');
    await user.click(screen.getByRole('button', {name: 'Follow'}));
    expect(screen.getByRole('alert')).toHaveTextContent(
      `You follow ${MAX_FOLLOWS} plans already, the most this site keeps. Stop following one (on Today or on its plan page) to follow this one.`,
    );
    // The dialog stays open with the reader's choices; nothing was added, and nothing taken away.
    expect(screen.getByRole('dialog')).toBeInTheDocument();
    expect(screen.queryByText(/^You follow this plan from/)).toBeNull();
    expect(getState().follows).toEqual(others);
  });

  it('stop following removes the follow and keeps every tick', async () => {
    const user = userEvent.setup();
    updateState((state) => ({
      ...state,
      progress: {[WEEK]: {'d1-b1': 1}},
      follows: [{id: 'f-1', planIds: [WEEK], start: '2026-03-02', variant: null, weekdays: [1], shifts: [], skipBefore: 0, catchUpBefore: 0}],
    }));
    render(<FollowPlan planId={WEEK} />);
    await user.click(screen.getByRole('button', {name: 'Stop following'}));
    expect(getState().follows).toEqual([]);
    expect(getState().progress).toEqual({[WEEK]: {'d1-b1': 1}});
    expect(screen.getByRole('status')).toHaveTextContent('Stopped following. Your ticks are kept.');
  });
});
