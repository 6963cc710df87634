import type {ReactNode} from 'react';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';
import Link from '@docusaurus/Link';
import Translate, {translate} from '@docusaurus/Translate';
import {useFollows} from '@site/src/hooks/useFollows';
import {useAdoptMovedPlans} from '@site/src/hooks/useAdoptMovedPlans';
import {useToday} from '@site/src/hooks/useToday';
import FollowedToday from './FollowedToday';
import TimeSpent from './TimeSpent';
import {usePlanData} from '@site/src/hooks/usePlanData';
import {useVariant} from '@site/src/hooks/useVariant';
import styles from './styles.module.css';

/** The `/today` page (src/pages/today.tsx): for each followed plan, today's day and what is overdue. */
export default function TodayPage(): ReactNode {
  useAdoptMovedPlans();
  const follows = useFollows();
  const today = useToday();
  const {plans} = usePlanData();
  const [siteVariant] = useVariant();
  return (
    <Layout
      title={translate({id: 'today.title', message: 'Today'})}
      description={translate({id: 'today.description', message: 'Today’s day of every plan you follow, what is overdue, and where your time went.'})}>
      <main className="container margin-vert--lg">
        <Heading as="h1">
          <Translate id="today.heading">Today</Translate>
        </Heading>
        {today !== null && follows.length === 0 && (
          <p className={styles.empty}>
            <Translate id="today.empty">
              You follow no plan yet. Open a weekly plan, the 14-day plan or the roadmap and choose “Follow this plan”: its days then appear here, one a day,
              from the start date you pick.
            </Translate>{' '}
            <Link to="/roadmap/roadmap-16-weeks">
              <Translate id="today.empty.roadmap">Open the roadmap</Translate>
            </Link>
          </p>
        )}
        {today !== null && follows.map((follow) => <FollowedToday key={follow.id} follow={follow} today={today} />)}
        {today !== null && follows.length > 0 && <TimeSpent today={today} follows={follows} plans={plans} siteVariant={siteVariant} />}
      </main>
    </Layout>
  );
}
