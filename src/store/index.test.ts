// @vitest-environment jsdom
import {DEFAULT_STATE, STORAGE_KEY, getState, resetStoreForTests, subscribe, updateState} from './index';
import {SCHEMA_VERSION, decodeState} from './schema';
import {remainingMs, startTimer, timerKey} from './timers';

const MINUTE = 60_000;

const originalStorage = Object.getOwnPropertyDescriptor(window, 'localStorage')!;

beforeEach(() => {
  window.localStorage.clear();
  resetStoreForTests();
});

afterEach(() => {
  Object.defineProperty(window, 'localStorage', originalStorage);
  vi.restoreAllMocks();
  vi.useRealTimers();
});

const stored = () => JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? 'null') as Record<string, unknown> | null;

describe('reading what is stored', () => {
  it('nothing stored: the defaults (4h applies, no timers)', () => {
    expect(getState()).toEqual(DEFAULT_STATE);
  });

  it('invalid JSON: the defaults, and the next change is saved over it', () => {
    window.localStorage.setItem(STORAGE_KEY, '{"variant": "6h",');
    expect(getState()).toEqual(DEFAULT_STATE);
    expect(updateState((state) => ({...state, variant: '6h'}))).toBe('saved');
    expect(stored()).toMatchObject({version: SCHEMA_VERSION, variant: '6h'});
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
          'p#d1-b4': {...good, itemId: 'd1-b4', maxMs: 10, label: 7, elapsedMs: -50, next: {itemId: 'd1-b5'}},
        },
      }),
    );
    const {timers} = getState();
    expect(Object.keys(timers).sort()).toEqual(['p#d1-b1', 'p#d1-b4']);
    expect(timers['p#d1-b1']).toEqual(good);
    expect(timers['p#d1-b4']).toMatchObject({maxMs: 60 * MINUTE, label: '', elapsedMs: 0, next: null});
  });

  it('the same state object until the stored text changes (what useSyncExternalStore needs)', () => {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify({version: 1, variant: '6h'}));
    const first = getState();
    expect(getState()).toBe(first);
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify({version: 1, variant: '4h'}));
    expect(getState()).not.toBe(first);
    expect(getState().variant).toBe('4h');
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
    updateState((state) =>
      startTimer(state, {planId: 'weeks/week-09/go', itemId: 'd1-b2', label: 'Block 2', durationMs: 60 * MINUTE, maxMs: 60 * MINUTE, next: null}, Date.now()),
    );
    // A reload: the module's memory is gone, only localStorage remains.
    resetStoreForTests();
    vi.setSystemTime(new Date('2026-01-05T09:10:00Z'));
    const timer = getState().timers[timerKey('weeks/week-09/go', 'd1-b2')]!;
    expect(timer.runningSince).toBe(Date.parse('2026-01-05T09:00:00Z'));
    expect(remainingMs(timer, Date.now())).toBe(50 * MINUTE);
    expect(decodeState(window.localStorage.getItem(STORAGE_KEY))).toEqual(getState());
  });
});
