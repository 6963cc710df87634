/**
 * Registers the site's service worker and announces a new version; replaces the PWA plugin's own registration
 * (`swRegister` in docusaurus.config.ts). The plugin's version loads workbox-window (about 2.3 KiB gzip) on every page
 * and carries code for offline-mode strategies this site does not use (offline mode is on for everyone). This does the
 * same with the browser's own API: it registers once the page has loaded, at the same address (so a worker already
 * installed stays the same worker), and when a new version waits it shows the same prompt (`@theme/PwaReloadPopup`,
 * through the plugin's own renderer). The page reloads once the new version has taken over, only after Reload.
 */
import ExecutionEnvironment from '@docusaurus/ExecutionEnvironment';
import type {StoredState} from '@site/src/store';

/** The worker's address, with the parameters the plugin's worker reads: set by the plugin at build time. */
export function serviceWorkerUrl(base: string, debug: boolean): string {
  return `${base}?params=${encodeURIComponent(JSON.stringify({offlineMode: true, debug}))}`;
}

/** Waiting workers already announced: each new version is announced once per page load. */
const announced = new WeakSet<ServiceWorker>();

/**
 * Shows the plugin's update prompt (loaded only when there is an update); Reload lets the waiting version take over.
 * A bare `import()`, not src/lib/onDemand: this file is in every page's entry bundle, where the helper would add to
 * every page, and a prompt shown once per version needs neither its shared cache nor its retry.
 */
function showReloadPrompt(registration: ServiceWorkerRegistration): void {
  void import('@docusaurus/plugin-pwa/lib/renderReloadPopup.js').then(({renderReloadPopup}) =>
    renderReloadPopup({
      onReload() {
        navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), {once: true});
        registration.waiting?.postMessage({type: 'SKIP_WAITING'});
      },
    }),
  );
}

/** Prompts for the version waiting in `registration`, unless it was already announced. */
function announce(registration: ServiceWorkerRegistration, prompt: (registration: ServiceWorkerRegistration) => void): void {
  const waiting = registration.waiting;
  // A worker is "waiting" only while another one is active; the first install passes through that state on its own.
  if (!waiting || !registration.active || announced.has(waiting)) return;
  announced.add(waiting);
  prompt(registration);
}

/**
 * Announces a version waiting now, and every one that finishes installing later (in this tab or another). The
 * decision to prompt is made in the worker's own event; `prompt` is a parameter so a test can see that decision.
 */
export function watchForUpdates(registration: ServiceWorkerRegistration, prompt = showReloadPrompt): void {
  announce(registration, prompt);
  registration.addEventListener('updatefound', () => {
    const installing = registration.installing;
    installing?.addEventListener('statechange', () => {
      if (installing.state === 'installed') announce(registration, prompt);
    });
  });
}

function register(): void {
  navigator.serviceWorker
    .register(serviceWorkerUrl(process.env.PWA_SERVICE_WORKER_URL ?? '/sw.js', Boolean(process.env.PWA_DEBUG)))
    .then((registration) => {
      watchForUpdates(registration);
      whenControlled(keepForOffline);
    })
    .catch((error: unknown) => console.error('Service worker registration failed', error));
}

/** The pages of the app shell, whose chunks the worker keeps from the first visit on (see src/sw/keepOffline.js). */
const SHELL_ROUTES = ['/', '/today', '/notes', '/review', '/search'];

type DocusaurusWindow = Window & {docusaurus?: {preload(route: string): Promise<unknown> | false}};

/** Whether the reader asked the browser to save data: then nothing is fetched ahead for offline use. */
export function savesData(): boolean {
  return Boolean((navigator as Navigator & {connection?: {saveData?: boolean}}).connection?.saveData);
}

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

function tellWorker(message: object): void {
  navigator.serviceWorker.controller?.postMessage(message);
}

/** Loads a route's chunks, through the worker, which keeps them. */
function preloadRoute(route: string): void {
  void Promise.resolve((window as DocusaurusWindow).docusaurus?.preload(route)).catch(() => {});
}

function whenControlled(run: () => void): void {
  if (navigator.serviceWorker.controller) run();
  else navigator.serviceWorker.addEventListener('controllerchange', run, {once: true});
}

/**
 * Tells the worker what to keep: the page open now with the files it loaded (before the worker took the tab they did
 * not pass through it); the shell's pages and chunks once the learner keeps a record (none of this while the reader
 * saves data); and the followed plans, again whenever the follows change in this tab or another (a follow, an
 * unfollow, an import or merge). The worker cannot read the store.
 */
function keepForOffline(): void {
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

/** Docusaurus calls this after each route change: a page opened by a link inside the site fetched no HTML to keep. */
export function onRouteDidUpdate({location, previousLocation}: {location: Location; previousLocation: Location | null}): void {
  if (!previousLocation || location.pathname === previousLocation.pathname || savesData()) return;
  if (ExecutionEnvironment.canUseDOM && 'serviceWorker' in navigator) tellWorker({type: 'keep-page', url: location.pathname, assets: []});
}

if (ExecutionEnvironment.canUseDOM && 'serviceWorker' in navigator) {
  // After the page's own resources, as the plugin did: the worker's first install fetches the whole site.
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, {once: true});
}
