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

describe('the store behind sync (until the record model lands)', () => {
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
