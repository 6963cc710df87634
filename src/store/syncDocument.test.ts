// @vitest-environment jsdom
import {getState, mergeTravellingDocument, resetStoreForTests, travellingDocument, updateState} from './state';
import {EXPORT_VERSION} from './exchange';
import {setTick} from './progress';
import {setNote} from './notes';

const WEEK = 'weeks/week-10/go';

beforeEach(() => {
  window.localStorage.clear();
  resetStoreForTests();
  vi.useFakeTimers({now: new Date('2026-03-02T09:00:00Z'), toFake: ['Date']});
});
afterEach(() => vi.useRealTimers());

/** Moves this browser's store aside and starts another device's, as a second profile would. */
function otherDevice(): string {
  const saved = window.localStorage.getItem('go-study-plans') ?? '';
  window.localStorage.clear();
  resetStoreForTests();
  return saved;
}

describe('the travelling document for sync', () => {
  it('is JSON with its format number, and merging it elsewhere says what changed, once', async () => {
    updateState((state) => ({...state, progress: setTick(state.progress, WEEK, 'd1-b1', true, Date.now())}));
    updateState((state) => ({...state, itemNotes: setNote(state.itemNotes, 'item', WEEK, 'd1-b1', 'two pointers')}));
    const document = JSON.parse(JSON.stringify(await travellingDocument())) as {version: number};
    expect(document.version).toBe(EXPORT_VERSION);
    otherDevice();

    await expect(mergeTravellingDocument(document)).resolves.toMatchObject({ok: true, changed: true, outcome: 'saved'});
    expect(getState().progress[WEEK]).toEqual({'d1-b1': Date.now()});
    expect(getState().itemNotes[WEEK]).toEqual({'d1-b1': 'two pointers'});
    await expect(mergeTravellingDocument(document)).resolves.toMatchObject({ok: true, changed: false});
  });

  it('carries an untick made after the other device’s tick', async () => {
    updateState((state) => ({...state, progress: setTick(state.progress, WEEK, 'd1-b1', true, Date.now())}));
    const ticked = await travellingDocument();
    const laptop = otherDevice();
    await mergeTravellingDocument(ticked);
    vi.setSystemTime(Date.now() + 60_000);
    updateState((state) => ({...state, progress: setTick(state.progress, WEEK, 'd1-b1', false, Date.now())}));
    const unticked = await travellingDocument();
    window.localStorage.setItem('go-study-plans', laptop);
    resetStoreForTests();
    expect(getState().progress[WEEK]).toEqual({'d1-b1': expect.any(Number)});
    await expect(mergeTravellingDocument(unticked)).resolves.toMatchObject({ok: true, changed: true});
    expect(getState().progress[WEEK]).toBeUndefined();
  });

  it.each([undefined, null, 42, 'not json', {app: 'something else', version: 1}, {app: 'go-study-plans', version: 99, progress: {}}])(
    'refuses %j with a reason, changing nothing',
    async (document) => {
      const result = await mergeTravellingDocument(document);
      expect(result.ok).toBe(false);
      expect(!result.ok && result.error).toMatch(/\w/);
      expect(window.localStorage.getItem('go-study-plans')).toBeNull();
    },
  );

  it('refuses a document that cannot be written as JSON, without throwing', async () => {
    const circular: Record<string, unknown> = {app: 'go-study-plans'};
    circular.self = circular;
    await expect(mergeTravellingDocument(circular)).resolves.toMatchObject({ok: false});
  });
});
