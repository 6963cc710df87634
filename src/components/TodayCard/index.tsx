import type {ReactNode} from 'react';
import Link from '@docusaurus/Link';
import Heading from '@theme/Heading';
import Translate, {translate} from '@docusaurus/Translate';
import {planName} from '@site/src/components/ContinueCard';
import {useFollows} from '@site/src/hooks/useFollows';
import {usePlanData} from '@site/src/hooks/usePlanData';
import {useToday} from '@site/src/hooks/useToday';
import {useVariant} from '@site/src/hooks/useVariant';
import {followStatus, scheduleDays} from '@site/src/schedule';
import {useStoredState} from '@site/src/store';
import styles from './styles.module.css';

/**
 * "Today" at the top of the home page: one line per followed plan (today's day, what is overdue)
 * and a link to the Today page. Nothing on the server or for a reader who follows no plan.
 */
export default function TodayCard(): ReactNode {
  const follows = useFollows();
  const today = useToday();
  const {plans} = usePlanData();
  const [siteVariant] = useVariant();
  const ticks = useStoredState((state) => state.progress);
  if (today === null || follows.length === 0) return null;
  return (
    <section className={styles.card} aria-labelledby="today-card-heading" data-today-card>
      <Heading as="h2" id="today-card-heading" className={styles.heading}>
        <Translate id="home.today.heading">Today</Translate>
      </Heading>
      <ul className={styles.list}>
        {follows.map((follow) => {
          const status = followStatus(follow, scheduleDays(follow, plans, follow.variant ?? siteVariant), ticks, today);
          const first = plans.find((plan) => plan.id === follow.planIds[0]);
          const name = first ? planName(first) : follow.planIds[0];
          const overdue = status.overdue.reduce((sum, entry) => sum + entry.itemIds.length, 0);
          const what =
            status.phase === 'before'
              ? translate({id: 'home.today.before', message: 'starts in {days} days'}, {days: status.startsInDays})
              : status.phase === 'after'
                ? translate({id: 'home.today.after', message: 'finished: {done} of {total} items done'}, {done: status.itemsDone, total: status.itemsTotal})
                : status.today.length > 0
                  ? status.today.map((day) => translate({id: 'home.today.day', message: 'Day {day}: {title}'}, {day: day.day, title: day.title})).join('; ')
                  : translate({id: 'home.today.rest', message: 'a rest day'});
          return (
            <li key={follow.id}>
              <span className={styles.plan}>{name}</span> — {what}
              {overdue > 0 && <> · {translate({id: 'home.today.overdue', message: '{count} items overdue'}, {count: overdue})}</>}
            </li>
          );
        })}
      </ul>
      <Link className="button button--primary" to="/today">
        <Translate id="home.today.cta">Open Today</Translate>
      </Link>
    </section>
  );
}
