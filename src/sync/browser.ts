/**
 * Sync in this tab: one engine for the token kept in this browser, woken when the tab becomes visible, gets focus or
 * comes back online. Loaded only when sync is on (./autostart.ts) or being set up (the "Sync across devices" panel).
 */
import siteConfig from '@generated/docusaurus.config';
import {SyncEngine, type SyncStatus} from './engine';
import {GistApi, type ApiFailure} from './gistApi';
import {storeAdapter} from './storeAdapter';
import {SYNC_TOKEN_KEY} from './keys';
import {checkScopes, forgetSync, readSettings, readToken, saveSettings, saveToken, tokenShapeProblem} from './token';

/** The API's address, fixed at build time (GIST_API_URL, read by docusaurus.config.ts, which always sets it). */
export const apiUrl = String(siteConfig.customFields?.gistApiUrl);

/** What the panel shows: whether sync is on, and the engine's status. */
export interface SyncView {
  on: boolean;
  status: SyncStatus | null;
}

const OFF: SyncView = Object.freeze({on: false, status: null});
let view: SyncView = OFF;
const listeners = new Set<() => void>();
let engine: SyncEngine | null = null;
let gistId: string | null = null;
let removeWakers: (() => void) | null = null;

function publish(next: SyncView): void {
  view = next;
  listeners.forEach((listener) => listener());
}

export function syncView(): SyncView {
  return view;
}

export function subscribeSync(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

function clientFor(token: string): GistApi {
  // Bound here: a bare `fetch` called as a method of another object throws "Illegal invocation".
  return new GistApi({baseUrl: apiUrl, token, fetch: (input, init) => window.fetch(input, init), now: Date.now});
}

function wakeOnReturn(): () => void {
  const wake = () => void engine?.wake();
  const onVisible = () => {
    if (document.visibilityState === 'visible') wake();
  };
  document.addEventListener('visibilitychange', onVisible);
  window.addEventListener('focus', wake);
  window.addEventListener('online', wake);
  const onOffline = () => void engine?.syncNow();
  window.addEventListener('offline', onOffline);
  // "Stop syncing" in another tab forgets the token: this tab stops too (it would otherwise sync on until reloaded).
  const onStorage = (event: StorageEvent) => {
    if ((event.key === SYNC_TOKEN_KEY || event.key === null) && !readToken()) stopInThisTab();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    document.removeEventListener('visibilitychange', onVisible);
    window.removeEventListener('focus', wake);
    window.removeEventListener('online', wake);
    window.removeEventListener('offline', onOffline);
    window.removeEventListener('storage', onStorage);
  };
}

/** Stops this tab's engine; what the browser keeps is left to the caller. */
function stopInThisTab(): void {
  engine?.dispose();
  engine = null;
  removeWakers?.();
  removeWakers = null;
  gistId = null;
  publish(OFF);
}

function run(token: string, knownGist: string | null, knownMissing = false): void {
  engine?.dispose();
  removeWakers?.();
  const settings = readSettings();
  gistId = knownGist ?? settings.gistId;
  let lastSyncedAt = settings.lastSyncedAt;
  const current = new SyncEngine({
    store: storeAdapter,
    api: clientFor(token),
    gistId,
    knownMissing,
    lastSyncedAt,
    onGistId: (id) => {
      gistId = id;
      saveSettings({gistId, lastSyncedAt});
    },
    onSynced: (at) => {
      lastSyncedAt = at;
      saveSettings({gistId, lastSyncedAt});
    },
    isOnline: () => navigator.onLine,
    isVisible: () => document.visibilityState === 'visible',
  });
  engine = current;
  current.subscribe(() => publish({on: true, status: current.status()}));
  publish({on: true, status: current.status()});
  removeWakers = wakeOnReturn();
  void current.start();
}

/** Starts syncing with the token kept in this browser, once per tab; does nothing when sync is off. */
export function startSync(): void {
  if (engine) return;
  const token = readToken();
  if (token) run(token, null);
}

/** The first words GitHub's refusal of a new token deserves. */
function connectError(failure: ApiFailure): string {
  switch (failure.kind) {
    case 'unauthorized':
      return 'GitHub did not accept this token: it may be mistyped, expired or revoked. Nothing was kept.';
    case 'forbidden':
    case 'not-found':
      return 'This token is not allowed to read and write gists. Make one with the Gists permission (read and write). Nothing was kept.';
    case 'rate-limited':
      return `GitHub's rate limit for your account is reached${failure.resetAt ? ` until ${new Date(failure.resetAt).toLocaleTimeString([], {hour: '2-digit', minute: '2-digit'})}` : ''}. Try again after that.`;
    case 'unreachable':
      return 'GitHub could not be reached: check that you are online, then try again. Nothing was kept.';
    case 'server':
      return `GitHub answered with an error (${failure.status}). Try again in a few minutes. Nothing was kept.`;
  }
}

/** "Start syncing": checks the token with GitHub, keeps it, and syncs. A note comes back for a fine-grained token. */
export async function connect(pasted: string): Promise<{ok: true; note: string | null} | {ok: false; error: string}> {
  const token = pasted.trim();
  const shape = tokenShapeProblem(token);
  if (shape) return {ok: false, error: shape};
  if (typeof navigator !== 'undefined' && !navigator.onLine) return {ok: false, error: 'You are offline. Connect, then start syncing.'};
  const found = await clientFor(token).findSyncGists();
  if (!found.ok) return {ok: false, error: connectError(found.failure)};
  const scopes = checkScopes(found.value.scopes);
  if (!scopes.ok) return {ok: false, error: scopes.reason};
  const kept = saveToken(token);
  run(token, found.value.ids[0] ?? null, found.value.ids.length === 0);
  const notes = [
    scopes.fineGrained
      ? 'This is a fine-grained token, whose permissions the site cannot see: make sure it has only the Gists permission and no access to your repositories beyond the read-only minimum.'
      : null,
    kept ? null : 'This browser did not let the site keep the token, so sync lasts until you close this tab.',
  ].filter(Boolean);
  return {ok: true, note: notes.length ? notes.join(' ') : null};
}

/** After the gist was deleted: makes a new one with this browser's progress. */
export function createNewGist(): void {
  void engine?.createNewGist();
}

/** "Sync now". */
export function syncNow(): void {
  void engine?.syncNow();
}

/** "Stop syncing": forgets the token (and, if asked, deletes the gist first). Says what could not be done. */
export async function stopSync(deleteGist: boolean): Promise<{ok: true} | {ok: false; error: string}> {
  const token = readToken();
  if (deleteGist && token && gistId) {
    const deleted = await clientFor(token).deleteGist(gistId);
    if (!deleted.ok && deleted.failure.kind !== 'not-found') {
      return {
        ok: false,
        error: 'The gist could not be deleted on GitHub, so sync was left on. Try again, or stop without deleting and delete it on github.com.',
      };
    }
  }
  stopInThisTab();
  forgetSync();
  return {ok: true};
}
