import {useEffect, useState} from 'react';

/**
 * How code loads on demand on this site, in one place.
 *
 * Components are `React.lazy`, rendered inside a `<Suspense>` where they are used: it is React's own, costs the entry
 * bundle nothing, and is the only way that renders on the server and hydrates (a code block is written highlighted
 * into the page's HTML; a navbar item of another kind is in the server render). Its one weakness, a failed load that
 * stays failed, is handled where it matters (the search bar falls back to its stand-in).
 *
 * Everything else (a library, the merge or export code, a module of render functions whose output must become part
 * of the caller's own tree, like a block's running controls) loads through `onDemand` below: once per tab, shared by
 * every caller, and tried again after a failed load; a component that renders from such a module uses `useOnDemand`.
 * Three loads stay bare `import()`, each for the weight of every page (measured with the build): the two in the entry
 * bundle (Root's store watch, the service worker's update prompt), which would carry the helper to every page, and the
 * moved-plan check (src/hooks/useAdoptMovedPlans.ts), which would split the plan components' shared chunk in two.
 * Each runs once per page or per change and needs neither the shared cache nor the helper's retry.
 */

/** A module loaded on first need and kept for the tab (see `onDemand`). */
export interface OnDemand<T> {
  /** The module, once loaded in this tab. */
  current(): T | null;
  /** Loads the module once; `null` when it could not be loaded (offline before the site was cached). */
  load(): Promise<T | null>;
  /** Loads the module once, rejecting as `import()` does when it cannot be loaded; a later call tries again. */
  get(): Promise<T>;
}

/**
 * Wraps a dynamic import for code needed only once the reader uses it. Unlike `import()` itself or `React.lazy`, a
 * failed load is not remembered: the next attempt (a later press) tries again.
 */
export function onDemand<T>(importModule: () => Promise<T>): OnDemand<T> {
  let loaded: T | null = null;
  let loading: Promise<T> | null = null;
  const get = (): Promise<T> => {
    loading ??= importModule().then(
      (module) => (loaded = module),
      (error: unknown) => {
        loading = null;
        throw error;
      },
    );
    return loading;
  };
  return {
    current: () => loaded,
    get,
    load: () => get().catch(() => null),
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
