import {useEffect} from 'react';
import {getState, updateState} from '@site/src/store';
import {dayOfHash} from '@site/plugins/plan-model/ids';

/**
 * Remembers the plan page being read, for "continue where you left off": the day comes from
 * the address (`#day-3`, `#day-3-evening`), else the day remembered for this plan, else day 1.
 * `null` records nothing.
 */
export function useRecordVisit(planId: string | null): void {
  useEffect(() => {
    if (planId === null) return undefined;
    const record = () => {
      const fromHash = dayOfHash(window.location.hash);
      const last = getState().lastVisit;
      const day = fromHash ?? (last?.planId === planId ? last.day : 1);
      if (last?.planId === planId && last.day === day) return;
      updateState((state) => ({...state, lastVisit: {planId, day, at: Date.now()}}));
    };
    record();
    window.addEventListener('hashchange', record);
    return () => window.removeEventListener('hashchange', record);
  }, [planId]);
}
