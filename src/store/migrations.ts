/**
 * Upgrades from older schema versions of the one store; each step takes version N to N+1 and never drops a tick,
 * note or choice. `readStored` (schema.ts) runs them in order, then decodes the result as the current version.
 */
import {MAX_NEXT, isRecord} from './keys';
import {decodeDetached, withContentKeys} from './stamps';

/** Upgrades from older schema versions; each step takes version N to N+1. Never drops ticks. */
export const MIGRATIONS: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {
  // 1 → 2: nothing was followed and no timer run recorded yet; every version-1 field is kept as it was.
  1: (old) => ({follows: [], timerRuns: [], ...old, version: 2}),
  // 2 → 3: the screen stays awake while a timer runs unless turned off; no backup is known yet.
  2: (old) => ({keepAwake: true, lastBackupAt: null, ...old, version: 3}),
  // 3 → 4: notes and review marks arrive; everything version 3 stored is carried over as it was.
  3: (old) => ({dayNotes: {}, itemNotes: {}, review: {}, ...old, version: 4}),
  // 4 → 5: timers keep ids only; the copied labels go (the plan has them), each `next` chain becomes its item ids.
  4: (old) => ({...old, timers: isRecord(old.timers) ? mapValues(old.timers, timerWithIdsOnly) : old.timers, version: 5}),
  // 5 → 6: records gain stamps of the item they were made on. They were made on the plans as deployed now, and plan
  // models load after the store, so each plan's records are stamped when its model first loads (`reconcilePlan`).
  5: (old) => ({stamps: {}, detached: [], ...old, version: 6}),
  // 6 → 7: records gain versions (./versions.ts). Existing ones get none, which counts as concurrent with any other
  // device's version (never "now"): the device that migrated later must not win the first merge.
  6: (old) => ({sync: {}, ...old, version: 7}),
  // 7 → 8: set-aside records carry versions, so deleting one travels as a tombstone that names its key. Records set
  // aside before content keys were keyed by the moment; they take their content's key, as every device computes it.
  // Records that land on one key hold the same things: the one set aside first stays. What cannot be read is left as
  // it was, for the decoder to count.
  7: (old) => ({...old, detached: Array.isArray(old.detached) ? rekeyDetached(old.detached) : old.detached, version: 8}),
};

function rekeyDetached(entries: readonly unknown[]): unknown[] {
  const unreadable = entries.filter((entry) => decodeDetached([entry]).detached.length === 0);
  const readable = entries.flatMap((entry) => decodeDetached([entry]).detached);
  return [...withContentKeys(readable), ...unreadable];
}

const mapValues = (value: Record<string, unknown>, change: (entry: unknown) => unknown): Record<string, unknown> =>
  Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, change(entry)]));

/** A version-4 timer without its label copies: times, running state and the ids of what follows are kept. */
function timerWithIdsOnly(timer: unknown): unknown {
  if (!isRecord(timer)) return timer;
  const {label: _label, next, ...rest} = timer;
  const ids: unknown[] = [];
  // A day has a handful of items; the depth cap guards against a hand-edited cycle-like chain.
  for (let link = next; isRecord(link) && ids.length < MAX_NEXT; link = link.next) ids.push(link.itemId);
  return {...rest, next: ids};
}
