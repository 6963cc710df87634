import {encodeTransfer, isTransferFragment, linkTooLong, MAX_LINK_LENGTH, previewTransfer, readTransfer, TRANSFER_FORMAT} from './transfer';
import {describeImport, exportProgress, extrasOf, importProgress, withImport} from './exchange';
import {exchange} from './devices.testkit';
import type {ReviewMap} from './review';
import {DEFAULT_STATE, type FollowedPlan, type StoredState} from './schema';
import {withDetachedKey} from './stamps';
import {pauseTimer, startTimer, timerKey} from './timers';

const WEEK = 'weeks/week-10/go';

async function offerFor(progress: Record<string, Record<string, number>>, variant: '4h' | '6h' | null = null) {
  const read = await readTransfer(`#${await encodeTransfer(progress, variant)}`);
  if (!read.ok) throw new Error(read.error);
  return read.offer;
}

describe('a "Move my progress" link', () => {
  it('carries every tick with its time and the 4h/6h choice, in the fragment, shorter than the JSON', async () => {
    const progress = {[WEEK]: Object.fromEntries(Array.from({length: 40}, (_, index) => [`d${(index % 7) + 1}-b${index + 1}`, 1_767_600_000_000 + index]))};
    const fragment = await encodeTransfer(progress, '6h');
    expect(isTransferFragment(`#${fragment}`)).toBe(true);
    expect(fragment).toMatch(new RegExp(`^move=${TRANSFER_FORMAT}\\.[A-Za-z0-9_-]+$`));
    expect(fragment.length).toBeLessThan(JSON.stringify(progress).length);
    const preview = previewTransfer(await offerFor(progress, '6h'), {}, null);
    expect(preview).toMatchObject({ok: true, progress, variant: '6h', variantChanges: true, report: {added: 40}});
  });

  it('merges by the import rules: never unticks, the earliest time wins, unknown plans are kept', async () => {
    const offer = await offerFor({[WEEK]: {'d1-b1': 500, 'd1-b2': 9000}, 'weeks/week-99/go': {'d1-b1': 7}}, null);
    const preview = previewTransfer(offer, {[WEEK]: {'d1-b2': 1000, 'd3-b1': 4000}}, '6h', new Map([[WEEK, new Set(['d1-b1', 'd1-b2', 'd3-b1'])]]));
    expect(preview).toMatchObject({
      ok: true,
      progress: {[WEEK]: {'d1-b1': 500, 'd1-b2': 1000, 'd3-b1': 4000}, 'weeks/week-99/go': {'d1-b1': 7}},
      report: {added: 2, alreadyThere: 1, unknownPlans: ['weeks/week-99/go']},
      // A link from a device where no choice was made keeps this one's.
      variant: '6h',
      variantChanges: false,
    });
  });

  it('carries "review later" marks with their schedules, merged by the import rules', async () => {
    const card = {
      due: 9000,
      stability: 2,
      difficulty: 5,
      elapsedDays: 1,
      scheduledDays: 3,
      learningSteps: 0,
      reps: 3,
      lapses: 0,
      state: 2 as const,
      lastReview: 5000,
    };
    const review: ReviewMap = {
      [WEEK]: {'d2-b1': {label: 'Block 1 · Channels', markedAt: 100, card}, 'd2-b2': {label: 'Block 2', markedAt: 200, card: null}},
    };
    const read = await readTransfer(`#${await encodeTransfer({}, null, {review})}`);
    if (!read.ok) throw new Error(read.error);
    const here: ReviewMap = {[WEEK]: {'d2-b1': {label: 'Block 1', markedAt: 50, card: {...card, reps: 1, lastReview: 1000}}}};
    const preview = previewTransfer(read.offer, {}, null, undefined, {review: here});
    expect(preview).toMatchObject({
      ok: true,
      review: {[WEEK]: {'d2-b1': {label: 'Block 1', markedAt: 50, card}, 'd2-b2': review[WEEK]!['d2-b2']}},
      report: {added: 0, review: {added: 1, rescheduled: 1}},
    });
  });

  it('of format 1 (ticks and the choice only) still opens, and leaves the marks here alone', async () => {
    const payload = JSON.stringify({app: 'go-study-plans', variant: '4h', progress: {[WEEK]: {'d1-b1': 7}}});
    const compressed = new Uint8Array(await new Response(new Blob([payload]).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer());
    const base64url = btoa(String.fromCharCode(...compressed))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
    const read = await readTransfer(`#move=1.${base64url}`);
    if (!read.ok) throw new Error(read.error);
    const here: ReviewMap = {[WEEK]: {'d2-b1': {label: 'x', markedAt: 1, card: null}}};
    expect(previewTransfer(read.offer, {}, null, undefined, {review: here})).toMatchObject({
      ok: true,
      progress: {[WEEK]: {'d1-b1': 7}},
      review: here,
      variant: '4h',
      report: {added: 1, review: {added: 0}},
    });
  });

  it('cut off anywhere, it is refused as damaged', async () => {
    const fragment = await encodeTransfer({[WEEK]: {'d1-b1': 1_767_600_000_000, 'd2-b1': 1_767_600_100_000}}, '4h');
    for (const length of [fragment.length - 1, fragment.length - 5, Math.floor(fragment.length / 2), 'move=1.'.length, 'move='.length]) {
      const read = await readTransfer(`#${fragment.slice(0, length)}`);
      expect(read, `cut to ${length} characters`).toEqual({ok: false, error: expect.stringMatching(/damaged or incomplete.*Nothing was changed/)});
    }
  });

  it('from a newer site, or not ours, it is refused and says why', async () => {
    const fragment = await encodeTransfer({}, null);
    expect(await readTransfer(`#${fragment.replace(`move=${TRANSFER_FORMAT}.`, `move=${TRANSFER_FORMAT + 1}.`)}`)).toEqual({
      ok: false,
      error: expect.stringMatching(/newer version of this site.*Nothing was changed/),
    });
    expect(await readTransfer('#move=1.not*base64')).toMatchObject({ok: false});
    expect(await readTransfer('#move=1.AAAA')).toMatchObject({ok: false});
  });
});

describe('a "Move my progress" link of format 4', () => {
  const NOW = Date.UTC(2026, 2, 4, 12);
  const follow: FollowedPlan = {
    id: 'f-1',
    planIds: [WEEK],
    start: '2026-03-02',
    variant: null,
    weekdays: [1, 2, 3, 4, 5],
    shifts: [],
    skipBefore: 0,
    catchUpBefore: 0,
  };

  afterEach(() => {
    vi.useRealTimers();
  });

  it('carries notes, followed plans, the time log, set-aside records and timers, a running one arriving paused', async () => {
    vi.useFakeTimers({now: NOW - 120_000});
    let state: StoredState = {
      ...DEFAULT_STATE,
      follows: [follow],
      dayNotes: {[WEEK]: {'2': 'Day two went well'}},
      itemNotes: {[WEEK]: {'d2-b1': 'select with a timeout'}},
      detached: [
        withDetachedKey({
          planId: WEEK,
          itemId: 'd3-b1',
          text: 'Old block',
          fingerprint: 'old block',
          detachedAt: 5,
          tick: 4,
          note: null,
          review: null,
          runs: [],
        }),
      ],
    };
    state = startTimer(state, {planId: WEEK, itemId: 'd2-b1', durationMs: 3_600_000, maxMs: 3_600_000, next: []}, Date.now());
    vi.advanceTimersByTime(60_000);
    state = pauseTimer(state, timerKey(WEEK, 'd2-b1'), Date.now());
    state = startTimer(state, {planId: WEEK, itemId: 'd2-b2', durationMs: 3_600_000, maxMs: 3_600_000, next: []}, Date.now());
    vi.advanceTimersByTime(30_000);
    // Made while "Block 2" runs: it has run 30 seconds.
    const read = await readTransfer(`#${await encodeTransfer({[WEEK]: {'d1-b1': 7}}, '6h', extrasOf(state))}`);
    if (!read.ok) throw new Error(read.error);
    const preview = previewTransfer(read.offer, {}, null, undefined, {}, Date.now());
    if (!preview.ok) throw new Error(preview.error);
    const arrived = {...withImport(DEFAULT_STATE, preview), variant: preview.variant};
    expect(arrived.follows).toEqual([follow]);
    expect(arrived.dayNotes).toEqual(state.dayNotes);
    expect(arrived.itemNotes).toEqual(state.itemNotes);
    expect(arrived.detached).toEqual(state.detached);
    // The stretch still running is not logged: the other device logs it whole when that timer stops there.
    expect(arrived.timerRuns).toEqual([{planId: WEEK, itemId: 'd2-b1', start: NOW - 120_000, end: NOW - 60_000, finished: false}]);
    expect(arrived.timers[timerKey(WEEK, 'd2-b1')]).toMatchObject({elapsedMs: 60_000, runningSince: null});
    expect(arrived.timers[timerKey(WEEK, 'd2-b2')]).toMatchObject({elapsedMs: 30_000, runningSince: null});
    expect(preview.report).toMatchObject({added: 1, followsAdded: 1, runsAdded: 1, timersAdded: 2, detachedAdded: 1, notes: {added: 2}});
    expect(describeImport(preview.report)).toMatch(/Time: 1 timer run added to the time log; 2 paused timers added\./);
  });

  it('two devices with a paused timer on one item end with the same timer, the one with more time on it; a timer in use here stays', () => {
    const spec = {planId: WEEK, itemId: 'd2-b1', durationMs: 3_600_000, maxMs: 3_600_000, next: []};
    const key = timerKey(WEEK, 'd2-b1');
    const laptop = pauseTimer(startTimer(DEFAULT_STATE, spec, NOW), key, NOW + 600_000);
    const phone = pauseTimer(startTimer(DEFAULT_STATE, spec, NOW + 60_000), key, NOW + 300_000);
    const phoneAfter = exchange(laptop, phone, NOW + 700_000);
    const laptopAfter = exchange(phone, laptop, NOW + 700_000);
    expect(phoneAfter.timers[key]).toEqual(laptop.timers[key]);
    expect(laptopAfter.timers[key]).toEqual(laptop.timers[key]);
    const file = JSON.stringify(exportProgress({}, new Date(NOW + 700_000), extrasOf(laptop)));
    const imported = importProgress(file, {}, undefined, extrasOf(phone), NOW + 700_000);
    if (!imported.ok) throw new Error(imported.error);
    expect(describeImport(imported.report)).toContain('1 paused timer taken from the file, where it had more time on it than the one here');
    // Running on the phone, its own timer is the one in use there.
    const running = startTimer(phone, spec, NOW + 650_000);
    expect(exchange(laptop, running, NOW + 700_000).timers[key]).toEqual(running.timers[key]);
  });

  it('of format 3 (ticks, marks and stamps) still opens, and leaves the time log and notes here alone', async () => {
    const payload = JSON.stringify({
      app: 'go-study-plans',
      variant: null,
      progress: {[WEEK]: {'d1-b1': 7}},
      review: {},
      stamps: {[WEEK]: {'d1-b1': {fingerprint: 'channels', text: 'Channels'}}},
    });
    const read = await readTransfer(`#move=3.${await deflated(payload)}`);
    if (!read.ok) throw new Error(read.error);
    const run = {planId: WEEK, itemId: 'd2-b1', start: 1, end: 2, finished: true};
    const preview = previewTransfer(read.offer, {}, '4h', undefined, {timerRuns: [run], dayNotes: {[WEEK]: {'1': 'mine'}}}, NOW);
    expect(preview).toMatchObject({ok: true, progress: {[WEEK]: {'d1-b1': 7}}, timerRuns: [run], notes: {dayNotes: {[WEEK]: {'1': 'mine'}}}, variant: '4h'});
  });

  it('too long to be sent safely is not made, and the reader is told to move a file instead', async () => {
    // Notes that hardly compress, as long ones with code in them can be.
    let seed = 1;
    const noise = (length: number) =>
      Array.from({length}, () => {
        // xorshift32: the same text every run, as little repetition as deflate could use.
        seed ^= seed << 13;
        seed ^= seed >>> 17;
        seed ^= seed << 5;
        return String.fromCharCode(33 + ((seed >>> 0) % 90));
      }).join('');
    const short = `https://example.org/#${await encodeTransfer({}, null, {dayNotes: {[WEEK]: {'1': noise(2_000)}}})}`;
    expect(linkTooLong(short)).toBeNull();
    const long = `https://example.org/#${await encodeTransfer({}, null, {dayNotes: {[WEEK]: Object.fromEntries(Array.from({length: 7}, (_, day) => [String(day + 1), noise(20_000)]))}})}`;
    expect(long.length).toBeGreaterThan(MAX_LINK_LENGTH);
    expect(linkTooLong(long)).toMatch(/too much for a link.*No link was made\. Use "Export progress"/);
  });
});

async function deflated(text: string): Promise<string> {
  const compressed = new Uint8Array(await new Response(new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer());
  return btoa(String.fromCharCode(...compressed))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}
