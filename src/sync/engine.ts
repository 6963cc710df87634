/**
 * Sync is read, merge, write: read the gist (one 304 when it has not changed), merge its document into this device's
 * state with the record's own merge, and write back only when the merged state differs from what the gist holds.
 * It runs on page load, when the tab becomes visible again, and shortly after changes (a burst of ticks is one
 * write). Everything keeps working locally whatever happens here: failures are reported and retried with backoff.
 *
 * Pure of browser APIs: time, the network state and the API client come in as options, so the tests drive it with
 * fake timers and the fake Gist API.
 */
import type {SyncableStore} from './adapter';
import {canonicalJson, decodeEnvelope, encodeEnvelope, MAX_SYNC_FILE_BYTES, SYNC_GIST_DESCRIPTION} from './document';
import type {ApiFailure, GistApi} from './gistApi';

/**
 * GitHub's secondary rate limits allow at most 80 content-creating requests a minute and 500 an hour
 * (docs.github.com, "Rate limits for the REST API"). A creation or an edit of a gist is one. Sync stays far below:
 * at most one write every 20 seconds (3 a minute) and 60 an hour, however fast the learner ticks.
 */
export const WRITE_LIMITS = {
  minIntervalMs: 20_000,
  maxPerHour: 60,
} as const;

export const SYNC_TIMING = {
  /** A change is written this long after the last change of a burst… */
  debounceMs: 4_000,
  /** …but no later than this after the first, so steady typing still syncs. */
  maxDelayMs: 30_000,
  /** While the tab is visible, the gist is read again this often (an unchanged gist costs one 304). */
  pollMs: 5 * 60_000,
  /** The first retry after a network or server failure; each further failure doubles it, up to `maxBackoffMs`. */
  backoffMs: 30_000,
  maxBackoffMs: 30 * 60_000,
} as const;

/** Why the last sync did not complete, for the status line. */
export type SyncProblem =
  | {kind: 'offline'}
  | {kind: 'unreachable'; retryAt: number}
  | {kind: 'server'; retryAt: number}
  | {kind: 'rate-limited'; resetAt: number | null; retryAt: number}
  | {kind: 'unauthorized'}
  | {kind: 'forbidden'}
  | {kind: 'gist-missing'}
  | {kind: 'too-large'}
  | {kind: 'not-ours'}
  | {kind: 'invalid'; reason: string}
  | {kind: 'newer-format'};

export interface SyncStatus {
  /** A sync is under way. */
  syncing: boolean;
  /** When this device and the gist were last known equal (ms since the epoch). */
  lastSyncedAt: number | null;
  /** Changes made here that the gist does not hold yet. */
  pending: boolean;
  problem: SyncProblem | null;
}

/** Problems that stop automatic syncing until the learner acts (a new token, a new gist, a reload). */
const HALTING: ReadonlySet<SyncProblem['kind']> = new Set(['unauthorized', 'forbidden', 'gist-missing', 'newer-format']);

export interface SyncEngineOptions {
  store: SyncableStore;
  api: Pick<GistApi, 'findSyncGists' | 'readGist' | 'createGist' | 'writeGist'>;
  /** The gist found or created before (kept by the caller between visits); null to find or create it. */
  gistId: string | null;
  /** The caller has just listed the learner's gists and found none: the first sync creates one without listing again. */
  knownMissing?: boolean;
  /** Told when the gist is found, created or forgotten, to keep it for the next visit. */
  onGistId?: (id: string | null) => void;
  /** When this device last synced, from an earlier visit. */
  lastSyncedAt?: number | null;
  onSynced?: (at: number) => void;
  now?: () => number;
  isOnline?: () => boolean;
  isVisible?: () => boolean;
}

type Listener = () => void;

/** One device's sync with one gist. */
export class SyncEngine {
  private state: SyncStatus;
  private readonly listeners = new Set<Listener>();
  private gistId: string | null;
  /** The ETag of the last read or write, and the canonical JSON and format of the document the gist then held. */
  private etag: string | null = null;
  private remote: {canonical: string; format: number} | null = null;
  private writes: number[] = [];
  private failures = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private firstChangeAt: number | null = null;
  private running = false;
  private again = false;
  private createNext = false;
  private merging = false;
  private disposed = false;
  private unsubscribe: (() => void) | null = null;
  private readonly now: () => number;
  private readonly isOnline: () => boolean;
  private readonly isVisible: () => boolean;

