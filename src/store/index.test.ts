// @vitest-environment jsdom
import {
  BACKUP_KEY_PREFIX,
  DEFAULT_STATE,
  STORAGE_KEY,
  getPersistenceStatus,
  getState,
  inspectStoredData,
  resetStoreForTests,
  subscribe,
  subscribePersistence,
  updateState,
} from './state';
import {MAX_FOLLOWS, SCHEMA_VERSION, decodeState} from './schema';
import {NO_SYNC} from './versions';
import {remainingMs, startTimer, timerKey} from './timers';

const MINUTE = 60_000;

const originalStorage = Object.getOwnPropertyDescriptor(window, 'localStorage')!;

afterEach(() => {
  Object.defineProperty(window, 'localStorage', originalStorage);
  vi.restoreAllMocks();
  vi.useRealTimers();
});

const stored = () => JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? 'null') as Record<string, unknown> | null;
/** The texts kept under backup keys. */
const backups = () =>
  Object.keys(window.localStorage)
    .filter((key) => key.startsWith(BACKUP_KEY_PREFIX))
    .map((key) => window.localStorage.getItem(key));

describe('reading what is stored', () => {
  it('nothing stored: the defaults (4h applies, no timers)', () => {
    expect(getState()).toEqual(DEFAULT_STATE);
  });

  it('invalid JSON: what can be read is kept, and the next change is saved after a copy of the text', () => {
    const cutOff =
      '{"version":1,"variant":"6h","timers":{},"autoAdvance":false,"progress":{"weeks/week-09/go":{"d1-b1":1000,"d1-b2":2000},"weeks/week-10/go":{"d2-b';
    window.localStorage.setItem(STORAGE_KEY, cutOff);
    expect(getState()).toEqual({...DEFAULT_STATE, variant: '6h', progress: {'weeks/week-09/go': {'d1-b1': 1000, 'd1-b2': 2000}}});
    expect(updateState((state) => ({...state, autoAdvance: true}))).toBe('saved');
    expect(stored()).toMatchObject({version: SCHEMA_VERSION, variant: '6h', autoAdvance: true, progress: {'weeks/week-09/go': {'d1-b1': 1000}}});
    expect(backups()).toEqual([cutOff]);
  });

  it('every stored follow is read back, more than the site lets a reader add', () => {
    const follows = Array.from({length: MAX_FOLLOWS + 5}, (_, index) => ({
      id: `f-${index}`,
      planIds: ['weeks/week-10/go'],
      start: '2026-03-02',
      variant: null,
      weekdays: [1, 2, 3, 4, 5],
      shifts: [],
      skipBefore: 0,
      catchUpBefore: 0,
    }));
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify({...DEFAULT_STATE, follows}));
    expect(getState().follows).toEqual(follows);
    expect(updateState((state) => ({...state, autoAdvance: true}))).toBe('saved');
    expect(stored()?.follows).toEqual(follows);
  });

  it.each(['null', '42', '"6h"', '[{"variant":"6h"}]'])('JSON that is not an object (%s): the defaults', (raw) => {
    window.localStorage.setItem(STORAGE_KEY, raw);
    expect(getState()).toEqual(DEFAULT_STATE);
  });

  it('wrong types: each bad field falls back on its own, good ones survive', () => {
    window.localStorage.setItem(
      STORAGE_KEY,
      JSON.stringify({
        version: 1,
        variant: '8h',
        timers: ['not', 'a', 'map'],
        autoAdvance: 'yes',
        progress: {'weeks/week-09/go': {'d1-b1': 'yesterday', 'd1-b2': 1_700_000_000_000}, broken: 'x'},
        lastVisit: {planId: 3, day: 1, at: 0},
      }),
    );
    expect(getState()).toEqual({
      ...DEFAULT_STATE,
      progress: {'weeks/week-09/go': {'d1-b2': 1_700_000_000_000}},
    });
  });

  it('partial timer records: incomplete ones are dropped, repairable ones repaired', () => {
    const good = {
      planId: 'p',
      itemId: 'd1-b1',
      label: 'Block 1',
      durationMs: 60 * MINUTE,
      maxMs: 75 * MINUTE,
      elapsedMs: 5 * MINUTE,
      runningSince: null,
      finishedAt: null,
      next: null,
    };
    window.localStorage.setItem(
      STORAGE_KEY,
      JSON.stringify({
        version: 1,
        timers: {
          'p#d1-b1': good,
          'p#d1-b2': {planId: 'p', itemId: 'd1-b2', durationMs: 60 * MINUTE},
          'p#d1-b3': {...good, itemId: 'd1-b3', durationMs: -1},
          'p#d1-b4': {...good, itemId: 'd1-b4', maxMs: 10, label: 7, next: {itemId: 'd1-b5'}},
        },
      }),
    );
    const {timers} = getState();
    expect(Object.keys(timers).sort()).toEqual(['p#d1-b1', 'p#d1-b4']);
    // Timers keep ids only (schema 5): the label copy goes, the chain after it becomes item ids.
    const {label: _label, ...withoutLabel} = good;
    expect(timers['p#d1-b1']).toEqual({...withoutLabel, next: []});
    expect(timers['p#d1-b4']).toMatchObject({maxMs: 60 * MINUTE, next: ['d1-b5']});
    expect(timers['p#d1-b4']).not.toHaveProperty('label');
  });

  it('the same state object until the stored text changes (what useSyncExternalStore needs)', () => {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify({version: 1, variant: '6h'}));
    const first = getState();
    expect(getState()).toBe(first);
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify({version: 1, variant: '4h'}));
    expect(getState()).not.toBe(first);
    expect(getState().variant).toBe('4h');
  });

  it('is never overwritten even when it holds none of the fields this version knows', () => {
    const renamed = JSON.stringify({version: SCHEMA_VERSION + 1, ticks: {p: {'d1-b1': 5}}});
    window.localStorage.setItem(STORAGE_KEY, renamed);
    expect(updateState((state) => ({...state, variant: '6h'}))).toBe('newer-version');
    expect(window.localStorage.getItem(STORAGE_KEY)).toBe(renamed);
  });
});

