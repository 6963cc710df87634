/**
 * Every write of the store is a versioned write: what a change did to the versioned kinds (./recordKinds.ts) gets a
 * new version here, in one place, so no component or store function has to remember to stamp what it changes.
 */
import {copyMap} from './keys';
import {VERSIONED_KINDS} from './recordKinds';
import type {StoredState} from './schema';
import {newDeviceId, nextStampTime, vvJoin, type NoteVersion, type Stamp, type SyncState} from './versions';

/**
 * Gives every versioned record `change` wrote (set, changed or removed) a new version of this device: a stamp above
 * every stamp seen here, or for a note a version vector above all its versions here, so the edit replaces what it
 * saw. A record whose version the change set itself (a merge, a record moving with its item) is left as it is.
 */
export function stampWrite(prev: StoredState, next: StoredState, now: number, random?: () => number): StoredState {
  if (prev === next) return next;
  let sync: SyncState | null = null;
  const writable = (): SyncState => {
    if (!sync) {
      sync = {...next.sync, stamps: copyMap(next.sync.stamps), notes: copyMap(next.sync.notes)};
      if (!sync.device) sync.device = newDeviceId(random);
    }
    return sync;
  };
  for (const kind of VERSIONED_KINDS) {
    if (prev[kind.field] === next[kind.field]) continue;
    const before = kind.entries(prev);
    const after = kind.entries(next);
    for (const key of new Set([...before.keys(), ...after.keys()])) {
      const old = before.get(key);
      const value = after.get(key);
      if (old !== undefined && value !== undefined && kind.same(old, value)) continue;
      if (old === undefined && value === undefined) continue;
      if (kind.register === 'lww') {
        if (prev.sync.stamps[key] !== next.sync.stamps[key]) continue;
        const target = writable();
        const stamp: Stamp = {at: nextStampTime(target, now), dev: target.device};
        target.stamps[key] = stamp;
        target.clock = stamp.at;
      } else {
        if (prev.sync.notes[key] !== next.sync.notes[key]) continue;
        const target = writable();
        const seen: readonly NoteVersion[] = target.notes[key] ?? [];
        const vv = vvJoin(seen.map((version) => version.vv));
        vv[target.device] = (vv[target.device] ?? 0) + 1;
        target.notes[key] = [{vv, text: (value as string | undefined) ?? ''}];
      }
    }
  }
  return sync ? {...next, sync} : next;
}
