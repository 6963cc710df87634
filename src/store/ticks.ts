/**
 * Ticking, resetting and counting ticks, with no browser APIs: what plan pages need on every visit. Export and import
 * of ticks are in ./progress, which loads when a reader uses them.
 */
import {copyMap, isItemIdKey, isPlanIdKey} from './keys';
import type {StoredState} from './schema';

/** planId → itemId → when it was ticked (ms since the epoch). */
export type Progress = StoredState['progress'];

/**
 * Ticks or unticks one item; unticking the last item of a plan drops the plan's entry.
 * Ids that cannot be plan or item ids change nothing.
 */
export function setTick(progress: Progress, planId: string, itemId: string, ticked: boolean, at: number): Progress {
  if (!isPlanIdKey(planId) || !isItemIdKey(itemId)) return progress;
  const planTicks = copyMap(Object.hasOwn(progress, planId) ? progress[planId] : undefined);
  const has = Object.hasOwn(planTicks, itemId);
  if (ticked === has) return progress;
  if (ticked) planTicks[itemId] = at;
  else delete planTicks[itemId];
  return withPlan(progress, planId, planTicks);
}

/** Removes the ticks of the given items of one plan (or all of the plan's ticks when `itemIds` is omitted). */
export function clearTicks(progress: Progress, planId: string, itemIds?: readonly string[]): Progress {
  if (!Object.hasOwn(progress, planId)) return progress;
  if (!itemIds) return withPlan(progress, planId, copyMap<number>(undefined));
  const rest = copyMap(progress[planId]);
  for (const itemId of itemIds) delete rest[itemId];
  return withPlan(progress, planId, rest);
}

function withPlan(progress: Progress, planId: string, ticks: Record<string, number>): Progress {
  const next = copyMap(progress);
  if (Object.keys(ticks).length > 0) next[planId] = ticks;
  else delete next[planId];
  return next;
}

/** How many of `itemIds` are ticked in a plan. */
export function countTicked(progress: Progress, planId: string, itemIds: readonly string[]): number {
  if (!Object.hasOwn(progress, planId)) return 0;
  const planTicks = progress[planId]!;
  return itemIds.reduce((count, itemId) => count + (Object.hasOwn(planTicks, itemId) ? 1 : 0), 0);
}
