import {describe, expect, it} from 'vitest';
import type {SyncStatus} from './engine';
import {describeSyncStatus} from './status';

const at = (iso: string) => Date.parse(iso);
const base: SyncStatus = {syncing: false, lastSyncedAt: null, pending: false, problem: null};

describe.for(['UTC', 'America/New_York', 'Asia/Kolkata'])('the status in words, in %s', (timeZone) => {
  const local = (iso: string) => new Intl.DateTimeFormat('en-GB', {timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23'}).format(at(iso));

  it('says how long ago the last sync was', () => {
    const words = describeSyncStatus({...base, lastSyncedAt: at('2026-12-06T10:40:00Z')}, at('2026-12-06T10:42:30Z'), timeZone);
    expect(words).toEqual({text: 'Synced 2 minutes ago.', isError: false, action: null});
  });

  it('offline, says since when it has not synced, in local time', () => {
    const words = describeSyncStatus({...base, lastSyncedAt: at('2026-12-06T10:42:00Z'), problem: {kind: 'offline'}}, at('2026-12-06T10:50:00Z'), timeZone);
    expect(words.text).toBe(
      `Not synced since ${local('2026-12-06T10:42:00Z')}: you are offline. Your progress is kept here and syncs when you are back online.`,
    );
    expect(words.isError).toBe(false);
  });

  it('a rate limit says when it resets', () => {
    const words = describeSyncStatus(
      {
        ...base,
        lastSyncedAt: at('2026-12-06T10:42:00Z'),
        problem: {kind: 'rate-limited', resetAt: at('2026-12-06T11:00:00Z'), retryAt: at('2026-12-06T11:00:00Z')},
      },
      at('2026-12-06T10:50:00Z'),
      timeZone,
    );
    expect(words.text).toContain(`reached until ${local('2026-12-06T11:00:00Z')}`);
  });
});

describe('problems the learner must act on', () => {
  const now = at('2026-12-06T10:50:00Z');
  it('a revoked token asks for a new one', () => {
    expect(describeSyncStatus({...base, problem: {kind: 'unauthorized'}}, now)).toMatchObject({isError: true, action: 'new-token'});
  });
  it('a deleted gist offers a new one', () => {
    expect(describeSyncStatus({...base, problem: {kind: 'gist-missing'}}, now)).toMatchObject({isError: true, action: 'create-gist'});
  });
  it('a newer format says to reload', () => {
    expect(describeSyncStatus({...base, problem: {kind: 'newer-format'}}, now).text).toContain('Reload this page');
  });
  it('an earlier day is named with its date', () => {
    expect(describeSyncStatus({...base, lastSyncedAt: at('2026-12-04T08:05:00Z'), problem: {kind: 'offline'}}, now, 'UTC').text).toMatch(
      /^Not synced since 4 Dec, 08:05:/,
    );
  });
});
