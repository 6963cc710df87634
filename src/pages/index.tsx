import type {ReactNode} from 'react';
import Link from '@docusaurus/Link';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';
import Translate, {translate} from '@docusaurus/Translate';
import {formatRange} from '@site/plugins/plan-model/duration';
import {planMinutes, type IntensivePlanSummary, type WeeklyPlanSummary} from '@site/plugins/plan-data/data';
import ContinueCard, {planName} from '@site/src/components/ContinueCard';
import TodayCard from '@site/src/components/TodayCard';
import ReviewDue from '@site/src/components/ReviewDue';
import {intensivePlans, usePlanData, weeklyPlans} from '@site/src/hooks/usePlanData';
import {useAdoptMovedPlans} from '@site/src/hooks/useAdoptMovedPlans';
import styles from './index.module.css';

/** What one card on the home page shows; every field comes from the plan data. */
interface PlanCard {
  id: string;
  to: string;
  title: string;
  summary: string;
  /** A short line under the summary: the week's focus areas, or the intensive plan's length. */
  meta: string;
}

const pad = (week: number) => String(week).padStart(2, '0');

function weeklyCard(plan: WeeklyPlanSummary): PlanCard {
  return {id: plan.id, to: plan.permalink, title: planName(plan), summary: plan.summary, meta: plan.focus.join(' · ')};
}

function intensiveCard(plan: IntensivePlanSummary): PlanCard {
  const first = plan.days[0];
  const last = plan.days[plan.days.length - 1];
  return {
    id: plan.id,
    to: plan.permalink,
    title: plan.title,
    // Its days' titles are its table of contents; the first and the last say where it starts and ends.
    summary:
      first && last && first !== last
        ? translate({id: 'home.plan.intensive.summary', message: 'From {first} to {last}.'}, {first: first.title, last: last.title})
        : (first?.title ?? ''),
    meta: translate(
      {id: 'home.plan.intensive.meta', message: 'Intensive · {days} days · {time} planned'},
      {days: plan.days.length, time: formatRange(planMinutes(plan, '4h'))},
    ),
  };
}

const FEATURES: {title: string; text: string}[] = [
  {
    title: translate({id: 'home.feature.variant.title', message: '4 or 6 hours'}),
    text: translate({id: 'home.feature.variant.text', message: 'Pick how long you have today; every day shows the matching blocks and totals.'}),
  },
  {
    title: translate({id: 'home.feature.timer.title', message: 'Timed blocks'}),
    text: translate({id: 'home.feature.timer.text', message: 'Start a block, switch tabs, come back: the timer keeps wall-clock time and chimes when done.'}),
  },
  {
    title: translate({id: 'home.feature.print.title', message: 'Print a day'}),
    text: translate({id: 'home.feature.print.text', message: 'One day on one sheet, with tick boxes for your desk.'}),
  },
  {
    title: translate({id: 'home.feature.progress.title', message: 'Track progress'}),
    text: translate({id: 'home.feature.progress.text', message: 'Tick blocks off; your progress stays in this browser, never on a server.'}),
  },
];

/**
 * The front door: one click to the plans, and what the site does for you. The plan list and the
 * Start button come from the plan data, so a new week's file shows up here with no code change.
 */
export default function Home(): ReactNode {
  useAdoptMovedPlans();
  const {plans} = usePlanData();
  const weekly = weeklyPlans(plans);
  const cards = [...weekly.map(weeklyCard), ...intensivePlans(plans).map(intensiveCard)];
  // The first week present is where the guide starts for a newcomer.
  const start = weekly[0];
  return (
    <Layout
      title={translate({id: 'home.title', message: 'Go interview study plans'})}
      description={translate({id: 'home.description', message: 'Day-by-day Go interview study plans you can follow, time, print and track.'})}>
      <header className={styles.hero}>
        <div className="container">
          <Heading as="h1" className={styles.title}>
            <Translate id="home.heading">Go interview study plans, day by day</Translate>
          </Heading>
          <p className={styles.tagline}>
            <Translate id="home.tagline">
              Weekly Go Track plans from a 16-week guide and an intensive 14-day senior plan: timed blocks for a 4- or 6-hour day, ready to follow, print and
              tick off.
            </Translate>
          </p>
          <div className={styles.actions}>
            {start && (
              <Link className="button button--primary button--lg" to={start.permalink}>
                {translate({id: 'home.cta.start', message: 'Start with Week {week}'}, {week: pad(start.week)})}
              </Link>
            )}
            <Link className="button button--secondary button--lg" to="/roadmap/roadmap-16-weeks">
              <Translate id="home.cta.roadmap">See the 16-week roadmap</Translate>
            </Link>
          </div>
        </div>
      </header>
      <main className="container margin-vert--lg">
        <TodayCard />
        <ContinueCard />
        <ReviewDue />
        <section aria-labelledby="plans-heading">
          <Heading as="h2" id="plans-heading">
            <Translate id="home.plans">The plans</Translate>
          </Heading>
          <ul className={styles.cards}>
            {cards.map((card) => (
              <li key={card.id}>
                <Link to={card.to} className={styles.card}>
                  <span className={styles.cardTitle}>{card.title}</span>
                  {card.summary && <span className={styles.summary}>{card.summary}</span>}
                  {card.meta && <span className={styles.meta}>{card.meta}</span>}
                </Link>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="features-heading" className="margin-top--lg">
          <Heading as="h2" id="features-heading">
            <Translate id="home.features">Made for doing the work</Translate>
          </Heading>
          <ul className={styles.features}>
            {FEATURES.map((feature) => (
              <li key={feature.title}>
                <Heading as="h3" className={styles.featureTitle}>
                  {feature.title}
                </Heading>
                <p>{feature.text}</p>
              </li>
            ))}
          </ul>
        </section>
      </main>
    </Layout>
  );
}
