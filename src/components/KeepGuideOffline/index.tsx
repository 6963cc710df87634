import {useEffect, useId, useRef, useState, type ReactNode} from 'react';
import {translate} from '@docusaurus/Translate';
import {askWorker, formatSize, type GuideReply} from './worker';
import styles from './styles.module.css';

type State =
  /** Before hydration, and while the worker is asked. */
  | {kind: 'checking'}
  /** This browser has no service worker: nothing can be kept. */
  | {kind: 'unsupported'}
  /** The worker is installing and does not control the page yet. */
  | {kind: 'waiting'}
  /** The list of the guide cannot be read (offline, and never downloaded). */
  | {kind: 'unavailable'}
  | {kind: 'missing'; bytes: number; failed?: number | null}
  | {kind: 'downloading'; done: number; total: number}
  | {kind: 'kept'};

/**
 * What the worker's answer to `guide-status` means for the button; `failed` carries what a download that just ended
 * could not fetch, and is null when none was made or it could not start.
 */
function fromStatus(status: GuideReply, failed?: number | null): State | null {
  if (status.type !== 'status') return null;
  if ('unavailable' in status) return failed === undefined ? {kind: 'unavailable'} : {kind: 'missing', bytes: 0, failed};
  return status.missing === 0 ? {kind: 'kept'} : {kind: 'missing', bytes: status.missingBytes, failed};
}

const BUTTON = translate({id: 'offline.guide.button', message: 'Keep the whole guide offline'});

/**
 * "Keep the whole guide offline": every page, and the search over all of them, with no network. The service worker
 * keeps only the app shell and what the learner opens or follows; this downloads the rest, once asked, after showing
 * its size. Only what is not kept yet is downloaded, so after an update it is what changed.
 */
export default function KeepGuideOffline(): ReactNode {
  const [state, setState] = useState<State>({kind: 'checking'});
  const statusId = useId();

  useEffect(() => {
    if (!('serviceWorker' in navigator)) {
      // eslint-disable-next-line react-hooks/set-state-in-effect
      setState({kind: 'unsupported'});
      return undefined;
    }
    const workers = navigator.serviceWorker;
    let stop = () => {};
    const check = () => {
      const worker = workers.controller;
      if (!worker) {
        setState({kind: 'waiting'});
        return;
      }
      stop();
      stop = askWorker(worker, 'guide-status', (reply) => {
        const next = fromStatus(reply);
        if (next) setState(next);
      });
    };
    check();
    workers.addEventListener('controllerchange', check);
    return () => {
      stop();
      workers.removeEventListener('controllerchange', check);
    };
  }, []);

  // The ports this page listens on for the download and its aftermath, closed when the page is left.
  const listening = useRef<(() => void)[]>([]);
  useEffect(() => () => listening.current.forEach((stop) => stop()), []);

  const keep = () => {
    const worker = navigator.serviceWorker.controller;
    if (!worker || state.kind !== 'missing') return;
    setState({kind: 'downloading', done: 0, total: state.bytes});
    const onReply = (reply: GuideReply) => {
      if (reply.type === 'progress') setState({kind: 'downloading', done: reply.done, total: reply.total});
      else if (reply.type === 'kept') setState({kind: 'kept'});
      // What did arrive is kept; the button offers the rest, at its own size.
      else if (reply.type === 'failed') {
        const afterFailure = (status: GuideReply) => {
          const next = fromStatus(status, reply.missing);
          if (next) setState(next);
        };
        listening.current.push(askWorker(worker, 'guide-status', afterFailure));
      }
    };
    listening.current.push(askWorker(worker, 'keep-guide', onReply));
  };

  const canKeep = state.kind === 'missing';
  return (
    <div className={styles.guide} data-print="hide">
      <button type="button" className="button button--sm button--outline button--secondary" aria-disabled={!canKeep} aria-describedby={statusId} onClick={keep}>
        {state.kind === 'missing' && state.bytes > 0 ? `${BUTTON} (${formatSize(state.bytes)})` : BUTTON}
      </button>
      {state.kind === 'downloading' && (
        <progress
          className={styles.bar}
          max={Math.max(state.total, 1)}
          value={state.done}
          aria-label={translate({id: 'offline.guide.progress', message: 'Downloading the guide for offline use'})}
        />
      )}
      <span id={statusId} role="status" className={styles.status}>
        {statusText(state)}
      </span>
    </div>
  );
}

function statusText(state: State): string {
  switch (state.kind) {
    case 'unsupported':
      return translate({id: 'offline.guide.unsupported', message: 'This browser cannot keep pages offline.'});
    case 'waiting':
      return translate({id: 'offline.guide.waiting', message: 'Available in a moment, once the site is ready to work offline.'});
    case 'unavailable':
      return translate({id: 'offline.guide.unavailable', message: 'Available when you are online.'});
    case 'downloading':
      return translate(
        {id: 'offline.guide.downloading', message: 'Downloading: {done} of {total}.'},
        {done: formatSize(state.done), total: formatSize(state.total)},
      );
    case 'kept':
      return translate({id: 'offline.guide.kept', message: 'The whole guide is kept offline: every page, and search, work with no network.'});
    case 'missing':
      if (state.failed === undefined) return '';
      return state.failed === null
        ? translate({id: 'offline.guide.failed', message: 'The guide could not be downloaded. Try again when you are online.'})
        : translate(
            {id: 'offline.guide.partly', message: '{count} files could not be downloaded; what did arrive is kept. Try again when you are online.'},
            {count: state.failed},
          );
    default:
      return '';
  }
}
