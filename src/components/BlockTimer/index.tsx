import {useCallback, useEffect, useRef, type ReactNode} from 'react';
import {translate} from '@docusaurus/Translate';
import clsx from 'clsx';
import {formatMinutes} from '@site/plugins/plan-model/duration';
import {updateState, useStoredState, type TimerRecord} from '@site/src/store';
import {useVariant} from '@site/src/hooks/useVariant';
import {extendTimer, formatClock, pauseTimer, remainingMs, resetTimer, startTimer, timerKey, timerStatus} from '@site/src/store/timers';
import {useNow} from '@site/src/hooks/useNow';
import {useOptionalPlanPage, type PlanItemInfo} from '@site/src/components/PlanPage';
import styles from './styles.module.css';
import {dayOfItemId, variantItems} from '@site/plugins/plan-model/ids';

const MINUTE = 60_000;

/**
 * A button's accessible name: its visible text first, then which block it acts on. Speech users say
 * what they see ("click Pause"), so the visible words must open the name (WCAG 2.5.3 Label in Name).
 */
function nameFor(action: string, context: string): string {
  return translate(
    {id: 'timer.button.name', message: '{action}, {context}', description: 'Keep {action} first: it is the text the button shows'},
    {action, context},
  );
}

interface Props {
  itemId: string;
  label: string;
  duration: {min: number; max: number};
  /** Later timed items of the same day, in order: auto-start continues through them. */
  upcoming: PlanItemInfo[];
  /** The plan, where the timer is not inside a plan page (the Today page). */
  planId?: string;
}

/** Start, pause, resume, extend and reset one block's countdown. State lives in the shared store. */
export default function BlockTimer({itemId, label, duration, upcoming, planId: givenPlanId}: Props): ReactNode {
  const page = useOptionalPlanPage();
  const planId = givenPlanId ?? page?.planId;
  if (planId === undefined) throw new Error('A timer needs a plan: render it inside <PlanPage> or pass planId.');
  const [variant] = useVariant();
  const key = timerKey(planId, itemId);
  const timer = useStoredState((state) => state.timers[key]);
  const start = useCallback(() => {
    updateState((state) =>
      startTimer(
        {...state, lastVisit: {planId, day: dayOfItemId(itemId) ?? 1, at: Date.now()}},
        {
          planId,
          itemId,
          durationMs: duration.min * MINUTE,
          maxMs: duration.max * MINUTE,
          // Ids only: labels and lengths of what follows are read from the plan when it starts. The 4-hour
          // plan stops after its blocks; 6-hour additions only follow in the 6-hour plan.
          next: variantItems(
            {blocks: upcoming.filter((item) => item.kind !== 'addition'), additions: upcoming.filter((item) => item.kind === 'addition')},
            variant,
          )
            .filter((item) => item.duration)
            .map((item) => item.id),
        },
        Date.now(),
      ),
    );
  }, [planId, itemId, duration.min, duration.max, upcoming, variant]);
  const pause = useCallback(() => updateState((state) => pauseTimer(state, key, Date.now())), [key]);
  const reset = useCallback(() => updateState((state) => resetTimer(state, key)), [key]);
  const extend = useCallback(() => updateState((state) => extendTimer(state, key, Date.now())), [key]);

  // Start becomes Pause, Pause becomes Resume: the pressed button unmounts. Without this a
  // keyboard user's focus would fall back to the top of the page after every press.
  const group = useRef<HTMLDivElement>(null);
  const refocus = useRef(false);
  const keepingFocus = useCallback(
    (action: () => void) => () => {
      refocus.current = group.current?.contains(document.activeElement) ?? false;
      action();
    },
    [],
  );
  useEffect(() => {
    if (!refocus.current) return;
    refocus.current = false;
    if (!group.current?.contains(document.activeElement)) group.current?.querySelector('button')?.focus();
  });

  const range = duration.max > duration.min;
  const plannedText = range ? `${duration.min}–${duration.max} min` : `${duration.min} min`;
  const startText = translate({id: 'timer.start', message: 'Start {minutes}'}, {minutes: formatMinutes(duration.min)});
  return (
    <div ref={group} className={styles.timer} role="group" aria-label={translate({id: 'timer.group', message: 'Timer: {label}'}, {label})}>
      {timer ? (
        <RunningTimer
          timer={timer}
          label={label}
          onStart={keepingFocus(start)}
          onPause={keepingFocus(pause)}
          onReset={keepingFocus(reset)}
          onExtend={keepingFocus(extend)}
        />
      ) : (
        <button
          type="button"
          className={clsx('button button--sm button--outline button--primary', styles.button)}
          onClick={keepingFocus(start)}
          aria-label={nameFor(startText, `${label} (${plannedText})`)}>
          <span aria-hidden="true">▶ </span>
          {startText}
        </button>
      )}
    </div>
  );
}

function RunningTimer({
  timer,
  label,
  onStart,
  onPause,
  onReset,
  onExtend,
}: {
  timer: TimerRecord;
  label: string;
  onStart: () => void;
  onPause: () => void;
  onReset: () => void;
  onExtend: () => void;
}): ReactNode {
  const now = useNow(timer.runningSince !== null);
  const status = timerStatus(timer, now);
  const remaining = remainingMs(timer, now);
  const canExtend = timer.durationMs < timer.maxMs;
  const buttonClass = clsx('button button--sm button--secondary', styles.button);
  const pauseText = translate({id: 'timer.pause', message: 'Pause'});
  const resumeText = translate({id: 'timer.resume', message: 'Resume'});
  const extendText = translate({id: 'timer.extend', message: '+{minutes} min'}, {minutes: String((timer.maxMs - timer.durationMs) / MINUTE)});
  const resetText = translate({id: 'timer.reset', message: 'Reset'});
  return (
    <>
      <span className={clsx(styles.readout, styles[status])} data-timer-status={status}>
        {status === 'finished' ? translate({id: 'timer.finished', message: "Time's up"}) : formatClock(remaining)}
        {status === 'paused' && <span className={styles.pausedNote}> {translate({id: 'timer.paused', message: '(paused)'})}</span>}
      </span>
      {status === 'running' && (
        <button type="button" className={buttonClass} onClick={onPause} aria-label={nameFor(pauseText, label)}>
          {pauseText}
        </button>
      )}
      {status === 'paused' && (
        <button type="button" className={clsx('button button--sm button--primary', styles.button)} onClick={onStart} aria-label={nameFor(resumeText, label)}>
          {resumeText}
        </button>
      )}
      {canExtend && (
        <button
          type="button"
          className={buttonClass}
          onClick={onExtend}
          aria-label={nameFor(
            extendText,
            translate({id: 'timer.extend.context', message: '{label}, to {minutes} min in all'}, {label, minutes: String(timer.maxMs / MINUTE)}),
          )}>
          {extendText}
        </button>
      )}
      <button type="button" className={buttonClass} onClick={onReset} aria-label={nameFor(resetText, label)}>
        {resetText}
      </button>
    </>
  );
}
