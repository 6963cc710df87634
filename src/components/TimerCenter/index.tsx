import {useCallback, useEffect, useRef, useState, type ReactNode} from 'react';
import Link from '@docusaurus/Link';
import useBaseUrl from '@docusaurus/useBaseUrl';
import {translate} from '@docusaurus/Translate';
import clsx from 'clsx';
import {getState, updateState, useStoredState, type TimerRecord} from '@site/src/store';
import {formatClock, pauseTimer, remainingMs, resetTimer, settleFinished, startTimer, timerKey} from '@site/src/store/timers';
import {useNow} from '@site/src/hooks/useNow';
import {notify, playChime} from './alerts';
import styles from './styles.module.css';

const selectTimers = (state: ReturnType<typeof getState>) => state.timers;
const selectAutoAdvance = (state: ReturnType<typeof getState>) => state.autoAdvance;

/**
 * Site-wide timer companion (rendered from Root, so it survives navigation): notices
 * when the running timer runs out and alerts the reader, and shows the active timer on every page.
 */
export default function TimerCenter(): ReactNode {
  const timers = useStoredState(selectTimers);
  const autoAdvance = useStoredState(selectAutoAdvance);
  const [announcement, setAnnouncement] = useState('');
  const baseTitle = useRef<string | null>(null);

  const running = Object.values(timers).find((timer) => timer.runningSince !== null);
  const finished = Object.values(timers)
    .filter((timer) => timer.finishedAt !== null)
    .sort((a, b) => (b.finishedAt ?? 0) - (a.finishedAt ?? 0))[0];

  // Wake up exactly when the running timer is due (and when the tab becomes visible again).
  useEffect(() => {
    const settle = () => {
      const now = Date.now();
      const result = settleFinished(getState(), now);
      if (result.finished.length === 0) return;
      updateState(() => result.state);
      const done = result.finished[0]!;
      const message = translate({id: 'timer.done.announce', message: "Time's up: {label}"}, {label: done.label});
      setAnnouncement(message);
      playChime();
      notify(translate({id: 'timer.done.title', message: "Time's up"}), done.label);
    };
    settle();
    if (!running) return undefined;
    const timeout = setTimeout(settle, remainingMs(running, Date.now()) + 50);
    document.addEventListener('visibilitychange', settle);
    return () => {
      clearTimeout(timeout);
      document.removeEventListener('visibilitychange', settle);
    };
  }, [running]);

  // The tab title tells a reader in another tab that time is up.
  useEffect(() => {
    if (finished) {
      baseTitle.current ??= document.title.replace(/^⏰ .*? · /, '');
      document.title = `⏰ ${translate({id: 'timer.done.title', message: "Time's up"})} · ${baseTitle.current}`;
    } else if (baseTitle.current !== null) {
      document.title = baseTitle.current;
      baseTitle.current = null;
    }
  }, [finished]);

  const shown = finished ?? running;
  return (
    <>
      <div className={styles.liveRegion} role="status" aria-live="assertive" aria-atomic="true">
        {announcement}
      </div>
      {shown && <TimerPanel timer={shown} autoAdvance={autoAdvance} />}
    </>
  );
}

function TimerPanel({timer, autoAdvance}: {timer: TimerRecord; autoAdvance: boolean}): ReactNode {
  const key = timerKey(timer.planId, timer.itemId);
  const now = useNow(timer.runningSince !== null);
  const day = /^d(\d+)/.exec(timer.itemId)?.[1];
  const href = useBaseUrl(`/${timer.planId}`) + (day ? `#day-${day}` : '');
  const isFinished = timer.finishedAt !== null;
  const [permission, setPermission] = useState<NotificationPermission | 'unsupported'>('unsupported');
  useEffect(() => {
    setPermission(typeof Notification === 'undefined' ? 'unsupported' : Notification.permission);
  }, []);

  const dismiss = useCallback(() => updateState((state) => resetTimer(state, key)), [key]);
  const pause = useCallback(() => updateState((state) => pauseTimer(state, key, Date.now())), [key]);
  const startNext = useCallback(() => {
    const next = timer.next;
    if (!next) return;
    updateState((state) => startTimer(resetTimer(state, key), {planId: timer.planId, ...next}, Date.now()));
  }, [key, timer]);
  const toggleAutoAdvance = useCallback(
    (event: React.ChangeEvent<HTMLInputElement>) => updateState((state) => ({...state, autoAdvance: event.target.checked})),
    [],
  );
  const askPermission = useCallback(async () => {
    try {
      setPermission(await Notification.requestPermission());
    } catch {
      setPermission('denied');
    }
  }, []);

  return (
    <aside className={clsx(styles.panel, isFinished && styles.panelFinished)} aria-label={translate({id: 'timer.panel', message: 'Active timer'})} data-print="hide" data-timer-panel>
      <div className={styles.row}>
        <Link to={href} className={styles.label}>{timer.label}</Link>
        <span className={styles.clock} data-timer-panel-clock>
          {isFinished ? translate({id: 'timer.finished', message: "Time's up"}) : formatClock(remainingMs(timer, now))}
        </span>
      </div>
      <div className={styles.row}>
        {isFinished ? (
          <>
            {timer.next && (
              <button type="button" className="button button--sm button--primary" onClick={startNext}>
                {translate({id: 'timer.next', message: 'Start next: {label}'}, {label: timer.next.label})}
              </button>
            )}
            <button type="button" className="button button--sm button--secondary" onClick={dismiss}>
              {translate({id: 'timer.dismiss', message: 'Dismiss'})}
            </button>
          </>
        ) : (
          <button type="button" className="button button--sm button--secondary" onClick={pause}>
            {translate({id: 'timer.pause', message: 'Pause'})}
          </button>
        )}
      </div>
      <label className={styles.option}>
        <input type="checkbox" checked={autoAdvance} onChange={toggleAutoAdvance} />{' '}
        {translate({id: 'timer.autoAdvance', message: 'Start the next block automatically'})}
      </label>
      {permission === 'default' && (
        <button type="button" className={clsx('button button--sm button--link', styles.notifyButton)} onClick={askPermission}>
          {translate({id: 'timer.notifications', message: 'Notify me when time is up'})}
        </button>
      )}
    </aside>
  );
}
