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

/**
 * Holds a screen wake lock while `hold(true)` is in force. The browser releases the lock whenever the tab is
 * hidden, so it is requested again when the tab becomes visible; `hold(false)` (pause, end, option off) and
 * `dispose()` release it. Refusals (low battery, permissions policy) are ignored: the timer works without it.
 */
export function createWakeLockKeeper(environment: WakeLockEnvironment = {navigator, document}): {hold(active: boolean): void; dispose(): void} {
  let wanted = false;
  let sentinel: WakeLockSentinelLike | null = null;
  let pending = false;

  const acquire = () => {
    const api = environment.navigator.wakeLock;
    if (!wanted || !api || pending || (sentinel && !sentinel.released) || environment.document.visibilityState !== 'visible') return;
    pending = true;
    api.request('screen').then(
      (lock) => {
        pending = false;
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
        pending = false;
      },
    );
  };
  const release = () => {
    const lock = sentinel;
    sentinel = null;
    if (lock && !lock.released) void lock.release().catch(() => {});
  };
  const onVisibilityChange = () => {
    if (environment.document.visibilityState === 'visible') acquire();
  };
  environment.document.addEventListener('visibilitychange', onVisibilityChange);

  return {
    hold(active) {
      wanted = active;
      if (active) acquire();
      else release();
    },
    dispose() {
      wanted = false;
      release();
      environment.document.removeEventListener('visibilitychange', onVisibilityChange);
    },
  };
}
