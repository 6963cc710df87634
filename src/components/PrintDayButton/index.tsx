import {useCallback, type ReactNode} from 'react';
import {flushSync} from 'react-dom';
import {translate} from '@docusaurus/Translate';
import {weekOfPlan} from '@site/plugins/plan-model/location';
import {usePlanPage, usePrintDay} from '@site/src/components/PlanPage';
import type {PlanVariant} from '@site/plugins/plan-model/ids';
import {useStoredState, noteOf} from '@site/src/store';
import utilities from '@site/src/css/utilities.module.css';
import styles from './styles.module.css';

export {PRINT_DAY_ATTRIBUTE} from '@site/src/components/PlanPage';

/** More ruled lines than any page can hold: the print styles clip the ones that do not fit. */
const NOTE_LINES = Array.from({length: 30}, (_, index) => index);

/** "Week 09" for a weekly plan (where its file sits says which week); null for other plans. */
export function weekLabel(planId: string): string | null {
  const week = weekOfPlan(planId);
  return week === null ? null : translate({id: 'print.week', message: 'Week {week}'}, {week: String(week).padStart(2, '0')});
}

/**
 * "Print this day": prints one day of the plan on one sheet, with a small header naming the
 * plan, the week and the chosen 4h/6h plan, the day's notes as typed, and ruled lines for more notes
 * in whatever space is left. Item notes print under their items (ItemNote).
 * Header and lines exist only while that day prints (rendered synchronously before the print dialog opens); on
 * screen they are not displayed, so neither the layout nor screen readers meet them.
 */
export default function PrintDayButton({day, variant}: {day: string; variant?: PlanVariant}): ReactNode {
  const {planId, plan} = usePlanPage();
  const [printDay, setPrintDay] = usePrintDay();
  const current = printDay === day;
  const note = useStoredState((state) => noteOf(state.dayNotes, planId, day));

  const print = useCallback(() => {
    const done = () => {
      window.removeEventListener('afterprint', done);
      // Only undo our own request: another day's button may have taken over meanwhile.
      setPrintDay((printing) => (printing === day ? null : printing));
    };
    // Rendered now, not after this handler: the print dialog shows the page as it is when print() is called.
    flushSync(() => setPrintDay(day));
    window.addEventListener('afterprint', done);
    window.print();
  }, [day, setPrintDay]);

  const week = weekLabel(planId);
  return (
    <>
      <button
        type="button"
        className={utilities.actionButton}
        onClick={print}
        data-print="hide"
        aria-label={translate({id: 'print.day.button.label', message: 'Print this day (day {day})'}, {day})}>
        {translate({id: 'print.day.button', message: 'Print this day'})}
      </button>
      {/* Only in the day being printed: the sheet's header and ruled lines would be dozens of hidden elements per day. */}
      {current && (
        <div className={styles.printOnly} data-print-current="">
          <div className={styles.header}>
            <span>{plan.title}</span>
            {week && <span>{week}</span>}
            {plan.kind === 'weekly' && (
              <>
                {/* A followed plan (Today) has its own choice; on a plan page the site-wide one shows, by the page's CSS. */}
                {variant !== '6h' && (
                  <span className={variant ? undefined : utilities.only4h}>{translate({id: 'print.variant.4h', message: '4-hour plan'})}</span>
                )}
                {variant !== '4h' && (
                  <span className={variant ? undefined : utilities.only6h}>{translate({id: 'print.variant.6h', message: '6-hour plan'})}</span>
                )}
              </>
            )}
          </div>
          <div className={styles.notes}>
            <span className={styles.notesLabel}>{translate({id: 'print.notes', message: 'Notes'})}</span>
            {note && (
              <p className={styles.noteText} data-print-note>
                {note}
              </p>
            )}
            <span className={styles.notesLines}>
              {NOTE_LINES.map((line) => (
                <span key={line} className={styles.notesLine} />
              ))}
            </span>
          </div>
        </div>
      )}
    </>
  );
}
