import type {ReactNode} from 'react';
import {translate} from '@docusaurus/Translate';
import {formatRange} from '@site/plugins/plan-model/duration';
import {sessionMinutes, useDay, usePlanPage} from '@site/src/components/PlanPage';
import DayTime from '@site/src/components/DayTime';
import DayProgress, {dayItemIds} from '@site/src/components/DayProgress';
import {dayNotesAnchor} from '@site/src/components/DayNotes';
import {useStoredState, countDayNotes} from '@site/src/store';
import VariantToggle from '@site/src/components/VariantToggle';
import PrintDayButton from '@site/src/components/PrintDayButton';
import CalendarExport from '@site/src/components/CalendarExport';
import styles from './styles.module.css';

/** Controls under a day's heading: planned time, the 4h/6h choice and day-level actions. */
export default function DayToolbar({day}: {day: string}): ReactNode {
  const {planId} = usePlanPage();
  const found = useDay(Number(day));
  const itemIds = found ? dayItemIds(found).ids6h : [];
  // Counted from the store, so the server and the hydrating render show none and the count follows at once.
  const notes = useStoredState((state) => countDayNotes(state.dayNotes, state.itemNotes, planId, Number(day), itemIds));
  if (!found) return null;
  const weekly = 'blocks' in found;
  return (
    <div className={styles.toolbar} role="group" aria-label={translate({id: 'plan.day.toolbar', message: 'Day {day} tools'}, {day})}>
      {/* "Planned" is drawn from data-label (styles.module.css), an element fewer on every day. */}
      <span className={styles.time} data-label={translate({id: 'plan.day.planned', message: 'Planned'})}>
        {weekly ? <DayTime day={day} /> : formatRange(sessionMinutes(found))}
      </span>
      <DayProgress day={day} />
      {notes > 0 && (
        <a className={styles.notes} href={`#${dayNotesAnchor(Number(day))}`} data-day-notes-count>
          {notes === 1 ? translate({id: 'plan.day.oneNote', message: '1 note'}) : translate({id: 'plan.day.notes', message: '{count} notes'}, {count: notes})}
        </a>
      )}
      {weekly && <VariantToggle compact />}
      <CalendarExport day={Number(day)} />
      <PrintDayButton day={day} />
    </div>
  );
}
