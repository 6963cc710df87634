/**
 * The site's own part of the service worker (`swCustom` in docusaurus.config.ts), added to the PWA plugin's worker.
 */
import claimClients from './claimClients';
import keepOffline from './keepOffline';

export default function siteWorker() {
  keepOffline();
  claimClients();
}
