/**
 * Where sync keeps its own things in this browser: beside the learner's record, never inside it, so the token is in
 * no export, link, QR code or copy of damaged data the store makes. Small on purpose: every page's first load reads
 * it to decide whether to load the sync code at all.
 */

/** The GitHub token; present only while sync is on. */
export const SYNC_TOKEN_KEY = 'go-study-plans-sync-token';

/** The gist's id and when this browser last synced (no secret). */
export const SYNC_SETTINGS_KEY = 'go-study-plans-sync-settings';

/** Whether sync is on in this browser (a token is kept); false when storage cannot be read. */
export function syncIsOn(): boolean {
  try {
    return typeof window !== 'undefined' && Boolean(window.localStorage.getItem(SYNC_TOKEN_KEY));
  } catch {
    return false;
  }
}
