import type {ReactNode} from 'react';
import {translate} from '@docusaurus/Translate';
import {formatRange} from '@site/plugins/plan-model/duration';
import {sessionMinutes, useDay} from '@site/src/components/PlanPage';
import DayTime from '@site/src/components/DayTime';
import DayProgress from '@site/src/components/DayProgress';
import VariantToggle from '@site/src/components/VariantToggle';
import PrintDayButton from '@site/src/components/PrintDayButton';
import CalendarExport from '@site/src/components/CalendarExport';
import styles from './styles.module.css';

/** Controls under a day's heading: planned time, the 4h/6h choice and day-level actions. */
export default function DayToolbar({day}: {day: string}): ReactNode {
  const found = useDay(Number(day));
  if (!found) return null;
  const weekly = 'blocks' in found;
  return (
    <div className={styles.toolbar} role="group" aria-label={translate({id: 'plan.day.toolbar', message: 'Day {day} tools'}, {day})}>
      <span className={styles.time}>
        <span className={styles.timeLabel}>{translate({id: 'plan.day.planned', message: 'Planned'})}</span>{' '}
        {weekly ? <DayTime day={day} /> : formatRange(sessionMinutes(found))}
      </span>
      <DayProgress day={day} />
      {weekly && <VariantToggle compact />}
      <CalendarExport day={Number(day)} />
      <PrintDayButton day={day} />
    </div>
  );
}