describe('a tap with months of records stored', () => {
  it('writes without parsing what it already read: the cost of a tick does not grow with what the learner keeps', () => {
    const progress = Object.fromEntries(
      Array.from({length: 60}, (_, plan) => [
        `weeks/week-${plan}/go`,
        Object.fromEntries(Array.from({length: 40}, (_, item) => [`d${item % 7}-b${item}`, 1_700_000_000_000 + item])),
      ]),
    );
    const itemNotes = {'weeks/week-1/go': Object.fromEntries(Array.from({length: 40}, (_, item) => [`d1-b${item}`, 'A note a learner wrote. '.repeat(20)]))};
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify({version: SCHEMA_VERSION, progress, itemNotes}));
    expect(Object.keys(getState().progress)).toHaveLength(60);

    const parse = vi.spyOn(JSON, 'parse');
    expect(updateState((state) => ({...state, progress: {...state.progress, 'intensive/senior-go-14-days': {'d2-t1': 1_800_000_000_000}}}))).toBe('saved');
    expect(parse).not.toHaveBeenCalled();
    parse.mockRestore();
    expect((stored()!.progress as Record<string, unknown>)['intensive/senior-go-14-days']).toEqual({'d2-t1': 1_800_000_000_000});
    expect(Object.keys(stored()!.progress as object)).toHaveLength(61);
  });
});

describe('data from a newer version of the site', () => {
  const newer = JSON.stringify({version: SCHEMA_VERSION + 1, variant: '6h', progress: {p: {'d1-b1': 5}}, somethingNew: {a: 1}});

  it('is read as far as this version understands it', () => {
    window.localStorage.setItem(STORAGE_KEY, newer);
    expect(getState()).toMatchObject({variant: '6h', progress: {p: {'d1-b1': 5}}});
  });

  it('is never overwritten; changes live in memory for this visit', () => {
    window.localStorage.setItem(STORAGE_KEY, newer);
    expect(updateState((state) => ({...state, variant: '4h'}))).toBe('newer-version');
    expect(window.localStorage.getItem(STORAGE_KEY)).toBe(newer);
    expect(getState().variant).toBe('4h');
  });
});

