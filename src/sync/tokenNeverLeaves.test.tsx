import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {toString as qrSvg} from 'qrcode';
import {FakeGistApi} from '@site/tests/support/fakeGistApi';
import {recordDownloads} from '@site/tests/unit/support/downloads';
import {BACKUP_KEY_PREFIX, getState, inspectStoredData, resetStoreForTests, STORAGE_KEY, updateState} from '@site/src/store';
import {encodeTransfer} from '@site/src/store/transfer';
import {extrasOf} from '@site/src/store/exchange';
import {saveProgressExport} from '@site/src/lib/files';
import {apiUrl, connect, stopSync, syncView} from './browser';
import {SYNC_TOKEN_KEY} from './keys';
import {describeSyncStatus} from './status';
import type {SyncProblem} from './engine';

/** Shaped like a real classic token, so a leak would be found by a plain text search. */
const TOKEN = 'ghp_Zq8XbW3nR5tY7uI9oP1aS2dF4gH6jK8lM0n';

let api: FakeGistApi;
const consoleCalls: unknown[][] = [];

async function waitFor(check: () => boolean) {
  for (let round = 0; round < 200 && !check(); round++) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(check()).toBe(true);
}

beforeEach(() => {
  window.localStorage.clear();
  resetStoreForTests();
  api = new FakeGistApi({baseUrl: apiUrl});
  api.addToken(TOKEN, 'ann', 'gist');
  vi.spyOn(window, 'fetch').mockImplementation((input, init) => api.handle(new Request(input, init)));
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void consoleCalls.push(args));
  }
});

afterEach(async () => {
  await stopSync(false);
  vi.restoreAllMocks();
  consoleCalls.length = 0;
});

describe('the token never leaves', () => {
  it('is kept under its own key, outside the record, and goes only in the Authorization header to the API host', async () => {
    updateState((state) => ({...state, progress: {'weeks/week-10/go': {'d1-b1': 1_765_000_000_000}}}));
    const started = await connect(` ${TOKEN}\n`);
    expect(started).toEqual({ok: true, note: null});
    await waitFor(() => syncView().status?.lastSyncedAt != null);

    expect(window.localStorage.getItem(SYNC_TOKEN_KEY)).toBe(TOKEN);
    const keysHoldingIt = Object.keys(window.localStorage).filter((key) => window.localStorage.getItem(key)?.includes(TOKEN));
    expect(keysHoldingIt).toEqual([SYNC_TOKEN_KEY]);
    expect(JSON.stringify(getState())).not.toContain(TOKEN);

    expect(api.requests.length).toBeGreaterThan(0);
    for (const request of api.requests) {
      expect(request.url.startsWith(`${apiUrl}/`)).toBe(true);
      expect(request.url).not.toContain(TOKEN);
      const carrying = Object.entries(request.headers).filter(([, value]) => value.includes(TOKEN));
      expect(carrying).toEqual([['authorization', `Bearer ${TOKEN}`]]);
    }
    // Nor is it in what the gist holds.
    expect(JSON.stringify(api.gistsOf('ann'))).not.toContain(TOKEN);
  });

  it('is in no export file, link, QR code, status or error message, console line, or copy of damaged data', async () => {
    const downloads = recordDownloads();
    await connect(TOKEN);
    await waitFor(() => syncView().status?.lastSyncedAt != null);

    saveProgressExport(new Date('2026-12-06T10:00:00Z'));
    const exported = await downloads.blobs[0]!.text();
    expect(exported).toContain('"app"');
    expect(exported).not.toContain(TOKEN);

    const state = getState();
    const link = `https://example.test/#${await encodeTransfer(state.progress, state.variant, extrasOf(state))}`;
    expect(link).not.toContain(TOKEN);
    expect(await qrSvg(link, {type: 'svg', errorCorrectionLevel: 'L'})).not.toContain(TOKEN);

    const problems: SyncProblem[] = [
      {kind: 'offline'},
      {kind: 'unreachable', retryAt: 0},
      {kind: 'server', retryAt: 0},
      {kind: 'rate-limited', resetAt: 0, retryAt: 0},
      {kind: 'unauthorized'},
      {kind: 'forbidden'},
      {kind: 'gist-missing'},
      {kind: 'too-large'},
      {kind: 'not-ours'},
      {kind: 'invalid', reason: 'x'},
      {kind: 'newer-format'},
    ];
    for (const problem of problems) {
      expect(describeSyncStatus({syncing: false, lastSyncedAt: 0, pending: false, problem}, 1).text).not.toContain(TOKEN);
    }
    // A revoked token: the refusal names no token.
    api.revoke(TOKEN);
    const refused = await connect(TOKEN);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error).toMatch(/did not accept this token/);
    expect(!refused.ok && refused.error).not.toContain(TOKEN);
    const misshapen = await connect(`${TOKEN} extra`);
    expect(!misshapen.ok && misshapen.error).not.toContain(TOKEN);

    // Damaged stored data is copied aside by the store: the copy holds the record's text, not the token.
    window.localStorage.setItem(STORAGE_KEY, '{"version": 1, "progress": 42');
    resetStoreForTests();
    inspectStoredData();
    const backups = Object.keys(window.localStorage).filter((key) => key.startsWith(BACKUP_KEY_PREFIX));
    expect(backups).toHaveLength(1);
    expect(window.localStorage.getItem(backups[0]!)).not.toContain(TOKEN);

    expect(JSON.stringify(consoleCalls)).not.toContain(TOKEN);
  });

  it('"Stop syncing" forgets it', async () => {
    await connect(TOKEN);
    await stopSync(false);
    expect(window.localStorage.getItem(SYNC_TOKEN_KEY)).toBeNull();
    expect(syncView().on).toBe(false);
  });
});
