/**
 * Registers the site's service worker and announces a new version; replaces the PWA plugin's own registration
 * (`swRegister` in docusaurus.config.ts). The plugin's version loads workbox-window (about 2.3 KiB gzip) on every page
 * and carries code for offline-mode strategies this site does not use (offline mode is on for everyone). This does the
 * same with the browser's own API: it registers once the page has loaded and gone idle, at the same address (so a
 * worker already installed stays the same worker), and when a new version waits it shows the same prompt
 * (`@theme/PwaReloadPopup`, through the plugin's own renderer). The page reloads once the new version has taken over,
 * only after Reload.
 */
import ExecutionEnvironment from '@docusaurus/ExecutionEnvironment';
import {whenIdle} from '@site/src/lib/whenIdle';

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
      // What to keep for offline use is decided in a chunk of its own, loaded once a worker controls the page: a
      // browser without one never loads it, and no page waits for it.
      whenControlled(() => void import('./keepForOffline').then(({keepForOffline}) => keepForOffline()).catch(() => {}));
    })
    .catch((error: unknown) => console.error('Service worker registration failed', error));
}

/** Whether the reader asked the browser to save data: then nothing is fetched ahead for offline use. */
export function savesData(): boolean {
  return Boolean((navigator as Navigator & {connection?: {saveData?: boolean}}).connection?.saveData);
}

export function tellWorker(message: object): void {
  navigator.serviceWorker.controller?.postMessage(message);
}

function whenControlled(run: () => void): void {
  if (navigator.serviceWorker.controller) run();
  else navigator.serviceWorker.addEventListener('controllerchange', run, {once: true});
}

/** Docusaurus calls this after each route change: a page opened by a link inside the site fetched no HTML to keep. */
export function onRouteDidUpdate({location, previousLocation}: {location: Location; previousLocation: Location | null}): void {
  if (!previousLocation || location.pathname === previousLocation.pathname || savesData()) return;
  if (ExecutionEnvironment.canUseDOM && 'serviceWorker' in navigator) tellWorker({type: 'keep-page', url: location.pathname, assets: []});
}

/** The longest the worker waits for an idle moment after the page has loaded. */
const SETTLED_WITHIN_MS = 5000;

/**
 * Runs `task` once the page has loaded and then gone idle: after its own resources, as the plugin's registration did,
 * and after hydration too, which runs in slices from about the load event and leaves the browser no idle moment until
 * it ends. A first visit's worker (its script, its install, and then the fetches of a page it controls) otherwise ran
 * beside hydration: on a phone's few cores the two share the processor, and the page became interactive later.
 */
export function afterLoadWhenIdle(task: () => void): void {
  const onceIdle = () => void whenIdle(task, SETTLED_WITHIN_MS);
  if (document.readyState === 'complete') onceIdle();
  else window.addEventListener('load', onceIdle, {once: true});
}

if (ExecutionEnvironment.canUseDOM && 'serviceWorker' in navigator) afterLoadWhenIdle(register);
