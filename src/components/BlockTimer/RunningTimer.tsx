import type {ReactNode} from 'react';
import {translate} from '@docusaurus/Translate';
import clsx from 'clsx';
import {updateState, type TimerRecord, extendTimer, formatClock, pauseTimer, remainingMs, resetTimer, timerKey, timerStatus} from '@site/src/store';
import {useNow} from '@site/src/hooks/useNow';
import {MINUTE, nameFor} from './names';
import styles from './styles.module.css';

interface Props {
  timer: TimerRecord;
  label: string;
  onResume: () => void;
  /** Wraps an action so that focus stays in the timer when the pressed button gives way to another. */
  keepingFocus: (action: () => void) => () => void;
}

/** A started block's countdown and its controls, as BlockTimer renders them once this module has loaded. */
export const renderRunningTimer = (props: Props): ReactNode => <RunningTimer {...props} />;

function RunningTimer({timer, label, onResume, keepingFocus}: Props): ReactNode {
  const key = timerKey(timer.planId, timer.itemId);
  const onStart = keepingFocus(onResume);
  const onPause = keepingFocus(() => updateState((state) => pauseTimer(state, key, Date.now())));
  const onReset = keepingFocus(() => updateState((state) => resetTimer(state, key)));
  const onExtend = keepingFocus(() => updateState((state) => extendTimer(state, key, Date.now())));
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
