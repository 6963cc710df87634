import {useCallback} from 'react';
import {updateState, useStoredState, type FollowedPlan, MAX_FOLLOWS} from '@site/src/store';
import {newFollowId} from '@site/src/schedule/followId';

/** The plans the reader follows (none during the server render and hydration). */
export function useFollows(): FollowedPlan[] {
  return useStoredState((state) => state.follows);
}

/**
 * Adds, changes and removes followed plans; removing one never touches its ticks. `follow` returns false, adding
 * nothing, when `MAX_FOLLOWS` plans are followed already, so the form can say why.
 */
export function useFollowActions(): {
  follow: (plan: Omit<FollowedPlan, 'id'>) => boolean;
  change: (plan: FollowedPlan) => void;
  stop: (id: string) => void;
} {
  const follow = useCallback((plan: Omit<FollowedPlan, 'id'>) => {
    let added = false;
    updateState((state) => {
      if (state.follows.length >= MAX_FOLLOWS) return state;
      added = true;
      return {...state, follows: [...state.follows, {id: newFollowId(Date.now(), state.follows), ...plan}]};
    });
    return added;
  }, []);
  const change = useCallback((plan: FollowedPlan) => {
    updateState((state) => ({...state, follows: state.follows.map((other) => (other.id === plan.id ? plan : other))}));
  }, []);
  const stop = useCallback((id: string) => {
    updateState((state) => ({...state, follows: state.follows.filter((other) => other.id !== id)}));
  }, []);
  return {follow, change, stop};
}
