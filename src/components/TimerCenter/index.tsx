import {useCallback, useEffect, useMemo, useState, type ChangeEvent, type ReactNode} from 'react';
import Link from '@docusaurus/Link';
import useBaseUrl from '@docusaurus/useBaseUrl';
import {translate} from '@docusaurus/Translate';
import clsx from 'clsx';
import {
  getState,
  updateState,
  useStoredState,
  type TimerRecord,
  autoAdvance as advanceAfter,
  formatClock,
  nextTimerSpec,
  pauseTimer,
  remainingMs,
  resetTimer,
  settleFinished,
  startTimer,
  timerKey,
} from '@site/src/store';
import {useNow} from '@site/src/hooks/useNow';
import {loadPlanModel, loadedPlanModel, usePlanModels} from '@site/src/hooks/usePlanModels';
import {planItems, type PlanItemInfo} from '@site/src/components/PlanPage';
import type {PagePlan} from '@site/plugins/plan-model/pagePlan';
import {notify, playChime, scheduleChime, timeInWorker, type ScheduledChime} from './alerts';
import {canKeepAwake, createWakeLockKeeper} from './wakeLock';
import utilities from '@site/src/css/utilities.module.css';
import styles from './styles.module.css';
import {dayAnchor, dayOfItemId} from '@site/plugins/plan-model/ids';

const selectTimers = (state: ReturnType<typeof getState>) => state.timers;
const selectAutoAdvance = (state: ReturnType<typeof getState>) => state.autoAdvance;
const selectKeepAwake = (state: ReturnType<typeof getState>) => state.keepAwake;

/** Calls `then` with a plan's model: at once when this tab has it, else when it arrives (null if it cannot be loaded). */
function withPlan(planId: string, then: (plan: PagePlan | null) => void): void {
  const plan = loadedPlanModel(planId);
  if (plan) then(plan);
  else void loadPlanModel(planId).then(then);
}

/**
 * What the panel and the alerts call a timer: its item's label in the plan. Until the plan's module
 * has loaded, or if the plan no longer has the item, a neutral name from the id ("Day 2 timer").
 */
function timerLabel(itemId: string, items: readonly PlanItemInfo[] | null): string {
  const item = items?.find((candidate) => candidate.id === itemId);
  if (item) return item.label;
  const day = dayOfItemId(itemId);
  return day === null ? translate({id: 'timer.neutral', message: 'Timer'}) : translate({id: 'timer.neutral.day', message: 'Day {day} timer'}, {day});
}

/**
 * Site-wide timer companion (rendered from Root, so it survives navigation): notices
 * when the running timer runs out and alerts the reader, and shows the active timer on every page.
 */
export default function TimerCenter(): ReactNode {
  const timers = useStoredState(selectTimers);
  const autoAdvance = useStoredState(selectAutoAdvance);
  const keepAwake = useStoredState(selectKeepAwake);
  const [announcement, setAnnouncement] = useState('');

  const running = Object.values(timers).find((timer) => timer.runningSince !== null);
  const finished = Object.values(timers)
    .filter((timer) => timer.finishedAt !== null)
    .sort((a, b) => (b.finishedAt ?? 0) - (a.finishedAt ?? 0))[0];

  /*
   * On time even in a background tab: when a timer starts or resumes, the chime is booked ahead on the audio
   * clock (which hidden-tab throttling does not touch), and the end is timed in a worker, whose message runs
   * the settling below (announcement, notification, next block) at once. A pause, reset or extension re-runs
   * this effect, which takes back the booked chime. Where audio is blocked, the chime plays when the end is noticed.
   */
  useEffect(() => {
    let chime: ScheduledChime | null = null;
    const settle = () => {
      const result = settleFinished(getState(), Date.now());
      if (result.finished.length === 0) return;
      updateState(() => result.state);
      const done = result.finished[0]!;
      if (!chime?.willSound()) playChime();
      chime = null;
      // The label and the next block come from the plan; the panel has usually loaded it long before the end.
      withPlan(done.planId, (plan) => {
        const items = plan ? planItems(plan) : null;
        const label = timerLabel(done.itemId, items);
        setAnnouncement(translate({id: 'timer.done.announce', message: "Time's up: {label}"}, {label}));
        notify(translate({id: 'timer.done.title', message: "Time's up"}), label);
        const advanced = advanceAfter(getState(), done, items ?? [], Date.now());
        if (advanced !== getState()) updateState(() => advanced);
      });
    };
    settle();
    if (!running) return undefined;
    const remaining = remainingMs(running, Date.now());
    chime = scheduleChime(remaining);
    const cancelTimer = timeInWorker(remaining + 50, settle);
    document.addEventListener('visibilitychange', settle);
    return () => {
      chime?.cancel();
      cancelTimer();
      document.removeEventListener('visibilitychange', settle);
    };
  }, [running]);

  useKeepAwake(Boolean(running) && keepAwake);

  // An auto-started next block matters more than the one that just ended.
  const shown = running ?? finished;
  useTimeUpTitle(shown?.finishedAt != null);
  return (
    <>
      <div className={utilities.visuallyHidden} role="status" aria-live="assertive" aria-atomic="true">
        {announcement}
      </div>
      {shown && <TimerPanel timer={shown} autoAdvance={autoAdvance} />}
    </>
  );
}

