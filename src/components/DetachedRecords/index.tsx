import {useEffect, useId, useRef, useState, type ReactNode} from 'react';
import Heading from '@theme/Heading';
import {translate} from '@docusaurus/Translate';
import {planIdentities} from '@site/plugins/plan-model/identity';
import type {PagePlan} from '@site/plugins/plan-model/pagePlan';
import {planName} from '@site/src/components/ContinueCard';
import {planItems} from '@site/src/components/PlanPage';
import {usePlanData} from '@site/src/hooks/usePlanData';
import {usePlanModels} from '@site/src/hooks/usePlanModels';
import {updateState, useStoredState, type StoredState, type WriteOutcome, deleteDetached, reattach, type DetachedRecord} from '@site/src/store';
import styles from './styles.module.css';

const formatDate = (at: number): string => new Date(at).toLocaleDateString(undefined, {year: 'numeric', month: 'short', day: 'numeric'});

/** What one detached record holds, in words. */
function holds(record: DetachedRecord): string {
  return [
    record.tick !== null ? translate({id: 'detached.tick', message: 'ticked {date}'}, {date: formatDate(record.tick)}) : '',
    record.note !== null ? translate({id: 'detached.note', message: 'a note'}) : '',
    record.review !== null ? translate({id: 'detached.review', message: 'a review mark'}) : '',
    record.runs.length > 0 ? translate({id: 'detached.runs', message: 'time logged'}) : '',
  ]
    .filter(Boolean)
    .join(', ');
}

