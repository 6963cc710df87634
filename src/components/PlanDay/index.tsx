import type {ReactNode} from 'react';
import styles from './styles.module.css';
import {dayAnchor} from '@site/plugins/plan-model/ids';
import DayNotes from '@site/src/components/DayNotes';
import HydrateWhenNear from '@site/src/components/HydrateWhenNear';

/**
 * One day of a plan: the unit a reader works through, prints and ticks off. A day hydrates when the reader nears it,
 * so a long plan costs a phone what its first screen costs.
 */
export default function PlanDay({day, children}: {day: string; children: ReactNode}): ReactNode {
  return (
    <HydrateWhenNear className={styles.day} data-plan-day={day} aria-labelledby={dayAnchor(Number(day))}>
      {children}
      <DayNotes day={Number(day)} />
    </HydrateWhenNear>
  );
}
