import type {ReactNode} from 'react';
import styles from './styles.module.css';
import {dayAnchor} from '@site/plugins/plan-model/ids';
import DayNotes from '@site/src/components/DayNotes';

/** One day of a plan: the unit a reader works through, prints and ticks off. */
export default function PlanDay({day, children}: {day: string; children: ReactNode}): ReactNode {
  return (
    <section className={styles.day} data-plan-day={day} aria-labelledby={dayAnchor(Number(day))}>
      {children}
      <DayNotes day={Number(day)} />
    </section>
  );
}
