/* global self */
/**
 * Runs inside the service worker (see `swCustom` in docusaurus.config.ts). Without a claim, the tab of the
 * first visit stays uncontrolled until it navigates, and chunks it loads later would not come from the cache.
 * An update still waits for the reader: a new worker activates only after "Reload" (src/theme/PwaReloadPopup)
 * or once every tab of the site is closed, and then the reload follows anyway.
 */
export default function claimClients() {
  self.addEventListener('activate', (event) => {
    event.waitUntil(self.clients.claim());
  });
}
