import {use, useSyncExternalStore} from 'react';
// The context behind Docusaurus's `useIsBrowser`: false on the server and while the browser hydrates the page.
import {Context as BrowserContext} from '@docusaurus/core/lib/client/browserContext';
import {DEFAULT_STATE, STORAGE_KEY, isFromNewerVersion, losesData, readStored, type DecodeReport, type StoredState} from './schema';
import {stampWrite} from './stampWrite';

export type {StoredState, TimerRecord, LastVisit, DecodeReport} from './schema';
export {DEFAULT_STATE, STORAGE_KEY} from './schema';

type Listener = () => void;
const listeners = new Set<Listener>();
/**
 * The stored text last read or written, decoded once: every write checks it (a newer version's data is never
 * overwritten), and a learner's months of records made each tap parse all of them again.
 */
let cache: {raw: string | null; state: StoredState; report: DecodeReport; fromNewerVersion: boolean} | null = null;
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

function readCached(raw: string | null): NonNullable<typeof cache> {
  if (!cache || cache.raw !== raw) {
    const {state, report} = readStored(raw);
    // Text with none of our fields reads as foreign, yet a newer version may have written it: only then parse again.
    const fromNewerVersion = report.condition === 'newer-version' || (report.condition === 'foreign' && isFromNewerVersion(raw));
    cache = {raw, state, report, fromNewerVersion};
  }
  return cache;
}

/** The current state; the same object until something changes (as useSyncExternalStore requires). */
export function getState(): StoredState {
  if (memoryState) return memoryState;
  return readCached(readRaw()).state;
}

/** Why the last write did not reach storage, if it did not. */
export type WriteOutcome = 'saved' | 'memory-only' | 'newer-version';

/** Why a write stayed in memory: the reader is told, since it is gone when the tab closes. */
export type WriteProblem = 'storage-full' | 'storage-blocked' | 'newer-version';

/** Stored text this version could not fully read, and where a copy of it was kept. */
export interface DamagedData {
  /** The text as it was found, for the reader to download. */
  raw: string;
  /** The localStorage key holding the copy; null when storage refused the copy too. */
  backupKey: string | null;
  report: DecodeReport;
}

/** What the reader needs to know about saving: the last write's problem, a recovery, damaged data found. */
export interface PersistenceStatus {
  /** Why the last write stayed in memory; null when it was saved. */
  problem: WriteProblem | null;
  /** Set when a write was saved after writes had failed for this reason. */
  savedAgainAfter: WriteProblem | null;
  damaged: DamagedData | null;
}

/** Nothing to report: also what the server and the hydrating render show. */
export const NO_PERSISTENCE_PROBLEM: PersistenceStatus = Object.freeze({problem: null, savedAgainAfter: null, damaged: null});

let persistence: PersistenceStatus = NO_PERSISTENCE_PROBLEM;
const statusListeners = new Set<Listener>();

function setPersistence(next: PersistenceStatus): void {
  persistence = next;
  statusListeners.forEach((listener) => listener());
}

function recordWrite(problem: WriteProblem | null): void {
  if (problem && persistence.problem !== problem) setPersistence({...persistence, problem, savedAgainAfter: null});
  if (!problem && persistence.problem) setPersistence({...persistence, problem: null, savedAgainAfter: persistence.problem});
}

/** The persistence status; the same object until it changes. */
export function getPersistenceStatus(): PersistenceStatus {
  return persistence;
}

/** Calls `listener` whenever the persistence status changes. */
export function subscribePersistence(listener: Listener): () => void {
  statusListeners.add(listener);
  return () => {
    statusListeners.delete(listener);
  };
}

