import type {CSSProperties, ReactNode} from 'react';
import styles from './styles.module.css';
import {dayAnchor} from '@site/plugins/plan-model/ids';
import DayNotes from '@site/src/components/DayNotes';
import {useDay} from '@site/src/components/PlanPage';
import {dayItemIds} from '@site/src/components/DayProgress';

/**
 * Height a day is taken to have until the browser has laid it out once (then it remembers the real one): its
 * heading, toolbar and notes, and a few lines per item. Close enough that the scroll bar barely moves as days render.
 */
function estimatedHeightPx(items: number): number {
  return 420 + items * 130;
}

/**
 * One day of a plan: the unit a reader works through, prints and ticks off. Days off-screen are neither laid out nor
 * painted at load (styles.module.css: content-visibility), yet stay in the page for find-in-page, links and search.
 */
export default function PlanDay({day, children}: {day: string; children: ReactNode}): ReactNode {
  const found = useDay(Number(day));
  const items = found ? dayItemIds(found).ids6h.length : 0;
  const estimate = {'--day-estimated-height': `${estimatedHeightPx(items)}px`} as CSSProperties;
  return (
    <section className={styles.day} data-plan-day={day} aria-labelledby={dayAnchor(Number(day))} style={estimate}>
      {children}
      <DayNotes day={Number(day)} />
    </section>
  );
}
