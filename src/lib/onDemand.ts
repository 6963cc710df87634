import {useEffect, useState} from 'react';

/** A module a component loads on first need and keeps for the tab (see `onDemand`). */
export interface OnDemand<T> {
  /** The module, once loaded in this tab. */
  current(): T | null;
  /** Loads the module once; `null` when it could not be loaded (offline before the site was cached). */
  load(): Promise<T | null>;
}

/**
 * Wraps a dynamic import for code a component needs only once the reader uses it, while the server-rendered markup
 * stands in. Unlike `React.lazy`, a failed load is not remembered: the next attempt (a later press) tries again.
 */
export function onDemand<T>(importModule: () => Promise<T>): OnDemand<T> {
  let loaded: T | null = null;
  let loading: Promise<T | null> | null = null;
  return {
    current: () => loaded,
    load() {
      loading ??= importModule().then(
        (module) => (loaded = module),
        () => {
          loading = null;
          return null;
        },
      );
      return loading;
    },
  };
}

/** The module once loaded; while `needed` and not loaded yet, loads it and renders again. */
export function useOnDemand<T>(source: OnDemand<T>, needed: boolean): T | null {
  const [loaded, setLoaded] = useState<T | null>(source.current);
  useEffect(() => {
    if (!needed || loaded) return undefined;
    let current = true;
    void source.load().then((module) => {
      if (current && module) setLoaded(module);
    });
    return () => {
      current = false;
    };
  }, [source, needed, loaded]);
  return loaded ?? source.current();
}