/** Holds the screen wake lock while `active`, and releases it on pause, end, or when the option is turned off. */
function useKeepAwake(active: boolean): void {
  const [keeper, setKeeper] = useState<ReturnType<typeof createWakeLockKeeper> | null>(null);
  useEffect(() => {
    const created = createWakeLockKeeper();
    // eslint-disable-next-line react-hooks/set-state-in-effect -- created after hydration: the server has no navigator
    setKeeper(created);
    return () => created.dispose();
  }, []);
  useEffect(() => {
    void keeper?.hold(active);
  }, [keeper, active]);
}

/**
 * While time is up, the tab title starts with "⏰ Time's up", so a reader in another tab sees it.
 * Pages set their own title when the reader navigates; the prefix is put back on each new
 * title, and taken off the current page's title once the timer is dismissed or restarted.
 */
function useTimeUpTitle(timeUp: boolean): void {
  useEffect(() => {
    const prefix = `⏰ ${translate({id: 'timer.done.title', message: "Time's up"})} · `;
    const apply = () => {
      const pageTitle = document.title.startsWith(prefix) ? document.title.slice(prefix.length) : document.title;
      const wanted = timeUp ? prefix + pageTitle : pageTitle;
      if (document.title !== wanted) document.title = wanted;
    };
    apply();
    if (!timeUp) return undefined;
    const observer = new MutationObserver(apply);
    observer.observe(document.head, {subtree: true, childList: true, characterData: true});
    return () => observer.disconnect();
  }, [timeUp]);
}

function TimerPanel({timer, autoAdvance}: {timer: TimerRecord; autoAdvance: boolean}): ReactNode {
  const key = timerKey(timer.planId, timer.itemId);
  const now = useNow(timer.runningSince !== null);
  const plan = usePlanModels([timer.planId]).get(timer.planId);
  const items = useMemo(() => (plan ? planItems(plan) : null), [plan]);
  const item = items?.find((candidate) => candidate.id === timer.itemId);
  const label = timerLabel(timer.itemId, items);
  const next = useMemo(() => (items ? nextTimerSpec(timer, items) : null), [timer, items]);
  const nextLabel = next ? timerLabel(next.itemId, items) : '';
  const day = item?.day ?? dayOfItemId(timer.itemId);
  const href = useBaseUrl(`/${timer.planId}`) + (day !== null ? `#${dayAnchor(day)}` : '');
  const isFinished = timer.finishedAt !== null;
  const keepAwake = useStoredState(selectKeepAwake);
  const [permission, setPermission] = useState<NotificationPermission | 'unsupported'>('unsupported');
  const [wakeLockSupported, setWakeLockSupported] = useState(false);
  useEffect(() => {
    // Read after hydration: the server cannot know the browser's notification permission or wake lock support.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setPermission(typeof Notification === 'undefined' ? 'unsupported' : Notification.permission);
    setWakeLockSupported(canKeepAwake());
  }, []);

  const dismiss = useCallback(() => updateState((state) => resetTimer(state, key)), [key]);
  const pause = useCallback(() => updateState((state) => pauseTimer(state, key, Date.now())), [key]);
  const startNext = useCallback(() => {
    if (next) updateState((state) => startTimer(resetTimer(state, key), next, Date.now()));
  }, [key, next]);
  const toggleAutoAdvance = useCallback((event: ChangeEvent<HTMLInputElement>) => updateState((state) => ({...state, autoAdvance: event.target.checked})), []);
  const toggleKeepAwake = useCallback((event: ChangeEvent<HTMLInputElement>) => updateState((state) => ({...state, keepAwake: event.target.checked})), []);
  const askPermission = useCallback(async () => {
    try {
      setPermission(await Notification.requestPermission());
    } catch {
      setPermission('denied');
    }
  }, []);

  return (
    <aside
      className={clsx(styles.panel, isFinished && styles.panelFinished)}
      aria-label={translate({id: 'timer.panel', message: 'Active timer'})}
      data-print="hide"
      data-timer-panel>
      <div className={styles.row}>
        <Link to={href} className={styles.label}>
          {label}
        </Link>
        <span className={styles.clock} data-timer-panel-clock>
          {isFinished ? translate({id: 'timer.finished', message: "Time's up"}) : formatClock(remainingMs(timer, now))}
        </span>
      </div>
      <div className={styles.row}>
        {isFinished ? (
          <>
            {next && (
              <button type="button" className="button button--sm button--primary" onClick={startNext}>
                {translate({id: 'timer.next', message: 'Start next: {label}'}, {label: nextLabel})}
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
      {wakeLockSupported && (
        <label className={styles.option}>
          <input type="checkbox" checked={keepAwake} onChange={toggleKeepAwake} />{' '}
          {translate({id: 'timer.keepAwake', message: 'Keep the screen on while a timer runs'})}
        </label>
      )}
      {permission === 'default' && (
        <button type="button" className={clsx('button button--sm button--link', styles.notifyButton)} onClick={askPermission}>
          {translate({id: 'timer.notifications', message: 'Notify me when time is up'})}
        </button>
      )}
    </aside>
  );
}
