/**
 * A client module on every page: when this browser keeps a sync token, the sync code is loaded and started once the
 * first page has rendered. With sync off this is all any page carries of it.
 *
 * Other tabs of the site follow the one where the learner turns sync on or off: the token's key changing in
 * localStorage reaches them as a `storage` event, and they start or stop without a reload. Each tab then syncs on its
 * own; their writes merge like any two devices' (the engine reads, merges and writes), so two tabs lose nothing.
 */
import {SYNC_TOKEN_KEY, syncIsOn} from './keys';

let started = false;

function start(): void {
  if (started || !syncIsOn()) return;
  started = true;
  void import('./browser').then(
    (sync) => sync.startSync(),
    () => {
      // Offline before the site was cached: the next page load tries again.
      started = false;
    },
  );
}

if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    // `key` is null when another tab cleared all of the site's storage. Stopping is the sync code's own (./browser.ts).
    if (event.key !== SYNC_TOKEN_KEY && event.key !== null) return;
    if (syncIsOn()) start();
    else started = false;
  });
}

export function onRouteDidUpdate(): void {
  start();
}
