import {useSyncExternalStore} from 'react';
import {DEFAULT_STATE, STORAGE_KEY, decodeState, isFromNewerVersion, type StoredState} from './schema';

export type {StoredState, TimerRecord, TimerNext, LastVisit} from './schema';
export {DEFAULT_STATE, STORAGE_KEY} from './schema';

type Listener = () => void;
const listeners = new Set<Listener>();
let cache: {raw: string | null; state: StoredState} | null = null;
/** What we hold when storage is absent or refuses writes: the page keeps working for this visit. */
let memoryState: StoredState | null = null;

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    // Access itself throws in some privacy modes.
    return null;
  }
}

function readRaw(): string | null {
  try {
    return storage()?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

/** The current state; the same object until something changes (as useSyncExternalStore requires). */
export function getState(): StoredState {
  if (memoryState) return memoryState;
  const raw = readRaw();
  if (!cache || cache.raw !== raw) cache = {raw, state: decodeState(raw)};
  return cache.state;
}

/** Why the last write did not reach storage, if it did not. */
export type WriteOutcome = 'saved' | 'memory-only' | 'newer-version';

/**
 * Applies a change and notifies every subscriber in this tab (other tabs hear the
 * `storage` event). A full or missing storage keeps the change in memory for this visit.
 */
export function updateState(change: (state: StoredState) => StoredState): WriteOutcome {
  const next = change(getState());
  const raw = JSON.stringify(next);
  let outcome: WriteOutcome = 'saved';
  const store = storage();
  if (isFromNewerVersion(readRaw())) {
    // A newer version of the site wrote this; overwriting would lose data it understands.
    memoryState = next;
    outcome = 'newer-version';
  } else {
    try {
      if (!store) throw new Error('no storage');
      store.setItem(STORAGE_KEY, raw);
      memoryState = null;
      cache = {raw, state: next};
    } catch {
      memoryState = next;
      outcome = 'memory-only';
    }
  }
  listeners.forEach((listener) => listener());
  return outcome;
}

export function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === STORAGE_KEY || event.key === null) {
      memoryState = null;
      listener();
    }
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

const serverSnapshot = (): StoredState => DEFAULT_STATE;

/**
 * Reads a slice of the stored state. The server render and the hydrating render both
 * see the defaults, so hydration never mismatches; stored values apply right after.
 * The selector must return a value that stays identical while its slice is unchanged.
 */
export function useStoredState<T>(select: (state: StoredState) => T): T {
  return useSyncExternalStore(
    subscribe,
    () => select(getState()),
    () => select(serverSnapshot()),
  );
}

/** Forgets in-memory state; tests use it between cases. */
export function resetStoreForTests(): void {
  cache = null;
  memoryState = null;
  listeners.clear();
}
