import {canKeepAwake, createWakeLockKeeper} from './wakeLock';

/** A page whose visibility the test sets, and a wake lock API that records requests and releases. */
function fakeEnvironment({supported = true} = {}) {
  const events = new EventTarget();
  const locks: {released: boolean; release: ReturnType<typeof vi.fn>; fireRelease: () => void}[] = [];
  const document = {
    visibilityState: 'visible' as DocumentVisibilityState,
    addEventListener: (type: string, listener: EventListener) => events.addEventListener(type, listener),
    removeEventListener: (type: string, listener: EventListener) => events.removeEventListener(type, listener),
  };
  const request = vi.fn(async () => {
    const listeners: (() => void)[] = [];
    const lock = {
      released: false,
      release: vi.fn(async () => {
        lock.released = true;
        listeners.forEach((listener) => listener());
      }),
      addEventListener: (_type: 'release', listener: () => void) => listeners.push(listener),
      // What the browser does when the tab is hidden.
      fireRelease: () => {
        lock.released = true;
        listeners.forEach((listener) => listener());
      },
    };
    locks.push(lock);
    return lock;
  });
  const setVisibility = (state: DocumentVisibilityState) => {
    document.visibilityState = state;
    events.dispatchEvent(new Event('visibilitychange'));
  };
  return {environment: {navigator: supported ? {wakeLock: {request}} : {}, document}, request, locks, setVisibility};
}

describe('keeping the screen on while a timer runs', () => {
  it('requests the lock when a timer runs and releases it on pause or end', async () => {
    const {environment, request, locks} = fakeEnvironment();
    const keeper = createWakeLockKeeper(environment as never);
    await keeper.hold(true);
    expect(request).toHaveBeenCalledWith('screen');
    await keeper.hold(true);
    expect(request).toHaveBeenCalledTimes(1);
    await keeper.hold(false);
    expect(locks[0]!.release).toHaveBeenCalled();
  });

  it('asks once while the browser has not answered yet', async () => {
    const {environment, request} = fakeEnvironment();
    const keeper = createWakeLockKeeper(environment as never);
    const first = keeper.hold(true);
    const second = keeper.hold(true);
    await Promise.all([first, second]);
    expect(request).toHaveBeenCalledTimes(1);
  });

  it('asks again when the tab becomes visible, since the browser lets go of it when hidden', async () => {
    const {environment, request, locks, setVisibility} = fakeEnvironment();
    const keeper = createWakeLockKeeper(environment as never);
    await keeper.hold(true);
    setVisibility('hidden');
    locks[0]!.fireRelease();
    setVisibility('visible');
    expect(request).toHaveBeenCalledTimes(2);
    expect(locks[1]!.released).toBe(false);
  });

  it('does not ask while hidden or after a pause, and stops listening when disposed', async () => {
    const {environment, request, setVisibility} = fakeEnvironment();
    environment.document.visibilityState = 'hidden';
    const keeper = createWakeLockKeeper(environment as never);
    await keeper.hold(true);
    expect(request).not.toHaveBeenCalled();
    await keeper.hold(false);
    setVisibility('visible');
    expect(request).not.toHaveBeenCalled();
    await keeper.hold(true);
    expect(request).toHaveBeenCalledTimes(1);
    keeper.dispose();
    setVisibility('hidden');
    setVisibility('visible');
    expect(request).toHaveBeenCalledTimes(1);
  });

  it('a lock granted after the timer already paused is given back at once', async () => {
    const {environment, locks} = fakeEnvironment();
    const keeper = createWakeLockKeeper(environment as never);
    void keeper.hold(true);
    await keeper.hold(false);
    expect(locks[0]!.release).toHaveBeenCalled();
  });

  it('without the API nothing is requested and nothing breaks; a refusal is ignored', async () => {
    const missing = fakeEnvironment({supported: false});
    expect(canKeepAwake(missing.environment as never)).toBe(false);
    const keeper = createWakeLockKeeper(missing.environment as never);
    await expect(keeper.hold(true)).resolves.toBeUndefined();

    const refusing = fakeEnvironment();
    refusing.request.mockRejectedValueOnce(new DOMException('Battery low', 'NotAllowedError'));
    const refused = createWakeLockKeeper(refusing.environment as never);
    await expect(refused.hold(true)).resolves.toBeUndefined();
    refusing.setVisibility('visible');
    expect(refusing.request).toHaveBeenCalledTimes(2);
  });
});
