import {useCallback, useEffect, useRef, useState, type ReactNode, type RefObject} from 'react';
import {onDemand, useOnDemand} from '@site/src/lib/onDemand';
import {translate} from '@docusaurus/Translate';
import clsx from 'clsx';
import {formatMinutes} from '@site/plugins/plan-model/duration';
import {updateState, useStoredState, startTimer, timerKey} from '@site/src/store';
import {useOptionalPlanPage, type PlanItemInfo} from '@site/src/components/PlanPage';
import styles from './styles.module.css';
import {dayOfItemId, variantItems} from '@site/plugins/plan-model/ids';
import {chosenVariant} from '@site/src/hooks/useVariant';

import {MINUTE, nameFor} from './names';

/**
 * A block's running controls (readout, pause, resume, extend, reset) load once a timer of the block exists, or as the
 * reader reaches for Start, so a plan page carries only its Start buttons. Loaded once for every timer of the tab.
 */
const runningTimer = onDemand(() => import('./RunningTimer'));

export const loadRunningTimer = runningTimer.load;

const preload = (): void => void loadRunningTimer();

interface Props {
  itemId: string;
  label: string;
  duration: {min: number; max: number};
  /** Later timed items of the same day, in order: auto-start continues through them. */
  upcoming: PlanItemInfo[];
  /** The plan, where the timer is not inside a plan page (the Today page). */
  planId?: string;
  /** Where the timer sits in its item's layout. */
  className?: string;
}

/** Start, pause, resume, extend and reset one block's countdown. State lives in the shared store. */
export default function BlockTimer({itemId, label, duration, upcoming, planId: givenPlanId, className}: Props): ReactNode {
  const page = useOptionalPlanPage();
  const planId = givenPlanId ?? page?.planId;
  if (planId === undefined) throw new Error('A timer needs a plan: render it inside <PlanPage> or pass planId.');
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
            // Read as the timer starts, not subscribed to: every block of a page has a timer, and a 4h/6h switch
            // would render each of them again for a value only Start uses.
            chosenVariant(state),
          )
            .filter((item) => item.duration)
            .map((item) => item.id),
        },
        Date.now(),
      ),
    );
  }, [planId, itemId, duration.min, duration.max, upcoming]);
  const Running = useOnDemand(runningTimer, timer !== undefined);
  // Set during render (React's pattern for state derived from a change), so the group and the timer arrive together.
  const [used, setUsed] = useState(false);
  if (timer !== undefined && !used) setUsed(true);

  // Start becomes Pause, Pause becomes Resume: the pressed button unmounts. Without this a
  // keyboard user's focus would fall back to the top of the page after every press.
  const group = useRef<HTMLElement>(null);
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
    const first = group.current?.querySelector('button');
    // The running controls are still loading: focus moves to them when they arrive (this runs after every render).
    if (!first) return;
    refocus.current = false;
    if (!group.current?.contains(document.activeElement)) first.focus();
  });

  const range = duration.max > duration.min;
  const plannedText = range ? `${duration.min}–${duration.max} min` : `${duration.min} min`;
  const startText = translate({id: 'timer.start', message: 'Start {minutes}'}, {minutes: formatMinutes(duration.min)});
  const startButton = (
    <button
      // Alone (never used yet) the button is the timer's root, so it takes the root's ref, layout and print rule.
      ref={used ? undefined : (group as RefObject<HTMLButtonElement | null>)}
      type="button"
      className={clsx('button button--sm button--outline button--primary', styles.button, styles.start, !used && className)}
      data-print={used ? undefined : 'hide'}
      onClick={keepingFocus(start)}
      onPointerEnter={preload}
      onFocus={preload}
      aria-label={nameFor(startText, `${label} (${plannedText})`)}>
      {startText}
    </button>
  );
  // A plan page has a timer on every block: until one is used, its Start button (named after the block) is all there
  // is. Once used, the controls sit in a group named after the block, which stays for as long as the page is open.
  if (!used) return startButton;
  return (
    <div
      ref={group as RefObject<HTMLDivElement | null>}
      className={clsx(styles.timer, className)}
      data-print="hide"
      role="group"
      aria-label={translate({id: 'timer.group', message: 'Timer: {label}'}, {label})}>
      {timer ? (
        Running ? (
          Running.renderRunningTimer({timer, label, onResume: start, keepingFocus})
        ) : (
          // Holds the readout's place for the moment the controls take to load, so nothing below moves twice.
          <span className={styles.readout} aria-hidden="true">
            {'\u00a0'}
          </span>
        )
      ) : (
        startButton
      )}
    </div>
  );
}
