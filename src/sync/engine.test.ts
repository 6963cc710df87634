import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {FakeGistApi} from '@site/tests/support/fakeGistApi';
import {MemoryStore} from '@site/tests/unit/support/memoryStore';
import {SYNC_APP, SYNC_FILE_NAME} from './document';
import {SyncEngine, SYNC_TIMING, WRITE_LIMITS, type SyncEngineOptions} from './engine';
import {GistApi} from './gistApi';

const BASE = 'http://127.0.0.1:4390';
const TOKEN = 'ghp_R3alLookingT0kenForTests0123456789ab';

let api: FakeGistApi;
const engines: SyncEngine[] = [];

/** A device: its own record and its own engine, talking to the shared fake API with the learner's token. */
function device(name: string, options: Partial<SyncEngineOptions> & {online?: () => boolean} = {}) {
  const store = new MemoryStore(name);
  const client = new GistApi({baseUrl: BASE, token: TOKEN, fetch: (url, init) => api.handle(new Request(url, init)), now: Date.now});
  let gistId: string | null = options.gistId ?? null;
  const engine = new SyncEngine({
    store,
    api: client,
    gistId,
    onGistId: (id) => (gistId = id),
    isOnline: options.online,
    ...options,
  });
  engines.push(engine);
  return {store, engine, gistId: () => gistId};
}

/** The learner's gists and the sync file's envelope in each. */
function gists() {
  return api
    .gistsOf('ann')
    .map((gist) => ({...gist, envelope: JSON.parse(gist.files[SYNC_FILE_NAME] ?? 'null') as {app: string; format: number; doc: unknown} | null}));
}

const writes = () => api.requests.filter((request) => request.method === 'PATCH' || request.method === 'POST');
const reads = () => api.requests.filter((request) => request.method === 'GET');

beforeEach(() => {
  vi.useFakeTimers({now: new Date('2026-12-06T09:00:00Z')});
  api = new FakeGistApi({baseUrl: BASE});
  api.addToken(TOKEN, 'ann', 'gist');
});

afterEach(() => {
  engines.splice(0).forEach((engine) => engine.dispose());
  vi.useRealTimers();
});

describe('first and second device', () => {
  it('the first device creates one secret gist holding its record; a second device finds it with the token alone and merges it', async () => {
    const a = device('a');
    a.store.set('week-10/tick-1', 'done');
    await a.engine.start();
    expect(gists()).toHaveLength(1);
    expect(gists()[0]!.public).toBe(false);
    expect(gists()[0]!.envelope?.app).toBe(SYNC_APP);
    expect(a.engine.status()).toMatchObject({problem: null, pending: false, lastSyncedAt: Date.now()});

    const b = device('b');
    b.store.set('week-10/tick-2', 'done');
    await b.engine.start();
    expect(b.gistId()).toBe(gists()[0]!.id);
    expect(b.store.values()).toEqual({'week-10/tick-1': 'done', 'week-10/tick-2': 'done'});
    // B's own tick went up: the gist now holds both.
    expect(gists()).toHaveLength(1);
    const gistDoc = new MemoryStore('reader');
    gistDoc.merge(gists()[0]!.envelope!.doc);
    expect(gistDoc.values()).toEqual(b.store.values());
  });

  it('a removal made on one device reaches the other on its next sync', async () => {
    const a = device('a');
    a.store.set('tick', 'done');
    await a.engine.start();
    const b = device('b');
    await b.engine.start();
    b.store.set('tick', null);
    await vi.advanceTimersByTimeAsync(SYNC_TIMING.debounceMs);
    await a.engine.wake();
    expect(a.store.values()).toEqual({});
  });
});

it('a device told the learner has no sync gist yet creates one without listing again', async () => {
  const a = device('a', {knownMissing: true});
  await a.engine.start();
  expect(api.requests.map((request) => request.method)).toEqual(['POST']);
});

describe('reads', () => {
  it('sends the ETag by hand with the HTTP cache bypassed; an unchanged gist costs one 304 and no write', async () => {
    const a = device('a');
    a.store.set('tick', 'done');
    await a.engine.start();
    const writesBefore = writes().length;
    await a.engine.wake();
    const last = reads().at(-1)!;
    expect(last.headers['if-none-match']).toMatch(/^W\/".+"$/);
    expect(last.cache).toBe('no-store');
    expect(last.status).toBe(304);
    expect(writes()).toHaveLength(writesBefore);
  });

  it('a changed gist is read whole again (200) and merged', async () => {
    const a = device('a');
    await a.engine.start();
    const b = device('b');
    b.store.set('from-b', 'x');
    await b.engine.start();
    await a.engine.wake();
    expect(reads().at(-2)?.status).toBe(200);
    expect(a.store.values()).toEqual({'from-b': 'x'});
  });

  it('writes only when the merged state differs from the gist', async () => {
    const a = device('a');
    a.store.set('tick', 'done');
    await a.engine.start();
    const b = device('b');
    await b.engine.start();
    // B merged A's record and has nothing the gist lacks: it read and did not write.
    expect(writes()).toHaveLength(1);
  });
});

