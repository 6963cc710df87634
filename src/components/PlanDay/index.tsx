import type {ReactNode} from 'react';
import clsx from 'clsx';
import styles from './styles.module.css';
import {dayAnchor} from '@site/plugins/plan-model/ids';
import DayNotes from '@site/src/components/DayNotes';
import HydrateWhenNear from '@site/src/components/HydrateWhenNear';
import {usePlanPage} from '@site/src/components/PlanPage';

/**
 * One day of a plan: the unit a reader works through, prints and ticks off. A day hydrates when the reader nears it,
 * so a long plan costs a phone what its first screen costs.
 */
export default function PlanDay({day, children}: {day: string; children: ReactNode}): ReactNode {
  const {plan} = usePlanPage();
  // A day whose sessions carry timers lays each timer beside its session's heading (src/components/PlanSession). The
  // day says so by its class, known from the plan: a rule asking every section whether a timer is among its children
  // (`section:has(> .timer)`) made the browser restyle each day again as the page's HTML arrived.
  const timedSessions =
    plan.kind === 'intensive' && plan.days.some((planDay) => planDay.number === Number(day) && planDay.sessions.some((session) => session.duration));
  return (
    <HydrateWhenNear className={clsx(styles.day, timedSessions && styles.timedSessions)} data-plan-day={day} aria-labelledby={dayAnchor(Number(day))}>
      {children}
      <DayNotes day={Number(day)} />
    </HydrateWhenNear>
  );
}
