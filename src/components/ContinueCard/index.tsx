import type {ReactNode} from 'react';
import Link from '@docusaurus/Link';
import Heading from '@theme/Heading';
import Translate, {translate} from '@docusaurus/Translate';
import {useStoredState} from '@site/src/store';
import type {PlanSummary} from '@site/plugins/plan-data/data';
import {usePlanData} from '@site/src/hooks/usePlanData';
import styles from './styles.module.css';

/** How the card names a plan: "Week 13 · Go" or the intensive plan's title. */
export function planName(plan: PlanSummary): string {
  return plan.kind === 'weekly' ? `Week ${String(plan.week).padStart(2, '0')} · ${plan.trackLabel}` : plan.title;
}

/**
 * "Continue where you left off": the plan and day last read or ticked in this browser.
 * Renders nothing on the server and for a first-time reader, so hydration always matches.
 */
export default function ContinueCard(): ReactNode {
  const lastVisit = useStoredState((state) => state.lastVisit);
  const {plans} = usePlanData();
  const plan = lastVisit ? plans.find((candidate) => candidate.id === lastVisit.planId) : undefined;
  const day = plan?.days.find((candidate) => candidate.number === lastVisit?.day) ?? plan?.days[0];
  if (!plan || !day) return null;
  const target = `${plan.permalink}#${day.anchor}`;
  return (
    <section className={styles.card} aria-labelledby="continue-heading" data-continue>
      <Heading as="h2" id="continue-heading" className={styles.heading}>
        <Translate id="home.continue.heading">Continue where you left off</Translate>
      </Heading>
      <p className={styles.where}>
        <span className={styles.plan}>{planName(plan)}</span>
        <span>{translate({id: 'home.continue.day', message: 'Day {day} – {title}'}, {day: day.number, title: day.title})}</span>
      </p>
      <Link className="button button--primary" to={target}>
        {translate({id: 'home.continue.cta', message: 'Continue with day {day}'}, {day: day.number})}
      </Link>
    </section>
  );
}