describe('storage that refuses', () => {
  it('a full storage (QuotaExceededError): the change stays in memory and the page keeps working', () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const listener = vi.fn();
    const unsubscribe = subscribe(listener);
    expect(updateState((state) => ({...state, variant: '6h'}))).toBe('memory-only');
    expect(getState().variant).toBe('6h');
    expect(listener).toHaveBeenCalledTimes(1);
    expect(updateState((state) => ({...state, autoAdvance: true}))).toBe('memory-only');
    expect(getState()).toMatchObject({variant: '6h', autoAdvance: true});
    unsubscribe();
  });

  it('once storage accepts writes again, the in-memory state is saved', () => {
    const setItem = vi.spyOn(Storage.prototype, 'setItem').mockImplementationOnce(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    updateState((state) => ({...state, variant: '6h'}));
    setItem.mockRestore();
    expect(updateState((state) => ({...state, autoAdvance: true}))).toBe('saved');
    expect(stored()).toMatchObject({variant: '6h', autoAdvance: true});
  });

  it('a localStorage getter that throws (privacy mode): defaults, and changes still apply for the visit', () => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('Access is denied for this document.', 'SecurityError');
      },
    });
    expect(getState()).toEqual(DEFAULT_STATE);
    expect(updateState((state) => ({...state, variant: '6h'}))).toBe('memory-only');
    expect(getState().variant).toBe('6h');
  });
});

describe('changes reach every reader', () => {
  it('subscribers in this tab hear each change; unsubscribed ones do not', () => {
    const listener = vi.fn();
    const unsubscribe = subscribe(listener);
    updateState((state) => ({...state, variant: '6h'}));
    expect(listener).toHaveBeenCalledTimes(1);
    unsubscribe();
    updateState((state) => ({...state, variant: '4h'}));
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('a change made in another tab arrives through the storage event', () => {
    const listener = vi.fn();
    const unsubscribe = subscribe(listener);
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify({version: 1, variant: '6h'}));
    window.dispatchEvent(new StorageEvent('storage', {key: STORAGE_KEY}));
    expect(listener).toHaveBeenCalled();
    expect(getState().variant).toBe('6h');
    window.dispatchEvent(new StorageEvent('storage', {key: 'someone-else'}));
    expect(listener).toHaveBeenCalledTimes(1);
    unsubscribe();
  });
});

describe('a running timer across a reload', () => {
  it('is saved with wall-clock times, so a reloaded page counts on from the right place', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-01-05T09:00:00Z'));
    updateState((state) => startTimer(state, {planId: 'weeks/week-09/go', itemId: 'd1-b2', durationMs: 60 * MINUTE, maxMs: 60 * MINUTE, next: []}, Date.now()));
    // A reload: the module's memory is gone, only localStorage remains.
    resetStoreForTests();
    vi.setSystemTime(new Date('2026-01-05T09:10:00Z'));
    const timer = getState().timers[timerKey('weeks/week-09/go', 'd1-b2')]!;
    expect(timer.runningSince).toBe(Date.parse('2026-01-05T09:00:00Z'));
    expect(remainingMs(timer, Date.now())).toBe(50 * MINUTE);
    expect(decodeState(window.localStorage.getItem(STORAGE_KEY))).toEqual(getState());
  });
});

const quotaExceeded = () => {
  throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
};
const tickOne = (itemId = 'd1-b1') => updateState((state) => ({...state, progress: {...state.progress, 'weeks/week-10/go': {[itemId]: Date.now()}}}));

