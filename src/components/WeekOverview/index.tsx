import {createContext, useContext, type ReactNode} from 'react';
import CalendarExport from '@site/src/components/CalendarExport';
import PlanProgress from '@site/src/components/PlanProgress';
import FollowPlan from '@site/src/components/FollowPlan';
import {usePlanPage} from '@site/src/components/PlanPage';
import styles from './styles.module.css';

const InOverview = createContext(false);

/** True inside the overview table: day cells there also show that day's progress. */
export function useInWeekOverview(): boolean {
  return useContext(InOverview);
}

/** The week's overview table (from the Markdown, plus a planned-time column the remark plugin adds). */
export default function WeekOverview({children}: {children: ReactNode}): ReactNode {
  const {planId} = usePlanPage();
  return (
    <>
      <PlanProgress />
      <InOverview.Provider value>
        <div className={styles.overview}>{children}</div>
      </InOverview.Provider>
      <CalendarExport />
      <FollowPlan planId={planId} />
    </>
  );
}
