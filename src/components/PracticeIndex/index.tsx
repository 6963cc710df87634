import type {ReactNode} from 'react';
import Link from '@docusaurus/Link';
import Translate from '@docusaurus/Translate';
import type {IntensivePlanSummary, WeeklyPlanSummary} from '@site/plugins/plan-data/data';
import {usePlanData} from '@site/src/hooks/usePlanData';
import styles from './styles.module.css';

const pad = (week: number) => String(week).padStart(2, '0');

/**
 * Every machine coding problem the plans practise, generated from the plans themselves:
 * the build and mock days of machine coding weeks, and each practice item of the intensive plans.
 * A new week or plan appears here without editing this page.
 */
export default function PracticeIndex({source}: {source: 'weeks' | 'intensive'}): ReactNode {
  const {plans} = usePlanData();
  if (source === 'weeks') {
    const rows = plans
      .filter((plan): plan is WeeklyPlanSummary => plan.kind === 'weekly')
      .sort((a, b) => a.week - b.week || a.track.localeCompare(b.track))
      .flatMap((plan) => plan.days.filter((day) => day.machineCoding).map((day) => ({plan, day})));
    return (
      <ul className={styles.index} data-practice-index="weeks">
        {rows.map(({plan, day}) => (
          <li key={`${plan.id}#${day.anchor}`}>
            <Link to={`${plan.permalink}#${day.anchor}`}>
              Week {pad(plan.week)} · {plan.trackLabel} · Day {day.number} – {day.title}
            </Link>
          </li>
        ))}
      </ul>
    );
  }
  const intensive = plans.filter((plan): plan is IntensivePlanSummary => plan.kind === 'intensive');
  return (
    <div className={styles.index} data-practice-index="intensive">
      {intensive.map((plan) => (
        <table key={plan.id}>
          <thead>
            <tr>
              <th scope="col">
                <Translate id="practiceIndex.day">Day</Translate>
              </th>
              <th scope="col">
                <Translate id="practiceIndex.practice">Practice</Translate>
              </th>
            </tr>
          </thead>
          <tbody>
            {plan.days
              .filter((day) => day.practice.length > 0)
              .map((day) => (
                <tr key={day.number}>
                  <td>
                    <Link to={`${plan.permalink}#${day.anchor}`}>
                      Day {day.number} – {day.title}
                    </Link>
                  </td>
                  <td>
                    <ul className={styles.practice}>
                      {day.practice.map((item) => (
                        <li key={item.id}>
                          <Link to={`${plan.permalink}#${item.anchor}`}>{item.text}</Link>
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      ))}
    </div>
  );
}
