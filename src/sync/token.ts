/**
 * The learner's GitHub token and sync settings in this browser, and what a token may be. The token is kept under its
 * own key (./keys.ts), read only to build the `Authorization` header, and never written into a message.
 */
import {SYNC_SETTINGS_KEY, SYNC_TOKEN_KEY} from './keys';

/** Where the learner makes a token: GitHub's fine-grained token page. */
export const FINE_GRAINED_TOKEN_PAGE = 'https://github.com/settings/personal-access-tokens/new';
/** GitHub's classic token page with only the gist scope ticked. */
export const CLASSIC_TOKEN_PAGE = 'https://github.com/settings/tokens/new?scopes=gist&description=Go%20Study%20Plans%20sync';

export interface SyncSettings {
  gistId: string | null;
  lastSyncedAt: number | null;
}

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

export function readToken(): string | null {
  try {
    return storage()?.getItem(SYNC_TOKEN_KEY) || null;
  } catch {
    return null;
  }
}

/** Keeps the token; false when this browser refuses to store it (sync then lasts this visit only). */
export function saveToken(token: string): boolean {
  try {
    storage()?.setItem(SYNC_TOKEN_KEY, token);
    return storage() !== null;
  } catch {
    return false;
  }
}

/** "Stop syncing": the token and the settings are gone from this browser. */
export function forgetSync(): void {
  try {
    storage()?.removeItem(SYNC_TOKEN_KEY);
    storage()?.removeItem(SYNC_SETTINGS_KEY);
  } catch {
    // Storage that cannot be read holds nothing to forget.
  }
}

export function readSettings(): SyncSettings {
  try {
    const data: unknown = JSON.parse(storage()?.getItem(SYNC_SETTINGS_KEY) ?? 'null');
    if (typeof data !== 'object' || data === null) return {gistId: null, lastSyncedAt: null};
    const {gistId, lastSyncedAt} = data as Record<string, unknown>;
    return {
      gistId: typeof gistId === 'string' && /^[\w-]{1,100}$/.test(gistId) ? gistId : null,
      lastSyncedAt: typeof lastSyncedAt === 'number' && Number.isFinite(lastSyncedAt) ? lastSyncedAt : null,
    };
  } catch {
    return {gistId: null, lastSyncedAt: null};
  }
}

export function saveSettings(settings: SyncSettings): void {
  try {
    storage()?.setItem(SYNC_SETTINGS_KEY, JSON.stringify(settings));
  } catch {
    // Kept in memory by the engine for this visit; the next visit finds the gist again by listing.
  }
}

/** Why pasted text cannot be a token, or null when it may be one. Never repeats the text. */
export function tokenShapeProblem(text: string): string | null {
  if (!text) return 'Paste the token GitHub showed you when you made it.';
  if (/\s/.test(text)) return 'A token has no spaces or line breaks: copy it again from GitHub.';
  if (text.length < 20 || text.length > 255 || !/^[\w-]+$/.test(text)) return 'This does not look like a GitHub token: copy it again from GitHub.';
  return null;
}

/** What the token's classic scopes allow: only `gist` is accepted. */
export type ScopeCheck = {ok: true; fineGrained: boolean} | {ok: false; reason: string};

/**
 * Checks the scopes GitHub reported in `X-OAuth-Scopes`. A classic token with any scope besides `gist` is refused,
 * since it could do more than sync needs; a fine-grained token reports none, so it cannot be checked here.
 */
export function checkScopes(scopes: readonly string[] | null): ScopeCheck {
  if (scopes === null) return {ok: true, fineGrained: true};
  const others = scopes.filter((scope) => scope !== 'gist');
  if (others.length > 0) {
    return {
      ok: false,
      reason: `This classic token can do more than sync needs (it also has ${others.join(', ')}), so it was not kept. Make a token that can do nothing but gists, and delete this one on GitHub if you do not need it.`,
    };
  }
  if (!scopes.includes('gist')) {
    return {
      ok: false,
      reason: 'This classic token does not have the gist scope, so it cannot keep your progress in a gist. Make one with only the gist scope.',
    };
  }
  return {ok: true, fineGrained: false};
}
