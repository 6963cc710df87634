/** Keeps the screen on while a timer runs, where the Screen Wake Lock API exists; elsewhere it does nothing. */

interface WakeLockSentinelLike {
  released: boolean;
  release(): Promise<void>;
  addEventListener(type: 'release', listener: () => void): void;
}

interface WakeLockEnvironment {
  navigator: {wakeLock?: {request(type: 'screen'): Promise<WakeLockSentinelLike>}};
  document: Pick<Document, 'visibilityState' | 'addEventListener' | 'removeEventListener'>;
}

/** True where the browser can keep the screen on. */
export function canKeepAwake(environment: Pick<WakeLockEnvironment, 'navigator'> = {navigator}): boolean {
  return typeof environment.navigator.wakeLock?.request === 'function';
}

/** Holds the screen on while wanted; `hold` resolves once the browser has answered the request it made, if any. */
export interface WakeLockKeeper {
  hold(active: boolean): Promise<void>;
  dispose(): void;
}

/**
 * Holds a screen wake lock while `hold(true)` is in force. The browser releases the lock whenever the tab is
 * hidden, so it is requested again when the tab becomes visible; `hold(false)` (pause, end, option off) and
 * `dispose()` release it. Refusals (low battery, permissions policy) are ignored: the timer works without it.
 */
export function createWakeLockKeeper(environment: WakeLockEnvironment = {navigator, document}): WakeLockKeeper {
  let wanted = false;
  let sentinel: WakeLockSentinelLike | null = null;
  /** The request the browser has not answered yet: no second one is made meanwhile. */
  let pending: Promise<void> | null = null;

  const acquire = (): Promise<void> => {
    const api = environment.navigator.wakeLock;
    if (pending) return pending;
    if (!wanted || !api || (sentinel && !sentinel.released) || environment.document.visibilityState !== 'visible') return Promise.resolve();
    pending = api.request('screen').then(
      (lock) => {
        pending = null;
        if (!wanted) {
          void lock.release().catch(() => {});
          return;
        }
        sentinel = lock;
        lock.addEventListener('release', () => {
          if (sentinel === lock) sentinel = null;
        });
      },
      () => {
        pending = null;
      },
    );
    return pending;
  };
  const release = () => {
    const lock = sentinel;
    sentinel = null;
    if (lock && !lock.released) void lock.release().catch(() => {});
  };
  const onVisibilityChange = () => {
    if (environment.document.visibilityState === 'visible') void acquire();
  };
  environment.document.addEventListener('visibilitychange', onVisibilityChange);

  return {
    hold(active) {
      wanted = active;
      if (active) return acquire();
      release();
      return pending ?? Promise.resolve();
    },
    dispose() {
      wanted = false;
      release();
      environment.document.removeEventListener('visibilitychange', onVisibilityChange);
    },
  };
}
