import {useMemo, type ReactNode} from 'react';
import {translate} from '@docusaurus/Translate';
import {usePlanPage, type PageDay} from '@site/src/components/PlanPage';
import {dayItemIds} from '@site/src/components/DayProgress';
import ProgressBar, {VariantProgressBar} from '@site/src/components/ProgressBar';
import ProgressTools from '@site/src/components/ProgressTools';
import {useTickedCount} from '@site/src/hooks/useProgress';
import styles from './styles.module.css';

/** The whole plan's progress (for a weekly plan, in the chosen variant) and the progress tools. */
export default function PlanProgress(): ReactNode {
  const {planId, plan} = usePlanPage();
  const {ids4h, ids6h} = useMemo(() => {
    const perDay = (plan.days as PageDay[]).map(dayItemIds);
    return {ids4h: perDay.flatMap((day) => day.ids4h), ids6h: perDay.flatMap((day) => day.ids6h)};
  }, [plan]);
  const done4h = useTickedCount(planId, ids4h);
  const done6h = useTickedCount(planId, ids6h);
  const weekly = plan.kind === 'weekly';
  const label = weekly ? translate({id: 'progress.week.label', message: 'This week'}) : translate({id: 'progress.plan.label', message: 'This plan'});
  return (
    <div className={styles.planProgress} data-plan-progress>
      <div className={styles.summary}>
        <span className={styles.label}>{label}</span>
        {weekly ? (
          <VariantProgressBar done4h={done4h} total4h={ids4h.length} done6h={done6h} total6h={ids6h.length} label={label} size="large" />
        ) : (
          <ProgressBar done={done4h} total={ids4h.length} label={label} size="large" />
        )}
      </div>
      <ProgressTools planId={planId} scope={weekly ? 'week' : 'plan'} />
    </div>
  );
}
