import {useState, type ReactNode} from 'react';
import Translate, {translate} from '@docusaurus/Translate';
import {useStoredState} from '@site/src/store';
import styles from './styles.module.css';

interface Props {
  /** Given by the PWA plugin: activates the waiting service worker, which then reloads the page. */
  onReload: () => void;
}

/**
 * Asks the waiting service worker itself to take over. The registration's `onReload` (src/sw/register.ts) does the
 * same; asking here too keeps Reload working whichever registration code renders this prompt (the PWA plugin's own
 * sends its message to the worker its Workbox instance tracks, which is still the active one for an update found in
 * another tab, and that message alone changes nothing). Once the new worker takes control, the page reloads.
 */
function activateWaitingWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  void navigator.serviceWorker.getRegistration().then((registration) => registration?.waiting?.postMessage({type: 'SKIP_WAITING'}));
}

/**
 * Replaces the PWA plugin's popup: a new version is announced, never while a timer runs (a reload would
 * interrupt the block the reader is timing), and the page reloads only when the reader asks.
 */
export default function PwaReloadPopup({onReload}: Props): ReactNode {
  const [dismissed, setDismissed] = useState(false);
  const timerRunning = useStoredState((state) => Object.values(state.timers).some((timer) => timer.runningSince !== null));
  if (dismissed || timerRunning) return null;
  return (
    <section className={styles.popup} role="status" aria-label={translate({id: 'pwa.update.label', message: 'Site update'})}>
      <p className={styles.text}>
        <Translate id="pwa.update.text">Update available</Translate>
      </p>
      <button
        type="button"
        className="button button--sm button--primary"
        onClick={() => {
          setDismissed(true);
          onReload();
          activateWaitingWorker();
        }}>
        <Translate id="pwa.update.reload">Reload</Translate>
      </button>
      <button type="button" className="button button--sm button--secondary" onClick={() => setDismissed(true)}>
        <Translate id="pwa.update.later">Later</Translate>
      </button>
    </section>
  );
}
