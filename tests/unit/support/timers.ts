import {act, fireEvent, screen, within} from '@testing-library/react';

export const MINUTE = 60_000;

/** Moves Vitest's fake clock, letting React apply what the timers did. */
export function advance(ms: number): void {
  act(() => {
    vi.advanceTimersByTime(ms);
  });
}

/** The timer controls of one block, found the way a screen reader user would: by the group's name. */
export const timerOf = (label: string) => within(screen.getByRole('group', {name: `Timer: ${label}`}));
export const readout = (label: string) => timerOf(label).getByText(/^\d+:\d\d|Time's up/);

/**
 * A synchronous click: Testing Library's async wrapper waits on a zero timeout that only
 * advances under Jest's fake timers, so user-event would hang under Vitest's.
 */
export const click = (element: HTMLElement) => fireEvent.click(element);
