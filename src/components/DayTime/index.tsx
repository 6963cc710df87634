import type {ReactNode} from 'react';
import {translate} from '@docusaurus/Translate';
import {formatRange} from '@site/plugins/plan-model/duration';
import {dayMinutes, useDay} from '@site/src/components/PlanPage';
import DayProgress from '@site/src/components/DayProgress';
import {useInWeekOverview} from '@site/src/components/WeekOverview';
import utilities from '@site/src/css/utilities.module.css';
import styles from './styles.module.css';

/**
 * Planned time of a weekly day for both variants. Both are in the HTML; CSS shows the
 * chosen one (and both, labelled, when JavaScript is off), so there is no flash or mismatch. No box of their own: they
 * sit in the caller's (the toolbar's "Planned", an overview table's cell), one per day twice on a page.
 */
export default function DayTime({day}: {day: string}): ReactNode {
  const found = useDay(Number(day));
  const inOverview = useInWeekOverview();
  if (!found || !('blocks' in found)) return null;
  return (
    <>
      {/* The variant's name is drawn from data-variant-name (styles.module.css): one element per time, not two. */}
      <span className={`${utilities.only4h} ${styles.time}`} data-variant-name={translate({id: 'plan.time.4h', message: '4 h plan: '})}>
        {formatRange(dayMinutes(found, '4h'))}
      </span>
      <span className={`${utilities.only6h} ${styles.time}`} data-variant-name={translate({id: 'plan.time.6h', message: '6 h plan: '})}>
        {formatRange(dayMinutes(found, '6h'))}
      </span>
      {inOverview && <DayProgress day={day} />}
    </>
  );
}
