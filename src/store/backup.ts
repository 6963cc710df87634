/** When progress exists only in this browser, and asking the browser to keep it. */
import type {Progress} from './progress';

/** Two weeks of ticks with no export or link is when the reader is reminded to keep a copy. */
export const BACKUP_REMINDER_MS = 14 * 24 * 60 * 60 * 1000;

/** True when ticks made since the last backup (or ever, with none) go back two weeks or more. */
export function needsBackupReminder(progress: Progress, lastBackupAt: number | null, now: number): boolean {
  let oldest = Infinity;
  for (const ticks of Object.values(progress)) {
    for (const at of Object.values(ticks)) if (lastBackupAt === null || at > lastBackupAt) oldest = Math.min(oldest, at);
  }
  return now - oldest >= BACKUP_REMINDER_MS;
}

/** The backup's moment in the reader's own time zone (a parameter so tests can pin one). */
export function formatBackupTime(at: number, timeZone?: string): string {
  return new Intl.DateTimeFormat('en', {dateStyle: 'medium', timeStyle: 'short', timeZone}).format(at);
}

/**
 * Asks the browser not to evict this site's storage under pressure (Safari drops it after a week without a
 * visit otherwise). Called on the very first tick only: some browsers ask the reader, and once is enough.
 * Resolves with whether the storage is kept (false where the API is missing or refuses); it never rejects.
 */
export async function askToPersist(
  storage: Partial<StorageManager> | undefined = typeof navigator === 'undefined' ? undefined : navigator.storage,
): Promise<boolean> {
  if (!storage?.persist || !storage.persisted) return false;
  try {
    return (await storage.persisted()) || (await storage.persist());
  } catch {
    return false;
  }
}