describe('debounce and write limits', () => {
  it('a burst of changes is one write, made after the burst settles', async () => {
    const a = device('a');
    await a.engine.start();
    // Past the spacing after the gist's creation, so only the debounce decides when the write is made.
    await vi.advanceTimersByTimeAsync(WRITE_LIMITS.minIntervalMs);
    const before = writes().length;
    for (let tick = 0; tick < 6; tick++) {
      a.store.set(`tick-${tick}`, 'done');
      await vi.advanceTimersByTimeAsync(1_000);
    }
    expect(writes()).toHaveLength(before);
    expect(a.engine.status().pending).toBe(true);
    await vi.advanceTimersByTimeAsync(SYNC_TIMING.debounceMs);
    expect(writes()).toHaveLength(before + 1);
    expect(a.engine.status().pending).toBe(false);
  });

  it('steady changes still sync, and never faster than the write limits allow', async () => {
    const a = device('a');
    await a.engine.start();
    const startedAt = Date.now();
    for (let second = 0; second < 180; second += 2) {
      a.store.set(`note`, `typed ${second}`);
      await vi.advanceTimersByTimeAsync(2_000);
    }
    await vi.advanceTimersByTimeAsync(WRITE_LIMITS.minIntervalMs + SYNC_TIMING.debounceMs);
    const times = writes().map((_, index) => index);
    expect(times.length).toBeGreaterThan(3);
    expect(writes().length).toBeLessThanOrEqual(1 + Math.ceil((Date.now() - startedAt) / WRITE_LIMITS.minIntervalMs));
    const gistDoc = new MemoryStore('reader');
    gistDoc.merge(gists()[0]!.envelope!.doc);
    expect(gistDoc.values()).toEqual({note: 'typed 178'});
  });
});

describe('two devices writing at once', () => {
  it('loses nothing: each keeps its own state, and the next syncs converge', async () => {
    const a = device('a');
    await a.engine.start();
    const b = device('b');
    await b.engine.start();
    a.store.set('only-a', '1');
    b.store.set('only-b', '2');
    a.store.set('both', 'a wrote first');
    await vi.advanceTimersByTimeAsync(5);
    b.store.set('both', 'b wrote later');
    // Both read the same gist and both write: the second write replaces the first.
    await Promise.all([a.engine.syncNow(), b.engine.syncNow()]);
    expect(a.store.values()).toMatchObject({'only-a': '1'});
    expect(b.store.values()).toMatchObject({'only-b': '2'});
    // Each device's next sync merges again.
    await vi.advanceTimersByTimeAsync(WRITE_LIMITS.minIntervalMs);
    await a.engine.wake();
    await b.engine.wake();
    await vi.advanceTimersByTimeAsync(WRITE_LIMITS.minIntervalMs);
    await a.engine.wake();
    const expected = {'only-a': '1', 'only-b': '2', both: 'b wrote later'};
    expect(a.store.values()).toEqual(expected);
    expect(b.store.values()).toEqual(expected);
    const gistDoc = new MemoryStore('reader');
    gistDoc.merge(gists()[0]!.envelope!.doc);
    expect(gistDoc.values()).toEqual(expected);
  });
});

