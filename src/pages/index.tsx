import type {ReactNode} from 'react';
import Link from '@docusaurus/Link';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';
import Translate, {translate} from '@docusaurus/Translate';
import ContinueCard from '@site/src/components/ContinueCard';
import styles from './index.module.css';

interface PlanCard {
  to: string;
  eyebrow: string;
  title: string;
  summary: string;
}

const PLANS: PlanCard[] = [
  {
    to: '/weeks/week-09/go',
    eyebrow: 'Week 09 · Go',
    title: 'System design foundations',
    summary: 'Interview framework, scalable REST APIs, API gateway, note-taking backend, URL shortener.',
  },
  {
    to: '/weeks/week-10/go',
    eyebrow: 'Week 10 · Go',
    title: 'Real-world systems',
    summary: 'Uber/Swiggy-like system, notification system, consistency trade-offs.',
  },
  {to: '/weeks/week-11/go', eyebrow: 'Week 11 · Go', title: 'Services and LLD', summary: 'Rate limiter, auth, file storage, log pipeline, LLD patterns.'},
  {
    to: '/weeks/week-13/go',
    eyebrow: 'Week 13 · Go',
    title: 'Machine coding',
    summary: 'In-memory DB, pub/sub, notification service, URL shortener or task scheduler.',
  },
  {
    to: '/intensive/senior-go-14-days',
    eyebrow: 'Intensive · 14 days',
    title: 'Senior Go engineer plan',
    summary: 'Morning (6 h) and Evening (8 h) sessions: Go internals to Kubernetes, queues and interviews.',
  },
];

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

/** The front door: one click to the plans, and what the site does for you. */
export default function Home(): ReactNode {
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
            <Link className="button button--primary button--lg" to="/weeks/week-09/go">
              <Translate id="home.cta.start">Start with Week 09</Translate>
            </Link>
            <Link className="button button--secondary button--lg" to="/roadmap/roadmap-16-weeks">
              <Translate id="home.cta.roadmap">See the 16-week roadmap</Translate>
            </Link>
          </div>
        </div>
      </header>
      <main className="container margin-vert--lg">
        <ContinueCard />
        <section aria-labelledby="plans-heading">
          <Heading as="h2" id="plans-heading">
            <Translate id="home.plans">The plans</Translate>
          </Heading>
          <ul className={styles.cards}>
            {PLANS.map((plan) => (
              <li key={plan.to}>
                <Link to={plan.to} className={styles.card}>
                  <span className={styles.eyebrow}>{plan.eyebrow}</span>
                  <span className={styles.cardTitle}>{plan.title}</span>
                  <span className={styles.summary}>{plan.summary}</span>
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
