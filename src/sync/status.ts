/**
 * The sync status in plain words, with what to do next. Pure: the time and zone come in, so the tests pin them.
 */
import type {SyncProblem, SyncStatus} from './engine';

/** What the status line offers besides words. */
export type SyncAction = 'new-token' | 'create-gist' | 'reload' | null;

export interface StatusWords {
  text: string;
  /** A problem the learner must act on (shown as an alert), rather than a passing state. */
  isError: boolean;
  action: SyncAction;
}

function clock(at: number, now: number, timeZone?: string): string {
  const day = (time: number) => new Intl.DateTimeFormat('en-CA', {timeZone, year: 'numeric', month: '2-digit', day: '2-digit'}).format(time);
  const time = new Intl.DateTimeFormat('en-GB', {timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23'}).format(at);
  if (day(at) === day(now)) return time;
  return `${new Intl.DateTimeFormat('en-GB', {timeZone, day: 'numeric', month: 'short'}).format(at)}, ${time}`;
}

function ago(at: number, now: number, timeZone?: string): string {
  const minutes = Math.floor((now - at) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes === 1) return '1 minute ago';
  if (minutes < 60) return `${minutes} minutes ago`;
  return `at ${clock(at, now, timeZone)}`;
}

/** Why the last sync failed, as the second half of "Not synced since 10:42: …". */
function reason(problem: SyncProblem, now: number, timeZone?: string): string {
  switch (problem.kind) {
    case 'offline':
      return 'you are offline. Your progress is kept here and syncs when you are back online.';
    case 'unreachable':
      return `GitHub could not be reached. Your progress is kept here; trying again at ${clock(problem.retryAt, now, timeZone)}.`;
    case 'server':
      return `GitHub did not answer properly. Your progress is kept here; trying again at ${clock(problem.retryAt, now, timeZone)}.`;
    case 'rate-limited':
      return problem.resetAt
        ? `GitHub's rate limit for your account is reached until ${clock(problem.resetAt, now, timeZone)}. Your progress is kept here and syncs after that.`
        : `GitHub's rate limit for your account is reached. Your progress is kept here; trying again at ${clock(problem.retryAt, now, timeZone)}.`;
    case 'unauthorized':
      return 'GitHub no longer accepts your token (it was revoked or has expired). Make a new token and enter it below to sync again; your progress here is unchanged.';
    case 'forbidden':
      return 'your token is not allowed to read and write gists. Make a token with the Gists permission (read and write) and enter it below.';
    case 'gist-missing':
      return 'the gist holding your progress is gone from GitHub (deleted?). Create a new one with what this browser holds, or stop syncing.';
    case 'too-large':
      return "the file in your sync gist is too large to be this site's progress, so it was not read. Nothing was changed; stop syncing and start again to use a new gist.";
    case 'not-ours':
      return "your sync gist's file does not hold this site's progress, so it was left as it is. Stop syncing and start again to use a new gist.";
    case 'invalid':
      return `the progress in your gist could not be read (${problem.reason.replace(/\.$/, '')}). It was not merged and was left as it is; your progress here is unchanged.`;
    case 'newer-format':
      return 'your gist was written by a newer version of this site. Reload this page to get it; nothing was overwritten.';
  }
}

const ACTIONS: Partial<Record<SyncProblem['kind'], SyncAction>> = {
  unauthorized: 'new-token',
  forbidden: 'new-token',
  'gist-missing': 'create-gist',
  'newer-format': 'reload',
};

/** Passing problems (offline, a retry on its way) are status; the rest need the learner and are errors. */
const PASSING: ReadonlySet<SyncProblem['kind']> = new Set(['offline', 'unreachable', 'server', 'rate-limited']);

/** "Synced 2 minutes ago", "Not synced since 10:42: you are offline…", and so on. */
export function describeSyncStatus(status: SyncStatus, now: number, timeZone?: string): StatusWords {
  const {problem, lastSyncedAt} = status;
  if (problem) {
    const since = lastSyncedAt === null ? 'Not synced yet' : `Not synced since ${clock(lastSyncedAt, now, timeZone)}`;
    return {text: `${since}: ${reason(problem, now, timeZone)}`, isError: !PASSING.has(problem.kind), action: ACTIONS[problem.kind] ?? null};
  }
  if (status.syncing && lastSyncedAt === null) return {text: 'Syncing…', isError: false, action: null};
  if (lastSyncedAt === null) return {text: 'Not synced yet.', isError: false, action: null};
  const synced = `Synced ${ago(lastSyncedAt, now, timeZone)}`;
  return {text: status.pending ? `${synced}; your latest changes follow shortly.` : `${synced}.`, isError: false, action: null};
}
