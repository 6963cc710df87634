import {useCallback} from 'react';
import {getState, updateState, useStoredState, askToPersist, countTicked, setTick} from '@site/src/store';

/** Whether one item is ticked (false during the server render and hydration). */
export function useTicked(planId: string, itemId: string): boolean {
  return useStoredState((state) => state.progress[planId]?.[itemId] !== undefined);
}

/** How many of `itemIds` are ticked; a number, so the store hook re-renders only when it changes. */
export function useTickedCount(planId: string, itemIds: readonly string[]): number {
  return useStoredState((state) => countTicked(state.progress, planId, itemIds));
}

/** Ticks or unticks an item and remembers the plan and day, for "continue where you left off". */
export function useSetTick(planId: string): (itemId: string, day: number, ticked: boolean) => void {
  return useCallback(
    (itemId: string, day: number, ticked: boolean) => {
      const now = Date.now();
      if (ticked && Object.keys(getState().progress).length === 0) void askToPersist();
      updateState((state) => ({
        ...state,
        progress: setTick(state.progress, planId, itemId, ticked, now),
        lastVisit: {planId, day, at: now},
      }));
    },
    [planId],
  );
}