describe('the persistence status: every write that did not persist, and why', () => {
  it('nothing to report while writes are saved', () => {
    tickOne();
    expect(getPersistenceStatus()).toEqual({problem: null, savedAgainAfter: null, damaged: null});
  });

  it('a full storage is reported as such, once, and "saved again" when a later write is stored', () => {
    const listener = vi.fn();
    subscribePersistence(listener);
    const setItem = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(quotaExceeded);
    tickOne('d1-b1');
    tickOne('d1-b2');
    expect(getPersistenceStatus().problem).toBe('storage-full');
    expect(listener).toHaveBeenCalledTimes(1);
    setItem.mockRestore();
    tickOne('d1-b3');
    expect(getPersistenceStatus()).toMatchObject({problem: null, savedAgainAfter: 'storage-full'});
    expect(stored()).toMatchObject({progress: {'weeks/week-10/go': {'d1-b3': expect.any(Number)}}});
  });

  it('storage that throws on access is reported as blocked, whoever wrote', () => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('Access is denied for this document.', 'SecurityError');
      },
    });
    updateState((state) => ({...state, variant: '6h'}));
    expect(getPersistenceStatus().problem).toBe('storage-blocked');
  });

  it('a setItem that fails for another reason is reported as blocked, not full', () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    });
    expect(tickOne()).toBe('memory-only');
    expect(getPersistenceStatus().problem).toBe('storage-blocked');
  });

  it('data from a newer site version is reported, and kept', () => {
    const newer = JSON.stringify({version: SCHEMA_VERSION + 1, progress: {}});
    window.localStorage.setItem(STORAGE_KEY, newer);
    expect(tickOne()).toBe('newer-version');
    expect(getPersistenceStatus().problem).toBe('newer-version');
    expect(window.localStorage.getItem(STORAGE_KEY)).toBe(newer);
    expect(backups()).toEqual([]);
  });
});

describe('stored text that cannot be read is never overwritten without a copy', () => {
  it.each([
    ['cut off mid-write', '{"version":1,"progress":{"weeks/week-10/go":{"d1-b1":17', 'unreadable'],
    ['not our shape', '{"theme":"dark","fontSize":14}', 'foreign'],
    ['a JSON array', '[1,2,3]', 'foreign'],
  ])('%s: copied before the first write, and reported once with the key', (_name, raw, condition) => {
    window.localStorage.setItem(STORAGE_KEY, raw);
    tickOne('d1-b1');
    tickOne('d1-b2');
    expect(backups()).toEqual([raw]);
    const {damaged} = getPersistenceStatus();
    expect(damaged).toMatchObject({raw, report: {condition}});
    expect(window.localStorage.getItem(damaged!.backupKey!)).toBe(raw);
    expect(stored()).toMatchObject({progress: {'weeks/week-10/go': {'d1-b2': expect.any(Number)}}});
  });

  it('is copied as soon as the page inspects it, and only once for the same text', () => {
    const raw = '{"version":1,"progress":{"weeks/week-10/go":{"d1-b1":1700000000000,';
    window.localStorage.setItem(STORAGE_KEY, raw);
    inspectStoredData();
    resetStoreForTests();
    inspectStoredData();
    expect(backups()).toEqual([raw]);
    expect(getPersistenceStatus().damaged?.report).toMatchObject({condition: 'unreadable', recoveredTicks: 1});
    expect(window.localStorage.getItem(STORAGE_KEY)).toBe(raw);
  });

  it('when the copy cannot be made (storage full), the text is not overwritten and stays downloadable', () => {
    const raw = '{"version":1,"progress":{"weeks/week-10/go":{"d1-b1":17';
    window.localStorage.setItem(STORAGE_KEY, raw);
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(quotaExceeded);
    expect(tickOne('d2-b1')).toBe('memory-only');
    expect(window.localStorage.getItem(STORAGE_KEY)).toBe(raw);
    expect(getPersistenceStatus()).toMatchObject({problem: 'storage-full', damaged: {raw, backupKey: null}});
    expect(getState().progress['weeks/week-10/go']).toHaveProperty('d2-b1');
  });

  it('readable data with a few broken entries is copied too, since those entries would be lost', () => {
    const raw = JSON.stringify({version: 1, progress: {'weeks/week-10/go': {'d1-b1': 5, 'd1-b2': 'yesterday'}}});
    window.localStorage.setItem(STORAGE_KEY, raw);
    tickOne('d1-b3');
    expect(backups()).toEqual([raw]);
    expect(getPersistenceStatus().damaged?.report).toMatchObject({condition: 'ok', droppedTicks: 1});
  });

  it('clean data is never copied', () => {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify({version: 1, progress: {'weeks/week-10/go': {'d1-b1': 5}}}));
    inspectStoredData();
    tickOne('d1-b3');
    expect(backups()).toEqual([]);
    expect(getPersistenceStatus().damaged).toBeNull();
  });
});

