import {Suspense, createElement, lazy, useEffect, useState, type ComponentType, type ReactNode} from 'react';
import ErrorBoundary from '@docusaurus/ErrorBoundary';

/**
 * How code loads on demand on this site, in one place.
 *
 * Components load through `lazyComponent` below: `React.lazy` inside its own `<Suspense>`, which costs the entry bundle
 * next to nothing and is the only way that renders on the server and hydrates (a code block is written highlighted
 * into the page's HTML; a navbar item of another kind is in the server render). What `React.lazy` lacks is added there:
 * a failed load is tried once more (a chunk whose load timed out while the device slept arrives on the second try),
 * and a load that fails twice shows the fallback instead of taking the whole page down.
 *
 * Everything else (a library, the merge or export code, a module of render functions whose output must become part
 * of the caller's own tree, like a block's running controls) loads through `onDemand`: once per tab, shared by every
 * caller, and tried again after a failed load; a component that renders from such a module uses `useOnDemand`.
 * Four loads stay bare `import()`, each for the weight of every page (measured with the build): the three in the entry
 * bundle (Root's store watch, the service worker's update prompt and what it keeps offline), which would carry the
 * helper to every page, and the moved-plan check (src/hooks/useAdoptMovedPlans.ts), which would split the plan
 * components' shared chunk in two. Each runs once per page or per change and needs neither the shared cache nor the
 * helper's retry.
 */

/**
 * A component whose code loads when it is first rendered. Until it arrives, and if it cannot be loaded (offline before
 * the site was cached), `fallback` renders in its place; the rest of the page never notices.
 */
export function lazyComponent<P extends object>(
  load: () => Promise<{default: ComponentType<P>}>,
  fallback: (props: P) => ReactNode = () => null,
): (props: P) => ReactNode {
  // A chunk's load fails for good only if it fails twice: the bundler forgets a failed chunk, so the second import()
  // requests it afresh.
  const Loaded = lazy(() => load().catch(() => load()));
  return function OnDemandComponent(props: P): ReactNode {
    const shown = fallback(props);
    const loading = createElement(Suspense, {fallback: shown}, createElement(Loaded, props));
    return createElement(ErrorBoundary, {fallback: () => shown, children: loading});
  };
}

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
 * load is tried twice before it fails, and a failed load is not remembered: the next attempt (a later press) tries
 * again.
 */
export function onDemand<T>(importModule: () => Promise<T>): OnDemand<T> {
  let loaded: T | null = null;
  let loading: Promise<T> | null = null;
  const get = (): Promise<T> => {
    // As in `lazyComponent`: the bundler forgets a chunk whose load failed (or timed out while the device slept), so
    // asking once more at once requests it afresh.
    loading ??= importModule()
      .catch(() => importModule())
      .then(
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
