import type {ReactNode} from 'react';
import CalendarExport from '@site/src/components/CalendarExport';
import styles from './styles.module.css';

/** The week's overview table (from the Markdown, plus a planned-time column the remark plugin adds). */
export default function WeekOverview({children}: {children: ReactNode}): ReactNode {
  return (
    <>
      <div className={styles.overview}>{children}</div>
      <CalendarExport />
    </>
  );
}
