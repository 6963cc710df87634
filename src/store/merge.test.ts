import {mergeVersioned, pruneTombstones} from './merge';
import {DEFAULT_STATE, type StoredState} from './schema';
import {TOMBSTONE_HORIZON_MS} from './versions';

const WEEK = 'weeks/week-10/go';
const YEAR = TOMBSTONE_HORIZON_MS;
const NOW = 5 * YEAR;

const withSync = (state: Partial<StoredState>, stamps: StoredState['sync']['stamps'], prunedBefore = 0): StoredState => ({
  ...DEFAULT_STATE,
  ...state,
  sync: {...DEFAULT_STATE.sync, device: 'here', stamps, prunedBefore},
});

describe('tombstones', () => {
  it('are kept for the horizon, then forgotten under a watermark', () => {
    const state = withSync(
      {progress: {[WEEK]: {'d1-b3': 1}}},
      {
        [`tick|${WEEK}|d1-b1`]: {at: NOW - YEAR - 1000, dev: 'here'},
        [`tick|${WEEK}|d1-b2`]: {at: NOW - 1000, dev: 'here'},
        // A tick older than the horizon is a record, not a removal: it stays.
        [`tick|${WEEK}|d1-b3`]: {at: NOW - 2 * YEAR, dev: 'here'},
      },
    );
    const pruned = pruneTombstones(state, NOW);
    expect(Object.keys(pruned.sync.stamps).sort()).toEqual([`tick|${WEEK}|d1-b2`, `tick|${WEEK}|d1-b3`]);
    expect(pruned.sync.prunedBefore).toBe(NOW - YEAR - 999);
    expect(pruneTombstones(pruned, NOW)).toBe(pruned);
  });

  it('a record versioned before the watermark that is not here is not brought back by an old device', () => {
    const here = withSync({}, {}, NOW - YEAR);
    const old = withSync(
      {progress: {[WEEK]: {'d1-b1': 1, 'd1-b2': 2}}},
      {
        [`tick|${WEEK}|d1-b1`]: {at: NOW - 2 * YEAR, dev: 'old'},
        [`tick|${WEEK}|d1-b2`]: {at: NOW - 10, dev: 'old'},
      },
    );
    expect(mergeVersioned(here, old).state.progress).toEqual({[WEEK]: {'d1-b2': 2}});
  });
});