describe('timers with impossible values', () => {
  const NOW = Date.parse('2026-01-05T09:00:00Z');
  const timer = (itemId: string, fields: Record<string, unknown>) => ({
    planId: 'weeks/week-10/go',
    itemId,
    label: itemId,
    durationMs: 60 * MINUTE,
    maxMs: 60 * MINUTE,
    elapsedMs: 0,
    runningSince: null,
    finishedAt: null,
    next: null,
    ...fields,
  });

  it('are left out and counted: negative, over a day, or started in the future beyond clock skew', () => {
    vi.useFakeTimers();
    vi.setSystemTime(NOW);
    const timers = [
      timer('d1-b1', {runningSince: NOW + 2 * MINUTE}),
      timer('d1-b2', {elapsedMs: -1}),
      timer('d1-b3', {durationMs: 25 * 60 * MINUTE, maxMs: 25 * 60 * MINUTE}),
      timer('d1-b4', {runningSince: NOW + 60 * MINUTE}),
      timer('d1-b5', {finishedAt: NOW + 24 * 60 * MINUTE}),
      timer('d1-b6', {runningSince: -5}),
      timer('constructor', {}),
    ];
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify({version: 1, timers: Object.fromEntries(timers.map((t) => [`weeks/week-10/go#${t.itemId}`, t]))}));
    expect(Object.keys(getState().timers)).toEqual(['weeks/week-10/go#d1-b1']);
    inspectStoredData();
    expect(getPersistenceStatus().damaged?.report).toMatchObject({droppedTimers: 6});
  });
});

describe('schema version 3 (keep the screen awake, last backup)', () => {
  it('migrates version 1 data: every tick, timer and choice kept, the screen kept awake, no backup known', () => {
    const timer = {
      planId: 'weeks/week-10/go',
      itemId: 'd1-b1',
      label: 'Block 1',
      durationMs: 60_000,
      maxMs: 60_000,
      elapsedMs: 1000,
      runningSince: null,
      finishedAt: null,
      next: null,
    };
    const v1 = {
      version: 1,
      variant: '6h',
      timers: {'weeks/week-10/go#d1-b1': timer},
      autoAdvance: true,
      progress: {'weeks/week-10/go': {'d1-b1': 1000, 'd2-b3': 2000}},
      lastVisit: {planId: 'weeks/week-10/go', day: 2, at: 3000},
    };
    const {label: _label, ...timerIds} = timer;
    expect(decodeState(JSON.stringify(v1), 10_000)).toEqual({
      ...v1,
      timers: {'weeks/week-10/go#d1-b1': {...timerIds, next: []}},
      version: SCHEMA_VERSION,
      sync: NO_SYNC,
      follows: [],
      timerRuns: [],
      keepAwake: true,
      lastBackupAt: null,
      dayNotes: {},
      itemNotes: {},
      review: {},
      stamps: {},
      detached: [],
    });
  });

  it('reads the new fields, and takes the defaults where they are missing or odd', () => {
    expect(decodeState(JSON.stringify({version: 3, keepAwake: false, lastBackupAt: 5000}))).toMatchObject({keepAwake: false, lastBackupAt: 5000});
    expect(decodeState(JSON.stringify({version: 3, keepAwake: 'no', lastBackupAt: 'yesterday'}))).toMatchObject({keepAwake: true, lastBackupAt: null});
    expect(decodeState(JSON.stringify({version: 3, progress: {}}))).toMatchObject({keepAwake: true, lastBackupAt: null});
    // Version 2 data (followed plans) gains the defaults and keeps what it had.
    expect(decodeState(JSON.stringify({version: 2, progress: {}, follows: []}))).toMatchObject({
      version: SCHEMA_VERSION,
      keepAwake: true,
      lastBackupAt: null,
      follows: [],
    });
  });
});
