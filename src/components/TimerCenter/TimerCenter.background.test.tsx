import {act, render, screen, within} from '@testing-library/react';
import PlanItem from '@site/src/components/PlanItem';
import TimerCenter from '@site/src/components/TimerCenter';
import {getState} from '@site/src/store';
import {loadPlanModel} from '@site/src/hooks/usePlanModels';
import {loadRunningTimer} from '@site/src/components/BlockTimer';
import {Week09} from '@site/tests/unit/support/planPage';
import {MINUTE, advance, click} from '@site/tests/unit/support/timers';

/** Oscillators record when they were booked to start and whether they were taken back. */
class FakeOscillator {
  type = 'sine';
  frequency = {value: 0};
  startAt: number | null = null;
  cancelled = false;
  connect<T>(node: T): T {
    return node;
  }
  disconnect() {}
  start(at: number) {
    this.startAt = at;
  }
  stop(at?: number) {
    if (at === undefined) this.cancelled = true;
  }
}

/** An audio clock the test moves by hand; `state` 'suspended' stands for audio blocked by the browser. */
class FakeAudioContext {
  static instance: FakeAudioContext;
  static state: AudioContextState = 'running';
  currentTime = 100;
  destination = {};
  oscillators: FakeOscillator[] = [];
  constructor() {
    FakeAudioContext.instance = this;
  }
  get state() {
    return FakeAudioContext.state;
  }
  resume() {
    return Promise.resolve();
  }
  createOscillator() {
    const oscillator = new FakeOscillator();
    this.oscillators.push(oscillator);
    return oscillator;
  }
  createGain() {
    return {gain: {setValueAtTime() {}, exponentialRampToValueAtTime() {}}, connect: <T,>(node: T) => node};
  }
}

/** A worker whose timer the test fires: page timers of a hidden tab may be held back, a worker's are not. */
class FakeWorker {
  static instances: FakeWorker[] = [];
  onmessage: (() => void) | null = null;
  delay: number | null = null;
  terminated = false;
  constructor() {
    FakeWorker.instances.push(this);
  }
  postMessage(delay: number) {
    this.delay = delay;
  }
  terminate() {
    this.terminated = true;
  }
}

const wakeLock = {request: vi.fn(), locks: [] as {released: boolean; release: ReturnType<typeof vi.fn>}[]};

beforeAll(async () => {
  // The panel loads its plan as soon as a timer exists, long before one ends; these synchronous tests load it first.
  await loadPlanModel('weeks/week-09/go');
  // A block's running controls load once it has a timer: loaded first as well.
  await loadRunningTimer();
  vi.stubGlobal('AudioContext', FakeAudioContext);
  vi.stubGlobal('Worker', FakeWorker);
  URL.createObjectURL = () => 'blob:timer';
  URL.revokeObjectURL = () => {};
  Object.defineProperty(navigator, 'wakeLock', {configurable: true, value: wakeLock});
});

afterAll(() => {
  vi.unstubAllGlobals();
  Reflect.deleteProperty(navigator, 'wakeLock');
});

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-01-05T09:00:00Z'));
  FakeAudioContext.state = 'running';
  // One audio context serves the page (as in the browser): only this test's oscillators count.
  if (FakeAudioContext.instance) FakeAudioContext.instance.oscillators = [];
  FakeWorker.instances = [];
  wakeLock.locks = [];
  wakeLock.request = vi.fn(async () => {
    const lock = {released: false, release: vi.fn(async () => void (lock.released = true)), addEventListener() {}};
    wakeLock.locks.push(lock);
    return lock;
  });
});

afterEach(() => {
  vi.useRealTimers();
  document.title = '';
});

function renderBlock() {
  render(
    <>
      <Week09>
        <PlanItem itemId="d1-b4">Block 4 (Review – 30 min)</PlanItem>
      </Week09>
      <TimerCenter />
    </>,
  );
  return () => click(screen.getByRole('button', {name: /^Start .+, Block 4 /}));
}

const booked = () => FakeAudioContext.instance.oscillators.filter((oscillator) => !oscillator.cancelled);
const flush = () => act(async () => void (await Promise.resolve()));

describe('a timer in a background tab (TimerCenter)', () => {
  it('books the chime on the audio clock for the end when the timer starts, and does not chime twice', () => {
    renderBlock()();
    expect(booked().map((oscillator) => oscillator.startAt)).toEqual([100 + 30 * 60, 100 + 30 * 60 + 0.22]);
    advance(30 * MINUTE + 100);
    expect(screen.getByRole('status')).toHaveTextContent("Time's up: Block 4 · Review");
    expect(booked()).toHaveLength(2);
  });

  it('takes the booked chime back on pause, and books it again for the rest on resume', () => {
    renderBlock()();
    advance(10 * MINUTE);
    click(within(screen.getByRole('complementary', {name: 'Active timer'})).getByRole('button', {name: 'Pause'}));
    expect(booked()).toHaveLength(0);
    FakeAudioContext.instance.currentTime = 700;
    click(screen.getByRole('button', {name: /^Resume\b.*Block 4/}));
    expect(booked().map((oscillator) => oscillator.startAt)).toEqual([700 + 20 * 60, 700 + 20 * 60 + 0.22]);
  });

  it('ends when the worker says so, even if the page’s own timers are held back', () => {
    renderBlock()();
    const worker = FakeWorker.instances.at(-1)!;
    expect(worker.delay).toBe(30 * MINUTE + 50);
    // An hour in a hidden tab: the clock moves, the page's timers do not fire, the worker's message arrives.
    vi.setSystemTime(new Date('2026-01-05T09:30:01Z'));
    act(() => worker.onmessage?.());
    expect(screen.getByRole('status')).toHaveTextContent("Time's up: Block 4 · Review");
    expect(Object.values(getState().timers)[0]!.finishedAt).toBe(Date.parse('2026-01-05T09:30:00Z'));
    expect(worker.terminated).toBe(true);
  });

  it('chimes when the end is noticed where audio was blocked in advance', () => {
    FakeAudioContext.state = 'suspended';
    renderBlock()();
    const before = FakeAudioContext.instance.oscillators.length;
    FakeAudioContext.instance.currentTime = 2000;
    advance(30 * MINUTE + 100);
    expect(FakeAudioContext.instance.oscillators.slice(before).map((oscillator) => oscillator.startAt)).toEqual([2000, 2000.22]);
  });

  it('keeps the screen on while the timer runs, lets go on pause, and the option turns it off', async () => {
    const start = renderBlock();
    start();
    await flush();
    expect(wakeLock.request).toHaveBeenCalledWith('screen');
    const panel = within(screen.getByRole('complementary', {name: 'Active timer'}));
    click(panel.getByRole('button', {name: 'Pause'}));
    expect(wakeLock.locks[0]!.release).toHaveBeenCalled();

    click(screen.getByRole('button', {name: /^Resume\b.*Block 4/}));
    await flush();
    expect(wakeLock.request).toHaveBeenCalledTimes(2);
    const option = within(screen.getByRole('complementary', {name: 'Active timer'})).getByRole('checkbox', {name: 'Keep the screen on while a timer runs'});
    expect(option).toBeChecked();
    click(option);
    expect(wakeLock.locks[1]!.release).toHaveBeenCalled();
    expect(getState().keepAwake).toBe(false);
  });
});
