/**
 * A client module on every page: when this browser keeps a sync token, the sync code is loaded and started once the
 * first page has rendered. With sync off this is all any page carries of it.
 */
import {syncIsOn} from './keys';

let started = false;

export function onRouteDidUpdate(): void {
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
