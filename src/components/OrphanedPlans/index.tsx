import {useEffect, useId, useRef, useState, type ReactNode} from 'react';
import Heading from '@theme/Heading';
import {translate} from '@docusaurus/Translate';
import {usePlanData} from '@site/src/hooks/usePlanData';
import {updateState, useStoredState, forgetPlan, orphanedPlans, type OrphanedPlan} from '@site/src/store';
import styles from './styles.module.css';

const count = (value: number, one: string, many: string): string => (value === 0 ? '' : value === 1 ? one : many.replace('{count}', String(value)));

/** What a plan no longer on the site holds, in words: "2 ticks, 1 note, time logged on 1 item". */
function holds(plan: OrphanedPlan): string {
  return [
    count(plan.ticks, translate({id: 'orphaned.tick', message: '1 tick'}), translate({id: 'orphaned.ticks', message: '{count} ticks'})),
    count(plan.notes, translate({id: 'orphaned.note', message: '1 note'}), translate({id: 'orphaned.notes', message: '{count} notes'})),
    count(plan.marks, translate({id: 'orphaned.mark', message: '1 review mark'}), translate({id: 'orphaned.marks', message: '{count} review marks'})),
    count(
      plan.logged,
      translate({id: 'orphaned.loggedOne', message: 'time logged on 1 item'}),
      translate({id: 'orphaned.logged', message: 'time logged on {count} items'}),
    ),
    count(
      plan.detached,
      translate({id: 'orphaned.detachedOne', message: '1 set-aside record'}),
      translate({id: 'orphaned.detached', message: '{count} set-aside records'}),
    ),
  ]
    .filter(Boolean)
    .join(', ');
}

function Entry({plan, onDeleted}: {plan: OrphanedPlan; onDeleted: (message: string) => void}): ReactNode {
  const [confirming, setConfirming] = useState(false);
  const confirmButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);
  return (
    <li className={styles.plan} data-orphaned-plan={plan.planId}>
      <p className={styles.title}>
        <code>{plan.planId}</code>: {holds(plan)}.
      </p>
      <div className={styles.actions}>
        {confirming ? (
          <>
            <button
              ref={confirmButton}
              type="button"
              className={`button button--sm button--danger ${styles.confirm}`}
              onClick={() => {
                updateState((state) => forgetPlan(state, plan.planId));
                onDeleted(translate({id: 'orphaned.deleted', message: 'Deleted what was kept for {plan}.'}, {plan: plan.planId}));
              }}>
              {translate({id: 'orphaned.confirm', message: 'Delete for good'})}
            </button>
            <button type="button" className="button button--sm button--secondary" onClick={() => setConfirming(false)}>
              {translate({id: 'orphaned.cancel', message: 'Cancel'})}
            </button>
          </>
        ) : (
          <button
            type="button"
            className="button button--sm button--outline button--secondary"
            aria-label={translate({id: 'orphaned.delete.label', message: 'Delete what is kept for {plan}'}, {plan: plan.planId})}
            onClick={() => setConfirming(true)}>
            {translate({id: 'orphaned.delete', message: 'Delete'})}
          </button>
        )}
      </div>
    </li>
  );
}

/**
 * Records kept under a plan id the site no longer has (a plan moved, renamed or removed, whose items no plan on the
 * site holds now, see plugins/plan-model/adoption.ts): named here so the reader knows they exist, with Delete. Nothing is guessed
 * onto another plan; the records return if the plan comes back.
 */
export default function OrphanedPlans(): ReactNode {
  const headingId = useId();
  const {plans} = usePlanData();
  const state = useStoredState((current) => current);
  const orphans = orphanedPlans(state, new Set(plans.map((plan) => plan.id)));
  const [message, setMessage] = useState('');
  return (
    <section aria-labelledby={orphans.length > 0 ? headingId : undefined} className={styles.orphaned}>
      <p role="status" className={styles.status}>
        {message}
      </p>
      {orphans.length > 0 && (
        <>
          <Heading as="h2" id={headingId}>
            {translate({id: 'orphaned.title', message: 'From plans no longer on this site'})}
          </Heading>
          <p>
            {translate({
              id: 'orphaned.intro',
              message:
                'These records were made on a plan that has since been moved, renamed or removed, and no plan on the site now holds its items, so they are kept here rather than put on another plan. They return if the plan comes back; delete them when you no longer need them.',
            })}
          </p>
          <ul className={styles.plans}>
            {orphans.map((plan) => (
              <Entry key={plan.planId} plan={plan} onDeleted={setMessage} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