function problemOf(error: unknown): WriteProblem {
  const full =
    error instanceof DOMException &&
    // Firefox names it differently; very old engines only set the legacy code.
    (error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED' || error.code === 22 || error.code === 1014);
  return full ? 'storage-full' : 'storage-blocked';
}

/** Prefix of the keys holding copies of stored text that could not be fully read. */
export const BACKUP_KEY_PREFIX = `${STORAGE_KEY}:backup:`;

/** The key already holding a copy of exactly `raw`, if any, so the same text is copied only once. */
function existingBackup(store: Storage, raw: string): string | null {
  for (let index = 0; index < store.length; index++) {
    const key = store.key(index);
    if (key?.startsWith(BACKUP_KEY_PREFIX) && store.getItem(key) === raw) return key;
  }
  return null;
}

/**
 * Before anything is written over stored text this version cannot fully read, a copy of it is
 * kept under a backup key and the reader is told. Returns why the copy failed, if it did:
 * then the text must not be overwritten either.
 */
function keepDamaged(store: Storage, raw: string | null): WriteProblem | null {
  if (raw === null) return null;
  const {report, fromNewerVersion} = readCached(raw);
  if (!losesData(report) || fromNewerVersion) return null;
  if (persistence.damaged?.raw === raw && persistence.damaged.backupKey) return null;
  let backupKey: string | null = null;
  let problem: WriteProblem | null = null;
  try {
    backupKey = existingBackup(store, raw);
    if (!backupKey) {
      backupKey = `${BACKUP_KEY_PREFIX}${new Date().toISOString()}`;
      store.setItem(backupKey, raw);
    }
  } catch (error) {
    backupKey = null;
    problem = problemOf(error);
  }
  if (persistence.damaged?.raw !== raw || persistence.damaged.backupKey !== backupKey) setPersistence({...persistence, damaged: {raw, backupKey, report}});
  return problem;
}

/**
 * Checks the stored text once the page is interactive: text this version cannot fully read is
 * copied to a backup key at once, and the reader is told, before any write could replace it.
 */
export function inspectStoredData(): void {
  const store = storage();
  if (store) keepDamaged(store, readRaw());
}

/** How a change relates to the records' versions (./stampWrite.ts). */
export interface UpdateOptions {
  /**
   * `edit` (the default): what the change wrote gets a new version of this device. `keeps-versions`: the change brought
   * its own versions: a merge (versions from another device) or records moving with their items after a plan edit
   * (every device that sees the same edit makes the same move, so it is not an edit).
   */
  versions?: 'edit' | 'keeps-versions';
}

type WriteReconciler = (state: StoredState) => StoredState;
const reconcilers = new Set<WriteReconciler>();

/**
 * Registers a change every write of this tab applies before it is stored: the records of the plans a page shows kept
 * in line with those plans (src/hooks/useReconcile.ts). A reconciler returns its argument when it has nothing to do
 * and gives nothing a new version (every device that sees the same plans makes the same move). It is why a tick on an
 * item is stored with its item's stamp in one write, instead of a second write right after it. Returns the
 * unregistration.
 */
export function reconcileEachWrite(reconciler: WriteReconciler): () => void {
  reconcilers.add(reconciler);
  return () => {
    reconcilers.delete(reconciler);
  };
}

/**
 * Applies a change and notifies every subscriber in this tab (other tabs hear the
 * `storage` event). A full or missing storage keeps the change in memory for this visit,
 * and the persistence status says why.
 */
export function updateState(change: (state: StoredState) => StoredState, options: UpdateOptions = {}): WriteOutcome {
  const prev = getState();
  const changed = change(prev);
  let next = options.versions === 'keeps-versions' ? changed : stampWrite(prev, changed, Date.now());
  for (const reconcile of reconcilers) next = reconcile(next);
  const raw = JSON.stringify(next);
  const store = storage();
  const current = readRaw();
  let problem: WriteProblem | null = null;
  if (readCached(current).fromNewerVersion) {
    // A newer version of the site wrote this; overwriting would lose data it understands.
    problem = 'newer-version';
  } else if (!store) {
    problem = 'storage-blocked';
  } else {
    problem = keepDamaged(store, current);
    if (!problem) {
      try {
        store.setItem(STORAGE_KEY, raw);
      } catch (error) {
        problem = problemOf(error);
      }
    }
  }
  if (problem) {
    memoryState = next;
  } else {
    memoryState = null;
    cache = {raw, state: next, report: {condition: 'ok', droppedTicks: 0, droppedTimers: 0, recoveredTicks: 0}, fromNewerVersion: false};
  }
  recordWrite(problem);
  listeners.forEach((listener) => listener());
  if (problem === null) return 'saved';
  return problem === 'newer-version' ? 'newer-version' : 'memory-only';
}

/** Calls `listener` on every change of the state, in this tab or another. */
export function subscribe(listener: Listener): () => void {
  pageHydrated = true;
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

/**
 * Whether the page has hydrated: true from the first subscription on, as a component subscribes once its first render
 * is on screen, and the page's first render is its hydration.
 */
let pageHydrated = false;

/**
 * Reads a slice of the stored state. The server render and the hydrating render both
 * see the defaults, so hydration never mismatches; stored values apply right after.
 * The selector must return a value that stays identical while its slice is unchanged.
 *
 * Right after: in the render where Docusaurus's browser context turns true, which React runs in slices with the page's
 * other first updates. Left to `useSyncExternalStore` alone (the defaults as its server snapshot), every component whose
 * stored value differs would be rendered again synchronously once hydrated, taking the page's other first updates with
 * it: one long task of the whole page on every load of a learner with records.
 */
export function useStoredState<T>(select: (state: StoredState) => T): T {
  // Once the page has hydrated the context is not read at all (`use` may be skipped): a day hydrating later, as a root
  // of its own (src/components/HydrateWhenNear), turns the context true as it finishes, and every store reader in it
  // would render again for that. A root made outside Docusaurus's tree (the site-update prompt's) reads what is stored.
  const hydrated = pageHydrated || use(BrowserContext);
  return useSyncExternalStore(
    subscribe,
    () => select(hydrated ? getState() : DEFAULT_STATE),
    () => select(DEFAULT_STATE),
  );
}

/** Forgets in-memory state and status; tests use it between cases. */
export function resetStoreForTests(): void {
  cache = null;
  memoryState = null;
  listeners.clear();
  reconcilers.clear();
  persistence = NO_PERSISTENCE_PROBLEM;
  statusListeners.clear();
  pageHydrated = false;
}

/**
 * Everything that travels between devices as one JSON-serialisable document with its format number (the export file's
 * content; see ./syncDocument.ts). The merge code loads now, not with the page.
 */
export async function travellingDocument(): Promise<import('./syncDocument').TravellingDocument> {
  const {documentOf} = await import('./syncDocument');
  return documentOf(getState(), Date.now());
}

/**
 * Merges a travelling document from another device or a sync service into the store, by the same join as a file or
 * a link: decoded and checked first, never throws. Says whether anything here changed, or why nothing could.
 */
export async function mergeTravellingDocument(document: unknown): Promise<{ok: true; changed: boolean; outcome: WriteOutcome} | {ok: false; error: string}> {
  const {mergeDocument} = await import('./syncDocument');
  const preview = mergeDocument(getState(), document, Date.now());
  if (!preview.ok) return preview;
  if (!preview.changed) return {ok: true, changed: false, outcome: 'saved'};
  // Merged again into the state at this moment, in case another tab wrote meanwhile.
  const outcome = updateState(
    (state) => {
      const merged = mergeDocument(state, document, Date.now());
      return merged.ok ? merged.state : state;
    },
    {versions: 'keeps-versions'},
  );
  return {ok: true, changed: true, outcome};
}