  constructor(private readonly options: SyncEngineOptions) {
    this.gistId = options.gistId;
    this.createNext = options.gistId === null && options.knownMissing === true;
    this.now = options.now ?? Date.now;
    this.isOnline = options.isOnline ?? (() => true);
    this.isVisible = options.isVisible ?? (() => true);
    this.state = {syncing: false, lastSyncedAt: options.lastSyncedAt ?? null, pending: false, problem: null};
  }

  /** Starts listening for changes and syncs at once (the page load). */
  start(): Promise<void> {
    this.unsubscribe ??= this.options.store.subscribe(() => {
      if (!this.merging) this.noteChange();
    });
    return this.syncNow();
  }

  /** Stops every timer and listener; a request under way is left to finish and ignored. */
  dispose(): void {
    this.disposed = true;
    this.clearTimer();
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.listeners.clear();
  }

  status(): SyncStatus {
    return this.state;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** The tab became visible, got focus or came back online: sync now, unless a rate limit or a halt says wait. */
  wake(): Promise<void> {
    const problem = this.state.problem;
    if (problem && HALTING.has(problem.kind)) return Promise.resolve();
    if (problem?.kind === 'rate-limited' && problem.retryAt > this.now()) return Promise.resolve();
    return this.syncNow();
  }

  /** A change was made here: written after the burst settles. */
  noteChange(): void {
    if (this.disposed) return;
    this.setState({pending: true});
    const problem = this.state.problem;
    if (problem && HALTING.has(problem.kind)) return;
    if (this.running) {
      // The sync under way may have read the state before this change: one more round follows it.
      this.again = true;
      return;
    }
    const now = this.now();
    this.firstChangeAt ??= now;
    let at = Math.min(now + SYNC_TIMING.debounceMs, this.firstChangeAt + SYNC_TIMING.maxDelayMs);
    if (problem && 'retryAt' in problem) at = Math.max(at, problem.retryAt);
    this.setTimer(at);
  }

  /** After the gist was deleted: makes a new one with what this device holds. */
  createNewGist(): Promise<void> {
    this.forgetGist();
    this.createNext = true;
    this.setState({problem: null});
    return this.syncNow();
  }

  /** Runs one sync now (or once more right after the one under way). */
  async syncNow(): Promise<void> {
    if (this.disposed) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    this.clearTimer();
    try {
      let succeeded: boolean;
      do {
        this.again = false;
        succeeded = await this.once();
      } while (succeeded && this.again && !this.disposed);
    } finally {
      this.running = false;
    }
  }

  private async once(): Promise<boolean> {
    if (!this.isOnline()) {
      this.setState({problem: {kind: 'offline'}, syncing: false});
      return false;
    }
    this.setState({syncing: true});
    const {api, store} = this.options;

    if (!this.gistId) {
      if (!this.createNext) {
        const found = await api.findSyncGists();
        if (this.disposed) return false;
        if (!found.ok) return this.fail(found.failure);
        if (found.value.ids[0]) this.setGist(found.value.ids[0]);
      }
      if (!this.gistId) {
        if (!this.mayWrite()) return this.waitToWrite();
        const snapshot = store.snapshot();
        const created = await api.createGist(SYNC_GIST_DESCRIPTION, encodeEnvelope(snapshot.format, snapshot.doc));
        if (this.disposed) return false;
        if (!created.ok) return this.fail(created.failure);
        this.createNext = false;
        this.recordWrite();
        this.setGist(created.value.id);
        this.etag = created.value.etag;
        this.remote = {canonical: canonicalJson(snapshot.doc), format: snapshot.format};
        return this.succeed();
      }
    }
    const gistId = this.gistId;

    const read = await api.readGist(gistId, this.remote ? this.etag : null);
    if (this.disposed) return false;
    if (!read.ok) return this.fail(read.failure);
    if (!read.value.notModified) {
      const {file, etag} = read.value;
      if (!file) return this.stop({kind: 'not-ours'});
      // A truncated file's full text sits on another host; it is never fetched from there.
      if (file.truncated || file.size > MAX_SYNC_FILE_BYTES) return this.stop({kind: 'too-large'});
      const decoded = decodeEnvelope(file.content, store.snapshot().format);
      if (!decoded.ok) {
        const {problem} = decoded;
        return this.stop(problem.kind === 'newer-format' ? {kind: 'newer-format'} : problem);
      }
      this.merging = true;
      let merged;
      try {
        merged = store.merge(decoded.envelope.doc, decoded.envelope.format);
      } finally {
        this.merging = false;
      }
      if ('error' in merged) return this.stop({kind: 'invalid', reason: merged.error});
      this.etag = etag;
      this.remote = {canonical: canonicalJson(decoded.envelope.doc), format: decoded.envelope.format};
    }

    const snapshot = store.snapshot();
    const local = canonicalJson(snapshot.doc);
    if (this.remote && this.remote.canonical === local && this.remote.format === snapshot.format) return this.succeed();
    if (!this.mayWrite()) return this.waitToWrite();
    const written = await api.writeGist(gistId, encodeEnvelope(snapshot.format, snapshot.doc));
    if (this.disposed) return false;
    if (!written.ok) return this.fail(written.failure);
    this.recordWrite();
    this.etag = written.value.etag;
    this.remote = {canonical: local, format: snapshot.format};
    return this.succeed();
  }

  /** Whether a write now stays within WRITE_LIMITS. */
  private mayWrite(): boolean {
    return this.nextWriteAt() <= this.now();
  }

  private nextWriteAt(): number {
    const now = this.now();
    this.writes = this.writes.filter((at) => at > now - 3_600_000);
    const last = this.writes.at(-1);
    let at = last === undefined ? now : last + WRITE_LIMITS.minIntervalMs;
    if (this.writes.length >= WRITE_LIMITS.maxPerHour) at = Math.max(at, this.writes[this.writes.length - WRITE_LIMITS.maxPerHour]! + 3_600_000);
    return at;
  }

  private recordWrite(): void {
    this.writes.push(this.now());
  }

  private waitToWrite(): boolean {
    this.setState({syncing: false, pending: true, problem: null});
    this.setTimer(this.nextWriteAt());
    return false;
  }

  private succeed(): boolean {
    const at = this.now();
    this.failures = 0;
    this.firstChangeAt = null;
    this.setState({syncing: false, pending: false, problem: null, lastSyncedAt: at});
    this.options.onSynced?.(at);
    this.setTimer(at + SYNC_TIMING.pollMs);
    return true;
  }

  /** A problem with the gist's content or access: nothing is written; only a wake (load, visible, focus) reads again. */
  private stop(problem: SyncProblem): boolean {
    this.setState({syncing: false, problem});
    this.clearTimer();
    return false;
  }

  private fail(failure: ApiFailure): boolean {
    const now = this.now();
    switch (failure.kind) {
      case 'unauthorized':
      case 'forbidden':
        return this.stop({kind: failure.kind});
      case 'not-found':
        this.forgetGist();
        return this.stop({kind: 'gist-missing'});
      case 'rate-limited': {
        const retryAt = Math.max(failure.resetAt ?? now + this.backoff(), now + 1_000);
        this.setState({syncing: false, problem: {kind: 'rate-limited', resetAt: failure.resetAt, retryAt}});
        this.setTimer(retryAt);
        return false;
      }
      case 'unreachable':
      case 'server': {
        const retryAt = now + this.backoff();
        this.setState({syncing: false, problem: failure.kind === 'server' ? {kind: 'server', retryAt} : {kind: 'unreachable', retryAt}});
        this.setTimer(retryAt);
        return false;
      }
    }
  }

  /** The wait before the next retry: doubles with each failure in a row. */
  private backoff(): number {
    this.failures += 1;
    return Math.min(SYNC_TIMING.backoffMs * 2 ** (this.failures - 1), SYNC_TIMING.maxBackoffMs);
  }

  private setGist(id: string): void {
    if (this.gistId === id) return;
    this.gistId = id;
    this.etag = null;
    this.remote = null;
    this.options.onGistId?.(id);
  }

  private forgetGist(): void {
    this.gistId = null;
    this.etag = null;
    this.remote = null;
    this.options.onGistId?.(null);
  }

  private setTimer(at: number): void {
    this.clearTimer();
    if (this.disposed) return;
    this.timer = setTimeout(
      () => {
        this.timer = null;
        // A poll waits for the tab to be seen again; pending changes and retries go ahead in the background.
        if (!this.state.pending && !this.state.problem && !this.isVisible()) return;
        void this.syncNow();
      },
      Math.max(0, at - this.now()),
    );
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private setState(change: Partial<SyncStatus>): void {
    this.state = {...this.state, ...change};
    this.listeners.forEach((listener) => listener());
  }
}
