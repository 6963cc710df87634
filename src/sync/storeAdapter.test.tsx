import {beforeEach, describe, expect, it} from 'vitest';
import {getState, resetStoreForTests, updateState} from '@site/src/store';
import {storeAdapter} from './storeAdapter';

const TICKED_AT = Date.parse('2026-12-05T09:00:00Z');

beforeEach(() => {
  window.localStorage.clear();
  resetStoreForTests();
});

/** What another device would have put in the gist: its snapshot, taken from its own store. */
function otherDeviceDoc(progress: Record<string, Record<string, number>>): unknown {
  updateState((state) => ({...state, progress}));
  const doc = storeAdapter.snapshot().doc;
  window.localStorage.clear();
  resetStoreForTests();
  return doc;
}

describe('the store behind sync', () => {
  it("merges another device's ticks into this one, and a second merge of the same changes nothing", () => {
    const doc = otherDeviceDoc({'weeks/week-10/go': {'d1-b1': TICKED_AT}});
    updateState((state) => ({...state, progress: {'weeks/week-10/go': {'d1-b2': TICKED_AT}}}));
    expect(storeAdapter.merge(doc, storeAdapter.snapshot().format)).toEqual({changed: true});
    expect(Object.keys(getState().progress['weeks/week-10/go'] ?? {}).sort()).toEqual(['d1-b1', 'd1-b2']);
    expect(storeAdapter.merge(doc, storeAdapter.snapshot().format)).toEqual({changed: false});
  });

  it('refuses a document that is not a record, and changes nothing', () => {
    updateState((state) => ({...state, progress: {'weeks/week-10/go': {'d1-b2': TICKED_AT}}}));
    const before = getState();
    const outcome = storeAdapter.merge({progress: 'not an object'}, 5);
    expect(outcome).toEqual({error: expect.stringMatching(/progress/)});
    expect(getState()).toBe(before);
  });

  it('the snapshot is the same until something changes (no time stamp in it), so an unchanged device never writes', () => {
    updateState((state) => ({...state, progress: {'weeks/week-10/go': {'d1-b2': TICKED_AT}}}));
    expect(JSON.stringify(storeAdapter.snapshot())).toBe(JSON.stringify(storeAdapter.snapshot()));
    expect(JSON.stringify(storeAdapter.snapshot().doc)).not.toMatch(/exportedAt/);
  });
});

describe('devices that sync through the adapter', () => {
  /** Runs `act` as the device whose whole browser storage is `saved` (null: a new device), and returns its storage after. */
  function asDevice(saved: Record<string, string> | null, act: () => void): Record<string, string> {
    window.localStorage.clear();
    resetStoreForTests();
    for (const [key, value] of Object.entries(saved ?? {})) window.localStorage.setItem(key, value);
    act();
    return Object.fromEntries(Object.keys(window.localStorage).map((key) => [key, window.localStorage.getItem(key) ?? '']));
  }
  const tick = (itemId: string) =>
    updateState((state) => ({...state, progress: {...state.progress, 'weeks/week-10/go': {...state.progress['weeks/week-10/go'], [itemId]: TICKED_AT}}}));
  const untick = (itemId: string) =>
    updateState((state) => {
      const {[itemId]: _gone, ...rest} = state.progress['weeks/week-10/go'] ?? {};
      return {...state, progress: {...state.progress, 'weeks/week-10/go': rest}};
    });
  const ticked = () => Object.keys(getState().progress['weeks/week-10/go'] ?? {}).sort();

  it('an untick made after seeing the tick travels back, and after merging each other both hold the same document', () => {
    let doc: unknown = null;
    const laptop = asDevice(null, () => {
      tick('d1-b1');
      tick('d1-b2');
      doc = storeAdapter.snapshot().doc;
    });
    const phone = asDevice(null, () => {
      expect(storeAdapter.merge(doc, storeAdapter.snapshot().format)).toEqual({changed: true});
      untick('d1-b2');
      doc = storeAdapter.snapshot().doc;
    });
    let laptopDoc: unknown = null;
    asDevice(laptop, () => {
      expect(storeAdapter.merge(doc, storeAdapter.snapshot().format)).toEqual({changed: true});
      expect(ticked()).toEqual(['d1-b1']);
      laptopDoc = storeAdapter.snapshot().doc;
    });
    asDevice(phone, () => {
      // The merged laptop has nothing the phone lacks: merging its document changes nothing, and both are equal.
      expect(storeAdapter.merge(laptopDoc, storeAdapter.snapshot().format)).toEqual({changed: false});
      expect(JSON.stringify(storeAdapter.snapshot().doc)).toBe(JSON.stringify(laptopDoc));
    });
  });
});