function Entry({
  record,
  plan,
  planTitle,
  onDone,
}: {
  record: DetachedRecord;
  plan: PagePlan | undefined;
  planTitle: string;
  onDone: (message: string) => void;
}): ReactNode {
  const selectId = useId();
  const items = plan ? planItems(plan) : [];
  // No item is chosen until the reader chooses one: a default would put the records on an item nobody picked.
  const [target, setTarget] = useState('');
  // Deleting cannot be undone, so it asks once more (as the list of plans no longer on the site does).
  const [confirming, setConfirming] = useState(false);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const cancelled = useRef(false);
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
    else if (cancelled.current) deleteButton.current?.focus();
  }, [confirming]);
  const chosen = plan && target !== '' ? planIdentities(plan).find((item) => item.id === target) : undefined;
  return (
    <li className={styles.record} data-detached-record={record.text}>
      <p className={styles.title}>
        <strong>{record.text}</strong> · {planTitle}
      </p>
      <p className={styles.meta}>
        {translate({id: 'detached.holds', message: 'Holds {what}; set aside {date}.'}, {what: holds(record), date: formatDate(record.detachedAt)})}
      </p>
      {record.note !== null && <p className={styles.note}>{record.note}</p>}
      <div className={styles.actions}>
        {plan && items.length > 0 && (
          <>
            <label htmlFor={selectId}>{translate({id: 'detached.reattachTo', message: 'Re-attach to'})}</label>
            <select id={selectId} className={styles.select} value={target} onChange={(event) => setTarget(event.target.value)}>
              <option value="">{translate({id: 'detached.choose', message: 'Choose an item…'})}</option>
              {items.map((item) => (
                <option key={item.id} value={item.id}>
                  {translate({id: 'detached.option', message: 'Day {day} · {label}'}, {day: item.day, label: item.label})}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="button button--sm button--primary"
              aria-label={translate({id: 'detached.reattach.label', message: 'Re-attach "{text}"'}, {text: record.text})}
              onClick={() => {
                if (!chosen) {
                  onDone(translate({id: 'detached.reattach.none', message: 'Choose the item to re-attach "{text}" to, then Re-attach.'}, {text: record.text}));
                  return;
                }
                let refused = false;
                const outcome = updateState((state: StoredState) => {
                  const next = reattach(state, record.key, chosen);
                  refused = next === state;
                  return next;
                });
                onDone(
                  refused
                    ? translate({id: 'detached.reattach.refused', message: 'Not re-attached: the two notes together would be longer than a note may be.'})
                    : withOutcome(translate({id: 'detached.reattach.done', message: 'Re-attached to "{item}".'}, {item: chosen.text}), outcome),
                );
              }}>
              {translate({id: 'detached.reattach', message: 'Re-attach'})}
            </button>
          </>
        )}
        {confirming ? (
          <>
            <button
              ref={confirmButton}
              type="button"
              className={`button button--sm button--danger ${styles.confirm}`}
              aria-label={translate({id: 'detached.delete.label', message: 'Delete for good: "{text}"'}, {text: record.text})}
              onClick={() => {
                const outcome = updateState((state: StoredState) => deleteDetached(state, record.key));
                onDone(withOutcome(translate({id: 'detached.delete.done', message: 'Deleted "{text}".'}, {text: record.text}), outcome));
              }}>
              {translate({id: 'detached.confirm', message: 'Delete for good'})}
            </button>
            <button
              type="button"
              className="button button--sm button--secondary"
              onClick={() => {
                cancelled.current = true;
                setConfirming(false);
              }}>
              {translate({id: 'detached.cancel', message: 'Cancel'})}
            </button>
          </>
        ) : (
          <button
            ref={deleteButton}
            type="button"
            className="button button--sm button--outline button--secondary"
            aria-label={translate({id: 'detached.delete.ask', message: 'Delete "{text}"'}, {text: record.text})}
            onClick={() => setConfirming(true)}>
            {translate({id: 'detached.delete', message: 'Delete'})}
          </button>
        )}
      </div>
    </li>
  );
}

const NONE: DetachedRecord[] = [];

/** A done message, with what happened when storage refused the change: the change lasts only for this visit then. */
function withOutcome(done: string, outcome: WriteOutcome): string {
  if (outcome === 'saved') return done;
  const problem =
    outcome === 'newer-version'
      ? translate({id: 'detached.newerVersion', message: 'Not saved: a newer version of this site stored your data in another tab; reload this page.'})
      : translate({id: 'detached.memoryOnly', message: 'Not saved: this browser did not let the site store it, so it lasts only until you close this tab.'});
  return `${done} ${problem}`;
}

/**
 * Records whose item a plan edit removed or rewrote: listed with the text they were made on, to re-attach to an item
 * of the plan or delete. `show` picks which (the notes page lists ticks, notes and time, the review page marks).
 */
export default function DetachedRecords({show}: {show: 'notes' | 'review'}): ReactNode {
  const headingId = useId();
  const detached = useStoredState((state) => (state.detached.length > 0 ? state.detached : NONE));
  const records = detached.filter((record) =>
    show === 'review' ? record.review !== null : record.tick !== null || record.note !== null || record.runs.length > 0,
  );
  const {plans} = usePlanData();
  const models = usePlanModels([...new Set(records.map((record) => record.planId))]);
  const [message, setMessage] = useState('');
  return (
    <section id="detached" aria-labelledby={headingId} className={styles.detached}>
      <p role="status" className={styles.status}>
        {message}
      </p>
      {records.length > 0 && (
        <>
          <Heading as="h2" id={headingId}>
            {translate({id: 'detached.title', message: 'From items no longer in their plan'})}
          </Heading>
          <p>
            {translate({
              id: 'detached.intro',
              message:
                'A plan was edited and these items were removed or rewritten, so what you kept on them is set aside here rather than shown on another item. Re-attach each to the item it belongs to now, or delete it.',
            })}
          </p>
          <ul className={styles.records}>
            {records.map((record) => {
              const summary = plans.find((plan) => plan.id === record.planId);
              return (
                <Entry
                  key={record.key}
                  record={record}
                  plan={models.get(record.planId)}
                  planTitle={summary ? planName(summary) : record.planId}
                  onDone={setMessage}
                />
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