describe('failures', () => {
  it('a token GitHub no longer accepts (401) stops syncing until a new one is given', async () => {
    const a = device('a');
    await a.engine.start();
    api.revoke(TOKEN);
    a.store.set('tick', 'done');
    await vi.advanceTimersByTimeAsync(SYNC_TIMING.debounceMs);
    expect(a.engine.status().problem).toEqual({kind: 'unauthorized'});
    const count = api.requests.length;
    a.store.set('tick-2', 'done');
    await a.engine.wake();
    await vi.advanceTimersByTimeAsync(SYNC_TIMING.maxBackoffMs);
    expect(api.requests).toHaveLength(count);
    expect(a.store.values()).toEqual({tick: 'done', 'tick-2': 'done'});
  });

  it('a deleted gist (404) is reported, and a new one is made only when asked', async () => {
    const a = device('a');
    a.store.set('tick', 'done');
    await a.engine.start();
    const first = a.gistId()!;
    api.deleteGist(first);
    await a.engine.wake();
    expect(a.engine.status().problem).toEqual({kind: 'gist-missing'});
    expect(gists()).toHaveLength(0);
    await a.engine.createNewGist();
    // Made within the write spacing: the creation waits for it.
    await vi.advanceTimersByTimeAsync(WRITE_LIMITS.minIntervalMs);
    expect(gists()).toHaveLength(1);
    expect(a.gistId()).not.toBe(first);
    expect(a.engine.status().problem).toBeNull();
  });

  it('a rate limit (403) waits until GitHub says it resets, then syncs', async () => {
    const a = device('a');
    await a.engine.start();
    const resetAt = Math.floor(Date.now() / 1000) + 600;
    api.limitRate('ann', resetAt, 403);
    a.store.set('tick', 'done');
    await vi.advanceTimersByTimeAsync(SYNC_TIMING.debounceMs);
    expect(a.engine.status().problem).toMatchObject({kind: 'rate-limited', resetAt: resetAt * 1000});
    const count = api.requests.length;
    await a.engine.wake();
    await vi.advanceTimersByTimeAsync(590_000);
    expect(api.requests).toHaveLength(count);
    api.clearRateLimit('ann');
    await vi.advanceTimersByTimeAsync(20_000);
    expect(a.engine.status().problem).toBeNull();
    expect(a.engine.status().pending).toBe(false);
  });

  it('a 429 with Retry-After is a rate limit too', async () => {
    const a = device('a');
    await a.engine.start();
    api.limitRate('ann', Math.floor(Date.now() / 1000) + 120, 429);
    await a.engine.syncNow();
    expect(a.engine.status().problem).toMatchObject({kind: 'rate-limited', resetAt: Date.now() + 120_000});
  });

  it('backs off, doubling the wait, while GitHub cannot be reached', async () => {
    let reachable = true;
    const store = new MemoryStore('a');
    const client = new GistApi({
      baseUrl: BASE,
      token: TOKEN,
      now: Date.now,
      fetch: (url, init) => (reachable ? api.handle(new Request(url, init)) : Promise.reject(new TypeError('Failed to fetch'))),
    });
    const attempts: number[] = [];
    const engine = new SyncEngine({store, api: client, gistId: null});
    engines.push(engine);
    await engine.start();
    reachable = false;
    const started = Date.now();
    const original = client.readGist.bind(client);
    client.readGist = (...args) => {
      attempts.push(Date.now() - started);
      return original(...args);
    };
    store.set('tick', 'done');
    await vi.advanceTimersByTimeAsync(SYNC_TIMING.debounceMs + 30_000 + 60_000 + 120_000 + 1);
    expect(attempts).toEqual([SYNC_TIMING.debounceMs, SYNC_TIMING.debounceMs + 30_000, SYNC_TIMING.debounceMs + 90_000, SYNC_TIMING.debounceMs + 210_000]);
    expect(engine.status().problem).toMatchObject({kind: 'unreachable'});
    reachable = true;
    await engine.wake();
    expect(engine.status()).toMatchObject({problem: null, pending: false});
  });

  it('offline, nothing is requested; back online, it syncs', async () => {
    let online = true;
    const a = device('a', {isOnline: () => online});
    await a.engine.start();
    online = false;
    const count = api.requests.length;
    a.store.set('tick', 'done');
    await vi.advanceTimersByTimeAsync(SYNC_TIMING.debounceMs);
    expect(a.engine.status().problem).toEqual({kind: 'offline'});
    expect(api.requests).toHaveLength(count);
    online = true;
    await a.engine.wake();
    await vi.advanceTimersByTimeAsync(WRITE_LIMITS.minIntervalMs);
    expect(a.engine.status()).toMatchObject({problem: null, pending: false});
    expect(gists()[0]!.envelope?.doc).toEqual(a.store.snapshot().doc);
  });
});

describe('a gist sync must not take', () => {
  async function withGistFile(content: string) {
    const id = api.createGist('ann', {[SYNC_FILE_NAME]: content});
    const a = device('a', {gistId: id});
    a.store.set('tick', 'done');
    await a.engine.start();
    return {a, id};
  }

  it('a gist written in a newer format is never overwritten; it says to reload', async () => {
    const content = JSON.stringify({app: SYNC_APP, format: 99, doc: {entries: {}}});
    const {a} = await withGistFile(content);
    expect(a.engine.status().problem).toEqual({kind: 'newer-format'});
    expect(writes()).toHaveLength(0);
    expect(gists()[0]!.files[SYNC_FILE_NAME]).toBe(content);
  });

  it('a truncated file is too large, and its full text is never fetched from the raw host', async () => {
    const id = api.createGist('ann', {[SYNC_FILE_NAME]: JSON.stringify({app: SYNC_APP, format: 1, doc: {entries: {}}})});
    api.truncate(id, SYNC_FILE_NAME);
    const a = device('a', {gistId: id});
    await a.engine.start();
    expect(a.engine.status().problem).toEqual({kind: 'too-large'});
    expect(api.rawReads).toEqual([]);
    expect(api.requests.every((request) => request.url.startsWith(`${BASE}/gists`))).toBe(true);
    expect(writes()).toHaveLength(0);
  });

  it('content that is not a valid record is never merged, reported, and left untouched', async () => {
    const content = JSON.stringify({app: SYNC_APP, format: 1, doc: {entries: {tick: {value: 5}}}});
    const {a} = await withGistFile(content);
    expect(a.engine.status().problem).toEqual({kind: 'invalid', reason: 'an entry is malformed'});
    expect(a.store.values()).toEqual({tick: 'done'});
    expect(gists()[0]!.files[SYNC_FILE_NAME]).toBe(content);
    expect(writes()).toHaveLength(0);
  });

  it("a file that is not this site's is reported and left untouched", async () => {
    const {a} = await withGistFile('{"hello": "world"}');
    expect(a.engine.status().problem).toEqual({kind: 'not-ours'});
    expect(gists()[0]!.files[SYNC_FILE_NAME]).toBe('{"hello": "world"}');
  });
});
