import {render, screen} from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import PlanItem from '@site/src/components/PlanItem';
import {loadRunningTimer} from '@site/src/components/BlockTimer';
import {Week09} from '@site/tests/unit/support/planPage';

// The running controls load once a block has a timer (see BlockTimer); these synchronous tests load them first.
beforeAll(() => loadRunningTimer());

describe('BlockTimer from the keyboard', () => {
  it('keeps focus on the timer as Start becomes Pause, Pause becomes Resume, and Reset brings back Start', async () => {
    const user = userEvent.setup();
    render(
      <Week09>
        <PlanItem itemId="d1-b1">Block 1 (Concepts – 60–75 min)</PlanItem>
      </Week09>,
    );
    // Tab until the start button is reached (the item's tick box may come first).
    const startButton = screen.getByRole('button', {name: /^Start .+, Block 1 /});
    for (let presses = 0; presses < 5 && document.activeElement !== startButton; presses++) await user.tab();
    expect(startButton).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('button', {name: 'Pause, Block 1 · Concepts'})).toHaveFocus();
    await user.keyboard(' ');
    expect(screen.getByRole('button', {name: 'Resume, Block 1 · Concepts'})).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('button', {name: 'Pause, Block 1 · Concepts'})).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', {name: /^\+\d+ min, Block 1 /})).toHaveFocus();
    await user.keyboard('{Enter}');
    // The extend button is gone once used; focus returns to the timer's main control.
    expect(screen.getByRole('button', {name: 'Pause, Block 1 · Concepts'})).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', {name: 'Reset, Block 1 · Concepts'})).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('button', {name: /^Start .+, Block 1 /})).toHaveFocus();
  });
});
