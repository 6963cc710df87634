import {useCallback, useSyncExternalStore, type ReactNode} from 'react';
import {flushSync} from 'react-dom';
import {translate} from '@docusaurus/Translate';
import {usePlanPage} from '@site/src/components/PlanPage';
import utilities from '@site/src/css/utilities.module.css';
import styles from './styles.module.css';

/**
 * Attribute on <html> naming the day being printed. While it is set, the print styles
 * show only that day's section (the one holding the marked print header).
 */
export const PRINT_DAY_ATTRIBUTE = 'data-print-day';

const listeners = new Set<() => void>();

function printingDay(): string | null {
  return document.documentElement.getAttribute(PRINT_DAY_ATTRIBUTE);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // Someone else (another tab's script, a test, an extension) may change the attribute too.
  const observer = new MutationObserver(listener);
  observer.observe(document.documentElement, {attributes: true, attributeFilter: [PRINT_DAY_ATTRIBUTE]});
  return () => {
    listeners.delete(listener);
    observer.disconnect();
  };
}

/** Sets or clears the printed day and re-renders every button at once, before the print dialog snapshots the page. */
function setPrintingDay(day: string | null): void {
  flushSync(() => {
    if (day === null) document.documentElement.removeAttribute(PRINT_DAY_ATTRIBUTE);
    else document.documentElement.setAttribute(PRINT_DAY_ATTRIBUTE, day);
    listeners.forEach((listener) => listener());
  });
}

/** More ruled lines than any page can hold: the print styles clip the ones that do not fit. */
const NOTE_LINES = Array.from({length: 30}, (_, index) => index);

/** "Week 09" from a weekly plan id such as `weeks/week-09/go`; null for other plans. */
export function weekLabel(planId: string): string | null {
  const match = /(?:^|\/)week-(\d+)(?:\/|$)/.exec(planId);
  return match ? translate({id: 'print.week', message: 'Week {week}'}, {week: match[1]!}) : null;
}

/**
 * "Print this day": prints one day of the plan on one sheet, with a small header naming the
 * plan, the week and the chosen 4h/6h plan, and ruled lines for notes in whatever space is left.
 * Header and lines exist only in that print; on screen they are not displayed, so neither the
 * layout nor screen readers meet them.
 */
export default function PrintDayButton({day}: {day: string}): ReactNode {
  const {planId, plan} = usePlanPage();
  const current = useSyncExternalStore(subscribe, printingDay, () => null) === day;

  const print = useCallback(() => {
    const done = () => {
      window.removeEventListener('afterprint', done);
      // Only undo our own request: another day's button may have taken over meanwhile.
      if (printingDay() === day) setPrintingDay(null);
    };
    setPrintingDay(day);
    window.addEventListener('afterprint', done);
    window.print();
  }, [day]);

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
      <div className={styles.printOnly} data-print-current={current ? '' : undefined}>
        <div className={styles.header}>
          <span>{plan.title}</span>
          {week && <span>{week}</span>}
          {plan.kind === 'weekly' && (
            <>
              <span className={styles.only4h}>{translate({id: 'print.variant.4h', message: '4-hour plan'})}</span>
              <span className={styles.only6h}>{translate({id: 'print.variant.6h', message: '6-hour plan'})}</span>
            </>
          )}
        </div>
        <div className={styles.notes}>
          <span className={styles.notesLabel}>{translate({id: 'print.notes', message: 'Notes'})}</span>
          {NOTE_LINES.map((line) => (
            <span key={line} className={styles.notesLine} />
          ))}
        </div>
      </div>
    </>
  );
}
