/**
 * What the page asks the service worker to keep for offline use (src/sw/keepOffline.js runs in the worker). Loaded by
 * src/sw/register.ts once a worker controls the page.
 */
import type {StoredState} from '@site/src/store';
import {savesData, tellWorker} from './register';

/** The pages of the app shell, kept with their chunks once the learner keeps a record (see src/sw/keepOffline.js). */
const SHELL_ROUTES = ['/', '/today', '/notes', '/review', '/search'];

type DocusaurusWindow = Window & {docusaurus?: {preload(route: string): Promise<unknown> | false}};

/**
 * Whether the learner keeps anything the app shell's pages show: a followed plan (Today), a tick, note or mark (Today,
 * notes, review, the home page's "continue"). Until then those pages have nothing of theirs to show offline, and a
 * first visit downloads only the page itself.
 */
export function keepsRecords(state: Pick<StoredState, 'follows' | 'progress' | 'stamps' | 'dayNotes'>): boolean {
  // Per plan, per item (or day): a plan's map can be there and empty, once its last record was removed.
  const holdsAny = (byPlan: Record<string, object>) => Object.values(byPlan).some((records) => Object.keys(records).length > 0);
  return state.follows.length > 0 || holdsAny(state.progress) || holdsAny(state.stamps) || holdsAny(state.dayNotes);
}

/** The addresses of the followed plans, each once (a plan's route is its id). */
export function followedRoutes(follows: readonly {planIds: readonly string[]}[]): string[] {
  return [...new Set(follows.flatMap((follow) => follow.planIds.map((planId) => `/${planId}`)))].sort();
}

/**
 * The followed plans to fetch now: all of them, or with Save-Data on only those followed since this page loaded (the
 * learner asked for them); `before` is null on the first call.
 */
export function plansToFetch(routes: readonly string[], before: ReadonlySet<string> | null, saveData: boolean): string[] {
  if (!saveData) return [...routes];
  return before ? routes.filter((route) => !before.has(route)) : [];
}

/** Loads a route's chunks, through the worker, which keeps them. */
function preloadRoute(route: string): void {
  void Promise.resolve((window as DocusaurusWindow).docusaurus?.preload(route)).catch(() => {});
}

/**
 * Tells the worker what to keep: the page open now with the files it loaded (before the worker took the tab they did
 * not pass through it); the shell's pages and chunks once the learner keeps a record (none of this while the reader
 * saves data); and the followed plans, again whenever the follows change in this tab or another (a follow, an
 * unfollow, an import or merge). The worker cannot read the store.
 */
export function keepForOffline(): void {
  if (!savesData()) {
    const used = performance
      .getEntriesByType('resource')
      .map((entry) => new URL(entry.name))
      .filter((url) => url.origin === window.location.origin && url.pathname.startsWith('/assets/'))
      .map((url) => url.pathname);
    tellWorker({type: 'keep-page', url: window.location.pathname, assets: used});
  }
  void import('@site/src/store').then(({getState, subscribe}) => {
    let shellAsked = false;
    let before: Set<string> | null = null;
    let sent = '';
    const send = () => {
      if (!shellAsked && !savesData() && keepsRecords(getState())) {
        shellAsked = true;
        tellWorker({type: 'keep-shell'});
        SHELL_ROUTES.forEach(preloadRoute);
      }
      const routes = followedRoutes(getState().follows);
      if (before !== null && routes.join('\n') === sent) return;
      const fetchNow = plansToFetch(routes, before, savesData());
      tellWorker({type: 'keep-followed', followed: routes, fetchNow});
      fetchNow.forEach(preloadRoute);
      before = new Set(routes);
      sent = routes.join('\n');
    };
    send();
    subscribe(send);
  });
}
