import type {ReactNode} from 'react';
import Link from '@docusaurus/Link';
import Translate from '@docusaurus/Translate';
import {usePlanPage} from '@site/src/components/PlanPage';
import CalendarExport from '@site/src/components/CalendarExport';
import FollowPlan from '@site/src/components/FollowPlan';
import PlanProgress from '@site/src/components/PlanProgress';
import DayProgress from '@site/src/components/DayProgress';
import styles from './styles.module.css';

/** "14 days at a glance": day, title and the first topics of each session, generated from the plan. */
export default function IntensiveOverview(): ReactNode {
  const {plan, planId} = usePlanPage();
  if (plan.kind !== 'intensive') return null;
  const focus = (day: (typeof plan.days)[number], name: 'morning' | 'evening') => {
    const session = day.sessions.find((candidate) => candidate.name === name);
    if (!session) return '—';
    const topics = session.topics.map((topic) => topic.title);
    return topics.length > 0 ? topics.join(' · ') : session.practice.length > 0 ? `Practice: ${session.practice.map((item) => item.text).join(' · ')}` : '—';
  };
  return (
    <div className={styles.overview}>
      <PlanProgress />
      <table>
        <thead>
          <tr>
            <th scope="col">
              <Translate id="plan.overview.day">Day</Translate>
            </th>
            <th scope="col">
              <Translate id="plan.overview.title">Title</Translate>
            </th>
            <th scope="col">
              <Translate id="plan.overview.morning">Morning focus</Translate>
            </th>
            <th scope="col">
              <Translate id="plan.overview.evening">Evening focus</Translate>
            </th>
            <th scope="col">
              <Translate id="plan.overview.done">Done</Translate>
            </th>
          </tr>
        </thead>
        <tbody>
          {plan.days.map((day) => (
            <tr key={day.number}>
              <td>
                <Link href={`#${day.anchor}`}>{day.number}</Link>
              </td>
              <td>{day.title}</td>
              <td>{focus(day, 'morning')}</td>
              <td>{focus(day, 'evening')}</td>
              <td>
                <DayProgress day={String(day.number)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <CalendarExport />
      <FollowPlan planId={planId} />
    </div>
  );
}
