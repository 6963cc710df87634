import {act, render, screen} from '@testing-library/react';
import PwaReloadPopup from '@site/src/theme/PwaReloadPopup';
import {updateState} from '@site/src/store';
import {timerKey} from '@site/src/store/timers';
import type {TimerRecord} from '@site/src/store/schema';

const timer = (runningSince: number | null): TimerRecord => ({
  planId: 'weeks/week-10/go',
  itemId: 'd1-b1',
  durationMs: 60_000,
  maxMs: 60_000,
  elapsedMs: 0,
  runningSince,
  finishedAt: null,
  next: [],
});

const setTimer = (record: TimerRecord) => act(() => void updateState((state) => ({...state, timers: {[timerKey(record.planId, record.itemId)]: record}})));

describe('the update prompt (PwaReloadPopup)', () => {
  it('offers a reload and reloads only when the reader presses it', () => {
    const onReload = vi.fn();
    render(<PwaReloadPopup onReload={onReload} />);
    expect(screen.getByRole('status', {name: 'Site update'})).toHaveTextContent('Update available');
    expect(onReload).not.toHaveBeenCalled();
    act(() => screen.getByRole('button', {name: 'Reload'}).click());
    expect(onReload).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('status', {name: 'Site update'})).toBeNull();
  });

  it('Reload also asks the waiting worker itself to take over, for an update the plugin tracks as "external"', async () => {
    const postMessage = vi.fn();
    Object.defineProperty(navigator, 'serviceWorker', {configurable: true, value: {getRegistration: () => Promise.resolve({waiting: {postMessage}})}});
    try {
      render(<PwaReloadPopup onReload={() => {}} />);
      act(() => screen.getByRole('button', {name: 'Reload'}).click());
      await vi.waitFor(() => expect(postMessage).toHaveBeenCalledWith({type: 'SKIP_WAITING'}));
    } finally {
      Reflect.deleteProperty(navigator, 'serviceWorker');
    }
  });

  it('waits while a timer runs, and shows once it is paused', () => {
    setTimer(timer(Date.now()));
    render(<PwaReloadPopup onReload={() => {}} />);
    expect(screen.queryByRole('button', {name: 'Reload'})).toBeNull();
    setTimer(timer(null));
    expect(screen.getByRole('button', {name: 'Reload'})).toBeVisible();
  });

  it('"Later" hides it without reloading', () => {
    const onReload = vi.fn();
    render(<PwaReloadPopup onReload={onReload} />);
    act(() => screen.getByRole('button', {name: 'Later'}).click());
    expect(screen.queryByRole('button', {name: 'Reload'})).toBeNull();
    expect(onReload).not.toHaveBeenCalled();
  });
});
